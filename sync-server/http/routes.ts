import { z } from 'zod';
import { ROLES } from '../../src-shared/domain/workspace';
import { createInvite, InviteError, redeemInvite } from '../auth/invites';
import { authenticate, findActiveMember, listActiveMembers, removeMember, type MemberIdentity } from '../auth/members';
import { canInvite, canRemove } from '../auth/permissions';
import { bearerToken } from '../auth/tokens';
import type { ServerDb } from '../store/server-db';
import { HttpError } from './http-error';
import { parseJsonBody } from './json-body';

/** A request as any HTTP framework can describe it; the body is read only by routes that take one. */
export interface ApiRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  readBody(): Promise<Uint8Array>;
}

export interface ApiResponse {
  status: number;
  /** Sent as JSON; absent for 204. */
  body?: unknown;
}

export interface ApiContext {
  db: ServerDb;
  stats(): { rooms: number; connections: number };
  /** Cuts the member's open connections. */
  onMemberRemoved(memberId: string): void;
  /** Someone joined or left: every PC's member list is brought up to date. */
  onMembersChanged(workspaceId: string): void;
}

const RedeemBody = z.object({ code: z.string().min(1).max(64), name: z.string().trim().min(1).max(100) });
const InviteBody = z.object({ role: z.enum(ROLES) });

const INVITES_PATH = /^\/workspaces\/([^/]+)\/invites$/;
const MEMBER_PATH = /^\/workspaces\/([^/]+)\/members\/([^/]+)$/;
const MEMBERS_PATH = /^\/workspaces\/([^/]+)\/members$/;

/** The whole HTTP API. Errors become `{ error }` bodies; anything unexpected is rethrown for the caller to log. */
export async function handleApiRequest(context: ApiContext, request: ApiRequest): Promise<ApiResponse> {
  try {
    return await route(context, request);
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, body: { error: error.message } };
    throw error;
  }
}

async function route(context: ApiContext, request: ApiRequest): Promise<ApiResponse> {
  const { method, path } = request;
  if (method === 'GET' && path === '/healthz') return { status: 200, body: { ok: true, ...context.stats() } };
  if (method === 'POST' && path === '/invites/redeem') return redeem(context, request);
  const invites = INVITES_PATH.exec(path);
  if (method === 'POST' && invites) return invite(context, request, decodeSegment(invites[1]));
  const list = MEMBERS_PATH.exec(path);
  if (method === 'GET' && list) return members(context, request, decodeSegment(list[1]));
  const member = MEMBER_PATH.exec(path);
  if (method === 'DELETE' && member) return remove(context, request, decodeSegment(member[1]), decodeSegment(member[2]));
  throw new HttpError(404, 'Not found.');
}

async function redeem(context: ApiContext, request: ApiRequest): Promise<ApiResponse> {
  const { code, name } = parseJsonBody(await request.readBody(), RedeemBody);
  try {
    const { member, token } = redeemInvite(context.db, code, name);
    context.onMembersChanged(member.workspaceId);
    return { status: 201, body: { workspaceId: member.workspaceId, memberId: member.id, token, role: member.role } };
  } catch (error) {
    if (error instanceof InviteError) throw new HttpError(error.reason === 'used' ? 410 : 404, error.message);
    throw error;
  }
}

async function invite(context: ApiContext, request: ApiRequest, workspaceId: string): Promise<ApiResponse> {
  const actor = actorIn(context, request, workspaceId);
  const { role } = parseJsonBody(await request.readBody(), InviteBody);
  if (!canInvite(actor.role, role)) throw new HttpError(403, `A ${actor.role} cannot invite a ${role}.`);
  return { status: 201, body: createInvite(context.db, workspaceId, role, actor.id) };
}

async function remove(context: ApiContext, request: ApiRequest, workspaceId: string, memberId: string): Promise<ApiResponse> {
  const actor = actorIn(context, request, workspaceId);
  const target = findActiveMember(context.db, workspaceId, memberId);
  if (!target) throw new HttpError(404, 'No such member in this workspace.');
  if (!canRemove(actor, target)) throw new HttpError(403, `A ${actor.role} cannot remove this member.`);
  removeMember(context.db, workspaceId, memberId);
  context.onMemberRemoved(memberId);
  context.onMembersChanged(workspaceId);
  return { status: 204 };
}

/** Every PC of the team lists the same people to assign conversations to. */
function members(context: ApiContext, request: ApiRequest, workspaceId: string): ApiResponse {
  actorIn(context, request, workspaceId);
  const list = listActiveMembers(context.db, workspaceId).map(({ id, name, role }) => ({ id, name, role }));
  return { status: 200, body: { members: list } };
}

/** The caller, who must be an active member of that very workspace. */
function actorIn(context: ApiContext, request: ApiRequest, workspaceId: string): MemberIdentity {
  const token = bearerToken(request.authorization);
  const actor = token ? authenticate(context.db, token) : null;
  if (!actor) throw new HttpError(401, 'A valid member token is required.');
  if (actor.workspaceId !== workspaceId) throw new HttpError(403, 'This token belongs to another workspace.');
  return actor;
}

function decodeSegment(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? '');
  } catch {
    throw new HttpError(404, 'Not found.');
  }
}
