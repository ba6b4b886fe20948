import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SessionInfo } from '../../src-shared/api/requests';
import { createHandlers } from './api/handlers';
import { createBlobStore } from './blobs/blob-store';
import { sweepStaging } from './blobs/staging-sweep';
import { createDispatcher } from './api/dispatch';
import { createConversationRollup } from './conversations/conversation-rollup';
import { createInboxQueries } from './conversations/inbox-queries';
import type { Core, CoreOptions } from './core.types';
import { createClaimActions } from './claims/claim-actions';
import { createClaimLog } from './claims/claim-log';
import { materializeClaims } from './claims/claims-materializer';
import { moveLegacyClaims } from './claims/move-legacy-claims';
import { seedDemo, type DemoAssignment } from './demo/seed-demo';
import { createEmailAccountService } from './email-account/email-account-service';
import { createLockedSecretStore } from './secrets/locked-secret-store';
import { recoverInterruptedSends } from './outbox/recover-interrupted';
import { startReplication } from './sync/start-replication';
import { followSharedOutbox } from './outbox/shared-outbox';
import { shareWhatsAppLink } from './whatsapp/team-link-state';
import { createTeamHandlers } from './team/team-handlers';
import { createSmsHandlers } from './sms/sms-handlers';
import { keepSessionCurrent } from './team/keep-session-current';
import { createEventBus } from './event-bus';
import { createWhatsAppService } from './whatsapp/whatsapp-service';
import { createSearch } from './search/search';
import { openStore, type Store } from './store/open-store';
import { createWorkspace, loadSession } from './workspace/workspace-repo';

export const STORE_FILE = 'switchboard.db';

export function createCore(options: CoreOptions): Core & { store: Store; session: SessionInfo; seededDemo: boolean } {
  mkdirSync(options.dataDir, { recursive: true });
  const store = openStore(path.join(options.dataDir, STORE_FILE), { migrationsFolder: options.migrationsFolder });
  const rollup = createConversationRollup(store.sqlite);
  let session = loadSession(store);
  const seededDemo = session === null && options.demo === true;
  let demoAssignments: DemoAssignment[] = [];
  if (session === null) {
    if (options.demo) demoAssignments = seedDemo(store, rollup);
    else createWorkspace(store, defaultWorkspace());
    session = loadSession(store);
    if (!session) throw new Error('The workspace could not be created');
  }
  const inbox = createInboxQueries(store.sqlite);
  const events = createEventBus();
  const announceChanged = (conversationIds: string[]) => events.emit('conversations.changed', { conversationIds });
  const secrets = options.secrets ?? createLockedSecretStore('This Switchboard has no keychain to keep passwords in.');
  const replication = startReplication(store, options.dataDir, session, secrets, rollup, announceChanged);
  // After the documents are open, so the team sees the interrupted sends as unknown too.
  recoverInterruptedSends(store.db);
  const claimsDoc = replication.docs.claims;
  moveLegacyClaims(replication.docs.workspace, claimsDoc);
  // One PC with no server: claims count in local order (DESIGN.md, "Claims").
  const claimLog = createClaimLog(claimsDoc, { localOrder: replication.link === null });
  const stopClaims = materializeClaims(store.sqlite, claimsDoc, claimLog, announceChanged);
  const claims = createClaimActions(claimLog, session.me, session.members);
  for (const { conversationId, memberId } of demoAssignments) claims.assign(conversationId, memberId);
  const emailAccount = createEmailAccountService({
    store,
    dataDir: options.dataDir,
    workspaceId: session.workspace.id,
    secrets,
    onChanged: announceChanged,
    hooks: options.channels?.email,
  });
  const whatsapp = createWhatsAppService({
    store,
    workspaceId: session.workspace.id,
    secrets: options.secrets ?? createLockedSecretStore('This Switchboard has no keychain to keep the WhatsApp session in.'),
    dataDir: options.dataDir,
    hooks: options.channels?.whatsapp,
    onChanged: announceChanged,
    onLink: (link) => {
      teamWhatsApp.publish(link);
      events.emit('whatsapp.link', { link });
    },
  });
  const teamWhatsApp = shareWhatsAppLink(replication.docs.workspace, () => whatsapp.link(), (link) => events.emit('whatsapp.link', { link }));
  const stopOutbox = followSharedOutbox(store.sqlite, session.workspace.id, replication.docs, (channel) => (channel === 'email' ? emailAccount : whatsapp).wake());
  const team = createTeamHandlers({ store, dataDir: options.dataDir, secrets, session, link: replication.link, docs: replication.docs, requestRestart: options.requestRestart });
  const stopSyncEvents = replication.docs.onStatus((sync) => events.emit('team.sync', { sync }));
  const stopSessionUpdates = keepSessionCurrent(store, session, replication.docs, () => events.emit('session.updated', {}));
  const blobs = createBlobStore(options.dataDir);
  void sweepStaging(blobs.stagingDir);
  const handlers = createHandlers({ store, session, inbox, rollup, search: createSearch(store.sqlite, inbox), changed: announceChanged, claims, blobs, emailAccount, whatsapp: { ...whatsapp, link: teamWhatsApp.view }, team, sms: createSmsHandlers({ store, rollup, session, docs: replication.docs, changed: announceChanged }) });
  const dispatch = createDispatcher(handlers, (message, error) => console.error(`[switchboard] ${message}:`, error));
  emailAccount.resume().catch((error) => console.error('[switchboard] the email channel did not start:', error));
  whatsapp.resume().catch((error) => console.error('[switchboard] the WhatsApp channel did not start:', error));
  return {
    store,
    session,
    seededDemo,
    dispatch,
    onEvent: events.subscribe,
    close: () => {
      // Stopping begins at once (no new commits); the logout that follows needs no store.
      void emailAccount.close();
      void whatsapp.close();
      stopClaims();
      stopSyncEvents();
      stopSessionUpdates();
      stopOutbox();
      teamWhatsApp.stop();
      replication.stop();
      store.close();
    },
  };
}

function defaultWorkspace() {
  return {
    name: 'My business',
    defaultRegion: process.env.SWITCHBOARD_REGION ?? 'US',
    isDemo: false,
    self: { name: 'Me', email: null, role: 'owner' as const },
  };
}
