import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { sleep } from './wait-for-port';

/**
 * A daemon started in its own process group, so it and every worker it forks can be signalled
 * together. Output goes to a file because the daemons' own logs are what explain a failed start.
 */
export class DaemonProcess {
  private exited = false;
  /** Groups to signal: the spawned process's own, plus any a daemon makes with setsid (Postfix's master does). */
  readonly groups = new Set<number>();

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    if (child.pid === undefined) throw new Error(`${name}: spawn failed`);
    this.groups.add(child.pid);
    child.once('exit', () => {
      this.exited = true;
    });
  }

  static start(name: string, command: string, args: string[], outputFile: string): Promise<DaemonProcess> {
    const output = openSync(outputFile, 'a');
    try {
      const child = spawn(command, args, { detached: true, stdio: ['ignore', output, output] });
      return new Promise((resolve, reject) => {
        child.once('spawn', () => resolve(new DaemonProcess(name, child)));
        child.once('error', (error) => reject(new Error(`${name}: cannot run ${command}: ${error.message}`)));
      });
    } finally {
      closeSync(output);
    }
  }

  /** True while the spawned process has not exited (the daemon may still be shutting down its workers). */
  get running(): boolean {
    return !this.exited;
  }

  /**
   * SIGTERM to every group, then SIGKILL to whatever is left after `graceMs`; resolves when nothing
   * is left. The grace is short because a Dovecot login process caught mid-handshake can keep the
   * master waiting for seconds, and test data needs no graceful shutdown.
   */
  async stop(graceMs = 1_000): Promise<void> {
    signalGroups(this.groups, 'SIGTERM');
    if (await waitUntilGone(this.groups, graceMs)) return;
    signalGroups(this.groups, 'SIGKILL');
    if (!(await waitUntilGone(this.groups, 5_000))) {
      throw new Error(`${this.name}: processes ${[...livingMembers(this.groups)].join(', ')} survived SIGKILL`);
    }
  }

  killNow(): void {
    signalGroups(this.groups, 'SIGKILL');
  }
}

function signalGroups(groups: Iterable<number>, signal: NodeJS.Signals): void {
  for (const group of groups) {
    try {
      process.kill(-group, signal);
    } catch {
      // ESRCH: that group is already gone.
    }
  }
}

async function waitUntilGone(groups: Set<number>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (livingMembers(groups).length > 0) {
    if (Date.now() > deadline) return false;
    await sleep(25);
  }
  return true;
}

/**
 * Processes in `groups` that are not zombies. kill(-group, 0) cannot answer this: where PID 1 does
 * not reap orphans (as in these containers) the daemons' exited workers stay zombies for ever.
 */
export function livingMembers(groups: Set<number>): number[] {
  const living: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
    } catch {
      continue;
    }
    // Fields after the parenthesised command name, which may itself contain spaces or parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state !== 'Z' && state !== 'X' && groups.has(Number(pgrp))) living.push(Number(entry));
  }
  return living;
}
