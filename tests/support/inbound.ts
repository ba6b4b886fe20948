import type { NormalizedInbound } from '../../src-shared/domain/inbound';
import type { IdentityKey } from '../../src-shared/identity/resolve';

let counter = 0;

/** A customer message as a channel adapter would hand it to ingest; override what a test cares about. */
export function inboundMessage(identities: IdentityKey[], overrides: Partial<NormalizedInbound> = {}): NormalizedInbound {
  counter += 1;
  return {
    id: `sms:SMtest${counter}`,
    channel: 'sms',
    kind: 'message',
    direction: 'inbound',
    customer: { identities, displayName: null },
    subject: null,
    body: `message ${counter}`,
    occurredAt: 1_790_000_000_000 + counter * 1000,
    deliveryStatus: 'received',
    attachments: [],
    call: null,
    ...overrides,
  };
}
