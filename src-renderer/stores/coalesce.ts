/**
 * Change events arrive in bursts: the returned function runs `task` at most once at a time, and once
 * more after it if it was asked for meanwhile, so a burst costs two fetches rather than one per event.
 */
export function coalesce(task: () => Promise<void>): () => Promise<void> {
  let inFlight: Promise<void> | null = null;
  let again = false;
  return () => {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = (async () => {
      do {
        again = false;
        await task();
      } while (again);
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
