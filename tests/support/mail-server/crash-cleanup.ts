import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The daemons run in their own sessions, so nothing kills them when the test process dies. Two
 * nets catch that: an 'exit' hook for ordinary exits and failed tests, and a watchdog shell that
 * outlives a SIGKILLed test process and cleans up after it.
 */
interface Running {
  groups: () => Iterable<number>;
}

const running = new Map<string, Running>();
let hooked = false;

const GROUPS_FILE = 'process-groups';

export function guardAgainstCrash(dir: string, groups: () => Iterable<number>, extraPidFiles: string[]): void {
  running.set(dir, { groups });
  if (!hooked) {
    hooked = true;
    process.on('exit', killAllNow);
  }
  startWatchdog(dir, extraPidFiles);
}

/** Tells the watchdog which groups to kill; call again whenever a daemon (or its setsid child) appears. */
export function recordGroups(dir: string): void {
  const entry = running.get(dir);
  if (entry) writeFileSync(path.join(dir, GROUPS_FILE), [...entry.groups()].join('\n') + '\n');
}

export function forget(dir: string): void {
  running.delete(dir);
}

function killAllNow(): void {
  for (const [dir, entry] of running) {
    for (const group of entry.groups()) {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
  running.clear();
}

/**
 * Polls this process once a second (a zombie counts as dead: PID 1 here does not reap), and when
 * it is gone kills the recorded groups and removes the folder. It ends by itself once stop()
 * has removed the folder.
 */
const WATCHDOG = `
parent=$1; dir=$2; shift 2
alive() {
  [ -r /proc/$parent/stat ] || return 1
  read -r stat < /proc/$parent/stat || return 1
  rest=\${stat##*) }
  [ "\${rest%% *}" != Z ]
}
while alive && [ -d "$dir" ]; do sleep 1; done
[ -d "$dir" ] || exit 0
groups=$(cat "$dir/${GROUPS_FILE}" 2>/dev/null)
[ $# -gt 0 ] && groups="$groups $(cat "$@" 2>/dev/null)"
for group in $groups; do
  kill -s KILL -- "-$group" 2>/dev/null
done
rm -rf "$dir"
`;

function startWatchdog(dir: string, extraPidFiles: string[]): void {
  const child = spawn('/bin/sh', ['-c', WATCHDOG, 'mail-server-watchdog', String(process.pid), dir, ...extraPidFiles], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
}
