import type { ChannelHealth } from '../../../src-shared/domain/channel-health';
import type { RunningChannel } from './channel-hooks';

/**
 * Holds the one running channel of a kind. Starting a new one stops the old one first, in the order
 * the calls came, so two quick saves never leave two sessions on one mailbox. While nothing runs,
 * `health()` says why, through `lastError`.
 */
export function createChannelSlot() {
  let channel: RunningChannel | null = null;
  let idleReason: ChannelHealth['lastError'] = null;
  let closed = false;
  let queue: Promise<void> = Promise.resolve();

  const serially = (step: () => Promise<void>): Promise<void> => (queue = queue.then(step, step));
  const stopCurrent = async () => {
    const stopping = channel;
    channel = null;
    await stopping?.stop();
  };

  return {
    run(next: () => RunningChannel): Promise<void> {
      return serially(async () => {
        await stopCurrent();
        if (closed) return;
        idleReason = null;
        channel = next();
        await channel.start();
      });
    },

    idle(reason: string): Promise<void> {
      return serially(async () => {
        await stopCurrent();
        idleReason = { message: reason, at: Date.now() };
      });
    },

    /** Stops at once, without waiting for queued starts, which will not happen. */
    close(): Promise<void> {
      closed = true;
      return stopCurrent();
    },

    wake(): void {
      channel?.wake?.();
    },

    health(): ChannelHealth {
      return channel?.health() ?? { state: 'stopped', lastError: idleReason, lastSyncedAt: null };
    },
  };
}

export type ChannelSlot = ReturnType<typeof createChannelSlot>;
