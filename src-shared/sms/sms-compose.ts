/** What the composer's SMS mode needs to know before a text is written: where it goes and what it costs. */
export interface SmsComposeStatus {
  /** The customer's number (E.164), or null when they have none that can receive texts. */
  to: string | null;
  /** The workspace's Twilio number, once sync-server has one. */
  from: string | null;
  pricePerSegment: number | null;
  /** Why a text cannot be sent from here (no number, no Twilio, opted out); null when it can. */
  unavailable: string | null;
}
