import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { createClaimLog } from '../../../src-main/core/claims/claim-log';
import { readMarksOf } from '../../../src-shared/sync/workspace-doc';
const state = new Uint8Array(readFileSync('/tmp/ws.state'));
const rows = (JSON.parse(readFileSync('/tmp/rows.json', 'utf8')) as string[]).map((r) => new Uint8Array(Buffer.from(r, 'base64')));
console.log('rows', rows.length, 'first', rows[0]!.length, 'rest', rows.slice(1).reduce((s, r) => s + r.length, 0));
const t = (label: string, fn: () => void) => { const runs: number[] = []; for (let i = 0; i < 9; i++) { const s = performance.now(); fn(); runs.push(performance.now() - s); } runs.sort((a, b) => a - b); console.log(label.padEnd(28), runs[4]!.toFixed(1)); };
t('apply state', () => { const d = new Y.Doc(); Y.applyUpdate(d, state); });
t('apply state + claimlog', () => { const d = new Y.Doc(); Y.applyUpdate(d, state); createClaimLog(d, { localOrder: false }); });
t('apply state + resolve all', () => { const d = new Y.Doc(); Y.applyUpdate(d, state); const c = createClaimLog(d, { localOrder: false }); for (const id of c.conversationIds()) c.resolve(id); });
t('apply rows', () => { const d = new Y.Doc(); for (const r of rows) Y.applyUpdate(d, r); });
t('apply rows in one txn', () => { const d = new Y.Doc(); d.transact(() => { for (const r of rows) Y.applyUpdate(d, r); }); });
t('apply merged rows', () => { const d = new Y.Doc(); Y.applyUpdate(d, Y.mergeUpdates(rows)); });
const d = new Y.Doc(); Y.applyUpdate(d, state);
for (const name of d.share.keys()) { const type = d.share.get(name)!; console.log(name, (type as any)._map?.size); }
console.log('readmarks', readMarksOf(d).size);
