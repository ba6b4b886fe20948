import { normalizeEmail } from '../../../../src-shared/identity/email';
import { findEnhancedStatus } from './status-code';

export interface RecipientStatus {
  action: string | null;
  status: string | null;
  recipient: string | null;
  diagnostic: string | null;
}

/**
 * The per-recipient fields of an RFC 3464 message/delivery-status part. Its first block describes the
 * reporting MTA and names no recipient, so it drops out on its own.
 */
export function readDeliveryStatus(body: string): RecipientStatus[] {
  return body
    .split(/\r?\n[ \t]*\r?\n/)
    .map(readFields)
    .filter((fields) => fields.has('final-recipient') || fields.has('original-recipient'))
    .map((fields) => ({
      action: fields.get('action')?.split(/\s/)[0]?.toLowerCase() ?? null,
      status: findEnhancedStatus(fields.get('status') ?? '')?.code ?? null,
      // Original-Recipient is the address as we wrote it; Final-Recipient may be the result of aliasing.
      recipient: typedAddress(fields.get('original-recipient')) ?? typedAddress(fields.get('final-recipient')),
      diagnostic: typedValue(fields.get('diagnostic-code')),
    }));
}

/**
 * The recipient a report is about: the first that failed, else the first delayed. Null when every
 * recipient was delivered, relayed or expanded: a success notice is no bounce.
 */
export function pickFailedRecipient(recipients: RecipientStatus[]): RecipientStatus | null {
  return (
    recipients.find((r) => r.action === 'failed') ??
    recipients.find((r) => r.action === 'delayed') ??
    recipients.find((r) => r.action === null && r.status !== null && !r.status.startsWith('2')) ??
    null
  );
}

function readFields(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
  }
  return fields;
}

/** `rfc822; a@b` and `smtp; 550 ...` carry their type before the semicolon; the value is after it. */
function typedValue(field: string | undefined): string | null {
  if (field === undefined) return null;
  const value = (field.includes(';') ? field.slice(field.indexOf(';') + 1) : field).replace(/\s+/g, ' ').trim();
  return value === '' ? null : value;
}

function typedAddress(field: string | undefined): string | null {
  const value = typedValue(field);
  return value === null ? null : normalizeEmail(value).address;
}
