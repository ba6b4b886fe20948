/**
 * WhatsApp groups and broadcasts in the "Other" view, paged like other mail (newest first, a cursor
 * of the last row's time and id): kept and searchable, never a customer conversation.
 */
export interface OtherWhatsAppRow {
  id: string;
  chatJid: string;
  /** `me` for this business. */
  senderJid: string;
  senderName: string | null;
  senderPhone: string | null;
  direction: 'inbound' | 'outbound';
  occurredAt: number;
  /** The start of the text, or, when searching, the matching text with matches marked by [[ and ]]. */
  snippet: string;
}

export interface OtherWhatsAppPage {
  rows: OtherWhatsAppRow[];
  nextCursor: { occurredAt: number; id: string } | null;
}
