import type { WaSocket } from '../socket/wa-socket';
import type { WhatsAppExecutor } from './whatsapp-executor';

/** How often the queue is looked at while linked when nothing wakes it (an approval on another PC). */
const INTERVAL_MS = 15_000;

/**
 * Drains the WhatsApp outbox while a socket is open: at once when the link opens (what was queued
 * while disconnected goes out then), on `wake`, and every 15 s. Drains never overlap.
 */
export function createSendLoop(executor: WhatsAppExecutor, onError: (error: unknown) => void) {
  let socket: WaSocket | null = null;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> = Promise.resolve();

  function drain(): void {
    current = current.then(async () => {
      const open = socket;
      if (open) await executor.drain(open).catch(onError);
    });
  }

  return {
    open(next: WaSocket): void {
      socket = next;
      if (timer) clearInterval(timer);
      timer = setInterval(drain, INTERVAL_MS);
      drain();
    },
    closed(): void {
      socket = null;
      if (timer) clearInterval(timer);
      timer = null;
    },
    wake: drain,
    /** Resolves once the drain under way (if any) is over. */
    idle: (): Promise<void> => current,
  };
}
