import { isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import type { TlsMode } from '../../../../src-shared/domain/email-account';
import { lineDialog, type LineDialog } from './line-dialog';
import type { Step } from './run-steps';
import { StepFailure } from './step-failure';
import { openTcp } from './tcp-step';

const TLS_TIMEOUT_MS = 10_000;

/**
 * Checks that TLS can be set up the way the account asks: a handshake from the first byte for
 * implicit TLS, or the server's STARTTLS and then the handshake. The certificate is checked as the
 * sync will check it, so a certificate error shows here, named as such, rather than as a failed login.
 */
export function tlsStep(host: string, port: number, mode: Exclude<TlsMode, 'none'>, startTls: (dialog: LineDialog) => Promise<void>): Step {
  return {
    step: 'tls',
    async run() {
      const socket = await openTcp(host, port);
      try {
        if (mode === 'starttls') {
          const dialog = lineDialog(socket, TLS_TIMEOUT_MS);
          await startTls(dialog);
          dialog.release();
        }
        const secured = await handshake({ socket, servername: isIP(host) ? undefined : host });
        const protocol = secured.getProtocol();
        secured.destroy();
        return `${mode === 'starttls' ? 'STARTTLS' : 'TLS'} set up (${protocol ?? 'TLS'}), certificate valid`;
      } finally {
        socket.destroy();
      }
    },
  };
}

function handshake(options: ConnectionOptions & { socket: Socket }): Promise<ReturnType<typeof tlsConnect>> {
  return new Promise((resolve, reject) => {
    const secured = tlsConnect(options);
    const timer = setTimeout(() => {
      secured.destroy();
      reject(new StepFailure(`The TLS handshake did not finish within ${TLS_TIMEOUT_MS / 1000} s. This port may not be for TLS.`));
    }, TLS_TIMEOUT_MS);
    secured.once('secureConnect', () => {
      clearTimeout(timer);
      resolve(secured);
    });
    secured.once('error', (error) => {
      clearTimeout(timer);
      secured.destroy();
      reject(error);
    });
  });
}
