import { ApiError } from '../../../src-shared/api/result';
import type { SessionInfo } from '../../../src-shared/api/requests';
import { getContact } from '../contacts/contact-repo';
import { mergeContacts, undoMerge } from '../contacts/merge-contacts';
import type { ConversationRollup } from '../conversations/conversation-rollup';
import type { InboxQueries } from '../conversations/inbox-queries';
import { threadEntries } from '../entries/entry-repo';
import type { BlobStore } from '../blobs/blob-store';
import { createEmailDisplayHandlers } from '../email-display/email-display-handlers';
import { createEmailAccountHandlers } from '../email-account/email-account-handlers';
import type { EmailAccountService } from '../email-account/email-account-service';
import { addNote } from '../notes/add-note';
import { editNote } from '../notes/edit-note';
import { createCallActions } from '../calls/call-actions';
import { entryRevisions } from '../entry-changes/entry-revisions';
import { createOutboxHandlers } from '../outbox/outbox-handlers';
import { withOutboxStatus } from '../outbox/outbox-status';
import type { ClaimActions } from '../claims/claim-actions';
import type { createSearch } from '../search/search';
import type { Store } from '../store/open-store';
import { createWhatsAppHandlers } from '../whatsapp/whatsapp-handlers';
import type { WhatsAppService } from '../whatsapp/whatsapp-service';
import type { createTeamHandlers } from '../team/team-handlers';
import type { createSmsHandlers } from '../sms/sms-handlers';
import type { Handlers } from './dispatch';
import { sharedTimelineOf } from '../sync/shared-timeline';
import { lastCustomerVisibleAt } from '../conversations/last-customer-visible';

export interface HandlerDeps {
  store: Store;
  claims: ClaimActions;
  session: SessionInfo;
  inbox: InboxQueries;
  rollup: ConversationRollup;
  search: ReturnType<typeof createSearch>;
  /** Tells open screens which conversations to refetch. */
  changed: (conversationIds: string[]) => void;
  blobs: BlobStore;
  emailAccount: EmailAccountService;
  whatsapp: WhatsAppService;
  team: ReturnType<typeof createTeamHandlers>;
  sms: ReturnType<typeof createSmsHandlers>;
}

export function createHandlers({ store, session, inbox, rollup, search, changed, claims, blobs, emailAccount, whatsapp, team, sms }: HandlerDeps): Handlers {
  const workspaceId = session.workspace.id;
  const existing = (conversationId: string) => {
    if (!inbox.summary(conversationId)) throw new ApiError('not_found', 'That conversation does not exist.');
    return conversationId;
  };
  const outbox = createOutboxHandlers(store, rollup, session.me, changed, () => { emailAccount.wake(); whatsapp.wake(); }, blobs);
  const calls = createCallActions(store, rollup, workspaceId, session.me);
  const announce = (result: { conversationIds: string[] }) => {
    changed(result.conversationIds);
    return result;
  };
  const outcome = ({ ownerId, pending }: { ownerId: string | null; pending: unknown[] }) => ({ ownerId, pending: pending.length > 0 });

  return {
    'session.get': () => session,
    ...createEmailAccountHandlers(emailAccount),
    ...createWhatsAppHandlers(whatsapp, session.me),
    ...team,
    ...sms.handlers,
    'conversations.list': ({ filter, limit, before }) => inbox.list(workspaceId, session.me.id, filter, limit, before),
    'conversations.get': ({ conversationId }) => {
      const conversation = inbox.summary(conversationId);
      if (!conversation) throw new ApiError('not_found', 'That conversation does not exist.');
      const contact = getContact(store, conversation.contactId);
      if (!contact) throw new ApiError('not_found', 'That contact does not exist.');
      return { conversation, contact, entries: sms.withStatus(withOutboxStatus(store.db, workspaceId, threadEntries(store.db, conversationId))), claim: claims.view(conversationId) };
    },
    'conversations.markRead': ({ conversationId, upTo }) => {
      const unreadCount = store.sqlite.transaction(() => {
        const unread = rollup.markRead(conversationId, upTo);
        if (unread !== null) sharedTimelineOf(store.sqlite)?.markRead(conversationId, upTo);
        return unread;
      })();
      if (unreadCount === null) throw new ApiError('not_found', 'That conversation does not exist.');
      changed([conversationId]);
      return { unreadCount };
    },
    'calls.resolve': ({ entryId }) => announce(calls.resolve(entryId)),
    'calls.move': ({ entryId, toContactId, reason }) => announce(calls.move(entryId, toContactId, reason || null)),
    'notes.edit': (input) => {
      const entry = editNote(store, rollup, workspaceId, session.me.id, input);
      changed([entry.conversationId]);
      return entry;
    },
    'entries.revisions': ({ entryId }) => entryRevisions(store.sqlite, entryId),
    'conversations.dismissNeedsResponse': ({ conversationId }) => {
      existing(conversationId);
      store.sqlite.transaction(() => {
        const upTo = lastCustomerVisibleAt(store, conversationId);
        if (upTo !== null && rollup.dismissNeedsResponse(conversationId, upTo)) sharedTimelineOf(store.sqlite)?.dismissNeedsResponse(conversationId, upTo);
      })();
      changed([conversationId]);
      return { needsResponse: inbox.summary(conversationId)?.needsResponse ?? false };
    },
    'conversations.claim': ({ conversationId }) => outcome(claims.claim(existing(conversationId))),
    'conversations.release': ({ conversationId }) => outcome(claims.release(existing(conversationId))),
    'conversations.assign': ({ conversationId, assigneeId }) => outcome(claims.assign(existing(conversationId), assigneeId)),
    'notes.add': (input) => {
      const entry = addNote(store, rollup, session.me.id, input);
      changed([entry.conversationId]);
      return entry;
    },
    ...outbox,
    ...sms.routeOutbox(outbox),
    'search.query': ({ query, limit }) => search(workspaceId, query, limit),
    ...createEmailDisplayHandlers(store.sqlite, blobs, workspaceId),
    'contacts.merge': ({ survivorId, mergedId }) => {
      const { mergeId, conversationIds } = mergeContacts(store.db, rollup, survivorId, mergedId);
      changed(conversationIds);
      return { mergeId };
    },
    'contacts.undoMerge': ({ mergeId }) => {
      const { survivorId, restoredId, conversationIds } = undoMerge(store.db, rollup, mergeId);
      changed(conversationIds);
      return { survivorId, restoredId };
    },
  };
}
