import type Database from 'better-sqlite3';
import type { NormalizedInbound } from '../../../src-shared/domain/inbound';
import type { IdentityKey } from '../../../src-shared/identity/resolve';
import type { CustomerEmail, SyncedEmail } from './email-batch';

/** A reply from an address no contact has, filed with the customer whose conversation it answers. */
export interface ThreadJoin {
  entryId: string;
  address: string;
  contactName: string;
}

/** The customer a thread belongs to, by one identity ingest will find them through. */
interface ThreadContact {
  identity: IdentityKey;
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

  const known = (workspaceId: string, address: string, batch: BatchCustomers) => batch.senders.has(address) || ownerOf.get(workspaceId, address) !== undefined;

  /** The nearest ancestor first: In-Reply-To, then References from the last; this batch's mail counts too. */
  function threadContact(workspaceId: string, mail: CustomerEmail, batch: BatchCustomers): ThreadContact | null {
    const ancestors = [mail.chain.inReplyTo, ...[...mail.chain.references].reverse()].filter((id): id is string => id !== null);
    for (const messageId of new Set(ancestors)) {
      const found = contactOfMessage.get(messageId, workspaceId) as { contactId: string; displayName: string } | undefined;
      const identity = found && (identityOf.get(found.contactId) as IdentityKey | undefined);
      if (found && identity) return { identity, displayName: found.displayName };
      const inBatch = batch.byMessageId.get(messageId);
      if (inBatch) return inBatch;
    }
    return null;
  }

  function route(workspaceId: string, mail: SyncedEmail, batch: BatchCustomers): Routed {
    if (mail.filedAs === 'other') {
      const sender = mail.customerEntry?.customer.identities[0];
      if (!mail.customerEntry || !sender || !known(workspaceId, sender.value, batch)) return { mail, join: null, after: false };
      const entry = joining(mail.customerEntry, batch.joined.get(sender.value));
      return { mail: { filedAs: 'entry', entry, chain: mail.chain }, join: null, after: true };
    }
    const sender = mail.entry.customer.identities[0];
    if (mail.entry.direction !== 'inbound' || !sender) return { mail, join: null, after: false };
    // An address that joined a customer earlier in this batch is not on file yet: it joins again.
    const joinedBefore = batch.joined.get(sender.value);
    if (joinedBefore) return { mail: { ...mail, entry: joining(mail.entry, joinedBefore) }, join: null, after: true };
    if (known(workspaceId, sender.value, batch)) return { mail, join: null, after: false };
    const contact = threadContact(workspaceId, mail, batch);
    if (!contact) return { mail, join: null, after: false };
    const entry = joining(mail.entry, contact);
    return { mail: { ...mail, entry }, join: { entryId: entry.id, address: sender.value, contactName: contact.displayName }, after: true };
  }

  /**
   * Routes a batch, oldest first so a reply sees the customers its ancestors in the same batch bring.
   * Mail that joins someone else (replies from new addresses, auto-replies) is then ingested after the
   * rest, so a customer first seen in this batch exists, under their own name, by the time it joins.
   */
  return function routeBatch(workspaceId: string, emails: readonly SyncedEmail[]): { emails: SyncedEmail[]; joins: Map<string, ThreadJoin> } {
    const batch: BatchCustomers = { senders: new Set(), joined: new Map(), byMessageId: new Map() };
    const routed: Routed[] = new Array(emails.length);
    for (const i of chronological(emails)) {
      routed[i] = route(workspaceId, emails[i]!, batch);
      remember(batch, routed[i]!);
    }
    const ordered = [...routed.filter((r) => !r.after), ...routed.filter((r) => r.after)];
    return {
      emails: ordered.map((r) => r.mail),
      joins: new Map(routed.flatMap((r) => (r.join ? [[r.join.entryId, r.join] as const] : []))),
    };
  };
}

interface Routed {
  mail: SyncedEmail;
  join: ThreadJoin | null;
  /** Ingested after the batch's other mail. */
  after: boolean;
}

interface BatchCustomers {
  /** Addresses this batch's customer mail routed so far came from. */
  senders: Set<string>;
  /** Addresses not on file that joined a customer by answering their thread, earlier in this batch. */
  joined: Map<string, ThreadContact>;
  /** The customer of each customer message routed so far, by Message-ID. */
  byMessageId: Map<string, ThreadContact>;
}

/** The entry with the customer's known identity after its own, which ingest files it under. */
function joining(entry: NormalizedInbound, contact: ThreadContact | undefined): NormalizedInbound {
  if (!contact) return entry;
  return { ...entry, customer: { ...entry.customer, identities: [...entry.customer.identities, contact.identity] } };
}

function chronological(emails: readonly SyncedEmail[]): number[] {
  const at = (mail: SyncedEmail) => (mail.filedAs === 'entry' ? mail.entry.occurredAt : mail.occurredAt);
  return emails.map((_, i) => i).sort((a, b) => at(emails[a]!) - at(emails[b]!));
}

/** A customer message routed: its sender is known from now on, and a reply to it finds its customer. */
function remember(batch: BatchCustomers, { mail, join }: Routed): void {
  if (mail.filedAs !== 'entry') return;
  const identities = mail.entry.customer.identities;
  const sender = identities[0];
  const customer = identities.at(-1);
  if (!sender || !customer) return;
  const joined = join ? { identity: customer, displayName: join.contactName } : batch.joined.get(sender.value);
  if (mail.entry.direction === 'inbound') batch.senders.add(sender.value);
  if (join && joined) batch.joined.set(sender.value, joined);
  if (mail.chain.messageId) {
    batch.byMessageId.set(mail.chain.messageId, joined ?? { identity: customer, displayName: mail.entry.customer.displayName ?? customer.value });
  }
}
