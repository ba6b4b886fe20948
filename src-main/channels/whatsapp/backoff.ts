/** 1 s, 2 s, 4 s … up to a minute: quick after a blip, gentle on a long outage. */
export function reconnectDelayMs(attempt: number, baseMs = 1000, maxMs = 60_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
}
