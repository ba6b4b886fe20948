import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { composeMessage } from '../integration/email-sync/email-sync-harness';
import { ARTIFACTS, expect, test } from './demo-host-fixture';
import { PIXEL, startRequestLog, syncedDataFolder, type RequestLog } from './email-display-mailbox';
import { startHost, type RunningHost } from './host-process';

/** Everything an email can do to make the reader's machine fetch something, all aimed at `origin`. */
function hostileHtml(origin: string): string {
  return `<!doctype html><html><head>
<meta http-equiv="refresh" content="0;url=${origin}/meta-refresh">
<base href="${origin}/base/">
<link rel="prefetch" href="${origin}/prefetch">
<link rel="stylesheet" href="${origin}/link-stylesheet.css">
<style>
@import url("${origin}/import.css");
@font-face { font-family: Tracker; src: url("${origin}/font.woff2") format("woff2"); }
p.greeting { font-family: Tracker, sans-serif; }
.banner { height: 20px; background: url(${origin}/style-element.png); }
.banner::after { content: "\\3c/style>\\3cimg src=${origin}/style-breakout.png>"; }
</style>
<script>fetch("${origin}/script"); document.documentElement.dataset.pwned = "script";</script>
</head><body onload="fetch('${origin}/onload')">
<p class="greeting">Hi Alice, the photos of the boiler room are below.</p>
<img src="${origin}/img.png" alt="remote photo" onerror="fetch('${origin}/onerror')">
<img srcset="${origin}/srcset.png 1x" alt="srcset photo">
<div style="height:20px;background-image:url('${origin}/style-attribute.png')">styled</div>
<div class="banner"></div>
<table><tr><td background="${origin}/background-attribute.png" height="20">cell</td></tr></table>
<video poster="${origin}/poster.png" src="${origin}/video.mp4"></video>
<iframe src="${origin}/iframe"></iframe>
<object data="${origin}/object"></object>
<svg><image href="${origin}/svg-image.png" width="10" height="10"></image></svg>
<img src="relative.png" alt="relative">
<form action="${origin}/form"><input type="image" src="${origin}/input-image.png"></form>
<a href="https://example.test/invoice" ping="${origin}/ping">Invoice</a>
<img src="cid:boiler@customer.test" alt="inline photo">
</body></html>`;
}

/** The requests an allowed message may make: images, and nothing else the HTML tried. */
const IMAGE_PATHS = ['/background-attribute.png', '/img.png', '/srcset.png', '/style-attribute.png', '/style-element.png'];

function danaWrites(origin: string) {
  return composeMessage({
    from: 'Dana Whitfield <dana@customer.test>',
    to: 'Alice Plumbing <alice@example.test>',
    subject: 'Boiler room photos',
    text: 'Hi Alice, the photos of the boiler room are below.',
    html: hostileHtml(origin),
    messageId: '<dana-photos@customer.test>',
    date: new Date(),
    attachments: [{ filename: 'boiler.png', content: PIXEL, contentType: 'image/png', cid: 'boiler@customer.test' }],
  });
}

async function openDanasEmail(page: Page, url: string) {
  await page.goto(url);
  await page.getByTestId('conversation-row').filter({ hasText: 'Dana Whitfield' }).click();
  const frame = page.frameLocator('[data-testid="email-frame"]');
  await expect(frame.locator('p.greeting')).toHaveText('Hi Alice, the photos of the boiler room are below.');
  return frame;
}

/** Long enough for a page to have made any request it was going to make. */
const settle = (page: Page) => page.waitForTimeout(1500);

let log: RequestLog;
let dataDir: string;
let host: RunningHost | undefined;

test.beforeEach(async () => {
  log = await startRequestLog();
  dataDir = await syncedDataFolder([await danaWrites(log.origin)]);
});

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
  await log.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('an email shows without a single request until images are allowed, and then only images', async ({ page }) => {
  host = await startHost(dataDir);
  const frame = await openDanasEmail(page, host.url);
  await expect(page.getByTestId('email-frame')).toHaveAttribute('sandbox', '');
  await expect(frame.locator('img[alt="inline photo"]')).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect(page.getByTestId('remote-content-bar')).toContainText('Remote images are hidden to protect your privacy.');
  await expect(page.getByTestId('always-load-images')).toHaveText('Always for dana@customer.test');
  await settle(page);
  expect(log.paths).toEqual([]);
  // No script ran: none fetched, and none marked the document.
  await expect(frame.locator('html')).not.toHaveAttribute('data-pwned', /.*/);
  await expect(frame.locator('a', { hasText: 'Invoice' })).toHaveAttribute('target', '_blank');
  await page.screenshot({ path: `${ARTIFACTS}/09-email-html-blocked.png` });

  await page.getByTestId('load-images').click();
  await expect(page.getByTestId('remote-content-bar')).toHaveCount(0);
  await expect.poll(() => [...new Set(log.paths)].sort()).toEqual(IMAGE_PATHS);
  await settle(page);
  expect([...new Set(log.paths)].sort()).toEqual(IMAGE_PATHS);
  await expect(frame.locator('img[alt="remote photo"]')).toHaveJSProperty('naturalWidth', 1);
  await page.screenshot({ path: `${ARTIFACTS}/10-email-html-loaded.png` });
});

test('"Always for this sender" loads that sender\'s images from then on, across a restart', async ({ page }) => {
  host = await startHost(dataDir);
  await openDanasEmail(page, host.url);
  await settle(page);
  expect(log.paths).toEqual([]);

  await page.getByTestId('always-load-images').click();
  await expect.poll(() => [...new Set(log.paths)].sort()).toEqual(IMAGE_PATHS);

  await host.stop();
  host = await startHost(dataDir);
  log.paths.length = 0;
  await openDanasEmail(page, host.url);
  await expect(page.getByTestId('remote-content-bar')).toHaveCount(0);
  await expect.poll(() => [...new Set(log.paths)].sort()).toEqual(IMAGE_PATHS);
});
