import { and, desc, eq } from 'drizzle-orm';
import { newId } from '../ids';
import { emailAccounts } from '../store/schema';
import type { StoreDb } from '../store/open-store';

export type EmailAccount = typeof emailAccounts.$inferSelect;
export type EmailAccountSettings = Pick<EmailAccount, 'address' | 'host' | 'port' | 'tls' | 'username' | 'senderName'> &
  Partial<Pick<EmailAccount, 'smtpHost' | 'smtpPort' | 'smtpTls'>>;

/**
 * The account for this login, created on first use and updated with the settings given; the same
 * server and user always map to the same account, so its checkpoints survive a restart.
 */
export function saveEmailAccount(db: StoreDb, workspaceId: string, settings: EmailAccountSettings, now: number): EmailAccount {
  const login = and(
    eq(emailAccounts.workspaceId, workspaceId),
    eq(emailAccounts.host, settings.host),
    eq(emailAccounts.port, settings.port),
    eq(emailAccounts.username, settings.username),
  );
  const existing = db.select().from(emailAccounts).where(login).get();
  if (existing) {
    db.update(emailAccounts).set({ ...settings, savedAt: now }).where(eq(emailAccounts.id, existing.id)).run();
    return { ...existing, ...settings, savedAt: now };
  }
  const account = { id: newId('ea'), workspaceId, createdAt: now, smtpHost: null, smtpPort: null, smtpTls: null, ...settings, savedAt: now };
  db.insert(emailAccounts).values(account).run();
  return account;
}

/** The account Settings shows and the channel host runs: the one saved last. */
export function currentEmailAccount(db: StoreDb, workspaceId: string): EmailAccount | null {
  return (
    db
      .select()
      .from(emailAccounts)
      .where(eq(emailAccounts.workspaceId, workspaceId))
      .orderBy(desc(emailAccounts.savedAt), desc(emailAccounts.createdAt))
      .get() ?? null
  );
}
