import type { LineDialog } from './line-dialog';
import { StepFailure } from './step-failure';

/** Asks an IMAP server to start TLS (RFC 3501 §6.2.1); resolves when the socket may be upgraded. */
export async function imapStartTls(dialog: LineDialog): Promise<void> {
  const greeting = await dialog.line();
  if (!/^\* (OK|PREAUTH)\b/i.test(greeting)) throw new StepFailure(`This does not look like an IMAP server; it said “${greeting.slice(0, 80)}”.`);
  let capabilities = /\[CAPABILITY ([^\]]*)\]/i.exec(greeting)?.[1];
  if (capabilities === undefined) {
    dialog.send('s1 CAPABILITY');
    for (let line = await dialog.line(); !line.startsWith('s1 '); line = await dialog.line()) {
      capabilities = /^\* CAPABILITY (.*)$/i.exec(line)?.[1] ?? capabilities;
    }
  }
  if (!/\bSTARTTLS\b/i.test(capabilities ?? '')) throw noStartTls();
  dialog.send('s2 STARTTLS');
  let answer = await dialog.line();
  while (!answer.startsWith('s2 ')) answer = await dialog.line();
  if (!/^s2 OK\b/i.test(answer)) throw new StepFailure(`The server refused STARTTLS: “${answer.slice(3, 120)}”.`);
}

/** The same for SMTP (RFC 3207): the greeting, EHLO, then STARTTLS. */
export async function smtpStartTls(dialog: LineDialog): Promise<void> {
  const greeting = await smtpReply(dialog);
  if (greeting.code !== '220') throw new StepFailure(`This does not look like an SMTP server ready for mail; it said “${greeting.text.slice(0, 80)}”.`);
  dialog.send('EHLO [127.0.0.1]');
  const ehlo = await smtpReply(dialog);
  if (ehlo.code !== '250') throw new StepFailure(`The server did not accept EHLO: “${ehlo.text.slice(0, 120)}”.`);
  if (!/^STARTTLS\b/im.test(ehlo.text)) throw noStartTls();
  dialog.send('STARTTLS');
  const ready = await smtpReply(dialog);
  if (ready.code !== '220') throw new StepFailure(`The server refused STARTTLS: “${ready.text.slice(0, 120)}”.`);
}

/** One reply, which may span lines (`250-…` continues, `250 …` ends). */
async function smtpReply(dialog: LineDialog): Promise<{ code: string; text: string }> {
  const lines: string[] = [];
  for (;;) {
    const line = await dialog.line();
    lines.push(line.slice(4));
    if (!/^\d{3}-/.test(line)) return { code: line.slice(0, 3), text: lines.join('\n') };
  }
}

function noStartTls(): StepFailure {
  return new StepFailure(
    'The server does not offer STARTTLS on this port, so the password would travel unencrypted. Choose the TLS port (993 for IMAP, 465 for SMTP) or ask the provider.',
  );
}
