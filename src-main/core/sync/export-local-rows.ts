import { asc, eq } from 'drizzle-orm';
import { identityKeyString } from '../../../src-shared/identity/resolve';
import type { IdentityKind } from '../../../src-shared/domain/contact';
import type { SessionInfo } from '../../../src-shared/api/requests';
import { contactsOf, identitiesOf, monthsOf, putContact, settingsOf, type ContactRecord } from '../../../src-shared/sync/workspace-doc';
import { recordOfRow } from '../entries/entry-repo';
import { entries } from '../store/schema';
import type { Store } from '../store/open-store';
import type { SharedDocs } from './shared-docs';
import { writeInBoundedTransactions } from './bounded-transactions';
import { LOCAL_WRITE, type SharedTimeline } from './shared-timeline';

/**
 * Puts rows written before this PC kept shared documents (an older version, the demo seed) and the
 * owner's name for the workspace into the documents, so they reach the team and so new messages are
 * filed under the same contacts. Contacts and identities are checked at every start (cheap); the
 * timeline is copied once, when the workspace lists no month yet.
 */
export function exportLocalRows(store: Store, session: SessionInfo, linked: boolean, docs: SharedDocs, shared: SharedTimeline): void {
  const { sqlite } = store;
  const workspaceId = session.workspace.id;
  const settings = settingsOf(docs.workspace);
  const contacts = contactsOf(docs.workspace);
  const identities = identitiesOf(docs.workspace);
  const people = sqlite
    .prepare(`SELECT c.id, v.id AS conversationId, c.display_name AS displayName, c.created_at AS createdAt, c.company, c.address
      FROM contacts c JOIN conversations v ON v.contact_id = c.id WHERE c.workspace_id = ?`)
    .all(workspaceId) as ContactRecord[];
  const handles = sqlite
    .prepare('SELECT contact_id AS contactId, kind, value FROM identities WHERE workspace_id = ?')
    .all(workspaceId) as Array<{ contactId: string; kind: IdentityKind; value: string }>;
  // Only a team's owner names it: a PC's name from before it joined (every PC on its own is its own
  // owner) would otherwise race the owner's when the logs merge.
  if (linked && session.me.role === 'owner' && !settings.has('name')) {
    docs.workspace.transact(() => settings.set('name', session.workspace.name), LOCAL_WRITE);
  }
  const newPeople = people.filter((person) => !contacts.has(person.id));
  writeInBoundedTransactions(docs.workspace, newPeople, contactSize, (person) => putContact(docs.workspace, person), LOCAL_WRITE);
  const newHandles = handles.filter((handle) => !identities.has(identityKeyString(handle)));
  writeInBoundedTransactions(docs.workspace, newHandles, (h) => h.value.length + 64, (h) => identities.set(identityKeyString(h), h.contactId), LOCAL_WRITE);
  if (monthsOf(docs.workspace).size > 0) return;
  const rows = store.db.select().from(entries).where(eq(entries.workspaceId, workspaceId)).orderBy(asc(entries.seq)).all();
  shared.putEntries(rows.map(recordOfRow));
}

function contactSize(person: ContactRecord): number {
  return 3 * (person.displayName.length + (person.company?.length ?? 0) + (person.address?.length ?? 0)) + 120;
}
