/**
 * The Yjs documents of a workspace (DESIGN.md, "Shared state"), by room name:
 * `ws/<workspace>` for the workspace state, `ws/<workspace>/t/<YYYY-MM>` for one month of timeline,
 * `ws/<workspace>/outbox` for outbound items, and `ws/<workspace>/claims` for claims and
 * assignments. DESIGN.md keeps claims in the workspace document; they have their own because a
 * workspace document holding both a contact per customer and a year of claims took 140-160 ms to
 * open (bench:sync 2c), while apart each opens in about 40-50 ms, and the sync-server that stamps
 * claims then works on the smaller document.
 */
export type Room =
  | { kind: 'workspace'; workspaceId: string }
  | { kind: 'timeline'; workspaceId: string; month: string }
  | { kind: 'outbox'; workspaceId: string }
  | { kind: 'claims'; workspaceId: string };

const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function roomName(room: Room): string {
  if (room.kind === 'workspace') return `ws/${room.workspaceId}`;
  if (room.kind === 'timeline') return `ws/${room.workspaceId}/t/${room.month}`;
  return `ws/${room.workspaceId}/${room.kind}`;
}

/** Null for anything that is not exactly one of the four shapes, so a crafted name never matches a workspace. */
export function parseRoomName(name: string): Room | null {
  const parts = name.split('/');
  const workspaceId = parts[1] ?? '';
  if (parts[0] !== 'ws' || !WORKSPACE_ID.test(workspaceId)) return null;
  if (parts.length === 2) return { kind: 'workspace', workspaceId };
  if (parts.length === 3 && parts[2] === 'outbox') return { kind: 'outbox', workspaceId };
  if (parts.length === 3 && parts[2] === 'claims') return { kind: 'claims', workspaceId };
  if (parts.length === 4 && parts[2] === 't' && MONTH.test(parts[3] ?? '')) return { kind: 'timeline', workspaceId, month: parts[3] ?? '' };
  return null;
}

export function isValidWorkspaceId(id: string): boolean {
  return WORKSPACE_ID.test(id);
}
