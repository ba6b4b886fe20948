import { z } from 'zod';

/**
 * Zod probes `new Function` while building its first object schema; under our CSP (no eval) the probe
 * fails quietly but still reports a CSP violation. Imported first by main.tsx, before any schema exists.
 */
z.config({ jitless: true });
