/** A person's reaction to a message: WhatsApp allows one per person, and an empty emoji takes it back. */
export interface EntryReaction {
  /** `me` for this business, else the reactor's address. */
  by: string;
  emoji: string;
  at: number;
}
