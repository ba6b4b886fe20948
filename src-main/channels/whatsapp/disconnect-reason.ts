/**
 * What a closed connection means for the link, by Baileys' DisconnectReason status code. Logged out
 * (401) and replaced by another session (440) need a person; a restart request (515, normal right
 * after pairing) reconnects at once; everything else (408 lost or timed out, 428 closed, 503, no
 * network at all) reconnects with backoff.
 */
export type CloseOutcome = { kind: 'logged_out'; reason: string; forgetSession: boolean } | { kind: 'restart' } | { kind: 'retry'; reason: string };

export function closeOutcome(error: unknown): CloseOutcome {
  const code = statusCode(error);
  if (code === 401) {
    return { kind: 'logged_out', forgetSession: true, reason: 'WhatsApp logged this PC out (from the phone, or the link expired). Link it again with a new QR code.' };
  }
  if (code === 440) {
    return { kind: 'logged_out', forgetSession: false, reason: 'Another WhatsApp Web or desktop session took over this link. Link again here to take it back.' };
  }
  if (code === 515) return { kind: 'restart' };
  return { kind: 'retry', reason: describe(code, error) };
}

function statusCode(error: unknown): number | null {
  const code = (error as { output?: { statusCode?: unknown } } | undefined)?.output?.statusCode;
  return typeof code === 'number' ? code : null;
}

function describe(code: number | null, error: unknown): string {
  const message = error instanceof Error ? error.message : null;
  const network = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|ETIMEDOUT|getaddrinfo/i.test(message ?? '');
  if (network) return `WhatsApp cannot be reached from this PC (no network or blocked: ${message}).`;
  const known: Record<number, string> = {
    408: 'The connection to WhatsApp was lost or timed out.',
    428: 'WhatsApp closed the connection.',
    503: 'WhatsApp is unavailable right now.',
  };
  return (code !== null ? known[code] : undefined) ?? `The connection to WhatsApp closed${message ? `: ${message}` : ''}.`;
}
