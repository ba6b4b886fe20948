import type Database from 'better-sqlite3';

/** "Always for this sender": the addresses whose mail may load remote images, per workspace. */
export function createRemoteContentSenders(sqlite: Database.Database) {
  const allowed = sqlite.prepare('SELECT 1 FROM remote_content_senders WHERE workspace_id = ? AND address = ?').pluck();
  const allow = sqlite.prepare(`
    INSERT INTO remote_content_senders (workspace_id, address, allowed_at) VALUES (?, ?, ?)
    ON CONFLICT (workspace_id, address) DO NOTHING`);

  return {
    isAllowed: (workspaceId: string, address: string): boolean => allowed.get(workspaceId, address) !== undefined,
    /** `address` must already be normalized, the form senders are looked up by. */
    allow: (workspaceId: string, address: string, now: number): void => void allow.run(workspaceId, address, now),
  };
}

export type RemoteContentSenders = ReturnType<typeof createRemoteContentSenders>;
