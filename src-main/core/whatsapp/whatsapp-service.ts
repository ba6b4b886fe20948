import { ApiError } from '../../../src-shared/api/result';
import type { AttachmentMeta } from '../../../src-shared/domain/timeline';
import type { Member } from '../../../src-shared/domain/workspace';
import { createBlobStore } from '../blobs/blob-store';
import type { WhatsAppLink } from '../../../src-shared/domain/whatsapp-link';
import { createChannelSlot } from '../channels/channel-slot';
import { createConversationRollup } from '../conversations/conversation-rollup';
import { SecretStoreError, type SecretStore } from '../secrets/secret-store';
import type { Store } from '../store/open-store';
import { createWhatsAppAuthStore, openWhatsAppAuthCipher, type WhatsAppAuthStore } from './whatsapp-auth-store';
import type { WhatsAppChannelHooks, WhatsAppRunningChannel } from './whatsapp-channel-deps';
import { createWhatsAppSink } from './whatsapp-sink';
import { createEntryChanges } from '../entry-changes/apply-entry-changes';
import { createQueueWhatsApp, type WhatsAppSendInput } from './queue-whatsapp';
import { createOtherWhatsAppSearch } from './other-whatsapp-search';

export interface WhatsAppServiceDeps {
  store: Store;
  /** Where files sent and received are kept (the blob store). */
  dataDir: string;
  workspaceId: string;
  secrets: SecretStore;
  /** Absent where no channel may run (tests of the core alone, PCs that are not the channel host). */
  hooks: WhatsAppChannelHooks | undefined;
  onChanged: (conversationIds: string[]) => void;
  onLink: (link: WhatsAppLink) => void;
}

/**
 * Settings → WhatsApp, and the live channel that follows it: linking starts the socket (which shows
 * a QR code until the phone scans it), the app resumes a linked session when it starts, and
 * unlinking logs out on WhatsApp's side and forgets the session here.
 */
export function createWhatsAppService({ store, dataDir, workspaceId, secrets, hooks, onChanged, onLink }: WhatsAppServiceDeps) {
  const rollup = createConversationRollup(store.sqlite);
  const sink = createWhatsAppSink(store, rollup, workspaceId);
  const queueWhatsApp = createQueueWhatsApp(store, rollup);
  const blobs = createBlobStore(dataDir);
  const applyChanges = createEntryChanges(store, rollup);
  const searchOther = createOtherWhatsAppSearch(store.sqlite);
  const rawMessage = store.sqlite.prepare('SELECT message FROM whatsapp_messages WHERE id = ? AND workspace_id = ?').pluck();
  const attachmentsOf = store.sqlite.prepare('SELECT attachments FROM entries WHERE id = ? AND workspace_id = ?').pluck();
  const slot = createChannelSlot();
  let channel: WhatsAppRunningChannel | null = null;
  let link: WhatsAppLink = { state: 'not_linked', reason: hooks ? null : 'WhatsApp runs on the channel host; this PC does not hold the link.' };

  const report = (next: WhatsAppLink) => {
    link = next;
    onLink(next);
  };

  function openAuthStore(): WhatsAppAuthStore {
    return createWhatsAppAuthStore(store.sqlite, workspaceId, openWhatsAppAuthCipher(secrets, workspaceId));
  }

  async function run(authStore: WhatsAppAuthStore): Promise<void> {
    if (!hooks) return;
    await slot.run(() => {
      channel = hooks.create({
        authStore,
        commit(records, raw) {
          const result = sink(records, raw);
          if (result.conversationIds.length > 0) onChanged(result.conversationIds);
          return result;
        },
        rawMessage: (ids) => ids.map((id) => rawMessage.get(id, workspaceId) as string | undefined).find((json) => json !== undefined) ?? null,
        onLink: report,
        store,
        pathOf: blobs.pathOf,
        notify: onChanged,
        async saveMedia(entryId, index, bytes) {
          const sha256 = await blobs.put(bytes);
          const { conversationIds } = applyChanges(workspaceId, [{ kind: 'attachment', targetIds: [entryId], index, sha256, size: bytes.byteLength }]);
          if (conversationIds.length > 0) onChanged(conversationIds);
        },
        hasMedia(entryId, index) {
          const json = attachmentsOf.get(entryId, workspaceId) as string | undefined;
          return json !== undefined && (JSON.parse(json) as AttachmentMeta[])[index]?.sha256 != null;
        },
      });
      return channel;
    });
  }

  return {
    link: (): WhatsAppLink => link,

    /** "Link WhatsApp" and "Link again": connects, showing a QR code unless a session is saved. */
    async startLinking(): Promise<WhatsAppLink> {
      if (!hooks) throw new ApiError('conflict', 'WhatsApp can only be linked on the channel host.');
      let authStore: WhatsAppAuthStore;
      try {
        authStore = openAuthStore();
      } catch (error) {
        if (error instanceof SecretStoreError) throw new ApiError('conflict', error.message);
        throw error;
      }
      await run(authStore);
      return link;
    },

    async unlink(): Promise<WhatsAppLink> {
      const current = channel;
      channel = null;
      await slot.idle('WhatsApp is not linked.');
      if (current) await current.logout();
      else if (!secrets.unavailableReason) openAuthStore().clear();
      report({ state: 'not_linked', reason: null });
      return link;
    },

    /** At start-up: reconnects a session linked earlier; an unlinked PC waits for Settings. */
    async resume(): Promise<void> {
      if (!hooks || secrets.unavailableReason) return;
      try {
        const authStore = openAuthStore();
        if (authStore.isLinked()) await run(authStore);
      } catch (error) {
        if (!(error instanceof SecretStoreError)) throw error;
        report({ state: 'not_linked', reason: `The saved WhatsApp session cannot be read. ${error.message}` });
      }
    },

    /** Queues a message; the channel host sends it while linked, or when the link comes back. */
    send(author: Member, input: WhatsAppSendInput) {
      const entry = queueWhatsApp(author, input);
      onChanged([entry.conversationId]);
      slot.wake();
      return entry;
    },

    /** Groups and broadcasts, for the Other view. */
    other: (query: string, limit: number, before: Parameters<typeof searchOther>[3]) => searchOther(workspaceId, query, limit, before),

    health: () => slot.health(),
    wake: () => slot.wake(),
    close: () => slot.close(),
  };
}

export type WhatsAppService = ReturnType<typeof createWhatsAppService>;
