import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../src-shared/domain/workspace';
import { createInvite, createWorkspace } from '../auth/invites';
import { listActiveMembers, removeMember, workspaceExists } from '../auth/members';
import { PUBLIC_URL_SETTING } from '../public-url';
import { openServerDb, readSetting, type ServerDb } from '../store/server-db';
import { SET_TWILIO_USAGE, setTwilio } from '../twilio/set-twilio-command';
import { requiredOption, UsageError } from './usage-error';

export const WORKSPACE_USAGE = [
  'switchboard-sync workspace add ID --data DIR',
  `switchboard-sync workspace invite ID --role ${ROLES.join('|')} --data DIR`,
  'switchboard-sync workspace members ID --data DIR',
  'switchboard-sync workspace remove-member ID MEMBER_ID --data DIR',
  SET_TWILIO_USAGE,
];

/**
 * Workspace administration straight on the server's database, for the operator; a running server
 * sees the changes (a removed member is cut off within its revocation check interval).
 */
export function workspaceCommand(argv: string[]): number {
  const [action, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      data: { type: 'string' },
      role: { type: 'string' },
      'account-sid': { type: 'string' },
      'auth-token-env': { type: 'string' },
      number: { type: 'string' },
      'forward-to': { type: 'string' },
      'price-per-segment': { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const db = openServerDb(path.resolve(requiredOption('data', values.data, 'DIR')));
  try {
    const [workspaceId, memberId] = positionals;
    if (!workspaceId) throw new UsageError('Missing the workspace ID.');
    if (action === 'add') return add(db, workspaceId);
    if (!workspaceExists(db, workspaceId)) {
      console.error(`There is no workspace "${workspaceId}".`);
      return 1;
    }
    if (action === 'invite') return invite(db, workspaceId, parseRole(values.role));
    if (action === 'members') return members(db, workspaceId);
    if (action === 'remove-member') return remove(db, workspaceId, memberId);
    if (action === 'set-twilio') return setTwilio(db, workspaceId, values);
    throw new UsageError(`Unknown workspace command "${action ?? ''}".`);
  } finally {
    db.close();
  }
}

function add(db: ServerDb, workspaceId: string): number {
  const { code } = createWorkspace(db, workspaceId);
  console.log(`Created workspace "${workspaceId}".`);
  printInvite(db, code, 'owner');
  return 0;
}

function invite(db: ServerDb, workspaceId: string, role: Role): number {
  printInvite(db, createInvite(db, workspaceId, role, null).code, role);
  return 0;
}

function members(db: ServerDb, workspaceId: string): number {
  for (const member of listActiveMembers(db, workspaceId)) console.log(`${member.id}\t${member.role}\t${member.name}`);
  return 0;
}

function remove(db: ServerDb, workspaceId: string, memberId: string | undefined): number {
  if (!memberId) throw new UsageError('Missing the MEMBER_ID to remove.');
  if (!removeMember(db, workspaceId, memberId)) {
    console.error(`Workspace "${workspaceId}" has no active member "${memberId}".`);
    return 1;
  }
  console.log(`Removed member ${memberId} from "${workspaceId}"; their token no longer works.`);
  return 0;
}

function printInvite(db: ServerDb, code: string, role: Role): void {
  const server = readSetting(db, PUBLIC_URL_SETTING) ?? 'https://<this server>';
  console.log(`Invite code (${role}, single use): ${code}`);
  console.log('Redeem it once, for example with:');
  console.log(`  curl -X POST ${server}/invites/redeem -H 'Content-Type: application/json' -d '{"code":"${code}","name":"Your name"}'`);
}

function parseRole(value: string | undefined): Role {
  const role = ROLES.find((r) => r === value);
  if (!role) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, not "${value ?? ''}".`);
  return role;
}
