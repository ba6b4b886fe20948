import { normalizeEmail } from '../../../../src-shared/identity/email';
import { readMessageId } from './message-ids';
import { findEnhancedStatus } from './status-code';

export interface BounceTextFindings {
  status: string | null;
  recipient: string | null;
  diagnostic: string | null;
  originalMessageId: string | null;
}

// Where the MTA's explanation ends and its copy of the returned message begins.
const RETURNED_COPY =
  /^.*(?:original message|copy of the message|below this line|message headers follow|undelivered message|returned message|unsent message).*$|^(?:Received|Return-Path|Message-ID):/im;
const REPLY_CODE = /(?<![\w.-])([45])\d\d(?=[\s:-])/;
const RCPT_TO = /RCPT TO:\s*<([^<>\s]+@[^<>\s]+)>/i;
// qmail and Yahoo write the failed address alone on a line, bracketed or not, before a colon.
const ADDRESS_LINE = /^[ \t]*<?([^\s<>@]+@[^\s<>:]+?)>?[ \t]*:/m;
const BRACKETED_ADDRESS = /<([^<>\s]+@[^<>\s]+)>/g;
const BARE_ADDRESS = /[^\s<>()[\],;:"'@]+@[^\s<>()[\],;:"'@]+\.[a-z]{2,}/gi;

/**
 * What a bounce written for people says: Exim, qmail, Yahoo, carriers' own formats. Each MTA words it
 * differently (sisimai keeps a module per MTA), so this reads the common shapes: the failed address
 * after RCPT TO, alone on a line, or as the first address that is not one of the bounce's own; the
 * enhanced status code, else the class of the SMTP reply code; the line that holds the code.
 */
export function readBounceText(text: string, ownAddresses: Set<string>): BounceTextFindings {
  const copyAt = text.search(RETURNED_COPY);
  const explanation = copyAt >= 0 ? text.slice(0, copyAt) : text;
  const returnedCopy = copyAt >= 0 ? text.slice(copyAt) : '';
  const enhanced = findEnhancedStatus(explanation);
  const reply = REPLY_CODE.exec(explanation);
  const codeAt = enhanced?.index ?? reply?.index;
  return {
    status: enhanced?.code ?? (reply ? `${reply[1]}.0.0` : null),
    recipient: failedRecipient(explanation, ownAddresses) ?? originalRecipient(returnedCopy),
    diagnostic: codeAt === undefined ? null : lineAround(explanation, codeAt),
    originalMessageId: readMessageId(/^Message-ID:[ \t]*(.*)$/im.exec(returnedCopy)?.[1] ?? null),
  };
}

function failedRecipient(explanation: string, ownAddresses: Set<string>): string | null {
  const candidates = [
    RCPT_TO.exec(explanation)?.[1],
    ADDRESS_LINE.exec(explanation)?.[1],
    ...[...explanation.matchAll(BRACKETED_ADDRESS)].map((m) => m[1]),
    ...[...explanation.matchAll(BARE_ADDRESS)].map((m) => m[0]),
  ];
  for (const candidate of candidates) {
    const address = candidate ? normalizeEmail(candidate).address : null;
    if (address && !ownAddresses.has(address)) return address;
  }
  return null;
}

/** When the explanation names nobody, the returned message's own To is the best remaining witness. */
function originalRecipient(returnedCopy: string): string | null {
  const to = /^To:[ \t]*(.*)$/im.exec(returnedCopy)?.[1];
  return to ? normalizeEmail(to).address : null;
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end < 0 ? undefined : end).replace(/\s+/g, ' ').trim();
}
