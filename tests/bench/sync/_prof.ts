import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { createClaimLog } from '../../../src-main/core/claims/claim-log';
const state = new Uint8Array(readFileSync('/tmp/ws.state'));
const runs: number[] = [];
for (let i = 0; i < 30; i++) { const s = performance.now(); const d = new Y.Doc(); Y.applyUpdate(d, state); const c = createClaimLog(d, { localOrder: false }); for (const id of c.conversationIds()) c.resolve(id); runs.push(performance.now() - s); }
runs.sort((a, b) => a - b); console.log('min', runs[0]!.toFixed(1), 'p50', runs[15]!.toFixed(1));
