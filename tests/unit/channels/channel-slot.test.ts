import { describe, expect, it } from 'vitest';
import type { RunningChannel } from '../../../src-main/core/channels/channel-hooks';
import { createChannelSlot } from '../../../src-main/core/channels/channel-slot';

/** A channel that records its life, and whose stop takes a moment, like a logout. */
function fakeChannel(name: string, log: string[]): RunningChannel {
  let state: 'stopped' | 'live' = 'stopped';
  return {
    start: async () => {
      log.push(`start ${name}`);
      state = 'live';
    },
    stop: async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`stop ${name}`);
      state = 'stopped';
    },
    health: () => ({ state, lastError: null, lastSyncedAt: null }),
  };
}

describe('the channel slot', () => {
  it('stops the running channel before the next one starts, in the order asked', async () => {
    const log: string[] = [];
    const slot = createChannelSlot();
    await Promise.all([slot.run(() => fakeChannel('a', log)), slot.run(() => fakeChannel('b', log)), slot.run(() => fakeChannel('c', log))]);
    expect(log).toEqual(['start a', 'stop a', 'start b', 'stop b', 'start c']);
    expect(slot.health().state).toBe('live');
  });

  it('says why nothing runs while idle', async () => {
    const log: string[] = [];
    const slot = createChannelSlot();
    await slot.run(() => fakeChannel('a', log));
    await slot.idle('No password is saved.');
    expect(log).toEqual(['start a', 'stop a']);
    expect(slot.health()).toEqual({ state: 'stopped', lastError: { message: 'No password is saved.', at: expect.any(Number) }, lastSyncedAt: null });
  });

  it('starts nothing more once closed', async () => {
    const log: string[] = [];
    const slot = createChannelSlot();
    await slot.run(() => fakeChannel('a', log));
    const late = slot.run(() => fakeChannel('b', log));
    await slot.close();
    await late;
    expect(log).toEqual(['start a', 'stop a']);
    expect(slot.health().state).toBe('stopped');
  });
});
