// Issue 3 point 4, end to end on the built extension: on a recommend page whose layout lost every known data-e2e
// hook (/?layout=drift) nothing breaks: a selector-missing diagnostic names the selector and page kind, the popup
// for that tab shows "detection degraded" (and not for a tab with the known layout), the next item still works,
// and the JSON-based tags still show on the item covering the viewport (its id is all the DOM still gives).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, giveConsent, expectOverlay, openExtensionPage, readStore, tabIdOf, waitFor } from './harness.mjs';
import { demoFeed } from '../../demo/replica.mjs';

let ext;
before(async () => {
  ext = await launchExtension();
  await giveConsent(ext, { studyId: 'e2e-drift', participantId: 'p-drift' });
});
after(async () => ext?.close());

test('a drifted layout: diagnostic, degraded banner for that tab only, the page and the JSON tags keep working', async () => {
  const normal = await ext.context.newPage();
  await normal.goto('https://www.douyin.com/');
  const page = await ext.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const openedAt = Date.now();
  await page.goto('https://www.douyin.com/?layout=drift');
  await page.evaluate(() => window.__surface.ready);
  assert.equal(await page.locator('[data-e2e]').count(), 0, 'the drifted page has none of the data-e2e hooks');

  for (const e of demoFeed.slice(0, 3)) {
    const s = await expectOverlay(page, e.id, e.tags, `drifted item ${e.index}`);
    if (e.adKind) assert.equal(s.adKind, e.adKind);
    await page.keyboard.press('ArrowDown');
  }
  assert.equal(await page.evaluate(() => window.__surface.activeId()), demoFeed[3].id, 'the next item works');

  const diag = await waitFor(async () => (await readStore(ext, 'diagnostics')).find((d) => d.kind === 'selector-missing'), { timeout: 15_000, interval: 500, message: 'a selector-missing diagnostic' });
  assert.equal(diag.surface, 'recommend');
  assert.match(diag.detail, /feedItem: .*data-e2e="feed-active-video"/, 'which selector');
  assert.ok(diag.at >= openedAt, 'when');
  const diags = await readStore(ext, 'diagnostics');
  const driftTab = await tabIdOf(ext, 'https://www.douyin.com/?layout=drift');
  const normalTab = await tabIdOf(ext, 'https://www.douyin.com/');
  assert.ok(diags.every((d) => d.tabId !== normalTab || d.kind !== 'selector-missing'), 'the known layout reports nothing missing');

  const popup = await openExtensionPage(ext, `popup.html?tabId=${driftTab}`);
  await popup.waitForSelector('[data-testid="banner-degraded"]', { timeout: 10_000 });
  await popup.goto(ext.extUrl(`popup.html?tabId=${normalTab}`));
  await popup.waitForSelector('[data-testid="stat-items-seen"]');
  assert.equal(await popup.locator('[data-testid="banner-degraded"]').count(), 0, 'no banner for the tab with the known layout');

  await page.keyboard.press('ArrowDown');
  await expectOverlay(page, demoFeed[4].id, demoFeed[4].tags, 'the live card after the diagnostic');
  assert.deepEqual(errors, [], 'no page errors');
});
