import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TlsFiles {
  certFile: string;
  keyFile: string;
  /** The certificate in PEM; clients pass it as `ca`, since it signs itself. */
  cert: string;
}

/**
 * A self-signed certificate made at start, so TLS paths get tested without a key in the repository.
 * An EC key because it takes milliseconds where RSA takes a noticeable part of the start-up.
 */
export async function makeSelfSignedCert(dir: string, ipAddresses: string[]): Promise<TlsFiles> {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  const altNames = ['DNS:localhost', ...ipAddresses.map((ip) => `IP:${ip}`)].join(',');
  await run('openssl', [
    'req', '-x509', '-nodes', '-days', '2',
    '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
    '-keyout', keyFile, '-out', certFile,
    '-subj', '/CN=localhost', '-addext', `subjectAltName=${altNames}`,
  ]);
  return { certFile, keyFile, cert: readFileSync(certFile, 'utf8') };
}
