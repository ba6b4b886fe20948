import type { ChannelHealth } from '../../../src-shared/domain/channel-health';
import type { ConnectionReport, MailServerSettings } from '../../../src-shared/domain/email-account';
import type { EmailAccount } from '../email/email-account-repo';
import type { EmailStore } from '../email/email-store';
import type { WhatsAppChannelHooks } from '../whatsapp/whatsapp-channel-deps';

/** What the core needs of a running channel (`Channel` in src-main/channels matches it). */
export interface RunningChannel {
  start(): Promise<void>;
  stop(): Promise<void>;
  health(): ChannelHealth;
  /** New outbound work is queued: send it now rather than at the next look at the queue. */
  wake?(): void;
}

export interface EmailConnectionSettings {
  imap: MailServerSettings;
  smtp: MailServerSettings;
  user: string;
  password: string;
}

export interface EmailChannelHooks {
  create(account: EmailAccount, password: string, emailStore: EmailStore): RunningChannel;
  test(settings: EmailConnectionSettings): Promise<ConnectionReport>;
}

/**
 * The channels a shell (the host, or Electron main) hands the core. The core decides when a channel
 * runs (an account saved, the app started, the app closing) but may not import src-main/channels
 * (DESIGN.md, "Folders"), so the shells, which may import both, pass them in. Without them the core
 * runs with no live channels, as in most tests.
 */
export interface ChannelHooks {
  email?: EmailChannelHooks;
  whatsapp?: WhatsAppChannelHooks;
}
