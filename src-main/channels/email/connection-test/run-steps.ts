import type { ConnectionStep, ConnectionStepName } from '../../../../src-shared/domain/email-account';
import { describeNetworkError } from './describe-error';

export interface Step {
  step: ConnectionStepName;
  /** Resolves with what worked, or throws what failed. */
  run(): Promise<string>;
}

/** Runs a server's steps in order and stops at the first failure: later steps could only fail with it. */
export async function runSteps(server: ConnectionStep['server'], steps: Step[]): Promise<ConnectionStep[]> {
  const done: ConnectionStep[] = [];
  for (const { step, run } of steps) {
    const started = performance.now();
    let ok = true;
    let message: string;
    try {
      message = await run();
    } catch (error) {
      ok = false;
      message = describeNetworkError(error);
    }
    done.push({ server, step, ok, message, ms: Math.round(performance.now() - started) });
    if (!ok) break;
  }
  return done;
}
