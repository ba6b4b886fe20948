/**
 * Inbox scrolling benchmark (`npm run bench:ui`): a workspace of 10,000 conversations, served by the
 * real host and scrolled from top to bottom in Chromium with the mouse wheel, while the page records
 * every animation frame. Prints frame-time percentiles, long frames, how many rows the page held at
 * most (the virtualized list should hold a few dozen whatever the count) and how far it scrolled.
 * Needs `npm run build` first. BENCH_CONVERSATIONS changes the count.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore } from '../../src-main/core/create-core';
import { createConversationRollup } from '../../src-main/core/conversations/conversation-rollup';
import { createIngest } from '../../src-main/core/ingest/ingest-inbound';
import { startHost } from '../e2e/host-process';
import { generateContacts, generateEntries } from './generate-data';
import { Samples } from './measure';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? '10000');
const TARGET_P95_MS = 1000 / 30;

const LIST = `document.querySelector('[role="listbox"]')`;
/** In the page: every animation frame's time, and the most list rows the page ever held. */
const RECORD_FRAMES = `(() => {
  window.frames_ = []; window.maxRows_ = 0;
  const tick = (t) => {
    window.frames_.push(t);
    window.maxRows_ = Math.max(window.maxRows_, document.querySelectorAll('[data-testid="conversation-row"]').length);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const READ_RECORDING = `({ frames: window.frames_, maxRows: window.maxRows_, scrolled: ${LIST}.scrollTop })`;
/** The end of the whole list, not of the first pages: every row is loaded and scrolled past. */
const AT_THE_END = `(() => { const el = ${LIST}; return el.scrollTop + el.clientHeight >= el.scrollHeight - 2 && el.scrollHeight > 64 * ${Math.floor(Number(process.env.BENCH_CONVERSATIONS ?? '10000') * 0.9)}; })()`;

function seedStore(dataDir: string): void {
  const core = createCore({ dataDir });
  const ingest = createIngest(core.store, createConversationRollup(core.store.sqlite));
  const contacts = generateContacts(CONVERSATIONS, 7);
  // Every contact first, so each has a conversation, then a few more entries spread over them.
  ingest(
    core.session.workspace.id,
    contacts.map((c, i) => ({
      id: `sms:SMscroll${i}`,
      channel: 'sms',
      kind: 'message',
      direction: 'inbound',
      customer: { identities: [{ kind: 'phone', value: c.phone }], displayName: c.displayName },
      subject: null,
      body: `Hi, this is ${c.firstName}. Can someone come by this week?`,
      occurredAt: Date.now() - (i + 1) * 60_000,
      deliveryStatus: 'received',
      attachments: [],
      call: null,
    })),
  );
  for (const batch of generateEntries(contacts, CONVERSATIONS * 2, 5_000, 8)) ingest(core.session.workspace.id, batch.map((b) => b.inbound));
  core.close();
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-scroll-'));
  seedStore(dataDir);
  const host = await startHost(dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(host.url);
    const list = page.getByRole('listbox', { name: 'Conversations' });
    await list.waitFor();
    // Passed as source text: tsx would otherwise wrap the function in helpers that do not exist in the page.
    await page.evaluate(RECORD_FRAMES);
    const box = await list.boundingBox();
    if (!box) throw new Error('the list is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const started = Date.now();
    let reachedEnd = false;
    while (!reachedEnd && Date.now() - started < 240_000) {
      await page.mouse.wheel(0, 1_000);
      await page.waitForTimeout(16);
      reachedEnd = (await page.evaluate(AT_THE_END)) as boolean;
    }
    const seconds = (Date.now() - started) / 1000;
    const { frames, maxRows, scrolled } = (await page.evaluate(READ_RECORDING)) as { frames: number[]; maxRows: number; scrolled: number };
    const intervals = new Samples();
    frames.slice(1).forEach((t, i) => intervals.add(t - (frames[i] ?? t)));
    const p95 = intervals.p95;
    console.log('Inbox scrolling benchmark');
    console.log('=========================');
    console.log(`${CONVERSATIONS.toLocaleString('en-US')} conversations, scrolled top to bottom with the mouse wheel in Chromium (headless).`);
    console.log(`reached the end        ${reachedEnd ? 'yes' : 'NO'} (${Math.round(scrolled).toLocaleString('en-US')} px in ${seconds.toFixed(1)} s)`);
    console.log(`frames recorded        ${intervals.values.length}`);
    console.log(`frame time p50 / p95   ${intervals.p50.toFixed(1)} ms / ${p95.toFixed(1)} ms (target p95 ≤ ${TARGET_P95_MS.toFixed(1)} ms: ${p95 <= TARGET_P95_MS ? 'pass' : 'FAIL'})`);
    console.log(`frames over 50 ms      ${intervals.values.filter((d) => d > 50).length}`);
    console.log(`longest frame          ${intervals.percentile(100).toFixed(1)} ms`);
    console.log(`rows in the page, max  ${maxRows} (of ${CONVERSATIONS.toLocaleString('en-US')}: ×${(maxRows / CONVERSATIONS).toFixed(4)} of a plain list's DOM)`);
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
