import type { IdentityKey } from '../identity/resolve';
import type { EmailEntryDetails } from './email-entry';
import type { AttachmentMeta, CallDetails, Channel, DeliveryStatus, Direction } from './timeline';

/**
 * What every channel adapter emits: one customer-visible entry, already normalized. `id` is the stable
 * id of DESIGN.md, so the same message ingested twice is a no-op.
 */
export interface NormalizedInbound {
  id: string;
  channel: Exclude<Channel, 'internal'>;
  kind: 'message' | 'call';
  direction: Direction;
  /** The customer's identities, the one the message came through first. */
  customer: { identities: IdentityKey[]; displayName: string | null };
  subject: string | null;
  body: string;
  occurredAt: number;
  deliveryStatus: DeliveryStatus;
  attachments: AttachmentMeta[];
  call: CallDetails | null;
  /** An automatic answer from the customer (see TimelineEntry.autoReply). */
  autoReply?: true;
  /** For an email: what showing it needs besides its text. */
  email?: EmailEntryDetails;
}
