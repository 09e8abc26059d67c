// Issue 5 point 2, "nothing lost": MV3 may stop the service worker at any moment. A burst of product clicks on
// the replica feed (each one a product-click touchpoint, through the real content script → worker → IndexedDB
// path) is interrupted by stopping every service worker through CDP, twice; once the worker is back (Playwright
// fires no event for that: we poll) the table holds exactly one row per click: no loss, no duplicates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, giveConsent, openExtensionPage, waitFor } from './harness.mjs';
import { demoFeed } from '../../demo/replica.mjs';
import { readTouchpoints, stopServiceWorkers } from './db-peek.mjs';

const CLICKS_PER_WAVE = 120;
const WAVES = 3; // stop the worker after waves 1 and 2
/** The sender retries with backoff up to 30 s; the rows must settle well within a minute. Milliseconds. */
const SETTLE_MS = 60_000;

let ext;
before(async () => {
  ext = await launchExtension();
  await giveConsent(ext, { studyId: 'e2e-worker-stop', participantId: 'p-01' });
});
after(async () => ext?.close());

test('a burst of touchpoints survives the worker being stopped mid-burst: exactly one row per click', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://www.douyin.com/');
  await page.evaluate(() => window.__replica.ready);
  const withProduct = demoFeed.findIndex((it) => it.productIds?.length);
  assert.ok(withProduct >= 0, 'the demo feed has an item with a product anchor');
  await page.evaluate((i) => window.__replica.go(i), withProduct);
  const anchor = page.locator('[data-e2e="feed-active-video"] .xgplayer-shop-anchor');
  await anchor.waitFor();
  // Keep the clicks on the feed: the page cancels the anchor's new-tab navigation (the content script listens in
  // the capture phase, so it still sees every click).
  await page.evaluate(() => document.addEventListener('click', (e) => e.preventDefault()));

  const popup = await openExtensionPage(ext, 'popup.html');
  const before = (await readTouchpoints(popup)).byType['product-click'] ?? 0;
  let sent = 0;
  for (let wave = 1; wave <= WAVES; wave++) {
    sent += await page.evaluate((n) => {
      const a = document.querySelector('[data-e2e="feed-active-video"] .xgplayer-shop-anchor');
      for (let i = 0; i < n; i++) a.click();
      return n;
    }, CLICKS_PER_WAVE);
    // Let part of the wave reach the worker (one batch in flight), then stop it with the rest queued or mid-write.
    await page.waitForTimeout(wave === 1 ? 50 : 550);
    if (wave < WAVES) assert.ok(await stopServiceWorkers(ext.context, page, ext.extensionId), `worker stopped after wave ${wave}`);
  }

  const settled = await waitFor(async () => {
    const { byType } = await readTouchpoints(popup);
    const n = (byType['product-click'] ?? 0) - before;
    return n >= sent ? n : 0;
  }, { timeout: SETTLE_MS, interval: 500, message: `${sent} product-click rows` });
  // Wait past one more retry period: a late duplicate or a late extra row would show up here.
  await page.waitForTimeout(4_000);
  const { ids, byType } = await readTouchpoints(popup);
  assert.equal(settled, sent, 'rows when settled = clicks sent');
  assert.equal((byType['product-click'] ?? 0) - before, sent, 'still exactly one row per click');
  assert.equal(new Set(ids).size, ids.length, 'ids unique');
  // The worker really came back: it answers the popup.
  const stats = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg/stats' }));
  assert.equal(stats?.ok, true, 'the restarted worker answers');
});
