import { measureDocSize } from './doc-size';
const n = Number(process.argv[2] ?? 10000);
const r = measureDocSize({ changes: n, conversations: n / 10, seed: 7 }, { loadRounds: 5, replayRounds: 3, progress: (l) => console.error('..', l, new Date().toISOString()) });
for (const k of r.kinds) console.log(k.keyKind, k.structure, k.changes, k.stateBytes, k.liveRecords, k.fromState.p50.toFixed(1), 'set', k.setCall.p50.toFixed(3));
for (const l of r.layouts) console.log(l.label, l.buildSeconds.toFixed(1), l.logRows, l.logBytes, l.stateBytes, l.fromState.p50.toFixed(1), l.replay.p50.toFixed(1));
