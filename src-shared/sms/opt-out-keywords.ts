/**
 * The keywords carriers and Twilio treat as consent changes when they are the whole message
 * (case and surrounding whitespace ignored): after one of the opt-out words nothing may be sent to
 * the number until it opts back in.
 */
const OPT_OUT = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'] as const;
const OPT_IN = ['START', 'UNSTOP'] as const;
const HELP = 'HELP';

export type ConsentKeyword =
  | { kind: 'opt_out'; keyword: string }
  | { kind: 'opt_in'; keyword: string }
  | { kind: 'help'; keyword: string };

export function consentKeyword(body: string): ConsentKeyword | null {
  const word = body.trim().toUpperCase();
  if ((OPT_OUT as readonly string[]).includes(word)) return { kind: 'opt_out', keyword: word };
  if ((OPT_IN as readonly string[]).includes(word)) return { kind: 'opt_in', keyword: word };
  if (word === HELP) return { kind: 'help', keyword: word };
  return null;
}
