import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { AttachmentMeta, CallOutcome, Channel, DeliveryStatus, Direction, EntryKind } from '../../../src-shared/domain/timeline';
import type { IdentityKind } from '../../../src-shared/domain/contact';
import type { CalendarCard } from '../../../src-shared/domain/calendar-card';
import type { EmailEntryDetails } from '../../../src-shared/domain/email-entry';
import type { Role } from '../../../src-shared/domain/workspace';
import type { OutboxState } from '../../../src-shared/domain/outbox';
import type { EntryReaction } from '../../../src-shared/domain/reaction';
import type { OutboundEmail } from '../outbox/outbound-payload';

/**
 * The PC's replica. Timestamps are epoch milliseconds. Tables that an FTS index points at have an
 * INTEGER PRIMARY KEY `seq`, because FTS5 external content follows rowids and an implicit rowid may
 * change on VACUUM.
 */
export const workspaces = sqliteTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  defaultRegion: text('default_region').notNull(),
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
});

export const members = sqliteTable(
  'members',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    name: text('name').notNull(),
    email: text('email'),
    role: text('role').$type<Role>().notNull(),
    isSelf: integer('is_self', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('members_workspace').on(t.workspaceId)],
);

export const contacts = sqliteTable(
  'contacts',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    displayName: text('display_name').notNull(),
    company: text('company'),
    address: text('address'),
    /** Set while this contact is merged into another; cleared by undoing the merge. */
    mergedInto: text('merged_into'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('contacts_workspace').on(t.workspaceId)],
);

export const identities = sqliteTable(
  'identities',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    contactId: text('contact_id').notNull().references(() => contacts.id),
    kind: text('kind').$type<IdentityKind>().notNull(),
    value: text('value').notNull(),
    extension: text('extension'),
    valid: integer('valid', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    uniqueIndex('identities_value').on(t.workspaceId, t.kind, t.value),
    index('identities_contact').on(t.contactId),
  ],
);

export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    contactId: text('contact_id').notNull().unique().references(() => contacts.id),
    /** `merged` hides the conversation of a contact merged into another. */
    status: text('status').$type<'open' | 'closed' | 'merged'>().notNull().default('open'),
    assigneeId: text('assignee_id'),
    lastAt: integer('last_at').notNull(),
    preview: text('preview').notNull().default(''),
    lastChannel: text('last_channel').$type<Channel>(),
    lastDirection: text('last_direction').$type<Direction>(),
    /** High-water mark of what was read: it only moves forward. */
    readUpTo: integer('read_up_to').notNull().default(0),
    unreadCount: integer('unread_count').notNull().default(0),
    needsResponse: integer('needs_response', { mode: 'boolean' }).notNull().default(false),
    /** Someone said no reply is needed up to this time: needs-response counts only what came after. */
    dismissedUpTo: integer('dismissed_up_to').notNull().default(0),
  },
  (t) => [
    index('conversations_open_recent')
      .on(t.workspaceId, t.lastAt, t.id)
      .where(sql`status = 'open'`),
    index('conversations_open_assignee')
      .on(t.workspaceId, t.assigneeId, t.lastAt, t.id)
      .where(sql`status = 'open'`),
    index('conversations_open_unread')
      .on(t.workspaceId, t.lastAt, t.id)
      .where(sql`status = 'open' AND unread_count > 0`),
    index('conversations_open_needs_response')
      .on(t.workspaceId, t.lastAt, t.id)
      .where(sql`status = 'open' AND needs_response = 1`),
  ],
);

export const entries = sqliteTable(
  'entries',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** The stable id of DESIGN.md (`sms:<MessageSid>`, `note:<ULID>`, …): ingesting twice is a no-op. */
    id: text('id').notNull().unique(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    conversationId: text('conversation_id').notNull().references(() => conversations.id),
    /** The contact whose identity brought this entry in, so that undoing a merge can send it back. */
    originContactId: text('origin_contact_id').notNull(),
    kind: text('kind').$type<EntryKind>().notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    direction: text('direction').$type<Direction>(),
    authorMemberId: text('author_member_id'),
    subject: text('subject'),
    body: text('body').notNull(),
    occurredAt: integer('occurred_at').notNull(),
    deliveryStatus: text('delivery_status').$type<DeliveryStatus>(),
    attachments: text('attachments', { mode: 'json' }).$type<AttachmentMeta[]>().notNull().default(sql`'[]'`),
    callDurationSec: integer('call_duration_sec'),
    callOutcome: text('call_outcome').$type<CallOutcome>(),
    callRecordingUrl: text('call_recording_url'),
    callTranscription: text('call_transcription'),
    /** The numbers as the provider gave them (E.164, or a label such as "Withheld number"). */
    callFrom: text('call_from'),
    callTo: text('call_to'),
    /** A missed call or voicemail stays unread until someone marks it resolved (called back, handled). */
    callResolvedAt: integer('call_resolved_at'),
    /** One reaction per person (WhatsApp): who, which emoji, when. Changed only through entry-changes. */
    reactions: text('reactions', { mode: 'json' }).$type<EntryReaction[]>().notNull().default(sql`'[]'`),
    /** When the text last changed after it was received; earlier versions are in `entry_revisions`. */
    editedAt: integer('edited_at'),
    /** When the sender deleted it for everyone; the original is in `entry_revisions`. */
    deletedAt: integer('deleted_at'),
    /** An automatic answer (an out-of-office email): unread like any message, but it asks for no response. */
    autoReply: integer('auto_reply', { mode: 'boolean' }).notNull().default(false),
    /** For an email: its HTML, sender and invitation, as every PC of a team shows them. */
    email: text('email', { mode: 'json' }).$type<EmailEntryDetails>(),
  },
  (t) => [index('entries_thread').on(t.conversationId, t.occurredAt, t.seq)],
);

/**
 * The audit log of entries changed after they arrived: each row is a version that was replaced
 * (by an edit) or taken away (by a delete for everyone), so nothing a customer sent is lost.
 */
export const entryRevisions = sqliteTable(
  'entry_revisions',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    entryId: text('entry_id').notNull(),
    reason: text('reason').$type<'edit' | 'revoke' | 'move'>().notNull(),
    body: text('body').notNull(),
    attachments: text('attachments', { mode: 'json' }).$type<AttachmentMeta[]>().notNull(),
    /** When this version stopped being the current one (the edit's or the delete's time). */
    replacedAt: integer('replaced_at').notNull(),
  },
  (t) => [index('entry_revisions_entry').on(t.entryId, t.seq)],
);

/**
 * Every WhatsApp message as Baileys delivered it (WebMessageInfo as BufferJSON text), by stable id:
 * Baileys asks for it back (`getMessage`) to retry or re-encrypt, and media is downloaded from it.
 */
export const whatsappMessages = sqliteTable(
  'whatsapp_messages',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    keyId: text('key_id').notNull(),
    message: text('message').notNull(),
    storedAt: integer('stored_at').notNull(),
  },
  (t) => [index('whatsapp_messages_key').on(t.keyId)],
);

/** Messages WhatsApp announced that could not be decrypted yet (CIPHERTEXT), until the resend arrives. */
export const whatsappPending = sqliteTable('whatsapp_pending', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  chatJid: text('chat_jid').notNull(),
  keyId: text('key_id').notNull(),
  occurredAt: integer('occurred_at').notNull(),
  reason: text('reason'),
});

/**
 * WhatsApp groups and broadcasts: kept and searchable in the "Other" view, never a customer
 * conversation (the WhatsApp counterpart of `other_mail`). `seq` is what its FTS index points at.
 */
export const otherWhatsapp = sqliteTable(
  'other_whatsapp',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    chatJid: text('chat_jid').notNull(),
    senderJid: text('sender_jid').notNull(),
    senderPhone: text('sender_phone'),
    senderName: text('sender_name'),
    direction: text('direction').$type<Direction>().notNull(),
    body: text('body').notNull(),
    occurredAt: integer('occurred_at').notNull(),
    attachments: text('attachments', { mode: 'json' }).$type<AttachmentMeta[]>().notNull(),
  },
  (t) => [index('other_whatsapp_recent').on(t.workspaceId, t.occurredAt)],
);

/**
 * The linked device's Signal keys and credentials, one row per key, each value sealed with a key
 * kept in the keychain. Every `keys.set` of Baileys is one transaction over these rows.
 */
export const whatsappAuth = sqliteTable(
  'whatsapp_auth',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    category: text('category').notNull(),
    keyId: text('key_id').notNull(),
    sealed: text('sealed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.category, t.keyId] })],
);

export const merges = sqliteTable('merges', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  survivorId: text('survivor_id').notNull(),
  mergedId: text('merged_id').notNull(),
  /** Identities that moved from the merged contact to the survivor, to move back on undo. */
  movedIdentityIds: text('moved_identity_ids', { mode: 'json' }).$type<string[]>().notNull(),
  createdAt: integer('created_at').notNull(),
  undoneAt: integer('undone_at'),
});

/**
 * Every Yjs update of a shared document, local or remote, stored before anything derived from it is
 * shown, so edits made offline survive a restart and reach the server on reconnect. A room's rows are
 * merged into one when they pile up.
 */
export const docUpdates = sqliteTable(
  'doc_updates',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    room: text('room').notNull(),
    update: blob('update', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('doc_updates_room').on(t.room, t.seq)],
);

/**
 * A room's document as of `upToSeq` in doc_updates, encoded from the document itself: Yjs has
 * already let go of what was deleted with its parent, which merging the log's rows cannot do. A PC
 * starts from it and replays only the rows after it; the rows stay for catching a server up.
 */
export const docSnapshots = sqliteTable('doc_snapshots', {
  room: text('room').primaryKey(),
  state: blob('state', { mode: 'buffer' }).notNull(),
  upToSeq: integer('up_to_seq').notNull(),
});

/**
 * The sync-server this PC's workspace is kept in step with, once it joined a team. The member token
 * is not here: it lives in the keychain (secret store), like every other secret.
 */
export const teamLinks = sqliteTable('team_links', {
  workspaceId: text('workspace_id').primaryKey().references(() => workspaces.id),
  /** The workspace's id on the server, which names its rooms; the local rows keep their own id. */
  teamWorkspaceId: text('team_workspace_id').notNull(),
  serverUrl: text('server_url').notNull(),
  memberId: text('member_id').notNull(),
  joinedAt: integer('joined_at').notNull(),
});

/**
 * A mailbox the channel host syncs. Never the password: that stays with the caller (the keychain, or
 * an environment variable for the CLI), so this row can be shared and logged.
 */
export const emailAccounts = sqliteTable(
  'email_accounts',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    /** Our own address: mail from it is outbound, and it is never taken for a customer. */
    address: text('address').notNull(),
    host: text('host').notNull(),
    port: integer('port').notNull(),
    tls: text('tls').$type<'implicit' | 'starttls' | 'none'>().notNull(),
    username: text('username').notNull(),
    senderName: text('sender_name'),
    createdAt: integer('created_at').notNull(),
    /** Where mail is sent; null for an account set up for syncing only (`switchboard email sync`). */
    smtpHost: text('smtp_host'),
    smtpPort: integer('smtp_port'),
    smtpTls: text('smtp_tls').$type<'implicit' | 'starttls' | 'none'>(),
    /** The most recently saved account is the one Settings shows and the channel host runs. */
    savedAt: integer('saved_at').notNull().default(0),
  },
  (t) => [uniqueIndex('email_accounts_login').on(t.workspaceId, t.host, t.port, t.username)],
);

/**
 * How far one folder is synced. Written in the same transaction as the messages of each chunk, so what
 * it says is always what the store holds. `lastUid` is the top of the synced range (newer mail is
 * fetched upwards from it); the backfill walks downwards from `backfillBelowUid`, first through the
 * mail since `recentSince`, then the older mail down to `horizonSince`.
 */
export const emailFolders = sqliteTable(
  'email_folders',
  {
    accountId: text('account_id').notNull().references(() => emailAccounts.id),
    path: text('path').notNull(),
    role: text('role').$type<'inbox' | 'sent'>().notNull(),
    uidValidity: integer('uid_validity').notNull(),
    lastUid: integer('last_uid').notNull(),
    /** Text, as mod-sequences run to 2^63 and JavaScript numbers stop at 2^53. Null without CONDSTORE. */
    highestModseq: text('highest_modseq'),
    backfillPhase: text('backfill_phase').$type<'recent' | 'older' | 'done'>().notNull(),
    backfillBelowUid: integer('backfill_below_uid').notNull(),
    recentSince: integer('recent_since').notNull(),
    horizonSince: integer('horizon_since').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.path] })],
);

/**
 * The reply-chain headers of every synced message, by stable id (an entry's or other mail's), so a
 * later reply can carry In-Reply-To and References and an incoming one can be matched to its thread.
 */
export const emailMessages = sqliteTable(
  'email_messages',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull().references(() => emailAccounts.id),
    messageId: text('message_id'),
    inReplyTo: text('in_reply_to'),
    references: text('references', { mode: 'json' }).$type<string[]>().notNull(),
    /** The unsanitized HTML body in the blob store; only the display layer renders it, sanitized. */
    htmlSha256: text('html_sha256'),
    filedAs: text('filed_as').$type<'entry' | 'other'>().notNull(),
    /** Where the message was last seen on the server, so an expunge (QRESYNC VANISHED) names it. */
    folderPath: text('folder_path'),
    uid: integer('uid'),
    /** When the server reported it gone from that folder (deleted or moved elsewhere); the entry stays. */
    removedAt: integer('removed_at'),
    autoReply: integer('auto_reply', { mode: 'boolean' }).notNull().default(false),
    /** The invitation card of a calendar message, as the thread shows it. */
    calendar: text('calendar', { mode: 'json' }).$type<CalendarCard>(),
  },
  (t) => [
    index('email_messages_message_id').on(t.messageId),
    index('email_messages_location').on(t.accountId, t.folderPath, t.uid),
  ],
);

/**
 * Mailing lists, bulk mail and automated notices (bounces included): kept and searchable in the
 * "Other" view, never a customer conversation. `seq` is what its FTS index points at.
 */
export const otherMail = sqliteTable(
  'other_mail',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    accountId: text('account_id').notNull().references(() => emailAccounts.id),
    category: text('category').$type<'list' | 'bulk' | 'automated'>().notNull(),
    fromAddress: text('from_address'),
    fromName: text('from_name'),
    toAddresses: text('to_addresses', { mode: 'json' }).$type<string[]>().notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    occurredAt: integer('occurred_at').notNull(),
    attachments: text('attachments', { mode: 'json' }).$type<AttachmentMeta[]>().notNull(),
    autoReply: integer('auto_reply', { mode: 'boolean' }).notNull().default(false),
    /** For a bounce: the entry it fails, kept so an entry synced after its bounce is still marked. */
    bouncedEntryId: text('bounced_entry_id'),
    bounceRecipient: text('bounce_recipient'),
    bounceStatus: text('bounce_status'),
    bounceDiagnostic: text('bounce_diagnostic'),
  },
  (t) => [
    index('other_mail_recent').on(t.workspaceId, t.occurredAt),
    index('other_mail_bounced_entry').on(t.bouncedEntryId).where(sql`bounced_entry_id IS NOT NULL`),
  ],
);

/** Senders whose mail may load remote images ("Always for this sender"); everyone else's stays blocked. */
export const remoteContentSenders = sqliteTable(
  'remote_content_senders',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    address: text('address').notNull(),
    allowedAt: integer('allowed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.address] })],
);

/**
 * Outbound items waiting for approval or for their executor (DESIGN.md, "Outbox"). The id is the ULID
 * the composer chose for its draft, so a submit repeated after a lost answer finds the item it made.
 * `entry_id` is the timeline entry that shows the item; its delivery status changes in the same
 * transaction as `state`.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    channel: text('channel').$type<Channel>().notNull(),
    conversationId: text('conversation_id').notNull().references(() => conversations.id),
    entryId: text('entry_id').notNull().unique(),
    authorMemberId: text('author_member_id').notNull(),
    payload: text('payload', { mode: 'json' }).$type<OutboundEmail>().notNull(),
    state: text('state').$type<OutboxState>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('outbox_queue').on(t.channel, t.state, t.createdAt)],
);
