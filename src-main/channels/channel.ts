import type { ChannelHealth } from '../../src-shared/domain/channel-health';

/**
 * The one interface every channel implements (DESIGN.md, "Channels"). What a channel receives does not
 * come out of it as a stream to be stored later: the channel commits it through its sink in
 * `src-main/core` (for email, `createEmailSink`), together with its own checkpoint in the same
 * transaction, so that a crash can never keep one without the other.
 *
 * `send(outboxItem)` joins this interface with the outbox; it is left out until the outbox exists.
 */
export interface Channel {
  /** Connects and keeps the channel running, reconnecting on its own until `stop`. */
  start(): Promise<void>;
  stop(): Promise<void>;
  health(): ChannelHealth;
}

export type { ChannelHealth, ChannelState } from '../../src-shared/domain/channel-health';

