import { randomBytes } from 'node:crypto';
import { createCore } from '../../../src-main/core/create-core';
import { openHostSecretStore } from '../../../src-main/core/secrets/host-secret-store';
import { openStore } from '../../../src-main/core/store/open-store';
import { joinTeam } from '../../../src-main/core/team/join-team';
import { loadSession } from '../../../src-main/core/workspace/workspace-repo';
import { openServerDb } from '../../../sync-server/store/server-db';
import { createInvite, createWorkspace } from '../../../sync-server/auth/invites';
import type { Role } from '../../../src-shared/domain/workspace';
import path from 'node:path';
import type { TestServer } from '../sync-server/harness';

/** One office PC: a real core over its own data folder, joined to the team through an invite code. */
export class TeamPc {
  core: ReturnType<typeof createCore>;
  private readonly key = randomBytes(32).toString('base64');

  private constructor(
    readonly dataDir: string,
    private readonly demo: boolean,
  ) {
    this.core = this.open();
  }

  /** A fresh PC, started once on its own (as after installing), then joined with `code`. */
  static async join(dataDir: string, serverUrl: string, code: string, name: string, options: { demo?: boolean } = {}): Promise<TeamPc> {
    const pc = new TeamPc(dataDir, options.demo ?? false);
    const workspaceId = pc.core.session.workspace.id;
    pc.core.close();
    const store = openStore(path.join(dataDir, 'switchboard.db'));
    try {
      await joinTeam(store, pc.secrets(), workspaceId, { serverUrl, code, name });
    } finally {
      store.close();
    }
    pc.core = pc.open();
    return pc;
  }

  restart(): void {
    this.core.close();
    this.core = this.open();
  }

  async request<T = unknown>(name: string, input: unknown): Promise<T> {
    const result = await this.core.dispatch(name, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  }

  private secrets() {
    return openHostSecretStore(this.dataDir, this.key);
  }

  private open() {
    return createCore({ dataDir: this.dataDir, secrets: this.secrets(), demo: this.demo });
  }
}

export function sessionOf(pc: TeamPc) {
  return loadSession(pc.core.store);
}

/** The owner's single-use invite code of a new workspace on `server`. */
export function newWorkspaceCode(server: TestServer, workspaceId: string): string {
  const db = openServerDb(server.dataDir);
  try {
    return createWorkspace(db, workspaceId).code;
  } finally {
    db.close();
  }
}

/** A further invite, as the owner would make it in the app. */
export function inviteCode(server: TestServer, workspaceId: string, invitedBy: string, role: Role = 'agent'): string {
  const db = openServerDb(server.dataDir);
  try {
    return createInvite(db, workspaceId, role, invitedBy).code;
  } finally {
    db.close();
  }
}
