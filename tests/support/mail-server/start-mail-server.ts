import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forget, guardAgainstCrash, recordGroups } from './crash-cleanup';
import { DaemonProcess } from './daemon-process';
import { dovecotConfig, dovecotPasswdFile } from './dovecot-config';
import { freePorts } from './free-port';
import { postfixMainCf, postfixMasterCf } from './postfix-config';
import { makeSelfSignedCert } from './tls-cert';
import { waitForPort } from './wait-for-port';

export interface MailUser {
  /** IMAP/SMTP login; `address` works as a login too. */
  user: string;
  password: string;
  address: string;
}

export interface MailEndpoint {
  host: string;
  port: number;
}

export interface TlsEndpoint extends MailEndpoint {
  secure: true;
  /** The self-signed certificate, to pass as `tls.ca`; it names localhost, 127.0.0.1 and 127.0.0.2. */
  ca: string;
}

export interface MailServer {
  domain: string;
  /** Plain IMAP, no STARTTLS offered. */
  imap: MailEndpoint & { secure: false };
  imaps: TlsEndpoint;
  /** Postfix; accepts mail for `domain` from loopback without AUTH, and offers AUTH PLAIN/LOGIN. */
  smtp: MailEndpoint & { secure: false };
  smtps: TlsEndpoint;
  /** Dovecot's LMTP, the way Postfix delivers; for tests that want to inject mail without Postfix. */
  lmtp: MailEndpoint;
  users: MailUser[];
  /** The temp folder holding configs, logs, queue and mail. */
  dir: string;
  postfixConfigDir: string;
  /** The user's Maildir (cur/new/tmp), readable by the test since it runs as root. */
  maildir(user: string): string;
  /** The last lines of both daemons' logs, for failure messages. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

export interface MailServerOptions {
  /** Defaults to alice and bob. Names and passwords may not contain ':' or line breaks. */
  users?: Array<{ user: string; password: string }>;
  domain?: string;
  startTimeoutMs?: number;
}

const HOST = '127.0.0.1';
// IMAPS needs an address of its own; see dovecot-config.ts.
const TLS_HOST = '127.0.0.2';
const DEFAULT_USERS = [
  { user: 'alice', password: 'alice-password' },
  { user: 'bob', password: 'bob-password' },
];

class PortClash extends Error {}

/**
 * Starts a private Dovecot (IMAP, IMAPS, LMTP, SASL) and Postfix (SMTP, SMTPS) on free loopback
 * ports in a fresh temp folder, and resolves once every port answers. Needs root and the Debian
 * packages dovecot-imapd, dovecot-lmtpd and postfix (scripts/test-all.sh installs them).
 */
export async function startMailServer(options: MailServerOptions = {}): Promise<MailServer> {
  checkPrerequisites();
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      // A free port can be taken by another test file between choosing it and the daemon's bind.
      if (error instanceof PortClash && attempt < 3) continue;
      throw error;
    }
  }
}

async function startOnce(options: MailServerOptions): Promise<MailServer> {
  const domain = options.domain ?? 'example.test';
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-mail-'));
  // The daemons drop root (dovenull, dovecot, postfix, the mail uid) and must still reach their files.
  chmodSync(dir, 0o755);
  const paths = {
    dovecotConf: path.join(dir, 'dovecot.conf'),
    dovecotLog: path.join(dir, 'dovecot.log'),
    dovecotOutput: path.join(dir, 'dovecot.out'),
    passwd: path.join(dir, 'users.passwd'),
    mail: path.join(dir, 'mail'),
    postfixRoot: path.join(dir, 'postfix'),
    postfixConfig: path.join(dir, 'postfix', 'etc'),
    postfixQueue: path.join(dir, 'postfix', 'spool'),
    postfixData: path.join(dir, 'postfix', 'data'),
    postfixLog: path.join(dir, 'postfix', 'maillog'),
    postfixOutput: path.join(dir, 'postfix', 'postfix.out'),
  };
  const daemons: DaemonProcess[] = [];
  const processGroups = () => {
    const groups = daemons.flatMap((daemon) => [...daemon.groups]);
    const master = postfixMasterPid(paths.postfixQueue);
    if (master !== null) groups.push(master);
    return groups;
  };
  const logTail = (lines = 40) =>
    [paths.dovecotLog, paths.dovecotOutput, paths.postfixLog, paths.postfixOutput]
      .map((file) => `--- ${path.relative(dir, file)}\n${tail(file, lines)}`)
      .join('\n');
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      const master = postfixMasterPid(paths.postfixQueue);
      const postfix = daemons.find((daemon) => daemon.name === 'postfix');
      if (postfix && master !== null) postfix.groups.add(master);
      await Promise.all(daemons.map((daemon) => daemon.stop()));
      forget(dir);
      rmSync(dir, { recursive: true, force: true });
    })();
    return stopped;
  };
  guardAgainstCrash(dir, processGroups, [path.join(paths.postfixQueue, 'pid', 'master.pid')]);

  try {
    const [imapPort, lmtpPort, authPort, smtpPort, smtpsPort] = (await freePorts(5, HOST)) as [number, number, number, number, number];
    const [imapsPort] = (await freePorts(1, TLS_HOST)) as [number];
    const tls = await makeSelfSignedCert(path.join(dir, 'tls'), [HOST, TLS_HOST]);
    const { uid: mailUid, gid: mailGid } = mailOwner();

    const users = (options.users ?? DEFAULT_USERS).map((u) => {
      if (/[:\r\n]/.test(u.user + u.password)) throw new Error(`mail user ${JSON.stringify(u.user)}: no ':' or line breaks`);
      return { ...u, user: u.user.toLowerCase(), address: `${u.user.toLowerCase()}@${domain}` };
    });
    const home = (user: string) => path.join(paths.mail, user.toLowerCase().replace(/@.*$/, ''));
    for (const u of users) {
      mkdirSync(home(u.user), { recursive: true });
      chownSync(home(u.user), mailUid, mailGid);
    }
    writeFileSync(paths.passwd, dovecotPasswdFile(users.map((u) => ({ ...u, home: home(u.user) })), mailUid, mailGid));
    writeFileSync(
      paths.dovecotConf,
      dovecotConfig({
        instanceName: `sb-${path.basename(dir)}`,
        runDir: path.join(dir, 'dovecot-run'),
        stateDir: path.join(dir, 'dovecot-state'),
        logFile: paths.dovecotLog,
        passwdFile: paths.passwd,
        mailUid,
        mailGid,
        host: HOST,
        tlsHost: TLS_HOST,
        ports: { imap: imapPort, imaps: imapsPort, lmtp: lmtpPort, auth: authPort },
        certFile: tls.certFile,
        keyFile: tls.keyFile,
        domain,
      }),
    );

    const postfixInput = {
      rootDir: paths.postfixRoot,
      queueDir: paths.postfixQueue,
      dataDir: paths.postfixData,
      logFile: paths.postfixLog,
      host: HOST,
      ports: { smtp: smtpPort, smtps: smtpsPort },
      domain,
      lmtpPort,
      saslPort: authPort,
      certFile: tls.certFile,
      keyFile: tls.keyFile,
    };
    for (const d of [paths.postfixConfig, paths.postfixQueue, paths.postfixData]) mkdirSync(d, { recursive: true, mode: 0o755 });
    // `postfix check` wants its data directory owned by the mail_owner.
    const postfixUser = systemAccount('postfix');
    chownSync(paths.postfixData, postfixUser.uid, postfixUser.gid);
    for (const [name, text] of [['main.cf', postfixMainCf(postfixInput)], ['master.cf', postfixMasterCf(postfixInput)]] as const) {
      const file = path.join(paths.postfixConfig, name);
      writeFileSync(file, text);
      // Postfix re-reads a config file until its mtime is a second or two old (it may be mid-edit),
      // which would add two seconds to every start.
      const past = new Date(Date.now() - 60_000);
      utimesSync(file, past, past);
    }

    // Started together: Postfix needs Dovecot only once mail or a login arrives.
    const [dovecot, postfix] = await Promise.all([
      DaemonProcess.start('dovecot', 'dovecot', ['-F', '-c', paths.dovecotConf], paths.dovecotOutput),
      // start-fg runs the same integrity checks as `postfix check` and refuses to start if they fail.
      DaemonProcess.start('postfix', 'postfix', ['-c', paths.postfixConfig, 'start-fg'], paths.postfixOutput),
    ]);
    daemons.push(dovecot, postfix);
    recordGroups(dir);

    const wait = (describe: string, daemon: DaemonProcess, port: number, banner?: RegExp, host = HOST, tlsCa?: string) =>
      waitForPort({ host, port, banner, tlsCa, timeoutMs, describe, stillRunning: () => daemon.running });
    try {
      await Promise.all([
        // The first greeting can be "Waiting for authentication process"; only the CAPABILITY one means ready.
        wait('Dovecot IMAP', dovecot, imapPort, /^\* OK \[CAPABILITY [^\r\n]*\r\n/m),
        wait('Dovecot IMAPS', dovecot, imapsPort, /^\* OK \[CAPABILITY [^\r\n]*\r\n/m, TLS_HOST, tls.cert),
        wait('Dovecot LMTP', dovecot, lmtpPort, /^220 [^\r\n]*\r\n/m),
        // The auth server greets with its mechanisms, ending in DONE.
        wait('Dovecot SASL', dovecot, authPort, /^DONE\r?\n/m),
        wait('Postfix SMTP', postfix, smtpPort, /^220 [^\r\n]*\r\n/m),
        wait('Postfix SMTPS', postfix, smtpsPort, /^220 [^\r\n]*\r\n/m, HOST, tls.cert),
      ]);
    } catch (error) {
      const logs = logTail();
      if (/Address already in use/i.test(logs)) throw new PortClash(`port clash:\n${logs}`);
      throw new Error(`${(error as Error).message}\n${logs}`);
    }
    recordGroups(dir);

    return {
      domain,
      imap: { host: HOST, port: imapPort, secure: false },
      imaps: { host: TLS_HOST, port: imapsPort, secure: true, ca: tls.cert },
      smtp: { host: HOST, port: smtpPort, secure: false },
      smtps: { host: HOST, port: smtpsPort, secure: true, ca: tls.cert },
      lmtp: { host: HOST, port: lmtpPort },
      users: users.map(({ user, password, address }) => ({ user, password, address })),
      dir,
      postfixConfigDir: paths.postfixConfig,
      maildir: (user: string) => path.join(home(user), 'Maildir'),
      logTail,
      stop,
    };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}

function checkPrerequisites(): void {
  if (process.getuid?.() !== 0) {
    throw new Error('The mail-server harness runs Dovecot and Postfix and must run as root (as the test containers do).');
  }
  const missing = ['/usr/sbin/dovecot', '/usr/lib/dovecot/lmtp', '/usr/lib/dovecot/imap', '/usr/sbin/postfix', '/usr/bin/openssl'].filter(
    (file) => !existsSync(file),
  );
  if (missing.length > 0) {
    throw new Error(
      `The mail-server harness needs ${missing.join(', ')}: ` +
        'apt-get install dovecot-imapd dovecot-lmtpd postfix openssl (scripts/test-all.sh does this).',
    );
  }
}

/** Dovecot will not deliver as uid 0, so as root the mail belongs to nobody. */
function mailOwner(): { uid: number; gid: number } {
  const uid = process.getuid?.() ?? 0;
  if (uid !== 0) return { uid, gid: process.getgid?.() ?? uid };
  return systemAccount('nobody');
}

function systemAccount(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) throw new Error(`no '${name}' user in /etc/passwd`);
  return { uid: Number(uid), gid: Number(gid) };
}

function postfixMasterPid(queueDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(queueDir, 'pid', 'master.pid'), 'latin1').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines - 1).join('\n');
  } catch {
    return '(no file)';
  }
}

/** Used by tests to double-check the generated Postfix configuration. */
export function postfixCheck(configDir: string): void {
  execFileSync('postfix', ['-c', configDir, 'check'], { stdio: 'pipe' });
}
