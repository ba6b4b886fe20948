import type { Socket } from 'node:net';
import { StepFailure } from './step-failure';

export interface LineDialog {
  /** The next line the server sent, without its CRLF. */
  line(): Promise<string>;
  send(command: string): void;
  /** Stops reading, so TLS can take the socket over. */
  release(): void;
}

/** Just enough of a line protocol to reach STARTTLS on IMAP and SMTP, with a deadline for each answer. */
export function lineDialog(socket: Socket, timeoutMs: number): LineDialog {
  let buffer = '';
  let ended: Error | null = null;
  let wake: (() => void) | null = null;
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    wake?.();
  };
  const onEnd = () => {
    ended = new StepFailure('The server closed the connection before TLS could start.');
    wake?.();
  };
  socket.on('data', onData);
  socket.on('close', onEnd);
  socket.on('error', onEnd);

  return {
    async line() {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf('\n');
        if (end >= 0) {
          const line = buffer.slice(0, end).replace(/\r$/, '');
          buffer = buffer.slice(end + 1);
          return line;
        }
        if (ended) throw ended;
        const left = deadline - Date.now();
        if (left <= 0) throw new StepFailure(`The server did not answer within ${timeoutMs / 1000} s.`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            wake = null;
            resolve();
          };
        });
      }
    },
    send(command) {
      socket.write(`${command}\r\n`);
    },
    release() {
      socket.off('data', onData);
      socket.off('close', onEnd);
      socket.off('error', onEnd);
    },
  };
}
