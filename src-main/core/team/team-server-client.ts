import { z } from 'zod';
import { ApiError } from '../../../src-shared/api/result';
import { ROLES } from '../../../src-shared/domain/workspace';

const Redeemed = z.object({ workspaceId: z.string(), memberId: z.string(), token: z.string(), role: z.enum(ROLES) });
const MemberList = z.object({ members: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) })) });
const ErrorBody = z.object({ error: z.string() });

export type RedeemedInvite = z.infer<typeof Redeemed>;
export type TeamMember = z.infer<typeof MemberList>['members'][number];

/** What went wrong talking to the sync-server, in words for the person at the PC. */
export class TeamServerError extends ApiError {
  constructor(message: string) {
    super('conflict', message);
    this.name = 'TeamServerError';
  }
}

/** The sync-server's HTTP API (sync-server/README.md), for joining a team and listing its members. */
export function teamServerClient(serverUrl: string) {
  const base = serverUrl.replace(/\/+$/, '');

  async function call<T>(path: string, init: RequestInit, schema: z.ZodType<T>): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      throw new TeamServerError(`The sync server at ${base} could not be reached (${(error as Error).message}).`);
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const said = ErrorBody.safeParse(body);
      throw new TeamServerError(said.success ? said.data.error : `The sync server answered ${response.status}.`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new TeamServerError(`The server at ${base} does not answer like a Switchboard sync server.`);
    return parsed.data;
  }

  return {
    redeem: (code: string, name: string) =>
      call('/invites/redeem', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) }, Redeemed),
    members: async (workspaceId: string, token: string) =>
      (await call(`/workspaces/${encodeURIComponent(workspaceId)}/members`, { headers: { authorization: `Bearer ${token}` } }, MemberList)).members,
  };
}

/** The WebSocket address of the same server: rooms are at `<ws url>/sync/<room>`. */
export function syncSocketUrl(serverUrl: string): string {
  return serverUrl.replace(/^http(s?):\/\//, 'ws$1://').replace(/\/+$/, '');
}
