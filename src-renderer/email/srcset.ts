import type { ResourceDecision } from './resource-url';

const SPACE = new Set([' ', '\t', '\n', '\f', '\r']);

/**
 * Rewrites each candidate URL of a `srcset` (HTML's "parse a srcset attribute", without validating the
 * descriptors). Candidates that may not load are left out; null when none is left.
 */
export function rewriteSrcset(srcset: string, decide: (url: string) => ResourceDecision): { value: string | null; blocked: boolean } {
  const kept: string[] = [];
  let blocked = false;
  for (const { url, descriptor } of srcsetCandidates(srcset)) {
    const decision = decide(url);
    blocked ||= decision.blocked;
    if (decision.url !== null) kept.push(descriptor ? `${decision.url} ${descriptor}` : decision.url);
  }
  return { value: kept.length > 0 ? kept.join(', ') : null, blocked };
}

export function srcsetCandidates(srcset: string): Array<{ url: string; descriptor: string }> {
  const candidates: Array<{ url: string; descriptor: string }> = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && (SPACE.has(srcset[i]!) || srcset[i] === ',')) i++;
    if (i >= srcset.length) break;
    const start = i;
    while (i < srcset.length && !SPACE.has(srcset[i]!)) i++;
    let url = srcset.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      const from = i;
      let depth = 0;
      while (i < srcset.length && !(srcset[i] === ',' && depth === 0)) {
        if (srcset[i] === '(') depth++;
        else if (srcset[i] === ')') depth = Math.max(0, depth - 1);
        i++;
      }
      descriptor = srcset.slice(from, i).trim();
    }
    if (url) candidates.push({ url, descriptor });
  }
  return candidates;
}
