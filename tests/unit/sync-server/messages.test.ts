import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { formatBytes } from '../../../sync-server/protocol/format-bytes';
import { decodeClientMessage, MESSAGE_SYNC, syncStep1Message, syncStep2Message, updateMessage } from '../../../sync-server/protocol/messages';

describe('y-websocket messages', () => {
  it('round-trip: a step 1 asks for exactly what the other side lacks', () => {
    const server = new Y.Doc();
    server.getText('t').insert(0, 'server text');
    const client = new Y.Doc();
    client.getText('t').insert(0, 'client ');

    const step1 = decodeClientMessage(syncStep1Message(client));
    expect(step1.type).toBe('sync-step-1');
    if (step1.type !== 'sync-step-1') return;
    const reply = decodeClientMessage(syncStep2Message(server, step1.stateVector));
    expect(reply.type).toBe('update');
    if (reply.type !== 'update') return;
    Y.applyUpdate(client, reply.update);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(client.getText('t').toString()).toBe(server.getText('t').toString());
    expect(client.getText('t').length).toBe('server text'.length + 'client '.length);
  });

  it('reads incremental updates the way the stock client writes them', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('k', 1);
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeClientMessage(updateMessage(update))).toEqual({ type: 'update', update });

    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    expect(decodeClientMessage(encoding.toUint8Array(encoder))).toEqual({ type: 'update', update });
  });

  it('ignores auth and awareness queries, and throws on garbage', () => {
    expect(decodeClientMessage(new Uint8Array([3]))).toEqual({ type: 'ignored' });
    expect(() => decodeClientMessage(new Uint8Array([MESSAGE_SYNC, 9, 0]))).toThrow(/unknown sync message type 9/);
    expect(() => decodeClientMessage(new Uint8Array([MESSAGE_SYNC, 2, 50, 1]))).toThrow();
    expect(() => decodeClientMessage(new Uint8Array([]))).toThrow();
  });
});

describe('formatBytes', () => {
  it('reads like the limit it is compared with', () => {
    expect(formatBytes(2.1 * 1024 * 1024)).toBe('2.1 MB');
    expect(formatBytes(1024 * 1024)).toBe('1 MB');
    expect(formatBytes(100 * 1024)).toBe('100 KB');
    expect(formatBytes(900)).toBe('900 bytes');
  });
});
