import { measureRoomCycles } from './room-cycles';
import { ServerProcess } from './server-process';
const server = await ServerProcess.start({ idleUnloadMs: 10 });
try {
  const r = await measureRoomCycles(server, { cycles: 200, warmup: 10, every: 50 });
  const mb = (n: number) => (n / 1048576).toFixed(1);
  console.log('start', mb(r.start.rss), 'warm', mb(r.warm.rss), r.trend.map(([n, m]) => `${n}:${mb(m.rss)}/${mb(m.heapUsed)}`).join(' '), r.seconds, r.start.gcExposed);
} finally { await server.stop(); }
