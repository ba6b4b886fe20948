import type { Room as RoomKind } from '../../src-shared/sync/rooms';
import { CLOSE_GOING_AWAY, CLOSE_SERVER_ERROR, Room, type RoomSettings } from './room';

/**
 * The rooms in memory. A room is loaded when its first peer arrives and unloaded after it has been
 * empty for a while; a room opened again while its previous instance is still unloading waits for
 * that instance's last writes before reading the store.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly unloading = new Map<string, Promise<void>>();

  constructor(private readonly settings: RoomSettings) {}

  get loadedCount(): number {
    return this.rooms.size;
  }

  open(name: string, kind: RoomKind['kind']): Room {
    const loaded = this.rooms.get(name);
    if (loaded) return loaded;
    const previous = this.unloading.get(name) ?? Promise.resolve();
    const room = new Room(name, kind, this.settings, { onIdle: this.unloadIfIdle, onBroken: this.unloadBroken }, previous);
    this.rooms.set(name, room);
    return room;
  }

  async closeAll(): Promise<void> {
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    await Promise.all([...rooms.map((room) => room.close(CLOSE_GOING_AWAY, 'server shutting down')), ...this.unloading.values()]);
  }

  private readonly unloadIfIdle = (room: Room): void => {
    if (room.peerCount === 0) this.unload(room, CLOSE_GOING_AWAY, 'room unloaded');
  };

  private readonly unloadBroken = (room: Room): void => {
    this.unload(room, CLOSE_SERVER_ERROR, 'the server could not store this document; reconnect to retry');
  };

  private unload(room: Room, code: number, reason: string): void {
    if (this.rooms.get(room.name) !== room) return;
    this.rooms.delete(room.name);
    const done = room.close(code, reason).finally(() => {
      if (this.unloading.get(room.name) === done) this.unloading.delete(room.name);
    });
    this.unloading.set(room.name, done);
  }
}
