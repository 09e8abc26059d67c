// Launches the BUILT extension (.output/chrome-mv3) in Debian's Chromium with Playwright, and routes the
// platforms' real hosts to the local replica so the manifest's real match patterns apply.
// No test touches the internet: every request outside the replica is aborted.
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installReplica } from '../../demo/replica.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built extension; GJ_EXTENSION_DIR points the tests at another build (e.g. one made with GJ_OUT_DIR). */
export const extensionDir = process.env.GJ_EXTENSION_DIR || join(root, '.output/chrome-mv3');

export function chromiumPath() {
  const p = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(p)) throw new Error(`Chromium not found at ${p}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  return p;
}

/** Poll `fn` until it returns a truthy value (Playwright fires no event for some things, e.g. a worker restart). */
export async function waitFor(fn, { timeout = 15_000, interval = 100, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`timed out waiting for ${message} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

/** Chromium flags every launch here uses: no sandbox as root, and no background traffic to the closed network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/**
 * A fresh headless Chromium profile with every request on the replica: with the built extension loaded
 * (`withExtension`, waiting for its service worker) or with extensions off (the benchmarks' baseline).
 * `prefix` names the temporary profile directory, which close() removes.
 */
export async function launchProfile({ withExtension = true, items, extraArgs = [], prefix = 'guangjie-e2e-' } = {}) {
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`no built extension in ${extensionDir}: npm run build`);
  const userDataDir = mkdtempSync(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    args: [
      ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : ['--disable-extensions']),
      ...CHROMIUM_ARGS,
      ...extraArgs,
    ],
  });
  await installReplica(context, { items });
  let worker = null;
  if (withExtension) {
    [worker] = context.serviceWorkers();
    if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  }
  const extensionId = worker ? new URL(worker.url()).host : null;
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, userDataDir, extensionId, worker, close, extUrl: (p) => `chrome-extension://${extensionId}/${p}` };
}

/** The built extension in a fresh profile (see launchProfile). */
export const launchExtension = ({ items, extraArgs } = {}) => launchProfile({ items, extraArgs });

/** Open an extension page (popup, dashboard) in a tab. */
export async function openExtensionPage(ext, path) {
  const page = await ext.context.newPage();
  await page.goto(ext.extUrl(path));
  return page;
}

/** Send a ui-bg message from an extension page, as the popup would. */
export async function sendFromExtensionPage(page, message) {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/** Record consent and study ids the way the consent page does, so recording starts. */
export async function giveConsent(ext, patch = {}) {
  const page = await openExtensionPage(ext, 'popup.html');
  await sendFromExtensionPage(page, { type: 'ui-bg/update-settings', patch: { consentGiven: true, ...patch } });
  await page.close();
}

// ---- Helpers for the surface, live and drift tests (additive) ----------------------------------------------

/** What the overlay shows now: the host's item id and tags, or null when no overlay is mounted. */
export function overlayState(page) {
  return page.evaluate(() => {
    const host = document.querySelector('[data-guangjie-item]');
    return host ? { id: host.getAttribute('data-guangjie-item'), tags: host.getAttribute('data-guangjie-tags'), adKind: host.getAttribute('data-guangjie-ad-kind') } : null;
  });
}

/** Wait until the overlay shows item `id` with exactly `tags` (TAG_IDS order). */
export async function expectOverlay(page, id, tags, what = id) {
  const want = tags.join(' ');
  return waitFor(async () => {
    const s = await overlayState(page);
    return s && s.id === id && s.tags === want ? s : null;
  }, { timeout: 10_000, message: `overlay on ${what} (${id}) with tags "${want}"; got ${JSON.stringify(await overlayState(page))}` });
}

/**
 * Every row of one IndexedDB store of the extension's database, read from an extension page. 'touchpoints' are the
 * rows of every touchpoint chunk (schema version 4 stores them a chunk per written batch).
 */
export async function readStore(ext, store) {
  const page = await openExtensionPage(ext, 'popup.html');
  try {
    return await page.evaluate((name) => new Promise((resolve, reject) => {
      const open = indexedDB.open('guangjie');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const chunked = name === 'touchpoints';
        const req = open.result.transaction(chunked ? 'touchpointChunks' : name, 'readonly').objectStore(chunked ? 'touchpointChunks' : name).getAll();
        req.onsuccess = () => { open.result.close(); resolve(chunked ? req.result.flatMap((c) => c.rows) : req.result); };
        req.onerror = () => reject(req.error);
      };
    }), store);
  } finally {
    await page.close();
  }
}

/** Poll a store until `pick(rows)` is truthy (the worker writes in batches). */
export function waitForRows(ext, store, pick, message) {
  return waitFor(async () => pick(await readStore(ext, store)), { timeout: 20_000, interval: 500, message });
}

/** The browser's tab id of the first tab whose URL starts with `prefix` (for popup.html?tabId=). */
export async function tabIdOf(ext, prefix) {
  const page = await openExtensionPage(ext, 'popup.html');
  try {
    return await page.evaluate(async (p) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(p))?.id, prefix);
  } finally {
    await page.close();
  }
}
