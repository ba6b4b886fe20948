import { z } from 'zod';
import { TLS_MODES } from '../domain/email-account';
import { normalizeEmail } from '../identity/email';

const mailServer = z.object({
  host: z
    .string()
    .trim()
    .min(1, 'Enter the server name')
    .max(253)
    .regex(/^[^\s/@]+$/, 'A server name has no spaces, slashes or @'),
  port: z.number().int().min(1, 'Ports run from 1 to 65535').max(65535, 'Ports run from 1 to 65535'),
  tls: z.enum(TLS_MODES),
});

/** What Settings → Email sends to save or test an account; a missing password keeps the saved one. */
export const emailAccountInput = z.object({
  /** Normalized as message addresses are, so our own mail is recognized as ours. */
  address: z
    .string()
    .max(320)
    .transform((value, ctx) => {
      const { address } = normalizeEmail(value);
      if (address) return address;
      ctx.issues.push({ code: 'custom', message: 'Enter the email address customers write to.', input: value });
      return z.NEVER;
    }),
  senderName: z.string().trim().max(200).default(''),
  imap: mailServer,
  smtp: mailServer,
  user: z.string().trim().min(1, 'Enter the user name').max(320),
  password: z.string().min(1).max(1000).optional(),
});

export type EmailAccountInput = z.output<typeof emailAccountInput>;
