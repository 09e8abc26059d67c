// Issue 3 point 2, end to end on the built extension: from the feed's live card into a live.douyin.com room, dwell,
// open the cart (小黄车), click a product (its page opens on haohuo.jinritemai.com), leave. The room's overlay says
// who sells once the cart's products are known: an influencer selling a brand's goods (alliance) vs a brand's own
// room (field, entered from the follow feed's cell_room card). Touchpoints: live-enter, cart-open, product-click,
// product-view, live-leave (dwell at least the time spent), each with the room and, where it applies, the product.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, giveConsent, expectOverlay, waitForRows } from './harness.mjs';
import { demoFeed, DEMO_LIVE_WEB_RID } from '../../demo/replica.mjs';
import { roomPromotionsResponse } from '../../demo/data.mjs';
import { BRAND_ROOM, roomProductId } from '../../demo/douyin-surfaces/data-live.mjs';

let ext;
before(async () => {
  ext = await launchExtension();
  await giveConsent(ext, { studyId: 'e2e-live', participantId: 'p-live' });
});
after(async () => ext?.close());

const DWELL_MS = 1500;
const card = demoFeed[4]; // the first page's selling live card (an influencer's room)
const influencerRoom = card.id; // a live card's id is its room's id

test('enter a room from the feed, open the cart, click a product, leave: every touchpoint, and who sells', async () => {
  const page = await ext.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('https://www.douyin.com/');
  await page.evaluate(async (i) => { await window.__replica.ready; window.__replica.go(i); }, card.index);
  await expectOverlay(page, card.id, card.tags, 'the live card in the feed');
  await Promise.all([page.waitForURL(`https://live.douyin.com/${DEMO_LIVE_WEB_RID}`), page.click('[data-e2e="feed-active-video"] [data-e2e="feed-live"]')]);
  const since = Date.now();
  // Before the cart's products arrive the room only sells; with them, another shop's goods: alliance.
  await expectOverlay(page, influencerRoom, ['shop', 'live', 'alliance'], 'the influencer room');
  await page.waitForTimeout(DWELL_MS);
  await page.click('#yellow-cart');
  const products = roomPromotionsResponse(influencerRoom).promotions.map((p) => p.product_id);
  const [productPage] = await Promise.all([ext.context.waitForEvent('page'), page.click(`#panel-list [data-product-id="${products[1]}"] a`)]);
  await productPage.waitForLoadState();
  assert.match(await productPage.textContent('body'), /加入购物车/);
  await productPage.close();
  const spentMs = Date.now() - since;

  // Leave for the follow feed and enter the brand's own room from its live card (data[].cell_room).
  await page.goto('https://www.douyin.com/follow');
  await page.evaluate(async () => { await window.__surface.ready; window.__surface.go(2); });
  await expectOverlay(page, BRAND_ROOM.roomId, ['shop', 'live', 'field'], 'the brand room card');
  await Promise.all([page.waitForURL(`https://live.douyin.com/${BRAND_ROOM.webRid}`), page.click('[data-e2e="feed-active-video"] [data-e2e="feed-live"]')]);
  await expectOverlay(page, BRAND_ROOM.roomId, ['shop', 'live', 'field'], "the brand's own room");
  await page.click('#yellow-cart');
  await page.goto('about:blank');

  const tps = await waitForRows(ext, 'touchpoints', (r) => (r.filter((t) => t.type === 'live-leave').length >= 2 ? r : null), 'both rooms left');
  const of = (type, roomId) => tps.filter((t) => t.type === type && t.roomId === roomId);
  // The room page records the entry; the click on the feed's card that led there is not counted again.
  const enters = of('live-enter', influencerRoom);
  assert.equal(enters.length, 1, 'exactly one live-enter for the influencer room');
  assert.equal(enters[0].surface, 'live-room', 'recorded by the room page');
  const cart = of('cart-open', influencerRoom);
  assert.equal(cart.length, 1, 'one cart-open');
  assert.equal(cart[0].productId, products[0], 'the cart-open carries the room’s first product');
  assert.deepEqual(cart[0].tags, ['shop', 'live', 'alliance']);
  const click = tps.find((t) => t.type === 'product-click');
  assert.equal(click?.productId, products[1], 'the product-click names the product clicked, not the first');
  assert.equal(click?.roomId, influencerRoom);
  assert.ok(tps.some((t) => t.type === 'product-view' && t.productId === products[1] && t.surface === 'product-page'), 'a product-view on the product page');
  const [leave] = of('live-leave', influencerRoom);
  assert.ok(leave.dwellMs >= spentMs, `live-leave dwell ${leave.dwellMs} ms >= ${spentMs} ms spent in the room`);
  assert.deepEqual(leave.tags, ['shop', 'live', 'alliance'], 'the leave carries the room as known at the end');
  const brandCart = of('cart-open', BRAND_ROOM.roomId);
  assert.deepEqual(brandCart[0]?.tags, ['shop', 'live', 'field'], "the brand's own room: field");
  assert.equal(brandCart[0]?.productId, roomProductId(BRAND_ROOM, 0));
  assert.equal(of('live-enter', BRAND_ROOM.roomId).filter((t) => t.surface === 'live-room').length, 1);
  assert.deepEqual(errors, []);
});
