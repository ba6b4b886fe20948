import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createClaimActions } from '../../../src-main/core/claims/claim-actions';
import { createClaimLog } from '../../../src-main/core/claims/claim-log';
import type { Member } from '../../../src-shared/domain/workspace';
import type { ClaimEvent } from '../../../src-shared/sync/claims';
import { LEGACY_CLAIM_EVENTS_MAP } from '../../../src-shared/sync/claim-doc';

const agent: Member = { id: 'mb_agent', name: 'Luis', email: null, role: 'agent' };
const manager: Member = { id: 'mb_manager', name: 'Priya', email: null, role: 'manager' };

describe('claim actions', () => {
  it('let an agent take and free a conversation, but not give it to someone else', () => {
    const log = createClaimLog(new Y.Doc(), { localOrder: true });
    const actions = createClaimActions(log, agent, [agent, manager]);
    expect(actions.claim('cv_1').ownerId).toBe('mb_agent');
    expect(() => actions.assign('cv_1', 'mb_manager')).toThrow(/manager or the owner/);
    expect(actions.release('cv_1').ownerId).toBeNull();
  });

  it('append events and never rewrite them', () => {
    const doc = new Y.Doc();
    const log = createClaimLog(doc, { localOrder: true });
    const actions = createClaimActions(log, manager, [agent, manager]);
    actions.claim('cv_1');
    actions.assign('cv_1', 'mb_agent');
    actions.assign('cv_1', null);
    expect(log.eventsOf('cv_1').map((e) => e.kind)).toEqual(['claim', 'assign', 'unassign']);
    expect(log.resolve('cv_1').ownerId).toBeNull();
  });

  it('count claims an earlier build kept in flat maps, until the server carries them over', () => {
    const doc = new Y.Doc();
    doc.getMap<ClaimEvent>(LEGACY_CLAIM_EVENTS_MAP).set('old', { id: 'old', conversationId: 'cv_1', kind: 'claim', actorId: 'mb_agent', assigneeId: null, at: 1 });
    const log = createClaimLog(doc, { localOrder: true });
    const actions = createClaimActions(log, agent, [agent, manager]);
    expect(actions.view('cv_1')).toEqual({ pendingMine: false, lostTo: null });
    expect(log.resolve('cv_1').ownerId).toBe('mb_agent');
    expect(actions.release('cv_1').ownerId).toBeNull();
    doc.getMap(LEGACY_CLAIM_EVENTS_MAP).delete('old');
    expect(log.eventsOf('cv_1').map((e) => e.kind)).toEqual(['release']);
  });
});
