import { useEffect, useState } from 'react';

/** Relative times ("5m", "Today") go stale while the app stays open all day: re-render on a slow tick. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
