import { connect, type Socket } from 'node:net';
import { errorCode, StepFailure } from './step-failure';
import type { Step } from './run-steps';

export const TCP_TIMEOUT_MS = 5_000;

/** Resolves once connected; a server that never answers fails after `timeoutMs` instead of the OS's minutes. */
export function openTcp(host: string, port: number, timeoutMs = TCP_TIMEOUT_MS): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new StepFailure(`No answer from ${host} on port ${port} within ${timeoutMs / 1000} s. The port may be wrong, or a firewall blocks it.`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(describeTcpError(error, host, port));
    });
  });
}

function describeTcpError(error: unknown, host: string, port: number): Error {
  switch (errorCode(error)) {
    case 'ECONNREFUSED':
      return new StepFailure(`${host} refused a connection on port ${port}: nothing listens there. Check the port number.`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new StepFailure(`The network cannot reach ${host}. Check this PC’s connection.`);
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

export function tcpStep(host: string, port: number): Step {
  return {
    step: 'tcp',
    async run() {
      const socket = await openTcp(host, port);
      socket.destroy();
      return `Connected to port ${port}`;
    },
  };
}
