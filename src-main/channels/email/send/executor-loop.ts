import type { DrainResult, EmailExecutor } from './email-executor';

export interface ExecutorLoopOptions {
  /** How often the queue is looked at when nothing wakes the loop. */
  intervalMs: number;
  onResult?: (result: DrainResult) => void;
  onError?: (error: unknown) => void;
}

/**
 * Keeps draining the outbox on the channel host: every `intervalMs`, and at once on `wake()` (after a
 * person sends, retries or approves). Drains never overlap, so an item is never claimed twice here.
 */
export function startExecutorLoop(executor: EmailExecutor, { intervalMs, onResult = () => {}, onError = () => {} }: ExecutorLoopOptions) {
  let running = true;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> = Promise.resolve();
  let again = false;

  function schedule(delayMs: number): void {
    if (timer) clearTimeout(timer);
    timer = running ? setTimeout(tick, delayMs) : null;
  }

  function tick(): void {
    timer = null;
    current = executor
      .drain()
      .then(onResult, onError)
      .finally(() => {
        schedule(again ? 0 : intervalMs);
        again = false;
      });
  }

  schedule(0);
  return {
    wake(): void {
      // A drain in progress may have passed the new item already; run once more after it.
      if (timer) schedule(0);
      else again = true;
    },
    async stop(): Promise<void> {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await current;
    },
  };
}
