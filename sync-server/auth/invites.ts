import type { Role } from '../../src-shared/domain/workspace';
import type { ServerDb } from '../store/server-db';
import { isValidWorkspaceId } from '../../src-shared/sync/rooms';
import { addMember, workspaceExists, type MemberIdentity } from './members';
import { hashSecret, newInviteCode, normalizeInviteCode } from './tokens';

export class InviteError extends Error {
  constructor(
    readonly reason: 'unknown' | 'used',
    message: string,
  ) {
    super(message);
    this.name = 'InviteError';
  }
}

/** Creates the workspace and the single-use code its owner redeems. */
export function createWorkspace(db: ServerDb, workspaceId: string): { code: string } {
  return db.transaction(() => {
    if (!isValidWorkspaceId(workspaceId)) {
      throw new Error(`"${workspaceId}" is not a valid workspace id: use 1 to 64 letters, digits, "-" or "_".`);
    }
    if (workspaceExists(db, workspaceId)) throw new Error(`Workspace "${workspaceId}" already exists.`);
    db.prepare('INSERT INTO workspaces (id, created_at) VALUES (?, ?)').run(workspaceId, Date.now());
    return createInvite(db, workspaceId, 'owner', null);
  })();
}

/** Only the code's hash is stored; the code itself is shown once, to whoever created it. */
export function createInvite(db: ServerDb, workspaceId: string, role: Role, createdBy: string | null): { code: string } {
  const code = newInviteCode();
  db.prepare('INSERT INTO invites (code_hash, workspace_id, role, created_by, created_at) VALUES (?, ?, ?, ?, ?)').run(
    hashSecret(normalizeInviteCode(code)),
    workspaceId,
    role,
    createdBy,
    Date.now(),
  );
  return { code };
}

/** Marks the code used and creates the member in one transaction, so two redeemers cannot both win. */
export function redeemInvite(db: ServerDb, code: string, name: string): { member: MemberIdentity; token: string } {
  return db.transaction(() => {
    const codeHash = hashSecret(normalizeInviteCode(code));
    const invite = db
      .prepare<[string], { workspace_id: string; role: Role; redeemed_at: number | null }>(
        'SELECT workspace_id, role, redeemed_at FROM invites WHERE code_hash = ?',
      )
      .get(codeHash);
    if (!invite) throw new InviteError('unknown', 'This invite code is not valid.');
    if (invite.redeemed_at !== null) throw new InviteError('used', 'This invite code has already been used.');
    const created = addMember(db, invite.workspace_id, name, invite.role);
    db.prepare('UPDATE invites SET redeemed_by = ?, redeemed_at = ? WHERE code_hash = ?').run(created.member.id, Date.now(), codeHash);
    return created;
  })();
}
