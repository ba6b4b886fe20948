import type { ChannelHealth } from '../../src-shared/domain/channel-health';
import { clockTime } from '../format/clock-time';

/** One line on how the mailbox sync is doing, with the reason whenever it is not working. */
export function channelStatusText(health: ChannelHealth | null, configured: boolean): string {
  if (health === null) return 'Checking…';
  const reason = health.lastError ? `: ${health.lastError.message}` : '';
  switch (health.state) {
    case 'live':
      return `Connected, up to date${health.lastSyncedAt === null ? '' : ` (synced ${clockTime(health.lastSyncedAt)})`}`;
    case 'syncing':
      return 'Connected, syncing mail…';
    case 'connecting':
      return 'Connecting…';
    case 'reconnecting':
      return `Connection lost, trying again${reason}`;
    case 'stopped':
      return configured ? `Not syncing${reason}` : 'No email account set up yet.';
  }
}
