import { errorCode, StepFailure } from './step-failure';

/** OpenSSL's names for a certificate that cannot be trusted, and what each means for the person. */
const CERTIFICATE_PROBLEMS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server’s certificate is self-signed, so its identity cannot be checked',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server’s certificate was issued by an untrusted (self-signed) authority',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server’s certificate cannot be traced to a trusted authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the server’s certificate cannot be traced to a trusted authority',
  CERT_HAS_EXPIRED: 'the server’s certificate has expired',
  CERT_NOT_YET_VALID: 'the server’s certificate is not valid yet (check this PC’s clock)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server’s certificate is for a different name than the one entered',
};

/**
 * What a failed step says. Certificate problems are named as such, since they call for a different
 * fix (the server name, or the provider) than a port or a password.
 */
export function describeNetworkError(error: unknown): string {
  if (error instanceof StepFailure) return error.message;
  const code = errorCode(error);
  const certificate = code === undefined ? undefined : CERTIFICATE_PROBLEMS[code];
  if (certificate) return `Certificate error: ${certificate}.`;
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG') {
    return 'The server did not answer with TLS: this port expects a plain or STARTTLS connection. Choose STARTTLS, or the TLS port (993 for IMAP, 465 for SMTP).';
  }
  const text = error instanceof Error ? error.message : String(error);
  return code && !text.includes(code) ? `${text} (${code})` : text;
}
