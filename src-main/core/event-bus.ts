import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../src-shared/api/events';
import type { EventListener } from './core.types';

export function createEventBus() {
  const emitter = new EventEmitter();
  return {
    emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
      emitter.emit('event', name, payload);
    },
    subscribe(listener: EventListener): () => void {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
