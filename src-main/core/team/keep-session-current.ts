import type * as Y from 'yjs';
import type { SessionInfo } from '../../../src-shared/api/requests';
import { membersOf, settingsOf } from '../../../src-shared/sync/workspace-doc';
import type { Store } from '../store/open-store';
import type { SharedDocs } from '../sync/shared-docs';
import { loadSession } from '../workspace/workspace-repo';
import { adoptTeamMembers } from './team-members';

/**
 * Keeps the session every handler holds in step with the team: the workspace's name and the member
 * list (which sync-server writes whenever someone joins or leaves) from the workspace document. The session object is updated in place, because the
 * claim actions and handlers hold it; `onUpdated` tells the screens to fetch it again.
 */
export function keepSessionCurrent(store: Store, session: SessionInfo, docs: SharedDocs, onUpdated: () => void): () => void {
  const settings = settingsOf(docs.workspace);
  const rename = store.sqlite.prepare('UPDATE workspaces SET name = ? WHERE id = ? AND name != ?');
  const applyName = () => {
    const name = settings.get('name');
    if (!name || name === session.workspace.name) return;
    rename.run(name, session.workspace.id, name);
    session.workspace.name = name;
    onUpdated();
  };
  applyName();
  const onSettings = (_event: Y.YMapEvent<string>) => applyName();
  settings.observe(onSettings);
  const stopMembers = followMembers(store, session, docs, onUpdated);
  return () => {
    settings.unobserve(onSettings);
    stopMembers();
  };
}

function followMembers(store: Store, session: SessionInfo, docs: SharedDocs, onUpdated: () => void): () => void {
  const listed = membersOf(docs.workspace);
  const apply = () => {
    const active = [...listed.values()].filter((m) => !m.removed);
    if (active.length === 0) return;
    adoptTeamMembers(store.sqlite, session.workspace.id, active, null);
    const fresh = loadSession(store)?.members ?? session.members;
    if (JSON.stringify(fresh) === JSON.stringify(session.members)) return;
    session.members.splice(0, session.members.length, ...fresh);
    onUpdated();
  };
  apply();
  listed.observe(apply);
  return () => listed.unobserve(apply);
}
