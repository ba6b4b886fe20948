import type { Core, EventListener } from './core.types';
import { createEventBus } from './event-bus';

/**
 * A core the shell can swap for a fresh one over the same data folder without dropping its window or
 * socket: requests go to whichever core is current, listeners stay subscribed across the swap, and
 * `session.changed` tells the screens to load everything again. `open` receives the function a core
 * calls to ask for the swap; the swap waits for the current turn to finish, so the answer to the
 * request that asked for it is sent first.
 */
export function createRestartableCore<C extends Core>(open: (requestRestart: () => void) => C): Core & { current(): C } {
  const bus = createEventBus();
  let core: C;
  let unsubscribe: () => void;
  let closed = false;

  const attach = () => {
    core = open(requestRestart);
    unsubscribe = core.onEvent((name, payload) => bus.emit(name, payload));
  };
  function requestRestart(): void {
    setImmediate(() => {
      if (closed) return;
      unsubscribe();
      core.close();
      attach();
      bus.emit('session.changed', {});
    });
  }
  attach();

  return {
    dispatch: (name, input) => core.dispatch(name, input),
    onEvent: (listener: EventListener) => bus.subscribe(listener),
    current: () => core,
    close(): void {
      closed = true;
      unsubscribe();
      core.close();
    },
  };
}
