/**
 * Email sync benchmark (`npm run bench:email`): a mailbox of a few thousand real messages (the shared
 * corpus repeated with new Message-IDs) in a real Dovecot, then, in the same run,
 *  - a full Switchboard sync (fetch, parse, store, index) by the built CLI, `switchboard email sync --once`;
 *  - mbsync (Debian's isync) pulling the same mailbox into a maildir, a plain copy;
 *  - the sync's parse pool parsing the same messages from memory on every core, the floor for this machine.
 * Prints messages/s, MB/s and the ratio of the first two times, the floor against mbsync, and how
 * long until the newest 50 conversations could be listed. Needs root (the mail harness), `npm run build` and mbsync.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { connectImap, startMailServer } from '../../support/mail-server';
import { corpusMessages } from '../../integration/email-sync/email-sync-harness';
import { appendToInbox, benchMessages } from './build-mailbox';
import { timeParsingAlone } from './parse-floor';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? '3000');
const PASSWORD_ENV = 'SWITCHBOARD_BENCH_PASSWORD';

function requireTools(): void {
  if (!existsSync(path.join(root, 'dist/cli.mjs'))) throw new Error('Run `npm run build` first: the benchmark times the built CLI.');
  try {
    execFileSync('mbsync', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error("mbsync is missing: install Debian's isync (apt-get install isync).");
  }
}

/** Runs the CLI and records when the store first lists 50 conversations (or all there will be). */
async function timeSwitchboard(imapPort: number, user: string, password: string, dataDir: string, expectConversations: number) {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['bin/switchboard.mjs', 'email', 'sync', '--host', '127.0.0.1', '--port', String(imapPort), '--user', user, '--password-env', PASSWORD_ENV, '--no-tls', '--data', dataDir, '--once'],
    { cwd: root, env: { ...process.env, [PASSWORD_ENV]: password }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let firstFiftyMs: number | null = null;
  const dbFile = path.join(dataDir, 'switchboard.db');
  const poll = setInterval(() => {
    if (firstFiftyMs !== null || !existsSync(dbFile)) return;
    try {
      const db = new Database(dbFile, { readonly: true, fileMustExist: true });
      const n = (db.prepare("SELECT count(*) AS n FROM conversations WHERE status = 'open'").get() as { n: number }).n;
      db.close();
      if (n >= Math.min(50, expectConversations)) firstFiftyMs = performance.now() - started;
    } catch {
      // The store is still being created or migrated; look again on the next tick.
    }
  }, 10);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  if (code !== 0) throw new Error(`switchboard email sync exited with ${code}: ${output}`);
  return { seconds: (performance.now() - started) / 1000, firstFiftyMs, output: output.trim() };
}

function timeMbsync(imapPort: number, user: string, password: string, dir: string) {
  const config = path.join(dir, 'mbsyncrc');
  const maildir = path.join(dir, 'maildir');
  mkdirSync(maildir, { recursive: true });
  writeFileSync(
    config,
    [
      'IMAPAccount bench', 'Host 127.0.0.1', `Port ${imapPort}`, `User ${user}`, `Pass ${password}`, 'SSLType None', 'AuthMechs LOGIN', '',
      'IMAPStore bench-remote', 'Account bench', '',
      'MaildirStore bench-local', `Path ${maildir}/`, `Inbox ${maildir}/INBOX`, '',
      'Channel bench', 'Far :bench-remote:', 'Near :bench-local:', 'Patterns INBOX', 'Create Near', 'SyncState *', '',
    ].join('\n'),
  );
  const started = performance.now();
  execFileSync('mbsync', ['-c', config, '-a', '-q'], { stdio: 'inherit' });
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  requireTools();
  const work = mkdtempSync(path.join(tmpdir(), 'switchboard-email-bench-'));
  const server = await startMailServer();
  try {
    const alice = server.users[0];
    if (!alice) throw new Error('the mail harness has no user');
    const corpus = corpusMessages();
    const messages = benchMessages(corpus, MESSAGES);
    const bytes = messages.reduce((sum, message) => sum + message.length, 0);
    const client = await connectImap(server);
    const appendStarted = performance.now();
    await appendToInbox(client, messages);
    const appendSeconds = (performance.now() - appendStarted) / 1000;
    await client.logout();

    // Each tool's time counts only if the machine was quiet when it ran: print how busy it was just before.
    const loadBeforeOurs = loadavg()[0]!;
    const ours = await timeSwitchboard(server.imap.port, alice.user, alice.password, path.join(work, 'switchboard'), 50);
    const loadBeforeMbsync = loadavg()[0]!;
    const mbsyncSeconds = timeMbsync(server.imap.port, alice.user, alice.password, work);
    const loadBeforeParsing = loadavg()[0]!;
    const parsingSeconds = await timeParsingAlone(messages, availableParallelism());
    const mb = bytes / 1e6;
    const row = (name: string, s: number) =>
      `${name.padEnd(22)} ${s.toFixed(2).padStart(7)} s  ${Math.round(MESSAGES / s).toLocaleString('en-US').padStart(7)} msg/s  ${(mb / s).toFixed(2).padStart(6)} MB/s`;
    console.log('Email sync benchmark');
    console.log('====================');
    console.log(`${MESSAGES.toLocaleString('en-US')} messages (${corpus.length} corpus messages repeated with new Message-IDs), ${mb.toFixed(1)} MB, in a real Dovecot on loopback (APPEND took ${appendSeconds.toFixed(1)} s).`);
    console.log(row('Switchboard full sync', ours.seconds));
    console.log(row('mbsync (plain copy)', mbsyncSeconds));
    const ratio = ours.seconds / mbsyncSeconds;
    console.log(`ratio (Switchboard / mbsync)  ×${ratio.toFixed(2)}  (target ≤ 1.0: ${ratio <= 1 ? 'pass' : 'FAIL'})`);
    console.log(
      `MIME parsing alone, in memory, ${availableParallelism()} worker threads: ${parsingSeconds.toFixed(2)} s (×${(parsingSeconds / mbsyncSeconds).toFixed(2)} of mbsync), the least a full sync can take here`,
    );
    console.log(`newest 50 conversations listable after  ${ours.firstFiftyMs === null ? 'never' : `${(ours.firstFiftyMs / 1000).toFixed(2)} s`}`);
    console.log(`load average (1 min) before Switchboard ${loadBeforeOurs.toFixed(2)}, before mbsync ${loadBeforeMbsync.toFixed(2)}, before parsing alone ${loadBeforeParsing.toFixed(2)}, on ${availableParallelism()} cores`);
    console.log(`CLI said: ${ours.output}`);
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
