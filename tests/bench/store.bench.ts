/**
 * Store benchmark (`npm run bench`): builds a store of 100,000 contacts and 1,000,000 timeline entries
 * through the real write path, then times ingest, the inbox list and full-text search against the plain
 * SQLite statements on the same data. BENCH_SCALE multiplies the sizes (0.05 for a quick check);
 * BENCH_EXPLAIN=1 also prints the query plans. Always exits 0 unless something throws: it reports, it
 * does not judge.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { InboxFilter } from '../../src-shared/domain/conversation';
import { INBOX_FILTERS } from '../../src-shared/domain/conversation';
import { createContact } from '../../src-main/core/contacts/contact-repo';
import { createConversationRollup } from '../../src-main/core/conversations/conversation-rollup';
import { COUNTS_SQL, createInboxQueries, listSql } from '../../src-main/core/conversations/inbox-queries';
import { createIngest } from '../../src-main/core/ingest/ingest-inbound';
import { contactMatchQuery, messageMatchQuery } from '../../src-main/core/search/fts-query';
import { CONTACT_SEARCH_SQL, createSearch, MESSAGE_SEARCH_SQL } from '../../src-main/core/search/search';
import { openStore, type Store } from '../../src-main/core/store/open-store';
import { createWorkspace } from '../../src-main/core/workspace/workspace-repo';
import { END_AT, generateContacts, generateEntries, mulberry32, SEARCH_QUERIES, START_AT, type BenchContact } from './generate-data';
import { fmt, measurePaired, msSince, nowNs, paired, table, type PairedSamples } from './measure';

const SEED = 20_250_601;
const SCALE = Number(process.env.BENCH_SCALE ?? '1');
if (!Number.isFinite(SCALE) || SCALE <= 0) throw new Error(`BENCH_SCALE must be a positive number, got ${process.env.BENCH_SCALE}`);
const CONTACT_COUNT = Math.max(100, Math.round(100_000 * SCALE));
const ENTRY_COUNT = Math.max(1_000, Math.round(1_000_000 * SCALE));
const BATCH = 5_000;
const LIST_LIMIT = 50;
const SEARCH_LIMIT = 50;
const LIST_ROUNDS_PAGE1 = 300;
const LIST_ROUNDS_PAGE2 = 100;
const SEARCH_ROUNDS = 15;
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';

const TARGETS = { listP95Ms: 5, searchP95Ms: 30, ingestPerSec: 50_000 };

const log = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`  … ${line}\n`);

interface Workspace {
  workspaceId: string;
  selfId: string;
  memberIds: string[];
}

function setUpWorkspace(store: Store): Workspace {
  const { workspaceId, selfId } = createWorkspace(
    store,
    {
      name: 'Bench Plumbing & Heating',
      defaultRegion: 'US',
      isDemo: false,
      self: { name: 'Dana Whitfield', email: 'dana@bench.example', role: 'owner' },
      others: [
        { name: 'Luis Ortega', email: 'luis@bench.example', role: 'agent' },
        { name: 'Priya Shah', email: 'priya@bench.example', role: 'manager' },
        { name: 'Sam Okafor', email: 'sam@bench.example', role: 'agent' },
        { name: 'Jo Novak', email: 'jo@bench.example', role: 'agent' },
      ],
    },
    START_AT,
  );
  const memberIds = (store.sqlite.prepare('SELECT id FROM members WHERE workspace_id = ? ORDER BY id').all(workspaceId) as Array<{ id: string }>).map(
    (r) => r.id,
  );
  return { workspaceId, selfId, memberIds };
}

function identitiesOf(contact: BenchContact) {
  return [
    { kind: 'phone' as const, value: contact.phone },
    ...(contact.email ? [{ kind: 'email' as const, value: contact.email }] : []),
  ];
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function fileSize(file: string): number {
  let total = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      total += statSync(file + suffix).size;
    } catch {
      // The WAL and shared-memory files exist only while the database is open in WAL mode.
    }
  }
  return total;
}

/** Our store: contacts through createContact, entries through the ingest path, in batched transactions. */
function buildStore(file: string, contacts: readonly BenchContact[]) {
  const store = openStore(file);
  const ws = setUpWorkspace(store);
  const rollup = createConversationRollup(store.sqlite);
  const ingest = createIngest(store, rollup);
  const conversationIds: string[] = [];

  let contactMs = 0;
  for (const batch of batches(contacts, BATCH)) {
    const start = nowNs();
    store.sqlite.transaction(() => {
      for (const c of batch) {
        const created = createContact(
          store.db,
          ws.workspaceId,
          { displayName: c.displayName, company: c.company, address: c.address, identities: identitiesOf(c) },
          START_AT,
        );
        conversationIds.push(created.conversationId);
      }
    })();
    contactMs += msSince(start);
  }

  // Only the transactions are timed: building the input objects is the channel adapters' work, not the store's.
  let ingestMs = 0;
  let done = 0;
  let misfiled = 0;
  let nextReport = ENTRY_COUNT / 10;
  const wallStart = nowNs();
  for (const batch of generateEntries(contacts, ENTRY_COUNT, BATCH, SEED + 1)) {
    const start = nowNs();
    const outcomes = ingest(ws.workspaceId, batch.map((b) => b.inbound));
    outcomes.forEach((outcome, i) => {
      if (outcome.status !== 'added' || outcome.conversationId !== conversationIds[batch[i]?.contactIndex ?? -1]) misfiled++;
    });
    ingestMs += msSince(start);
    done += batch.length;
    if (done >= nextReport) {
      progress(`ingested ${fmt.int(done)} / ${fmt.int(ENTRY_COUNT)} (${fmt.rate(done / (ingestMs / 1000))})`);
      nextReport += ENTRY_COUNT / 10;
    }
  }
  const ingestWallMs = msSince(wallStart);
  if (misfiled > 0) throw new Error(`${misfiled} entries were not filed under their generated customer`);

  // ~30% assigned to one of the members, ~70% read up to the end, so every inbox count is non-trivial.
  const rng = mulberry32(SEED + 2);
  const assign = store.sqlite.prepare('UPDATE conversations SET assignee_id = ? WHERE id = ?');
  const triageStart = nowNs();
  for (const batch of batches(conversationIds, BATCH)) {
    store.sqlite.transaction(() => {
      for (const id of batch) {
        if (rng() < 0.3) assign.run(ws.memberIds[Math.floor(rng() * ws.memberIds.length)], id);
        if (rng() < 0.7) rollup.markRead(id, END_AT);
      }
    })();
  }
  const triageMs = msSince(triageStart);
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { store, ws, contactMs, ingestMs, ingestWallMs, triageMs };
}

/**
 * The baseline for ingest: a second fresh store (same migrations, so the same indexes and FTS/count
 * triggers), the same contacts and conversations inserted directly, then the same entries with one
 * prepared INSERT each, in the same batches. What it leaves out is exactly our overhead: identity
 * resolution, the conversation lookup, the drizzle layer and the rollup UPDATE.
 */
function plainBaseline(file: string, contacts: readonly BenchContact[]) {
  const store = openStore(file);
  const { workspaceId } = setUpWorkspace(store);
  const insertContact = store.sqlite.prepare(
    'INSERT INTO contacts(id, workspace_id, display_name, company, address, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertIdentity = store.sqlite.prepare('INSERT INTO identities(id, workspace_id, contact_id, kind, value, valid) VALUES (?, ?, ?, ?, ?, 1)');
  const insertConversation = store.sqlite.prepare('INSERT INTO conversations(id, workspace_id, contact_id, last_at) VALUES (?, ?, ?, ?)');
  const insertEntry = store.sqlite.prepare(`
    INSERT INTO entries(id, workspace_id, conversation_id, origin_contact_id, kind, channel, direction, subject, body,
      occurred_at, delivery_status, attachments, call_duration_sec, call_outcome, call_recording_url, call_transcription)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  let contactMs = 0;
  let index = 0;
  for (const batch of batches(contacts, BATCH)) {
    const start = nowNs();
    store.sqlite.transaction(() => {
      for (const c of batch) {
        const contactId = `ct_${index}`;
        insertContact.run(contactId, workspaceId, c.displayName, c.company, c.address, START_AT);
        let n = 0;
        for (const identity of identitiesOf(c)) insertIdentity.run(`id_${index}_${n++}`, workspaceId, contactId, identity.kind, identity.value);
        insertConversation.run(`cv_${index}`, workspaceId, contactId, START_AT);
        index++;
      }
    })();
    contactMs += msSince(start);
  }

  let ingestMs = 0;
  let done = 0;
  let nextReport = ENTRY_COUNT / 5;
  for (const batch of generateEntries(contacts, ENTRY_COUNT, BATCH, SEED + 1)) {
    const start = nowNs();
    store.sqlite.transaction(() => {
      for (const { contactIndex, inbound: e } of batch) {
        insertEntry.run(
          e.id, workspaceId, `cv_${contactIndex}`, `ct_${contactIndex}`, e.kind, e.channel, e.direction, e.subject, e.body,
          e.occurredAt, e.deliveryStatus, JSON.stringify(e.attachments), e.call?.durationSec ?? null, e.call?.outcome ?? null,
          e.call?.recordingUrl ?? null, e.call?.transcription ?? null,
        );
      }
    })();
    ingestMs += msSince(start);
    done += batch.length;
    if (done >= nextReport) {
      progress(`plain insert ${fmt.int(done)} / ${fmt.int(ENTRY_COUNT)} (${fmt.rate(done / (ingestMs / 1000))})`);
      nextReport += ENTRY_COUNT / 5;
    }
  }
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const size = fileSize(file);
  store.close();
  return { contactMs, ingestMs, size };
}

interface ListResult {
  filter: InboxFilter;
  page1: PairedSamples;
  page2: PairedSamples;
  matching: number;
}

function benchList(sqlite: Database.Database, ws: Workspace): ListResult[] {
  const inbox = createInboxQueries(sqlite);
  const plainLists = Object.fromEntries(INBOX_FILTERS.map((f) => [f, sqlite.prepare(listSql(f))])) as Record<InboxFilter, Database.Statement>;
  const plainCounts = sqlite.prepare(COUNTS_SQL);
  const { workspaceId, selfId: me } = ws;
  const plain = (filter: InboxFilter, before: { lastAt: number; id: string } | null) => {
    plainLists[filter].all({
      workspaceId,
      me,
      beforeAt: before?.lastAt ?? Number.MAX_SAFE_INTEGER,
      beforeId: before?.id ?? '\uffff',
      limit: LIST_LIMIT,
    });
    plainCounts.all({ workspaceId, me });
  };

  const results: ListResult[] = [];
  for (const filter of INBOX_FILTERS) {
    const first = inbox.list(workspaceId, me, filter, LIST_LIMIT, null);
    const cursor = first.nextCursor;
    const result: ListResult = { filter, page1: paired(), page2: paired(), matching: first.counts[filter] };
    // Warm-up: statement caches, the page cache and the JIT, so the first samples are not outliers by construction.
    measurePaired(paired(), 20, () => inbox.list(workspaceId, me, filter, LIST_LIMIT, null), () => plain(filter, null));
    measurePaired(result.page1, LIST_ROUNDS_PAGE1, () => inbox.list(workspaceId, me, filter, LIST_LIMIT, null), () => plain(filter, null));
    if (cursor) {
      measurePaired(result.page2, LIST_ROUNDS_PAGE2, () => inbox.list(workspaceId, me, filter, LIST_LIMIT, cursor), () => plain(filter, cursor));
    }
    results.push(result);
  }
  return results;
}

interface SearchResult {
  query: string;
  hits: number;
  samples: PairedSamples;
}

function benchSearch(sqlite: Database.Database, ws: Workspace): SearchResult[] {
  const search = createSearch(sqlite, createInboxQueries(sqlite));
  const contactStatement = sqlite.prepare(CONTACT_SEARCH_SQL);
  const messageStatement = sqlite.prepare(MESSAGE_SEARCH_SQL);
  const { workspaceId } = ws;
  const results: SearchResult[] = [];
  for (const query of SEARCH_QUERIES) {
    const contactMatch = contactMatchQuery(query);
    const messageMatch = messageMatchQuery(query);
    // Same statements, same MATCH strings and limits as search() uses (it asks for 4× the message rows).
    const plain = () => {
      if (contactMatch) contactStatement.all({ match: contactMatch, workspaceId, limit: SEARCH_LIMIT });
      if (messageMatch) messageStatement.all({ match: messageMatch, workspaceId, limit: SEARCH_LIMIT * 4 });
    };
    const ours = () => search(workspaceId, query, SEARCH_LIMIT);
    const hits = search(workspaceId, query, SEARCH_LIMIT).length;
    measurePaired(paired(), 2, ours, plain);
    const samples = paired();
    measurePaired(samples, SEARCH_ROUNDS, ours, plain);
    results.push({ query, hits, samples });
  }
  return results;
}

function explain(sqlite: Database.Database, ws: Workspace): void {
  const plan = (title: string, sql: string, params: Record<string, unknown>) => {
    log(`\n${title}`);
    for (const row of sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>) log(`  ${row.detail}`);
  };
  const listParams = { workspaceId: ws.workspaceId, me: ws.selfId, beforeAt: Number.MAX_SAFE_INTEGER, beforeId: '\uffff', limit: LIST_LIMIT };
  for (const f of INBOX_FILTERS) plan(`list ${f}`, listSql(f), listParams);
  plan('counts', COUNTS_SQL, { workspaceId: ws.workspaceId, me: ws.selfId });
  plan('contact search', CONTACT_SEARCH_SQL, { match: '"water"', workspaceId: ws.workspaceId, limit: SEARCH_LIMIT });
  plan('message search', MESSAGE_SEARCH_SQL, { match: '"water"*', workspaceId: ws.workspaceId, limit: SEARCH_LIMIT * 4 });
  log(`\npragmas: cache_size=${String(sqlite.pragma('cache_size', { simple: true }))} page_size=${String(sqlite.pragma('page_size', { simple: true }))} mmap_size=${String(sqlite.pragma('mmap_size', { simple: true }))}`);
}

function main(): void {
  const runStart = nowNs();
  log('Switchboard store benchmark');
  log('===========================');
  log(`Scale ${SCALE}: ${fmt.int(CONTACT_COUNT)} contacts, ${fmt.int(ENTRY_COUNT)} timeline entries, 5 members, seed ${SEED}.`);
  log('Stores are temporary files opened with openStore (real migrations, WAL, synchronous=NORMAL).');
  log('Ingest: createContact for every contact, then the ingest path (createIngest) for every entry (identity resolution,');
  log(`  FTS and count triggers, rollup), in transactions of ${fmt.int(BATCH)}; rate = entries / time inside those`);
  log('  transactions (building the input objects is not timed). Plain SQLite = a second fresh store with the');
  log('  same schema and triggers, the same contacts/conversations inserted directly, then the same entries');
  log('  through one prepared INSERT INTO entries, in the same batches. Ratio = our time / plain time.');
  log(`List: inbox.list (${LIST_LIMIT} rows + counts) per filter, ${LIST_ROUNDS_PAGE1}× page 1 and ${LIST_ROUNDS_PAGE2}× page 2 (before = page 1's`);
  log('  cursor), after a warm-up. Plain = listSql(filter) and COUNTS_SQL as prepared statements, .all().');
  log(`Search: search(workspaceId, q, ${SEARCH_LIMIT}) for ${SEARCH_QUERIES.length} queries × ${SEARCH_ROUNDS}. Plain = CONTACT_SEARCH_SQL and`);
  log('  MESSAGE_SEARCH_SQL with the same MATCH strings (contactMatchQuery / messageMatchQuery) and limits.');
  log('Ours and plain calls alternate, so both see the same cache state. Ratios are ours / plain.');
  log();

  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-bench-'));
  let store: Store | null = null;
  try {
    const contacts = generateContacts(CONTACT_COUNT, SEED);
    const file = path.join(dir, 'switchboard.db');
    progress('building the store through the real write path');
    const built = buildStore(file, contacts);
    store = built.store;
    const { ws } = built;

    progress('building the plain SQLite baseline store');
    const plainFile = path.join(dir, 'plain.db');
    const plainIngest = plainBaseline(plainFile, contacts);
    for (const suffix of ['', '-wal', '-shm']) rmSync(plainFile + suffix, { force: true });

    const sqlite = store.sqlite;
    const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
    const inboxCounts = createInboxQueries(sqlite).counts(ws.workspaceId, ws.selfId);
    log('Data set');
    log(
      table(
        ['item', 'count'],
        [
          ['contacts', fmt.int(count('SELECT count(*) AS n FROM contacts'))],
          ['identities', fmt.int(count('SELECT count(*) AS n FROM identities'))],
          ['conversations', fmt.int(count('SELECT count(*) AS n FROM conversations'))],
          ['timeline entries', fmt.int(count('SELECT count(*) AS n FROM entries'))],
          ['largest conversation (entries)', fmt.int(count('SELECT max(n) AS n FROM (SELECT count(*) AS n FROM entries GROUP BY conversation_id)'))],
          ['median conversation (entries)', fmt.int(count(`SELECT n FROM (SELECT count(*) AS n FROM entries GROUP BY conversation_id ORDER BY n) LIMIT 1 OFFSET (SELECT count(DISTINCT conversation_id) / 2 FROM entries)`))],
          ['inbox: all / mine / unassigned', `${fmt.int(inboxCounts.all)} / ${fmt.int(inboxCounts.mine)} / ${fmt.int(inboxCounts.unassigned)}`],
          ['inbox: unread / needs response', `${fmt.int(inboxCounts.unread)} / ${fmt.int(inboxCounts.needs_response)}`],
          ['database file (after checkpoint)', fmt.bytes(fileSize(file))],
          ['plain baseline database file', fmt.bytes(plainIngest.size)],
        ],
      ),
    );
    log();

    progress('timing the inbox list');
    const lists = benchList(sqlite, ws);
    progress('timing search');
    const searches = benchSearch(sqlite, ws);
    if (EXPLAIN) explain(sqlite, ws);

    const listAll = paired();
    for (const r of lists) {
      listAll.ours.addAll(r.page1.ours);
      listAll.ours.addAll(r.page2.ours);
      listAll.plain.addAll(r.page1.plain);
      listAll.plain.addAll(r.page2.plain);
    }
    const searchAll = paired();
    for (const r of searches) {
      searchAll.ours.addAll(r.samples.ours);
      searchAll.plain.addAll(r.samples.plain);
    }

    log('Inbox list by filter (ms; ratio = ours / plain)');
    log(
      table(
        ['filter', 'page', 'matching', 'ours p50', 'ours p95', 'plain p50', 'plain p95', 'p50 ratio', 'p95 ratio'],
        lists.flatMap((r) =>
          (
            [
              ['1', r.page1],
              ['2', r.page2],
            ] as const
          )
            .filter(([, s]) => s.ours.values.length > 0)
            .map(([page, s]) => [
              r.filter,
              page,
              fmt.int(r.matching),
              s.ours.p50.toFixed(3),
              s.ours.p95.toFixed(3),
              s.plain.p50.toFixed(3),
              s.plain.p95.toFixed(3),
              fmt.ratio(s.ours.p50, s.plain.p50),
              fmt.ratio(s.ours.p95, s.plain.p95),
            ]),
        ),
      ),
    );
    log();
    log('Search by query (ms; ratio = ours / plain)');
    log(
      table(
        ['query', 'hits', 'ours p50', 'ours p95', 'plain p50', 'plain p95', 'p50 ratio', 'p95 ratio'],
        searches.map((r) => [
          JSON.stringify(r.query),
          String(r.hits),
          r.samples.ours.p50.toFixed(3),
          r.samples.ours.p95.toFixed(3),
          r.samples.plain.p50.toFixed(3),
          r.samples.plain.p95.toFixed(3),
          fmt.ratio(r.samples.ours.p50, r.samples.plain.p50),
          fmt.ratio(r.samples.ours.p95, r.samples.plain.p95),
        ]),
      ),
    );
    log();

    const ingestRate = ENTRY_COUNT / (built.ingestMs / 1000);
    const plainRate = ENTRY_COUNT / (plainIngest.ingestMs / 1000);
    const verdict = (ok: boolean) => (ok ? 'pass' : 'FAIL');
    const missed: string[] = [];
    const check = (ok: boolean, line: string) => {
      if (!ok) missed.push(line);
      return verdict(ok);
    };
    const rows: string[][] = [
      [
        'ingest rate',
        fmt.rate(ingestRate),
        `≥ ${fmt.rate(TARGETS.ingestPerSec)}`,
        check(ingestRate >= TARGETS.ingestPerSec, `ingest ${fmt.rate(ingestRate)} < ${fmt.rate(TARGETS.ingestPerSec)}`),
        `${fmt.ratio(built.ingestMs, plainIngest.ingestMs)} (plain ${fmt.rate(plainRate)})`,
      ],
      [
        'contact creation rate',
        fmt.rate(CONTACT_COUNT / (built.contactMs / 1000)),
        '-',
        '-',
        `${fmt.ratio(built.contactMs, plainIngest.contactMs)} (plain ${fmt.rate(CONTACT_COUNT / (plainIngest.contactMs / 1000))})`,
      ],
      ['list p50 (all filters, pages 1-2)', fmt.ms(listAll.ours.p50), '-', '-', `${fmt.ratio(listAll.ours.p50, listAll.plain.p50)} (plain ${fmt.ms(listAll.plain.p50)})`],
      [
        'list p95 (all filters, pages 1-2)',
        fmt.ms(listAll.ours.p95),
        `≤ ${TARGETS.listP95Ms} ms`,
        check(listAll.ours.p95 <= TARGETS.listP95Ms, `list p95 ${fmt.ms(listAll.ours.p95)} > ${TARGETS.listP95Ms} ms`),
        `${fmt.ratio(listAll.ours.p95, listAll.plain.p95)} (plain ${fmt.ms(listAll.plain.p95)})`,
      ],
      ['search p50 (all queries)', fmt.ms(searchAll.ours.p50), '-', '-', `${fmt.ratio(searchAll.ours.p50, searchAll.plain.p50)} (plain ${fmt.ms(searchAll.plain.p50)})`],
      [
        'search p95 (all queries)',
        fmt.ms(searchAll.ours.p95),
        `≤ ${TARGETS.searchP95Ms} ms`,
        check(searchAll.ours.p95 <= TARGETS.searchP95Ms, `search p95 ${fmt.ms(searchAll.ours.p95)} > ${TARGETS.searchP95Ms} ms`),
        `${fmt.ratio(searchAll.ours.p95, searchAll.plain.p95)} (plain ${fmt.ms(searchAll.plain.p95)})`,
      ],
    ];
    log('Summary');
    log(table(['metric', 'value', 'target', 'result', 'vs plain SQLite'], rows));
    log();
    log(
      `Phases: contacts ${fmt.secs(built.contactMs)}, ingest ${fmt.secs(built.ingestMs)} in transactions (${fmt.secs(built.ingestWallMs)} with input generation), ` +
        `assign/read ${fmt.secs(built.triageMs)}, plain baseline inserts ${fmt.secs(plainIngest.contactMs + plainIngest.ingestMs)}.`,
    );
    for (const line of missed) log(`TARGET MISSED: ${line}`);
    if (missed.length === 0) log('All targets met.');
    log(`Total run time ${fmt.secs(msSince(runStart))}.`);
  } finally {
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
