import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, openStore } from '../../../src-main/core/store/open-store';
import { DatabaseTooNewError, loadMigrations, migrate, schemaVersion } from '../../../src-main/core/store/migrate';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const migrations = loadMigrations(defaultMigrationsFolder());

function dbAt(version: number): Database.Database {
  const db = new Database(path.join(tempDir(), 'test.db'));
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, version);
  return db;
}

function seedV1(db: Database.Database): void {
  db.exec(`
    INSERT INTO workspaces (id, name, default_region, is_demo, created_at) VALUES ('ws_1', 'Shop', 'US', 0, 1);
    INSERT INTO contacts (id, workspace_id, display_name, address, created_at) VALUES ('ct_1', 'ws_1', 'Maria Gonzalez', '418 Elm Street', 1);
    INSERT INTO identities (id, workspace_id, contact_id, kind, value) VALUES ('id_1', 'ws_1', 'ct_1', 'phone', '+12125550147');
    INSERT INTO conversations (id, workspace_id, contact_id, last_at, unread_count, needs_response, assignee_id)
      VALUES ('cv_1', 'ws_1', 'ct_1', 5, 2, 1, 'mb_1');
    INSERT INTO entries (id, workspace_id, conversation_id, origin_contact_id, kind, channel, direction, body, occurred_at)
      VALUES ('sms:SM1', 'ws_1', 'cv_1', 'ct_1', 'message', 'sms', 'inbound', 'The water heater is leaking', 5);`);
}

describe('migrations', () => {
  it('bring a new database to the latest schema in WAL mode', () => {
    const store = openStore(path.join(tempDir(), 'fresh.db'));
    expect(schemaVersion(store.sqlite)).toBe(migrations.length);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(migrations.length).toBeGreaterThanOrEqual(3);
    store.close();
  });

  it('refuse a database written by a newer version, and leave it untouched', () => {
    const file = path.join(tempDir(), 'newer.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.exec('CREATE TABLE from_the_future (x)');
    raw.close();
    expect(() => openStore(file)).toThrow(DatabaseTooNewError);
    expect(() => openStore(file)).toThrow(/newer version of Switchboard/);
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'contacts'").get()).toEqual({ n: 0 });
    after.close();
  });

  it('are idempotent: opening twice applies nothing the second time', () => {
    const file = path.join(tempDir(), 'twice.db');
    openStore(file).close();
    const again = openStore(file);
    expect(schemaVersion(again.sqlite)).toBe(migrations.length);
    again.close();
  });

  it('0001 search index: indexes the messages and contacts that existed before it', () => {
    const db = dbAt(1);
    seedV1(db);
    migrate(db, migrations, 2);
    expect(db.prepare(`SELECT rowid FROM entries_fts WHERE entries_fts MATCH 'heater'`).all()).toHaveLength(1);
    expect(db.prepare(`SELECT name FROM contacts_fts WHERE contacts_fts MATCH '"5550147"'`).all()).toEqual([{ name: 'Maria Gonzalez' }]);
    expect(db.prepare(`SELECT name FROM contacts_fts WHERE contacts_fts MATCH '"Elm St"'`).all()).toHaveLength(1);
    db.prepare(`INSERT INTO identities (id, workspace_id, contact_id, kind, value) VALUES ('id_2', 'ws_1', 'ct_1', 'email', 'maria@example.com')`).run();
    expect(db.prepare(`SELECT name FROM contacts_fts WHERE contacts_fts MATCH '"maria@exa"'`).all()).toHaveLength(1);
    db.close();
  });

  it('0002 inbox counts: counts the conversations that existed before it, then follows changes', () => {
    const db = dbAt(2);
    seedV1(db);
    migrate(db, migrations, 3);
    const counts = () =>
      Object.fromEntries(
        (db.prepare(`SELECT bucket || ':' || member_id AS k, n FROM inbox_counts`).all() as Array<{ k: string; n: number }>).map((r) => [r.k, r.n]),
      );
    expect(counts()).toEqual({ 'open:': 1, 'assigned:mb_1': 1, 'unread:': 1, 'needs_response:': 1 });
    db.prepare(`UPDATE conversations SET assignee_id = NULL, unread_count = 0 WHERE id = 'cv_1'`).run();
    expect(counts()).toMatchObject({ 'open:': 1, 'assigned:mb_1': 0, 'unassigned:': 1, 'unread:': 0, 'needs_response:': 1 });
    db.close();
  });

  it('0003 doc updates: adds the shared-document log and leaves the inbox as it was', () => {
    const db = dbAt(3);
    seedV1(db);
    migrate(db, migrations, 4);
    db.prepare(`INSERT INTO doc_updates (room, "update", created_at) VALUES ('ws/ws_1', x'0000', 1)`).run();
    expect(db.prepare('SELECT room, length("update") AS bytes FROM doc_updates').all()).toEqual([{ room: 'ws/ws_1', bytes: 2 }]);
    expect(db.prepare(`SELECT rowid FROM entries_fts WHERE entries_fts MATCH 'heater'`).all()).toHaveLength(1);
    expect(db.prepare(`SELECT n FROM inbox_counts WHERE bucket = 'open'`).get()).toEqual({ n: 1 });
    db.close();
  });

  it('0004 email sync: adds accounts, checkpoints, reply chains and searchable other mail, leaving the inbox as it was', () => {
    const db = dbAt(4);
    seedV1(db);
    migrate(db, migrations, 5);
    db.exec(`
      INSERT INTO email_accounts (id, workspace_id, address, host, port, tls, username, created_at)
        VALUES ('ea_1', 'ws_1', 'office@shop.test', 'imap.shop.test', 993, 'implicit', 'office', 1);
      INSERT INTO email_folders (account_id, path, role, uid_validity, last_uid, highest_modseq, backfill_phase,
        backfill_below_uid, recent_since, horizon_since, updated_at)
        VALUES ('ea_1', 'INBOX', 'inbox', 1700000000, 42, '9223372036854775807', 'recent', 43, 1, 0, 1);
      INSERT INTO other_mail (id, workspace_id, account_id, category, from_address, to_addresses, subject, body, occurred_at, attachments)
        VALUES ('email:1', 'ws_1', 'ea_1', 'list', 'apparmor@lists.ubuntu.com', '[]', 'Profile for nginx', 'The profile denies', 1, '[]');`);
    expect(db.prepare(`SELECT highest_modseq FROM email_folders`).pluck().get()).toBe('9223372036854775807');
    expect(db.prepare(`SELECT subject FROM other_mail_fts WHERE other_mail_fts MATCH 'nginx'`).pluck().all()).toEqual(['Profile for nginx']);
    db.prepare(`DELETE FROM other_mail`).run();
    expect(db.prepare(`SELECT count(*) FROM other_mail_fts WHERE other_mail_fts MATCH 'nginx'`).pluck().get()).toBe(0);
    // Other mail has an index of its own: customer search does not see it, and still finds its own.
    expect(db.prepare(`SELECT rowid FROM entries_fts WHERE entries_fts MATCH 'heater'`).all()).toHaveLength(1);
    expect(db.prepare(`SELECT n FROM inbox_counts WHERE bucket = 'open'`).get()).toEqual({ n: 1 });
    db.close();
  });

  it('0005 remote content senders: adds the per-sender image permission, one row per address', () => {
    const db = dbAt(5);
    seedV1(db);
    migrate(db, migrations, 6);
    const allow = db.prepare(`INSERT INTO remote_content_senders (workspace_id, address, allowed_at) VALUES ('ws_1', ?, 1)`);
    allow.run('newsletter@example.com');
    expect(() => allow.run('newsletter@example.com')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(db.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 1 });
    db.close();
  });

  it('0006 outbox: adds outbound items, one per client id and one per entry, leaving the inbox as it was', () => {
    const db = dbAt(6);
    seedV1(db);
    migrate(db, migrations, 7);
    const add = db.prepare(`INSERT INTO outbox (id, workspace_id, channel, conversation_id, entry_id, author_member_id, payload, state, created_at, updated_at)
      VALUES (?, 'ws_1', 'email', 'cv_1', ?, 'mb_1', '{}', 'queued', 1, 1)`);
    add.run('01J0000000000000000000000A', 'email:a');
    expect(db.prepare('SELECT attempts, last_error FROM outbox').get()).toEqual({ attempts: 0, last_error: null });
    expect(() => add.run('01J0000000000000000000000A', 'email:b')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => add.run('01J0000000000000000000000B', 'email:a')).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE outbox SET conversation_id = 'cv_missing'`).run()).toThrow(/FOREIGN KEY/);
    expect(db.prepare(`SELECT n FROM inbox_counts WHERE bucket = 'open'`).get()).toEqual({ n: 1 });
    db.close();
  });

  it('0007 email account SMTP: keeps existing accounts, with no SMTP server and the oldest save time', () => {
    const db = dbAt(7);
    seedV1(db);
    db.exec(`INSERT INTO email_accounts (id, workspace_id, address, host, port, tls, username, created_at)
      VALUES ('ea_1', 'ws_1', 'office@shop.test', 'imap.shop.test', 993, 'implicit', 'office', 1)`);
    migrate(db, migrations, 8);
    expect(db.prepare('SELECT smtp_host, smtp_port, smtp_tls, saved_at FROM email_accounts').get()).toEqual({
      smtp_host: null,
      smtp_port: null,
      smtp_tls: null,
      saved_at: 0,
    });
    db.close();
  });

  it('0008 email location and calendar: keeps stored reply chains, unplaced, not removed, not auto-replies', () => {
    const db = dbAt(8);
    seedV1(db);
    db.exec(`INSERT INTO email_accounts (id, workspace_id, address, host, port, tls, username, created_at)
        VALUES ('ea_1', 'ws_1', 'office@shop.test', 'imap.shop.test', 993, 'implicit', 'office', 1);
      INSERT INTO email_messages (id, account_id, message_id, in_reply_to, "references", filed_as)
        VALUES ('email:1', 'ea_1', '<a@shop.test>', NULL, '[]', 'entry');`);
    migrate(db, migrations, 9);
    expect(db.prepare('SELECT message_id, folder_path, uid, removed_at, auto_reply, calendar FROM email_messages').get()).toEqual({
      message_id: '<a@shop.test>',
      folder_path: null,
      uid: null,
      removed_at: null,
      auto_reply: 0,
      calendar: null,
    });
    db.close();
  });

  it('0009 team links: keeps the workspace unlinked, and a link must name a workspace that exists', () => {
    const db = dbAt(9);
    seedV1(db);
    migrate(db, migrations, 10);
    expect(db.prepare('SELECT count(*) AS n FROM team_links').get()).toEqual({ n: 0 });
    const link = db.prepare(`INSERT INTO team_links (workspace_id, team_workspace_id, server_url, member_id, joined_at) VALUES (?, 'acme', 'http://x', 'mb_1', 1)`);
    link.run('ws_1');
    expect(() => link.run('ws_missing')).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('0010 whatsapp: existing entries have no reactions, edit or delete, and stay searchable; groups get their own index', () => {
    const db = dbAt(10);
    seedV1(db);
    migrate(db, migrations, 11);
    expect(db.prepare("SELECT body, reactions, edited_at, deleted_at FROM entries WHERE id = 'sms:SM1'").get()).toEqual({
      body: 'The water heater is leaking',
      reactions: '[]',
      edited_at: null,
      deleted_at: null,
    });
    expect(db.prepare("SELECT count(*) AS n FROM entries_fts WHERE entries_fts MATCH 'heater'").get()).toEqual({ n: 1 });
    db.exec(`INSERT INTO other_whatsapp (id, workspace_id, chat_jid, sender_jid, direction, body, occurred_at, attachments)
      VALUES ('wa:1@g.us:A', 'ws_1', '1@g.us', '2@s.whatsapp.net', 'inbound', 'Team barbecue on Friday', 1, '[]')`);
    expect(db.prepare("SELECT count(*) AS n FROM other_whatsapp_fts WHERE other_whatsapp_fts MATCH 'barbecue'").get()).toEqual({ n: 1 });
    db.close();
  });

  it('0011 needs-response dismissal: keeps every conversation as it was, with nothing dismissed', () => {
    const db = dbAt(11);
    seedV1(db);
    const before = db.prepare('SELECT id, needs_response FROM conversations ORDER BY id').all();
    migrate(db, migrations, 12);
    expect(db.prepare('SELECT id, needs_response FROM conversations ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT DISTINCT dismissed_up_to FROM conversations').pluck().all()).toEqual([0]);
    db.close();
  });

  it('0012 call resolution: keeps every entry, with no call resolved yet', () => {
    const db = dbAt(12);
    seedV1(db);
    const before = db.prepare('SELECT id, body FROM entries ORDER BY id').all();
    migrate(db, migrations, 13);
    expect(db.prepare('SELECT id, body FROM entries ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM entries WHERE call_resolved_at IS NOT NULL').pluck().get()).toBe(0);
    db.close();
  });

  it('0013 call numbers: keeps every entry, with no numbers on calls stored before', () => {
    const db = dbAt(13);
    seedV1(db);
    const before = db.prepare('SELECT id, body FROM entries ORDER BY id').all();
    migrate(db, migrations, 14);
    expect(db.prepare('SELECT id, body FROM entries ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM entries WHERE call_from IS NOT NULL OR call_to IS NOT NULL').pluck().get()).toBe(0);
    db.close();
  });

  it('0014 document snapshots: keeps every stored update, with no snapshot yet', () => {
    const db = dbAt(14);
    seedV1(db);
    db.prepare('INSERT INTO doc_updates (room, "update", created_at) VALUES (?, ?, ?)').run('ws/northside', Buffer.from([0, 0]), 1);
    const before = db.prepare('SELECT * FROM doc_updates ORDER BY seq').all();
    migrate(db, migrations, 15);
    expect(db.prepare('SELECT * FROM doc_updates ORDER BY seq').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM doc_snapshots').pluck().get()).toBe(0);
    db.close();
  });

  it('0015 entry auto-replies: flags the customer auto-replies synced before, and their conversations no longer need a response for them', () => {
    const db = dbAt(15);
    seedV1(db);
    db.exec(`INSERT INTO email_accounts (id, workspace_id, address, host, port, tls, username, created_at)
        VALUES ('ea_1', 'ws_1', 'office@shop.test', 'imap.shop.test', 993, 'implicit', 'office', 1);
      INSERT INTO entries (id, workspace_id, conversation_id, origin_contact_id, kind, channel, direction, body, occurred_at)
        VALUES ('email:question', 'ws_1', 'cv_1', 'ct_1', 'message', 'email', 'inbound', 'Can you come Tuesday?', 6),
               ('email:answer', 'ws_1', 'cv_1', 'ct_1', 'message', 'email', 'outbound', 'Tuesday at 9 works.', 7),
               ('email:away', 'ws_1', 'cv_1', 'ct_1', 'message', 'email', 'inbound', 'Away until Monday', 8);
      UPDATE conversations SET needs_response = 1, last_at = 8 WHERE id = 'cv_1';
      INSERT INTO email_messages (id, account_id, message_id, in_reply_to, "references", filed_as, auto_reply)
        VALUES ('email:question', 'ea_1', '<question@customer.test>', NULL, '[]', 'entry', 0),
               ('email:answer', 'ea_1', '<answer@shop.test>', NULL, '[]', 'entry', 0),
               ('email:away', 'ea_1', '<away@customer.test>', NULL, '[]', 'entry', 1);`);
    migrate(db, migrations, 16);
    expect(db.prepare('SELECT id FROM entries WHERE auto_reply ORDER BY id').pluck().all()).toEqual(['email:away']);
    expect(db.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(4);
    expect(db.prepare(`SELECT needs_response FROM conversations WHERE id = 'cv_1'`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT n FROM inbox_counts WHERE bucket = 'needs_response'`).pluck().get()).toBe(0);
    db.close();
  });

  it('0016 entry email details: keeps every entry, with no email details for mail synced before', () => {
    const db = dbAt(16);
    seedV1(db);
    const before = db.prepare('SELECT * FROM entries').all();
    migrate(db, migrations, 17);
    expect(db.prepare('SELECT * FROM entries').all()).toEqual(before.map((row) => ({ ...(row as object), email: null })));
    db.close();
  });
});
