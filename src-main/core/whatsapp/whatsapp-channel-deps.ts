import type { WhatsAppLink } from '../../../src-shared/domain/whatsapp-link';
import type { RunningChannel } from '../channels/channel-hooks';
import type { Store } from '../store/open-store';
import type { WhatsAppAuthStore } from './whatsapp-auth-store';
import type { RawWhatsAppMessage, WhatsAppRecord } from './whatsapp-record';
import type { WhatsAppSinkResult } from './whatsapp-sink';

/** What the core hands the WhatsApp channel: its store, and where to report how the link stands. */
export interface WhatsAppChannelDeps {
  authStore: WhatsAppAuthStore;
  /** Commits what one socket event carried, in one transaction. */
  commit(records: readonly WhatsAppRecord[], raw: readonly RawWhatsAppMessage[]): WhatsAppSinkResult;
  /** A stored message as Baileys delivered it (BufferJSON text), by the ids it may be stored under. */
  rawMessage(ids: readonly string[]): string | null;
  onLink(link: WhatsAppLink): void;
  /** The store, for the outbox executor that runs while the link is open. */
  store: Store;
  /** Where a stored file (an attachment to send) is on disk. */
  pathOf(sha256: string): string;
  /** Tells the running app which conversations changed outside a socket event (a send's status). */
  notify(conversationIds: string[]): void;
  /** Keeps a downloaded media file in the blob store and marks the entry's attachment as fetched. */
  saveMedia(entryId: string, index: number, bytes: Uint8Array): Promise<void>;
  /** Whether that attachment's bytes are stored already (a message delivered again needs no download). */
  hasMedia(entryId: string, index: number): boolean;
}

export interface WhatsAppRunningChannel extends RunningChannel {
  link(): WhatsAppLink;
  /** Ends the session on WhatsApp's side too and forgets it here; the next link needs a new QR code. */
  logout(): Promise<void>;
}

export interface WhatsAppChannelHooks {
  create(deps: WhatsAppChannelDeps): WhatsAppRunningChannel;
}
