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
export const extensionDir = join(root, '.output/chrome-mv3');

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

export async function launchExtension({ items, extraArgs = [] } = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error('build the extension first: npm run build');
  const userDataDir = mkdtempSync(join(tmpdir(), 'guangjie-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      ...extraArgs,
    ],
  });
  await installReplica(context, { items });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, extensionId, worker, close, extUrl: (p) => `chrome-extension://${extensionId}/${p}` };
}

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
