/** Timing and reporting helpers for the store benchmark. */

export function nowNs(): bigint {
  return process.hrtime.bigint();
}

export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Milliseconds one call takes. */
export function timeMs(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export class Samples {
  readonly values: number[] = [];
  private sorted: number[] | null = null;

  add(ms: number): void {
    this.values.push(ms);
    this.sorted = null;
  }

  addAll(other: Samples): void {
    for (const v of other.values) this.add(v);
  }

  /** Nearest-rank percentile: always a time that was really measured. */
  percentile(p: number): number {
    if (this.values.length === 0) return Number.NaN;
    this.sorted ??= [...this.values].sort((a, b) => a - b);
    const rank = Math.max(1, Math.ceil((p / 100) * this.sorted.length));
    return this.sorted[rank - 1] as number;
  }

  get p50(): number {
    return this.percentile(50);
  }

  get p95(): number {
    return this.percentile(95);
  }
}

export interface PairedSamples {
  ours: Samples;
  plain: Samples;
}

export function paired(): PairedSamples {
  return { ours: new Samples(), plain: new Samples() };
}

/**
 * Runs ours and the plain statement alternately, and swaps which goes first every round, so that cache
 * warmth, GC and CPU frequency drift fall on both sides alike.
 */
export function measurePaired(target: PairedSamples, rounds: number, ours: () => unknown, plain: () => unknown): void {
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      target.ours.add(timeMs(ours));
      target.plain.add(timeMs(plain));
    } else {
      target.plain.add(timeMs(plain));
      target.ours.add(timeMs(ours));
    }
  }
}

export const fmt = {
  ms: (v: number) => `${v.toFixed(3)} ms`,
  int: (v: number) => Math.round(v).toLocaleString('en-US'),
  rate: (v: number) => `${Math.round(v).toLocaleString('en-US')}/s`,
  ratio: (ours: number, plain: number) => `×${(ours / plain).toFixed(2)}`,
  bytes: (v: number) => (v >= 1024 ** 3 ? `${(v / 1024 ** 3).toFixed(2)} GiB` : `${(v / 1024 ** 2).toFixed(1)} MiB`),
  secs: (ms: number) => `${(ms / 1000).toFixed(1)} s`,
};

export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
