import { and, eq } from 'drizzle-orm';
import { newId } from '../ids';
import { emailAccounts } from '../store/schema';
import type { StoreDb } from '../store/open-store';

export type EmailAccount = typeof emailAccounts.$inferSelect;
export type EmailAccountSettings = Pick<EmailAccount, 'address' | 'host' | 'port' | 'tls' | 'username' | 'senderName'>;

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
    db.update(emailAccounts).set(settings).where(eq(emailAccounts.id, existing.id)).run();
    return { ...existing, ...settings };
  }
  const account = { id: newId('ea'), workspaceId, createdAt: now, ...settings };
  db.insert(emailAccounts).values(account).run();
  return account;
}
