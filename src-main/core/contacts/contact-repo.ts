import { and, eq } from 'drizzle-orm';
import type { Contact, IdentityKind } from '../../../src-shared/domain/contact';
import type { IdentityKey } from '../../../src-shared/identity/resolve';
import { newId } from '../ids';
import { contacts, conversations, identities } from '../store/schema';
import type { Store, StoreDb } from '../store/open-store';

export interface NewIdentity extends IdentityKey {
  extension?: string | null;
  valid?: boolean;
}

export interface NewContact {
  displayName: string;
  company?: string | null;
  address?: string | null;
  identities: NewIdentity[];
}

export function findIdentityOwner(db: StoreDb, workspaceId: string, key: IdentityKey): string | null {
  const row = db
    .select({ contactId: identities.contactId })
    .from(identities)
    .where(and(eq(identities.workspaceId, workspaceId), eq(identities.kind, key.kind), eq(identities.value, key.value)))
    .get();
  return row?.contactId ?? null;
}

export function addIdentities(db: StoreDb, workspaceId: string, contactId: string, keys: readonly NewIdentity[]): void {
  for (const key of keys) {
    db.insert(identities)
      .values({
        id: newId('id'),
        workspaceId,
        contactId,
        kind: key.kind,
        value: key.value,
        extension: key.extension ?? null,
        valid: key.valid ?? true,
      })
      .onConflictDoNothing()
      .run();
  }
}

/** Every contact has exactly one conversation, created with it. */
export function createContact(
  db: StoreDb,
  workspaceId: string,
  input: NewContact,
  now: number,
  /** Ids decided elsewhere (the workspace document); fresh local ids otherwise. */
  ids: { contactId: string; conversationId: string } = { contactId: newId('ct'), conversationId: newId('cv') },
): { contactId: string; conversationId: string } {
  const { contactId, conversationId } = ids;
  db.insert(contacts)
    .values({
      id: contactId,
      workspaceId,
      displayName: input.displayName,
      company: input.company ?? null,
      address: input.address ?? null,
      createdAt: now,
    })
    .run();
  addIdentities(db, workspaceId, contactId, input.identities);
  db.insert(conversations).values({ id: conversationId, workspaceId, contactId, lastAt: now }).run();
  return { contactId, conversationId };
}

export function getContact(store: Store, contactId: string): Contact | null {
  const row = store.db.select().from(contacts).where(eq(contacts.id, contactId)).get();
  if (!row) return null;
  const ids = store.db.select().from(identities).where(eq(identities.contactId, contactId)).all();
  return {
    id: row.id,
    displayName: row.displayName,
    company: row.company,
    address: row.address,
    identities: ids.map((i) => ({ id: i.id, kind: i.kind as IdentityKind, value: i.value, extension: i.extension, valid: i.valid })),
  };
}

export function conversationIdOfContact(db: StoreDb, contactId: string): string | null {
  return db.select({ id: conversations.id }).from(conversations).where(eq(conversations.contactId, contactId)).get()?.id ?? null;
}

export function requireConversationOfContact(db: StoreDb, contactId: string): string {
  const id = conversationIdOfContact(db, contactId);
  if (!id) throw new Error(`Contact ${contactId} has no conversation`);
  return id;
}
