// Issue 5 point 2, storage full, with a really full disk: the browser profile lives on a small tmpfs and a ballast
// file takes all but a few KB of it, so IndexedDB itself refuses the worker's next writes (Chromium gives an
// origin with unlimitedStorage a quota of usage + free disk). Recording pauses, the popup says so, the rows stored
// before are untouched; once space is back and the participant resumes, the touchpoints the content script kept
// queued arrive, each exactly once.
// Why not CDP Storage.overrideQuotaForOrigin: Chromium reports the override but does not enforce it for an origin
// with unlimitedStorage (checked: a 2 MB write still succeeds). Mounting the tmpfs needs root; without it the test
// is skipped with that reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { launchExtension, giveConsent, openExtensionPage, waitFor } from './harness.mjs';
import { demoFeed } from '../../demo/replica.mjs';
import { readTouchpoints } from './db-peek.mjs';

const FIRST_CLICKS = 10;
const CLICKS_WHEN_FULL = 300;
/** Disk left free once the ballast is written: less than a few batches of touchpoints. Bytes. */
const LEFT_FREE_BYTES = 48 * 1024;
const SMALL_DISK = '/tmp/guangjie-e2e-small-disk';
const BALLAST = `${SMALL_DISK}/ballast`;

function mountSmallDisk() {
  try {
    mkdirSync(SMALL_DISK, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=96m', 'tmpfs', SMALL_DISK], { stdio: 'pipe' });
    return null;
  } catch (e) {
    return `cannot mount a small tmpfs (needs root): ${String(e.message).split('\n')[0]}`;
  }
}
const freeBytes = () => { const s = statfsSync(SMALL_DISK); return s.bavail * s.bsize; };
/** Fill the disk up to LEFT_FREE_BYTES, 1 MB at a time (Chromium keeps writing meanwhile; ENOSPC ends it too). */
function fillDisk() {
  const fd = openSync(BALLAST, 'w');
  try {
    for (let room = freeBytes() - LEFT_FREE_BYTES; room > 0; room = freeBytes() - LEFT_FREE_BYTES) {
      try { writeSync(fd, Buffer.alloc(Math.min(room, 1 << 20))); } catch (e) { if (e.code === 'ENOSPC') break; throw e; }
    }
  } finally {
    closeSync(fd);
  }
}

let ext;
let skip = null;
before(async () => {
  skip = mountSmallDisk();
  if (skip) return;
  process.env.TMPDIR = SMALL_DISK; // the harness makes the profile in os.tmpdir()
  ext = await launchExtension();
  delete process.env.TMPDIR;
  await giveConsent(ext, { studyId: 'e2e-storage-full', participantId: 'p-01' });
});
after(async () => {
  await ext?.close();
  if (!skip) execFileSync('umount', [SMALL_DISK], { stdio: 'pipe' });
});

async function feedWithProduct() {
  const page = await ext.context.newPage();
  await page.goto('https://www.douyin.com/');
  await page.evaluate(() => window.__replica.ready);
  await page.evaluate((i) => window.__replica.go(i), demoFeed.findIndex((it) => it.productIds?.length));
  await page.locator('[data-e2e="feed-active-video"] .xgplayer-shop-anchor').waitFor();
  await page.evaluate(() => document.addEventListener('click', (e) => e.preventDefault())); // stay on the feed
  return page;
}
const clickProduct = (page, n) =>
  page.evaluate((n) => {
    const a = document.querySelector('[data-e2e="feed-active-video"] .xgplayer-shop-anchor');
    for (let i = 0; i < n; i++) a.click();
  }, n);
const clicksStored = async (popup) => (await readTouchpoints(popup)).byType['product-click'] ?? 0;

test('a full disk pauses recording, the popup says so, stored rows are intact, and resuming loses nothing', async (t) => {
  if (skip) return t.skip(skip);
  const page = await feedWithProduct();
  const popup = await openExtensionPage(ext, 'popup.html');
  await clickProduct(page, FIRST_CLICKS);
  await waitFor(async () => (await clicksStored(popup)) === FIRST_CLICKS, { message: `${FIRST_CLICKS} rows before the disk fills` });
  const before = (await readTouchpoints(popup)).rows;

  fillDisk();

  await clickProduct(page, CLICKS_WHEN_FULL);
  await waitFor(async () => {
    await popup.reload();
    return popup.locator('[data-testid="banner-storage-full"]').isVisible();
  }, { timeout: 20_000, interval: 500, message: 'the storage-full banner in the popup' });
  const banner = await popup.locator('[data-testid="banner-storage-full"]').innerText();
  assert.ok(banner.trim().length > 10, `the banner explains itself: "${banner}"`);
  assert.equal(await popup.locator('[data-testid="resume-recording"]').count(), 1, 'the banner offers to resume');
  const { ok, settings } = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg/settings' }));
  assert.ok(ok && settings.storageFull, 'settings say storage is full (recording paused)');

  // Space is freed (on a full disk Chromium cannot even open the database to read it). Recording stays paused
  // until the participant resumes, so what is stored now is what survived the full disk.
  rmSync(BALLAST);
  const during = await readTouchpoints(popup);
  const byId = new Map(during.rows.map((r) => [r.id, r]));
  for (const row of before) assert.deepEqual(byId.get(row.id), row, `row ${row.id} kept unchanged`);
  assert.ok(during.byType['product-click'] < FIRST_CLICKS + CLICKS_WHEN_FULL, 'the full disk refused some writes');

  await popup.locator('[data-testid="resume-recording"]').click();
  const total = await waitFor(async () => {
    const n = await clicksStored(popup);
    return n >= FIRST_CLICKS + CLICKS_WHEN_FULL ? n : 0;
  }, { timeout: 75_000, interval: 1_000, message: 'the queued touchpoints to arrive after resuming' });
  assert.equal(total, FIRST_CLICKS + CLICKS_WHEN_FULL, 'every click stored exactly once');
  assert.equal(await popup.locator('[data-testid="banner-storage-full"]').count(), 0, 'banner gone after resuming');
});
