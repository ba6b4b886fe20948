/**
 * WhatsApp event benchmark (`npm run bench:whatsapp`): a linked shop's busy morning through the real
 * path, from Baileys-shaped events to committed rows: normalize, then the WhatsApp sink, one
 * transaction per event as the channel does. Messages from 500 customers (a tenth with a photo),
 * then receipts (delivered, read) for our replies, reactions and edits. BENCH_SCALE multiplies the
 * counts. It reports; it does not judge.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { normalizeEvent, type WhatsAppMessageEvent, type WhatsAppMessageEvents } from '../../src-main/channels/whatsapp/normalize/normalize-event';
import { toRecords } from '../../src-main/channels/whatsapp/normalize/to-records';
import { createConversationRollup } from '../../src-main/core/conversations/conversation-rollup';
import { openStore } from '../../src-main/core/store/open-store';
import { createWhatsAppSink } from '../../src-main/core/whatsapp/whatsapp-sink';
import { createWorkspace, loadSession } from '../../src-main/core/workspace/workspace-repo';

const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const MESSAGES = Math.round(20_000 * SCALE);
const CUSTOMERS = 500;
const log = (line = '') => process.stdout.write(`${line}\n`);

const jidOf = (n: number) => `1555${String(2_000_000 + (n % CUSTOMERS)).padStart(7, '0')}@s.whatsapp.net`;
const start = 1_790_000_000;

function inbound(i: number): WhatsAppMessageEvents['messages.upsert'] {
  const message = i % 10 === 0
    ? { imageMessage: { mimetype: 'image/jpeg', caption: `Photo ${i} of the leak`, fileLength: '120000' } }
    : { conversation: `Message ${i}: the unit in the hallway makes a rattling noise again` };
  return { type: 'notify', messages: [{ key: { remoteJid: jidOf(i), fromMe: false, id: `3A${String(i).padStart(18, '0')}` }, pushName: `Customer ${i % CUSTOMERS}`, messageTimestamp: start + i, message }] };
}

function ours(i: number): WhatsAppMessageEvents['messages.upsert'] {
  return { type: 'append', messages: [{ key: { remoteJid: jidOf(i), fromMe: true, id: `3EB0${String(i).padStart(18, '0')}` }, messageTimestamp: start + i, status: 1, message: { conversation: `Reply ${i}` } }] };
}

const receipt = (i: number, status: number): WhatsAppMessageEvents['messages.update'] => [{ key: { remoteJid: jidOf(i), fromMe: true, id: `3EB0${String(i).padStart(18, '0')}` }, update: { status } }];
const reaction = (i: number): WhatsAppMessageEvents['messages.reaction'] => [
  { key: { remoteJid: jidOf(i), fromMe: true, id: `3EB0${String(i).padStart(18, '0')}` }, reaction: { key: { remoteJid: jidOf(i), fromMe: false, id: `R${i}` }, text: '👍', senderTimestampMs: String((start + i) * 1000) } },
];
const edit = (i: number): WhatsAppMessageEvents['messages.update'] => [
  { key: { remoteJid: jidOf(i), fromMe: false, id: `3A${String(i).padStart(18, '0')}` }, update: { message: { editedMessage: { message: { conversation: `Message ${i}, edited` } } } } },
];

const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-bench-whatsapp-'));
try {
  const store = openStore(path.join(dir, 'bench.db'));
  createWorkspace(store, { name: 'Bench', defaultRegion: 'US', isDemo: false, self: { name: 'Me', email: null, role: 'owner' } });
  const workspaceId = loadSession(store)!.workspace.id;
  const sink = createWhatsAppSink(store, createConversationRollup(store.sqlite), workspaceId);
  const play = <E extends WhatsAppMessageEvent>(event: E, payload: WhatsAppMessageEvents[E]) => sink(toRecords(normalizeEvent(event, payload, Date.now())));

  const phase = (name: string, count: number, step: (i: number) => void) => {
    const began = process.hrtime.bigint();
    for (let i = 0; i < count; i++) step(i);
    const ms = Number(process.hrtime.bigint() - began) / 1e6;
    log(`${name.padEnd(34)} ${String(count).padStart(7)} events  ${ms.toFixed(0).padStart(7)} ms  ${Math.round((count / ms) * 1000).toLocaleString('en-US').padStart(9)} events/s`);
  };

  log(`WhatsApp events through normalize + sink, one transaction each (${CUSTOMERS} customers)`);
  phase('new customer messages', MESSAGES, (i) => play('messages.upsert', inbound(i)));
  phase('our replies (append echo)', MESSAGES / 2, (i) => play('messages.upsert', ours(i)));
  phase('receipts: delivered', MESSAGES / 2, (i) => play('messages.update', receipt(i, 3)));
  phase('receipts: read', MESSAGES / 2, (i) => play('messages.update', receipt(i, 4)));
  phase('late receipts: delivered (no-op)', MESSAGES / 2, (i) => play('messages.update', receipt(i, 3)));
  phase('reactions', MESSAGES / 10, (i) => play('messages.reaction', reaction(i)));
  phase('edits', MESSAGES / 10, (i) => play('messages.update', edit(i)));
  phase('same messages again (replay)', MESSAGES / 2, (i) => play('messages.upsert', inbound(i)));
  const count = (sql: string) => store.sqlite.prepare(sql).pluck().get() as number;
  log(`rows: ${count('SELECT count(*) FROM entries')} entries, ${count('SELECT count(*) FROM conversations')} conversations, ${count('SELECT count(*) FROM entry_revisions')} revisions`);
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
