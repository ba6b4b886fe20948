import { contextBridge, ipcRenderer } from 'electron';
import { unwrapResult, type ApiResult } from '../../src-shared/api/result';
import type { EventName, EventPayload } from '../../src-shared/api/events';
import type { RequestInput, RequestName, RequestOutput } from '../../src-shared/api/requests';
import type { SwitchboardApi } from '../../src-shared/api/switchboard-api';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../../src-shared/api/ipc-channels';

/*
 * Runs sandboxed with context isolation: the page gets only the two functions below, never
 * ipcRenderer, so it can reach nothing in main but the validated request channel.
 */

type Listener = (payload: unknown) => void;

// One IPC subscription fans out to every renderer listener, so many panels subscribing never
// pile listeners onto ipcRenderer, and the IPC event object (which holds ipcRenderer) is never passed on.
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of [...(listeners.get(name) ?? [])]) {
    try {
      listener(payload);
    } catch (error) {
      console.error(`Switchboard: a listener for ${name} failed`, error);
    }
  }
});

const api = {
  async request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>> {
    const result = (await ipcRenderer.invoke(IPC_REQUEST_CHANNEL, name, input)) as ApiResult<RequestOutput<N>>;
    return unwrapResult(result);
  },

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const own = listener as Listener;
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(own);
    return () => {
      const current = listeners.get(event);
      if (!current) return;
      current.delete(own);
      if (current.size === 0) listeners.delete(event);
    };
  },
} satisfies SwitchboardApi;

contextBridge.exposeInMainWorld('switchboard', api);
