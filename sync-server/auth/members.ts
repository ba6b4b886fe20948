import { ulid } from 'ulid';
import { ROLES, type Role } from '../../src-shared/domain/workspace';
import type { ServerDb } from '../store/server-db';
import { hashSecret, newToken } from './tokens';

export interface MemberIdentity {
  id: string;
  workspaceId: string;
  name: string;
  role: Role;
}

interface MemberRow {
  id: string;
  workspace_id: string;
  name: string;
  role: string;
}

function toIdentity(row: MemberRow): MemberIdentity {
  const role = ROLES.find((r) => r === row.role);
  if (!role) throw new Error(`Member ${row.id} has an unknown role "${row.role}".`);
  return { id: row.id, workspaceId: row.workspace_id, name: row.name, role };
}

export function workspaceExists(db: ServerDb, workspaceId: string): boolean {
  return db.prepare('SELECT 1 FROM workspaces WHERE id = ?').get(workspaceId) !== undefined;
}

/** The active member a token belongs to; null for an unknown, forged or removed member's token. */
export function authenticate(db: ServerDb, token: string): MemberIdentity | null {
  const row = db
    .prepare<[string], MemberRow>('SELECT id, workspace_id, name, role FROM members WHERE token_hash = ? AND removed_at IS NULL')
    .get(hashSecret(token));
  return row ? toIdentity(row) : null;
}

export function findActiveMember(db: ServerDb, workspaceId: string, memberId: string): MemberIdentity | null {
  const row = db
    .prepare<[string, string], MemberRow>(
      'SELECT id, workspace_id, name, role FROM members WHERE workspace_id = ? AND id = ? AND removed_at IS NULL',
    )
    .get(workspaceId, memberId);
  return row ? toIdentity(row) : null;
}

export function listActiveMembers(db: ServerDb, workspaceId: string): MemberIdentity[] {
  return db
    .prepare<[string], MemberRow>('SELECT id, workspace_id, name, role FROM members WHERE workspace_id = ? AND removed_at IS NULL ORDER BY created_at')
    .all(workspaceId)
    .map(toIdentity);
}

export function isActiveMember(db: ServerDb, memberId: string): boolean {
  return db.prepare('SELECT 1 FROM members WHERE id = ? AND removed_at IS NULL').get(memberId) !== undefined;
}

/** Creates the member and returns the only copy of their token that will ever exist. */
export function addMember(db: ServerDb, workspaceId: string, name: string, role: Role): { member: MemberIdentity; token: string } {
  const token = newToken();
  const member: MemberIdentity = { id: ulid(), workspaceId, name, role };
  db.prepare('INSERT INTO members (id, workspace_id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    member.id,
    workspaceId,
    name,
    role,
    hashSecret(token),
    Date.now(),
  );
  return { member, token };
}

/** Kept as a row (invites name their creator and redeemer) but its token stops working. */
export function removeMember(db: ServerDb, workspaceId: string, memberId: string): boolean {
  const result = db
    .prepare('UPDATE members SET removed_at = ? WHERE workspace_id = ? AND id = ? AND removed_at IS NULL')
    .run(Date.now(), workspaceId, memberId);
  return result.changes === 1;
}
