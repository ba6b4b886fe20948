import { measureClaimLatency } from './claim-latency';
import { ServerProcess } from './server-process';
const server = await ServerProcess.start();
try {
  const r = await measureClaimLatency(server, { clients: 10, samples: 100, warmup: 10 });
  console.log(r.allOthers.p50, r.allOthers.p95, r.claimerStamped.p50, r.timedOut);
} finally { await server.stop(); }
