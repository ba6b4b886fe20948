/**
 * Claim propagation: ten PCs, each with the app's own parts (a migrated SQLite store, the shared
 * documents opened and connected as the app opens them, applying each server message in a SQLite
 * transaction, the claim log resolving with server stamps and the claims materializer), on one
 * claims document. One PC claims; the sample is the time until every other PC resolves the claimer as the
 * owner through the server's stamp. The claimer's time to see its own stamp come back is kept too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Member } from '../../../src-shared/domain/workspace';
import { createClaimActions, type ClaimActions } from '../../../src-main/core/claims/claim-actions';
import { createClaimLog, type ClaimLog } from '../../../src-main/core/claims/claim-log';
import { materializeClaims } from '../../../src-main/core/claims/claims-materializer';
import { openStore, type Store } from '../../../src-main/core/store/open-store';
import { openSharedDocs, type SharedDocs } from '../../../src-main/core/sync/shared-docs';
import { Samples } from '../measure';
import { waitFor } from '../../integration/sync-server/harness';
import type { ServerProcess } from './server-process';

const SAMPLE_TIMEOUT_MS = 5_000;
const PAUSE_BETWEEN_SAMPLES_MS = 5;

interface Pc {
  memberId: string;
  store: Store;
  docs: SharedDocs;
  claimLog: ClaimLog;
  claims: ClaimActions;
  stopMaterializing: () => void;
}

export interface ClaimLatencyResult {
  clients: number;
  /** Claim until the last of the other PCs resolves the new owner. */
  allOthers: Samples;
  /** Claim until the claimer resolves itself as owner (its event came back stamped). */
  claimerStamped: Samples;
  timedOut: number;
}

export async function measureClaimLatency(server: ServerProcess, options: { clients: number; samples: number; warmup: number }): Promise<ClaimLatencyResult> {
  const workspaceId = 'bench-claims';
  const benchMembers = await server.workspace(workspaceId, options.clients - 1);
  const members: Member[] = benchMembers.map((m, i) => ({ id: m.memberId, name: `PC ${i + 1}`, email: null, role: i === 0 ? 'owner' : 'agent' }));
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-claim-bench-'));
  const pcs: Pc[] = [];
  try {
    for (const [i, member] of benchMembers.entries()) {
      const store = openStore(path.join(dir, `pc-${i + 1}.db`));
      const docs = openSharedDocs(store.sqlite, workspaceId, { serverUrl: server.wsUrl, token: member.token });
      const claimLog = createClaimLog(docs.claims, { localOrder: false });
      // The bench stores hold no conversations, so this runs its transaction and updates no row.
      const stopMaterializing = materializeClaims(store.sqlite, docs.claims, claimLog, () => {});
      docs.followMonths();
      const me = members[i] as Member;
      pcs.push({ memberId: me.id, store, docs, claimLog, claims: createClaimActions(claimLog, me, members), stopMaterializing });
    }
    await waitFor(() => pcs.every((pc) => pc.docs.status()?.state === 'synced'), 'every PC to sync', 10_000);

    const result: ClaimLatencyResult = { clients: pcs.length, allOthers: new Samples(), claimerStamped: new Samples(), timedOut: 0 };
    for (let i = 0; i < options.warmup + options.samples; i++) {
      const sample = await claimOnce(pcs, i % pcs.length, `cv_bench_${i}`);
      if (i < options.warmup) continue;
      if (sample === null) result.timedOut++;
      else {
        result.allOthers.add(sample.allOthersMs);
        result.claimerStamped.add(sample.claimerMs);
      }
      await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_SAMPLES_MS));
    }
    return result;
  } finally {
    for (const pc of pcs) {
      pc.stopMaterializing();
      pc.docs.close();
      pc.store.close();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One claim by pcs[claimerIndex]; null when some PC did not see it within SAMPLE_TIMEOUT_MS. */
function claimOnce(pcs: Pc[], claimerIndex: number, conversationId: string): Promise<{ allOthersMs: number; claimerMs: number } | null> {
  const claimer = pcs[claimerIndex] as Pc;
  return new Promise((resolve) => {
    const seenAt = new Map<Pc, number>();
    const listeners: [Pc, () => void][] = [];
    let started = 0;
    const finish = (value: { allOthersMs: number; claimerMs: number } | null) => {
      clearTimeout(timer);
      for (const [pc, listener] of listeners) pc.docs.claims.off('afterTransaction', listener);
      resolve(value);
    };
    for (const pc of pcs) {
      const listener = () => {
        if (seenAt.has(pc) || pc.claimLog.resolve(conversationId).ownerId !== claimer.memberId) return;
        seenAt.set(pc, performance.now() - started);
        if (seenAt.size < pcs.length) return;
        const others = pcs.filter((p) => p !== claimer).map((p) => seenAt.get(p) as number);
        finish({ allOthersMs: Math.max(...others), claimerMs: seenAt.get(claimer) as number });
      };
      pc.docs.claims.on('afterTransaction', listener);
      listeners.push([pc, listener]);
    }
    const timer = setTimeout(() => finish(null), SAMPLE_TIMEOUT_MS);
    started = performance.now();
    // With server stamps the claimer's own event is pending until the stamp returns, so nobody resolves it early.
    claimer.claims.claim(conversationId);
  });
}

