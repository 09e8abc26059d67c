// Issue 3 point 1, last clause, end to end on the built extension: items already on the page when the extension
// starts are tagged. Chrome runs no declared content script in a tab open before the extension (re)started, so
// the background injects them on runtime.onInstalled. Simulated here with an update: chrome.runtime.reload()
// fires onInstalled with reason 'update' while two feed tabs stay open (the ?recommend=1 page, whose first page
// is streamed in the HTML, and the plain feed). Without reloading those tabs, each gets its overlay back with the
// right tags, exactly one overlay host (the orphaned copy removed its own), and later items are still tagged and
// recorded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath, extensionDir, giveConsent, openExtensionPage, expectOverlay, waitFor, waitForRows } from './harness.mjs';
import { demoFeed, installReplica } from '../../demo/replica.mjs';

const WATCH_MS = 2600; // > IMPRESSION_MIN_MS (2000) with margin for the observer's first callback
/** The extension's restart: worker gone, worker back, onInstalled handled. Milliseconds. */
const RESTART_MS = 20_000;

/**
 * harness.launchExtension, with two differences a reload needs (checked on Chromium 156): Chromium reloads an
 * unpacked extension only in developer mode (otherwise it stays unloaded: ERR_BLOCKED_BY_CLIENT), and Playwright's
 * default --disable-extensions must not apply to the reloaded copy.
 */
async function launchReloadableExtension() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'guangjie-e2e-'));
  mkdirSync(join(userDataDir, 'Default'));
  writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...CHROMIUM_ARGS],
  });
  await installReplica(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, extensionId, worker, close, extUrl: (p) => `chrome-extension://${extensionId}/${p}` };
}

let ext;
before(async () => {
  ext = await launchReloadableExtension();
  await giveConsent(ext, { studyId: 'e2e-existing-tabs', participantId: 'p-01' });
});
after(async () => ext?.close());

const hostCount = (page) => page.evaluate(() => document.querySelectorAll('[data-guangjie-item]').length);
/** Mark the overlay hosts there now, so a host made after the update can be told from the orphaned copy's. */
const markOldHosts = (page) => page.evaluate(() => document.querySelectorAll('[data-guangjie-item]').forEach((h) => h.setAttribute('data-e2e-before-update', '')));
/** The overlay host made by a script started after the update, with its item and tags, or null. */
const newHostState = (page) =>
  page.evaluate(() => {
    const host = document.querySelector('[data-guangjie-item]:not([data-e2e-before-update])');
    return host ? { id: host.getAttribute('data-guangjie-item'), tags: host.getAttribute('data-guangjie-tags'), adKind: host.getAttribute('data-guangjie-ad-kind') } : null;
  });

/** Reload the extension from one of its pages, as an update does; resolves once a new worker answers a message. */
async function reloadExtension() {
  const firstWorker = ext.context.serviceWorkers().find((w) => w.url().includes(ext.extensionId));
  const page = await openExtensionPage(ext, 'popup.html');
  // The page closes with the extension; let the call return first.
  await page.evaluate(() => setTimeout(() => chrome.runtime.reload(), 50)).catch(() => {});
  await waitFor(() => page.isClosed() || !ext.context.serviceWorkers().includes(firstWorker), { timeout: RESTART_MS, message: 'the extension to go down' });
  await waitFor(async () => {
    if (!ext.context.serviceWorkers().some((w) => w.url().includes(ext.extensionId))) return false;
    const probe = await ext.context.newPage();
    try {
      await probe.goto(ext.extUrl('popup.html'));
      const reply = await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg/settings' }));
      return reply?.ok === true;
    } finally {
      await probe.close();
    }
  }, { timeout: RESTART_MS, interval: 250, message: 'the restarted worker to answer ui-bg/settings' });
}

test('after an update, tabs already open are tagged again from what the page holds, once, and keep recording', async () => {
  const streamed = await ext.context.newPage();
  await streamed.goto('https://www.douyin.com/?recommend=1');
  await streamed.evaluate(() => window.__surface.ready);
  const plain = await ext.context.newPage();
  await plain.goto('https://www.douyin.com/');
  await plain.evaluate(() => window.__replica.ready);
  // Each tab on its second item (an ad), so what is tagged after the restart is not simply the page's first item.
  for (const page of [streamed, plain]) {
    await expectOverlay(page, demoFeed[0].id, demoFeed[0].tags, 'item 0 before the update');
    await page.bringToFront();
    await page.keyboard.press('ArrowDown');
    await expectOverlay(page, demoFeed[1].id, demoFeed[1].tags, 'item 1 before the update');
    await markOldHosts(page);
  }

  await reloadExtension();
  const restartedAt = Date.now();

  for (const [name, page] of [['?recommend=1', streamed], ['plain feed', plain]]) {
    const want = demoFeed[1].tags.join(' ');
    const s = await waitFor(async () => {
      const now = await newHostState(page);
      return now?.id === demoFeed[1].id && now.tags === want ? now : null;
    }, { timeout: 10_000, message: `${name}: a new overlay on item 1 with tags "${want}" after the update, no tab reload; got ${JSON.stringify(await newHostState(page))}` });
    if (demoFeed[1].adKind) assert.equal(s.adKind, demoFeed[1].adKind, `${name}: ad kind`);
    // The orphaned copy's overlay must be gone, not merely out of sight behind the new one.
    await waitFor(async () => (await hostCount(page)) === 1, { timeout: 5_000, message: `${name}: exactly one overlay host (have ${await hostCount(page)})` });
    await page.waitForTimeout(500);
    assert.equal(await hostCount(page), 1, `${name}: still exactly one overlay host`);

    // Moving on still tags, and a watched item is recorded by the new instance.
    await page.bringToFront();
    await page.keyboard.press('ArrowDown');
    const next = demoFeed[2];
    await expectOverlay(page, next.id, next.tags, `${name}: item 2 after the update`);
    assert.equal(await hostCount(page), 1, `${name}: still one overlay host`);
    await page.waitForTimeout(WATCH_MS);
    await page.keyboard.press('ArrowDown'); // ends the episode on item 2
    await expectOverlay(page, demoFeed[3].id, demoFeed[3].tags, `${name}: item 3 after the update`);
  }
  // Item 2 was never on screen before the update: its impressions can only come from the injected scripts.
  const imps = await waitForRows(
    ext,
    'touchpoints',
    (r) => {
      const found = r.filter((t) => t.type === 'impression' && t.itemId === demoFeed[2].id);
      return found.length >= 2 ? found : null;
    },
    'an impression of item 2 from each tab after the update',
  );
  for (const t of imps) {
    assert.ok(t.at >= restartedAt - 1000, 'recorded after the restart');
    assert.ok(t.dwellMs >= 2000, `dwell ${t.dwellMs} ms >= 2 s`);
    assert.deepEqual([...t.tags].sort(), [...demoFeed[2].tags].sort(), 'the impression carries the item tags');
  }
});
