import type { MakeWaSocket } from '../../../src-main/channels/whatsapp/socket/wa-socket';
import { FakeWaSocket } from '../../support/fake-wa-socket';
import { readWhatsAppFixture } from '../../support/whatsapp-corpus';

const DANA = '15550100003@s.whatsapp.net';

/** Our own earlier messages to Dana, which the corpus's reaction and receipts point at. */
const OUR_MESSAGES = [
  ['01', 'Sorry to hear that! A technician can come today between 2 and 4 pm.'],
  ['02', 'Can you send a photo of the indoor unit?'],
  ['03', 'Thanks, that helps.'],
  ['04', 'Voice note: directions to the building'],
  ['05', 'Invoice attached'],
] as const;

export interface ReplayPlan {
  /** `qr`: show rotating QR codes and never connect. `replay`: connect, then play the fixtures. */
  mode: 'qr' | 'replay';
  fixtures: string[];
  /** After the replay, close with 401 (logged out) this long after it finished. */
  logoutAfterMs: number | null;
}

/**
 * A socket for the end-to-end tests' host: the corpus's recorded events, played in order through the
 * same event shapes Baileys emits, so the UI shows what a real session would.
 */
export function replaySocketMaker(plan: ReplayPlan): MakeWaSocket {
  return (options) => {
    const socket = new FakeWaSocket(options);
    const later = (ms: number, step: () => void) => setTimeout(() => !socket.ended && step(), ms);
    if (plan.mode === 'qr') {
      let code = 0;
      const rotate = () => {
        code += 1;
        socket.emit('connection.update', { qr: `2@switchboard-e2e-code-${code},AAAA,BBBB,CCCC` });
        later(2_000, rotate);
      };
      later(100, rotate);
      return socket;
    }
    later(100, () => {
      socket.open();
      const [first, ...rest] = plan.fixtures.map(readWhatsAppFixture);
      // The customer wrote first, as in the real conversation, so her contact is named from her message.
      if (first) socket.emit(first.event, first.payload as never);
      OUR_MESSAGES.forEach(([n, text], i) => {
        const id = `3EB0C0FFEE00000000${n}`;
        socket.emit('messages.upsert', { type: 'append', messages: [{ key: { remoteJid: DANA, fromMe: true, id }, message: { conversation: text }, messageTimestamp: 1756700210 + i * 5, status: 2 }] });
      });
      for (const fixture of rest) socket.emit(fixture.event, fixture.payload as never);
      if (plan.logoutAfterMs !== null) later(plan.logoutAfterMs, () => socket.close(401));
    });
    return socket;
  };
}
