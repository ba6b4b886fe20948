import { eq } from 'drizzle-orm';
import type { SessionInfo } from '../../../src-shared/api/requests';
import type { Member, Role } from '../../../src-shared/domain/workspace';
import { newId } from '../ids';
import { members, workspaces } from '../store/schema';
import type { Store } from '../store/open-store';

export interface NewWorkspace {
  name: string;
  defaultRegion: string;
  isDemo: boolean;
  self: { name: string; email: string | null; role: Role };
  others?: Array<{ name: string; email: string | null; role: Role }>;
}

export function createWorkspace(store: Store, input: NewWorkspace, now = Date.now()): { workspaceId: string; selfId: string } {
  const workspaceId = newId('ws');
  const selfId = newId('mb');
  store.db.transaction((tx) => {
    tx.insert(workspaces)
      .values({ id: workspaceId, name: input.name, defaultRegion: input.defaultRegion, isDemo: input.isDemo, createdAt: now })
      .run();
    tx.insert(members).values({ id: selfId, workspaceId, ...input.self, isSelf: true }).run();
    for (const other of input.others ?? []) tx.insert(members).values({ id: newId('mb'), workspaceId, ...other }).run();
  });
  return { workspaceId, selfId };
}

/** A PC belongs to one workspace; null until one is created. */
export function loadSession(store: Store): SessionInfo | null {
  const workspace = store.db.select().from(workspaces).limit(1).get();
  if (!workspace) return null;
  const rows = store.db.select().from(members).where(eq(members.workspaceId, workspace.id)).all();
  const self = rows.find((m) => m.isSelf);
  if (!self) throw new Error(`Workspace ${workspace.id} has no member for this PC`);
  const toMember = (m: (typeof rows)[number]): Member => ({ id: m.id, name: m.name, email: m.email, role: m.role });
  return {
    workspace: { id: workspace.id, name: workspace.name, defaultRegion: workspace.defaultRegion, isDemo: workspace.isDemo },
    me: toMember(self),
    members: rows.map(toMember),
  };
}
