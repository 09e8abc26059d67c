// Issue 3 point 1, end to end on the built extension: every Douyin surface replica at its real URL tags the item
// the viewer is on. "Active" per surface: the playing slide (feeds), the modal player (精选 after a click; its id is
// the URL's modal_id), the page's own item (/video/, /note/: the id in the URL, not the related links), and on grid
// pages without a player the card under the pointer. First pages embedded in the HTML (self.__pace_f, RENDER_DATA)
// are read without any fetch; the touchpoints land in the extension's database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, giveConsent, expectOverlay, overlayState, waitFor, waitForRows } from './harness.mjs';
import { demoFeed } from '../../demo/replica.mjs';
import * as D from '../../demo/douyin-surfaces/data-surfaces.mjs';
import { BRAND_ROOM } from '../../demo/douyin-surfaces/data-live.mjs';

const W = 'https://www.douyin.com';
const expected = D.surfaceExpected();
const tagsOf = (id) => expected.get(id).tags;
const WATCH_MS = 2600; // > IMPRESSION_MIN_MS (2000)

let ext;
let page;
const pageErrors = [];
before(async () => {
  ext = await launchExtension();
  await giveConsent(ext, { studyId: 'e2e-surfaces', participantId: 'p-surf' });
  page = await ext.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});
after(async () => ext?.close());

async function open(path) {
  await page.goto(W + path);
  await page.evaluate(() => window.__surface.ready);
}
const hoverOn = async (id, what) => {
  await page.hover(`a[href="/video/${id}"]`);
  return expectOverlay(page, id, tagsOf(id), what);
};

test('recommend (/?recommend=1): the first page streamed in the HTML is tagged from page data, without a fetch', async () => {
  await open('/?recommend=1');
  for (const e of demoFeed.slice(0, 3)) {
    const s = await expectOverlay(page, e.id, e.tags, `streamed item ${e.index}`);
    if (e.adKind) assert.equal(s.adKind, e.adKind);
    await page.keyboard.press('ArrowDown');
  }
  const rows = await waitForRows(ext, 'items', (r) => r.find((i) => i.id === demoFeed[1].id), 'the streamed ad item stored');
  assert.equal(rows.source, 'page-data', 'classified from what the page held');
});

test('精选 (/jingxuan): module feed cards[].aweme strings; the modal player shows its item; v2 module feed adds more', async () => {
  await open('/jingxuan');
  const [plain, ad, field] = D.surfaceIds.jingxuan();
  await hoverOn(field, 'the hovered grid card');
  await page.click(`a[href="/video/${ad}"]`);
  await page.waitForSelector('[data-e2e="modal-video-container"]');
  const s = await expectOverlay(page, ad, tagsOf(ad), 'the modal player');
  assert.equal(s.adKind, 'landing-page');
  await page.click('#modal-close');
  await page.click('#more');
  const [, appAd] = D.surfaceIds.jingxuanMore();
  await page.waitForSelector(`a[href="/video/${appAd}"]`);
  await hoverOn(appAd, 'a card from /aweme/v2/web/module/feed/');
  await hoverOn(plain, 'a plain card');
});

test('follow (/follow): data[].aweme items and a live card (cell_room, empty aweme) of a brand selling its own goods', async () => {
  await open('/follow');
  const ids = D.surfaceIds.follow();
  for (const id of ids.slice(0, 4)) {
    await expectOverlay(page, id, tagsOf(id), `follow item ${id}`);
    await page.keyboard.press('ArrowDown');
  }
  assert.equal(ids[2], BRAND_ROOM.roomId, 'the third follow item is the brand room card');
});

test('friends (/friend): /familiar/feed/ items', async () => {
  await open('/friend');
  const ids = D.surfaceIds.friends();
  for (const id of ids) {
    await expectOverlay(page, id, tagsOf(id), `friends item ${id}`);
    await page.click('#next');
  }
});

test('search (/search/<kw>): general tab (aweme_info, a collection, a live card) and the video tab', async () => {
  await open(`/search/${encodeURIComponent('新茶')}`);
  const ids = D.surfaceIds.searchGeneral();
  await hoverOn(ids[0], 'the first general result');
  await hoverOn(ids[2], 'the first item of the collection (aweme_mix_info)');
  await hoverOn(ids[4], 'a closed-loop ad result after the collection');
  await hoverOn(ids[5], 'a group-buy result');
  // The live result links live.douyin.com only (no item id in the DOM): the last resort, its own DOM labels.
  await page.hover('.search-result-card a[href*="live.douyin.com"]');
  const live = await waitFor(async () => ((await overlayState(page))?.tags === 'shop live' ? overlayState(page) : null), { message: 'DOM-only tags on the live result' });
  assert.match(live.id, /^dom:/);
  await open(`/search/${encodeURIComponent('新茶')}?type=video`);
  for (const id of D.surfaceIds.searchVideo().slice(0, 3)) await hoverOn(id, `video tab result ${id}`);
});

test("profile (/user/<sec_uid>): posts from RENDER_DATA, then /aweme/post/ when the grid's own container scrolls", async () => {
  await open(`/user/${D.PROFILE_SEC_UID}`);
  const [first] = D.surfaceIds.profileFirst();
  await hoverOn(first, 'a RENDER_DATA post');
  await page.evaluate(() => { const s = document.getElementById('grid-scroll'); s.scrollTop = s.scrollHeight; });
  const later = D.surfaceIds.profileMore()[1];
  await page.waitForSelector(`a[href="/video/${later}"]`);
  await page.evaluate(() => { document.getElementById('grid-scroll').scrollTop = 0; });
  await hoverOn(later, 'a post from /aweme/post/');
});

test('video (/video/<id>) and note (/note/<id>) pages tag their own item; a watched video leaves an impression', async () => {
  const video = D.videoPageId();
  await open(`/video/${video}`);
  await page.mouse.move(5, 5);
  const s = await expectOverlay(page, video, tagsOf(video), 'the video page');
  assert.equal(s.adKind, 'closed-loop-product');
  await page.waitForTimeout(WATCH_MS);
  const note = D.notePageId();
  await open(`/note/${note}`);
  await expectOverlay(page, note, tagsOf(note), 'the note page (self.__pace_f videoDetail)');
  await page.goto('about:blank');

  const tps = await waitForRows(ext, 'touchpoints', (r) => (r.some((t) => t.type === 'impression' && t.itemId === video) ? r : null), 'the video page impression');
  const imp = tps.find((t) => t.type === 'impression' && t.itemId === video);
  assert.deepEqual(imp.tags, tagsOf(video));
  assert.equal(imp.surface, 'video');
  const searches = tps.filter((t) => t.type === 'search').map((t) => t.query);
  assert.ok(searches.includes('新茶'), `a search touchpoint with the keyword (got ${JSON.stringify(searches)})`);
  assert.deepEqual(pageErrors, [], 'no page errors on any surface');
});
