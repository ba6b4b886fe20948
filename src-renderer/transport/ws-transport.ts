import { events, isEventName, type EventName, type EventPayload } from '../../src-shared/api/events';
import type { RequestInput, RequestName, RequestOutput } from '../../src-shared/api/requests';
import { unwrapResult } from '../../src-shared/api/result';
import type { SwitchboardApi } from '../../src-shared/api/switchboard-api';
import { serverMessage, type ClientMessage } from '../../src-shared/api/wire';
import { ConnectionLostError } from './connection-lost-error';
import type { ConnectionStatus } from './connection-status';

const INITIAL_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 5_000;

interface PendingRequest {
  message: ClientMessage;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Listener = (payload: unknown) => void;

/**
 * The browser build's `window.switchboard`: requests and events over the host's WebSocket.
 *
 * Requests made while disconnected wait in a queue and go out once the socket opens. A request already
 * on the wire when the socket drops is rejected with ConnectionLostError and never resent, because the
 * host may have applied it: nothing is ever sent twice.
 */
export class WsTransport implements SwitchboardApi {
  private socket: WebSocket | null = null;
  private nextRequestId = 1;
  private readonly waitingForConnection: PendingRequest[] = [];
  private readonly awaitingReply = new Map<number, PendingRequest>();
  private readonly listeners = new Map<EventName, Set<Listener>>();
  private readonly statusListeners = new Set<(status: ConnectionStatus) => void>();
  private status: ConnectionStatus = 'connecting';
  private backoffMs = INITIAL_BACKOFF_MS;
  private hasBeenOpen = false;

  constructor(private readonly url: string) {
    this.connect();
  }

  request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>> {
    return new Promise<RequestOutput<N>>((resolve, reject) => {
      const pending: PendingRequest = {
        message: { type: 'request', id: this.nextRequestId++, name, input },
        resolve: resolve as (value: unknown) => void,
        reject,
      };
      if (this.socket?.readyState === WebSocket.OPEN) this.send(this.socket, pending);
      else this.waitingForConnection.push(pending);
    });
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const forEvent = this.listeners.get(event) ?? new Set<Listener>();
    this.listeners.set(event, forEvent);
    const untyped = listener as Listener;
    forEvent.add(untyped);
    return () => forEvent.delete(untyped);
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  private connect(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => this.handleOpen(socket));
    socket.addEventListener('message', (event) => this.handleMessage(event.data));
    socket.addEventListener('close', () => this.handleClose(socket));
  }

  private handleOpen(socket: WebSocket): void {
    this.backoffMs = INITIAL_BACKOFF_MS;
    this.setStatus('open');
    for (const pending of this.waitingForConnection.splice(0)) this.send(socket, pending);
    // Whatever changed while we were away was never pushed to us: make every view refetch.
    if (this.hasBeenOpen) this.emit('conversations.changed', { conversationIds: [] });
    this.hasBeenOpen = true;
  }

  private handleClose(socket: WebSocket): void {
    if (this.socket !== socket) return;
    this.socket = null;
    for (const [id, pending] of this.awaitingReply) {
      this.awaitingReply.delete(id);
      pending.reject(new ConnectionLostError(pending.message.name));
    }
    this.setStatus('reconnecting');
    setTimeout(() => this.connect(), this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }

  private send(socket: WebSocket, pending: PendingRequest): void {
    this.awaitingReply.set(pending.message.id, pending);
    try {
      socket.send(JSON.stringify(pending.message));
    } catch (error) {
      this.awaitingReply.delete(pending.message.id);
      pending.reject(error);
    }
  }

  private handleMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      console.warn('switchboard: ignoring a message that is not JSON');
      return;
    }
    const parsed = serverMessage.safeParse(json);
    if (!parsed.success) {
      console.warn('switchboard: ignoring a malformed server message', parsed.error.issues);
      return;
    }
    const message = parsed.data;
    if (message.type === 'response') {
      const pending = this.awaitingReply.get(message.id);
      if (!pending) return;
      this.awaitingReply.delete(message.id);
      try {
        pending.resolve(unwrapResult(message.result));
      } catch (error) {
        pending.reject(error);
      }
      return;
    }
    if (!isEventName(message.name)) return;
    const payload = events[message.name].safeParse(message.payload);
    if (!payload.success) {
      console.warn(`switchboard: ignoring "${message.name}" with a malformed payload`, payload.error.issues);
      return;
    }
    this.emit(message.name, payload.data);
  }

  private emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch (error) {
        console.error(`switchboard: a "${event}" listener failed`, error);
      }
    }
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }
}
