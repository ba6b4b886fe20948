import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImapFlow } from 'imapflow';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { EmailAccount } from '../../../src-main/core/email/email-account-repo';
import { createEmailStore } from '../../../src-main/core/email/email-store';
import { createCore } from '../../../src-main/core/create-core';
import type { MailServer } from '../../support/mail-server';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// Read in place, never copied or changed (DESIGN.md, "Testing with real parts").
const corpusDir = path.resolve(repoRoot, '../shared/corpus/email');

export function corpusMessage(relative: string): Buffer {
  return readFileSync(path.join(corpusDir, relative));
}

/** Every message under a corpus folder, in a stable order; the whole corpus without one. */
export function corpusMessages(folder = ''): Buffer[] {
  const dir = path.join(corpusDir, folder);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => readFileSync(path.join(dir, name)));
}

export type MailOptions = NonNullable<ConstructorParameters<typeof MailComposer>[0]>;

export function composeMessage(options: MailOptions): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}

export async function appendAll(client: ImapFlow, folder: string, messages: Buffer[]): Promise<void> {
  for (const message of messages) await client.append(folder, message, ['\\Seen']);
}

/** What the CLI would save for alice on the harness's plain IMAP port. */
export function aliceSettings(server: MailServer) {
  return {
    address: server.users[0]!.address,
    host: server.imap.host,
    port: server.imap.port,
    tls: 'none' as const,
    username: server.users[0]!.user,
    senderName: 'Alice Plumbing',
  };
}

/** A real core over `dataDir` with the email store, and alice's account in it. */
export function openEmailCore(dataDir: string, server: MailServer) {
  const core = createCore({ dataDir });
  const emailStore = createEmailStore(core.store, dataDir, core.session.workspace.id);
  const account: EmailAccount = emailStore.saveAccount(aliceSettings(server));
  const sqlite = core.store.sqlite;
  const count = (sql: string, ...params: unknown[]) => (sqlite.prepare(sql).pluck().get(...params) as number);
  return {
    core,
    emailStore,
    account,
    sqlite,
    count,
    /** Email entries and other mail, the numbers a duplicate or a lost message would change. */
    counts: () => ({
      entries: count(`SELECT count(*) FROM entries WHERE channel = 'email'`),
      other: count('SELECT count(*) FROM other_mail'),
    }),
  };
}

/** `switchboard email sync` for alice as a child process, the password in the environment. */
export function spawnEmailSync(server: MailServer, dataDir: string, extra: string[] = []): ChildProcess {
  const alice = server.users[0]!;
  const args = [
    '--import', 'tsx', path.join(repoRoot, 'src-main/host/cli/entry.ts'),
    'email', 'sync',
    '--host', server.imap.host, '--port', String(server.imap.port), '--no-tls',
    '--user', alice.user, '--address', alice.address, '--password-env', 'MAIL_PASSWORD',
    '--data', dataDir, ...extra,
  ];
  return spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, MAIL_PASSWORD: alice.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

export async function waitFor<T>(probe: () => T | null | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
