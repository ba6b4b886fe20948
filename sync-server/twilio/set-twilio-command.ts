import { normalizePhone } from '../../src-shared/identity/phone';
import { UsageError } from '../cli/usage-error';
import { PUBLIC_URL_SETTING } from '../public-url';
import { readSetting, type ServerDb } from '../store/server-db';
import { setTwilioAccount } from './twilio-accounts';

export const SET_TWILIO_USAGE =
  'switchboard-sync workspace set-twilio ID --account-sid AC... --auth-token-env VAR --number +1... [--forward-to +1...] [--price-per-segment 0.0079] --data DIR';

export interface SetTwilioValues {
  'account-sid'?: string | undefined;
  'auth-token-env'?: string | undefined;
  number?: string | undefined;
  'forward-to'?: string | undefined;
  'price-per-segment'?: string | undefined;
}

/**
 * Stores the workspace's Twilio account. The auth token stays in the environment variable the
 * operator names (the server reads it there at run time; the file keeps only the name), so it never
 * appears in argv (visible to every user through ps), shell history, a file or a log.
 */
export function setTwilio(db: ServerDb, workspaceId: string, values: SetTwilioValues, env: NodeJS.ProcessEnv = process.env): number {
  const accountSid = values['account-sid'] ?? '';
  if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid)) throw new UsageError('--account-sid must be AC followed by 32 hex digits, as in the Twilio console.');
  const tokenVariable = values['auth-token-env'];
  if (!tokenVariable) throw new UsageError('Missing --auth-token-env VAR: the name of an environment variable holding the auth token.');
  // Checked now, so a typo shows at once; `serve` must be started with the same variable set.
  if ((env[tokenVariable]?.trim() ?? '') === '') throw new UsageError(`The environment variable ${tokenVariable} is not set or empty.`);
  const number = e164Option('number', values.number, null);
  if (number === null) throw new UsageError('Missing --number +1...: the Twilio number of the workspace.');
  // The business phone may be written the local way: it is read in the region of the Twilio number.
  const forwardTo = e164Option('forward-to', values['forward-to'], normalizePhone(number, null).region);
  const pricePerSegment = priceOption(values['price-per-segment']);
  setTwilioAccount(db, { workspaceId, accountSid, authTokenEnv: tokenVariable, number, forwardTo, pricePerSegment });
  const base = `${readSetting(db, PUBLIC_URL_SETTING) ?? 'https://<this server>'}/twilio`;
  const ws = encodeURIComponent(workspaceId);
  console.log(`Twilio set for "${workspaceId}": number ${number}, account ${accountSid}, calls ${forwardTo ? `forwarded to ${forwardTo}` : 'to voicemail'}.`);
  console.log('Configure the number in the Twilio console with (HTTP POST):');
  console.log(`  A message comes in: ${base}/sms?ws=${ws}`);
  console.log(`  A call comes in:    ${base}/voice?ws=${ws}`);
  console.log(`Outbound messages ask for status callbacks at ${base}/status?ws=${ws}.`);
  return 0;
}

function e164Option(name: string, value: string | undefined, region: string | null): string | null {
  if (value === undefined) return null;
  const phone = normalizePhone(value, region);
  if (!phone.e164 || !phone.valid) throw new UsageError(`--${name} must be a valid phone number with its country code (+1...), not "${value}".`);
  return phone.e164;
}

function priceOption(value: string | undefined): number | null {
  if (value === undefined) return null;
  const price = Number(value);
  if (value.trim() === '' || !Number.isFinite(price) || price < 0) throw new UsageError(`--price-per-segment must be a price such as 0.0079, not "${value}".`);
  return price;
}
