import type { AddressObject, EmailAddress as MailparserAddress } from 'mailparser';
import { normalizeEmail } from '../../../../src-shared/identity/email';
import type { EmailAddress } from './parsed-email';

/**
 * Every mailbox of an address header, groups flattened, each address normalized as contacts store it.
 * Entries that are no address at all (an empty group, `undisclosed-recipients:;`, a bare `<>`) are
 * left out: they can never identify a customer.
 */
export function readAddresses(header: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  if (!header) return [];
  const mailboxes = (Array.isArray(header) ? header : [header]).flatMap((object) => object.value.flatMap(flatten));
  return mailboxes.flatMap((mailbox) => {
    const { address } = normalizeEmail(mailbox.address ?? '');
    return address ? [{ address, name: mailbox.name.trim() || null }] : [];
  });
}

function flatten(entry: MailparserAddress): MailparserAddress[] {
  return entry.group ? entry.group.flatMap(flatten) : [entry];
}
