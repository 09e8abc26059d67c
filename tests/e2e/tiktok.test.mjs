// Issue 6, end to end on the built extension: the TikTok For You replica at https://www.tiktok.com/ shows the
// expected tags on each item (ArrowDown and the feed-navigation-next button move), a product anchor click is
// recorded, and the export holds the TikTok impressions with their tags.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, giveConsent, openExtensionPage, waitFor } from './harness.mjs';
import { TIKTOK_HOME, tiktokFeed } from '../../demo/replica.mjs';

const WATCH_MS = 2600; // > IMPRESSION_MIN_MS (2000) with margin

let ext;
before(async () => {
  ext = await launchExtension();
  await giveConsent(ext, { studyId: 'e2e-tiktok', participantId: 'p-tt' });
});
after(async () => ext?.close());

const overlayState = (page) =>
  page.evaluate(() => {
    const host = document.querySelector('[data-guangjie-item]');
    return host ? { id: host.getAttribute('data-guangjie-item'), tags: host.getAttribute('data-guangjie-tags'), adKind: host.getAttribute('data-guangjie-ad-kind') } : null;
  });

async function expectOverlay(page, expected, i) {
  const want = expected.tags.join(' ');
  const state = await waitFor(async () => {
    const s = await overlayState(page);
    return s && s.id === expected.id && s.tags === want ? s : null;
  }, { message: `overlay on TikTok item ${i} (${expected.kind} ${expected.id}) with tags "${want}"; got ${JSON.stringify(await overlayState(page))}` });
  if (expected.adKind) assert.equal(state.adKind, expected.adKind, `item ${expected.id} ad kind`);
}

test('tags each For You item, records a product click, exports TikTok impressions', async () => {
  const page = await ext.context.newPage();
  await page.goto(TIKTOK_HOME);
  await page.waitForSelector('article[data-scroll-index] [id^="xgwrapper-"]', { state: 'attached' });
  const watched = [];
  for (const [i, expected] of tiktokFeed.slice(0, 9).entries()) {
    await expectOverlay(page, expected, i);
    if (i % 3 === 0) {
      await page.waitForTimeout(WATCH_MS);
      watched.push(expected);
    }
    if (expected.kind === 'seller-product') {
      const [product] = await Promise.all([
        ext.context.waitForEvent('page'),
        page.evaluate(() => {
          // Open the product in a new tab so the feed keeps its place (the real anchor opens a panel or a tab).
          const a = document.querySelector('article.css-a2-ArticleItemContainer-current a[href*="/view/product/"]');
          a.setAttribute('target', '_blank');
          a.click();
        }),
      ]);
      await product.waitForLoadState();
      assert.match(await product.textContent('body'), /Add to cart/);
      await product.close();
      await page.bringToFront();
    }
    // Alternate the two ways the real page moves on.
    if (i % 2 === 0) await page.keyboard.press('ArrowDown');
    else await page.click('[data-e2e="feed-navigation-next"]');
  }
  await page.waitForTimeout(300);
  await page.close({ runBeforeUnload: true });

  const popup = await openExtensionPage(ext, 'popup.html');
  const bundle = await waitFor(async () => {
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-testid="export-json"]')]);
    const { readFile } = await import('node:fs/promises');
    const b = JSON.parse(await readFile(await download.path(), 'utf8'));
    const n = b.tables.touchpoints.filter((t) => t.type === 'impression').length;
    return n >= watched.length ? b : null;
  }, { timeout: 20_000, interval: 1000, message: 'the export to hold the watched impressions' });
  const touchpoints = bundle.tables.touchpoints;
  for (const w of watched) {
    const mine = touchpoints.filter((t) => t.type === 'impression' && t.itemId === w.id);
    assert.equal(mine.length, 1, `one impression for watched item ${w.id} (${w.kind})`);
    assert.deepEqual(mine[0].tags, w.tags, `stored tags for ${w.id}`);
    if ('platform' in mine[0]) assert.equal(mine[0].platform, 'tiktok');
  }
  const seller = tiktokFeed.find((e) => e.kind === 'seller-product');
  assert.ok(touchpoints.some((t) => t.type === 'product-click' && t.itemId === seller.id), 'a product-click touchpoint for the product anchor');
  await popup.close();
});
