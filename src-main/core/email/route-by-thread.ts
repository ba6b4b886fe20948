import type Database from 'better-sqlite3';
import type { IdentityKey } from '../../../src-shared/identity/resolve';
import type { CustomerEmail, SyncedEmail } from './email-batch';

/** A reply from an address no contact has, filed with the customer whose conversation it answers. */
export interface ThreadJoin {
  entryId: string;
  address: string;
  contactName: string;
}

interface ThreadContact {
  contactId: string;
  displayName: string;
}

/**
 * Which customer a synced message belongs to beyond its From address, decided before ingest:
 *
 * - An auto-reply from a customer's known address joins that customer's thread ("away until Monday"
 *   is worth seeing next to the estimate it answers); from anyone else it stays in Other mail.
 * - A reply from an unknown address whose In-Reply-To or References name a message of a customer's
 *   conversation joins that conversation, and the address becomes one of that customer's: only someone
 *   the thread reached can answer it, the next message from that address (a customer writing from
 *   their work account, a spouse on the same job) belongs there too, and every inbound entry keeps
 *   coming from an address of its contact, which the display relies on to decide whose images load.
 *   The thread says so in a system line, so a wrong guess is seen and can be fixed by a person.
 *
 * The joining works through ingest's own rule: the contact's known identity goes after the new one,
 * so ingest finds the contact by it and adds the new address, locally or in the shared document.
 */
export function createThreadRouting(sqlite: Database.Database) {
  const ownerOf = sqlite.prepare(`SELECT contact_id FROM identities WHERE workspace_id = ? AND kind = 'email' AND value = ?`).pluck();
  const contactOfMessage = sqlite.prepare(`
    SELECT c.contact_id AS contactId, ct.display_name AS displayName
    FROM email_messages m
    JOIN entries e ON e.id = m.id
    JOIN conversations c ON c.id = e.conversation_id
    JOIN contacts ct ON ct.id = c.contact_id
    WHERE m.message_id = ? AND m.filed_as = 'entry' AND e.workspace_id = ?
    LIMIT 1`);
  const identityOf = sqlite.prepare(`
    SELECT kind, value FROM identities WHERE contact_id = ? AND valid = 1
    ORDER BY kind = 'email' DESC, id LIMIT 1`);

  const known = (workspaceId: string, address: string) => ownerOf.get(workspaceId, address) !== undefined;

  /** The nearest ancestor first: In-Reply-To, then References from the last. */
  function threadContact(workspaceId: string, mail: CustomerEmail): ThreadContact | null {
    const ancestors = [mail.chain.inReplyTo, ...[...mail.chain.references].reverse()].filter((id): id is string => id !== null);
    for (const messageId of new Set(ancestors)) {
      const found = contactOfMessage.get(messageId, workspaceId) as ThreadContact | undefined;
      if (found) return found;
    }
    return null;
  }

  return function route(workspaceId: string, mail: SyncedEmail): { mail: SyncedEmail; join: ThreadJoin | null } {
    if (mail.filedAs === 'other') {
      const sender = mail.customerEntry?.customer.identities[0]?.value;
      if (!mail.customerEntry || !sender || !known(workspaceId, sender)) return { mail, join: null };
      return { mail: { filedAs: 'entry', entry: mail.customerEntry, chain: mail.chain }, join: null };
    }
    const sender = mail.entry.customer.identities[0];
    if (mail.entry.direction !== 'inbound' || !sender || known(workspaceId, sender.value)) return { mail, join: null };
    const contact = threadContact(workspaceId, mail);
    const identity = contact && (identityOf.get(contact.contactId) as IdentityKey | undefined);
    if (!contact || !identity) return { mail, join: null };
    const entry = { ...mail.entry, customer: { ...mail.entry.customer, identities: [sender, identity] } };
    return { mail: { ...mail, entry }, join: { entryId: entry.id, address: sender.value, contactName: contact.displayName } };
  };
}
