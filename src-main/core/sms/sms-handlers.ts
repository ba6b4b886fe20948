import { ApiError } from '../../../src-shared/api/result';
import type { SessionInfo } from '../../../src-shared/api/requests';
import { sendsNeedApproval } from '../../../src-shared/domain/permissions';
import type { TimelineEntry } from '../../../src-shared/domain/timeline';
import { formatPhoneForDisplay } from '../../../src-shared/identity/phone';
import type { SmsComposeStatus } from '../../../src-shared/sms/sms-compose';
import { addOutboxItem, outboundSmsEntryId, outboxItemsOf } from '../../../src-shared/sync/outbox-doc';
import { monthOf } from '../../../src-shared/sync/timeline-doc';
import { consentOf, smsSettingsOf } from '../../../src-shared/sync/twilio-workspace-doc';
import { getContact } from '../contacts/contact-repo';
import type { ConversationRollup } from '../conversations/conversation-rollup';
import { openConversationFor } from '../conversations/open-conversation';
import { getEntry, insertEntry } from '../entries/entry-repo';
import type { Store } from '../store/open-store';
import type { SharedDocs } from '../sync/shared-docs';
import { LOCAL_WRITE, sharedTimelineOf } from '../sync/shared-timeline';
import { recordOf } from '../sync/timeline-record';
import type { Handlers } from '../api/dispatch';
import { createSmsOutbox } from './sms-outbox';

type OutboxDecisions = Pick<Handlers, 'outbox.retry' | 'outbox.resolve' | 'outbox.approve'>;

export interface SmsDeps {
  store: Store;
  rollup: ConversationRollup;
  session: SessionInfo;
  /** The workspace's shared documents: the Twilio number, consent and the outbox live there. */
  docs: SharedDocs;
  changed: (conversationIds: string[]) => void;
}

/**
 * The PC side of SMS: the composer asks where a text would go, and queues it in the shared outbox,
 * which sync-server drains through Twilio (this PC never holds Twilio credentials). A number that
 * replied STOP is refused here, before anything is queued.
 */
export function createSmsHandlers({ store, rollup, session, docs, changed }: SmsDeps) {
  const smsOutbox = createSmsOutbox(store, docs, session.me, changed);
  const status = (conversationId: string): SmsComposeStatus => {
    const { contactId } = openConversationFor(store.db, conversationId, 'no text can be written');
    const phone = getContact(store, contactId)?.identities.find((i) => i.kind === 'phone' && i.valid)?.value ?? null;
    const settings = smsSettingsOf(docs.workspace);
    const consent = phone ? consentOf(docs.workspace, phone) : null;
    let unavailable: string | null = null;
    if (!phone) unavailable = 'This customer has no mobile number to text.';
    else if (!settings) unavailable = 'Texting needs the team’s sync-server with a Twilio number (switchboard-sync workspace set-twilio).';
    else if (consent?.optedOut) {
      const when = new Date(consent.changedAt).toLocaleDateString('en-US', { dateStyle: 'medium' });
      unavailable = `${formatPhoneForDisplay(phone)} replied ${consent.keyword ?? 'STOP'} on ${when} and opted out of texts. They must text START before you can message them.`;
    }
    return { to: phone, from: settings?.number ?? null, pricePerSegment: settings?.pricePerSegment ?? null, unavailable };
  };

  const handlers = {
    'sms.status': ({ conversationId }: { conversationId: string }) => status(conversationId),
    'sms.send': (input: { conversationId: string; clientId: string; body: string }): TimelineEntry => {
      const entryId = outboundSmsEntryId(input.clientId);
      const outbox = docs.outbox();
      if (outboxItemsOf(outbox).has(input.clientId)) {
        const existing = getEntry(store.db, entryId);
        if (existing) return smsOutbox.withStatus([existing])[0] ?? existing;
      }
      const check = status(input.conversationId);
      if (check.unavailable || !check.to) throw new ApiError('conflict', `Not sent: ${check.unavailable ?? 'no number to text'}`);
      const to = check.to;
      const entry = store.db.transaction(() => {
        const { workspaceId, contactId } = openConversationFor(store.db, input.conversationId, 'the text was not sent');
        const now = Date.now();
        const initial = sendsNeedApproval(session.me.role) ? 'pending_approval' : 'queued';
        insertEntry(store.db, {
          id: entryId,
          workspaceId,
          conversationId: input.conversationId,
          originContactId: contactId,
          kind: 'message',
          channel: 'sms',
          direction: 'outbound',
          authorMemberId: session.me.id,
          subject: null,
          body: input.body,
          occurredAt: now,
          deliveryStatus: initial,
          attachments: [],
        });
        const saved = getEntry(store.db, entryId);
        if (!saved) throw new Error(`SMS entry ${entryId} vanished after insert`);
        rollup.applyEntry(saved);
        sharedTimelineOf(store.sqlite)?.putEntries([{ ...recordOf(saved), contactId }]);
        outbox.transact(() => {
          addOutboxItem(
            outbox,
            {
              id: input.clientId,
              channel: 'sms',
              conversationId: input.conversationId,
              contactId,
              entryId,
              entryMonth: monthOf(now),
              to,
              body: input.body,
              media: [],
              authorMemberId: session.me.id,
              createdAt: now,
            },
            initial,
          );
        }, LOCAL_WRITE);
        return saved;
      });
      changed([entry.conversationId]);
      return smsOutbox.withStatus([entry])[0] ?? entry;
    },
  };

  return {
    handlers,
    /** Entries of texts we send, with their outbox state and the server's reason when one failed. */
    withStatus: smsOutbox.withStatus,
    /** The outbox decisions, taken on the shared outbox for texts and on this PC's outbox for the rest. */
    routeOutbox(local: OutboxDecisions): OutboxDecisions {
      return {
        'outbox.retry': (input) => (smsOutbox.owns(input.itemId) ? smsOutbox.retry(input.itemId) : local['outbox.retry'](input)),
        'outbox.resolve': (input) => (smsOutbox.owns(input.itemId) ? smsOutbox.resolve(input.itemId, input.outcome) : local['outbox.resolve'](input)),
        'outbox.approve': (input) => (smsOutbox.owns(input.itemId) ? smsOutbox.approve(input.itemId) : local['outbox.approve'](input)),
      };
    },
  };
}