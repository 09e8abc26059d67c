// Launching Chromium for the benchmarks: the same headless Chromium and replica the end-to-end tests use, with
// or without the built extension, plus the few measuring helpers every benchmark shares.
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/harness.mjs';
import { installReplica } from '../demo/replica.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The built extension; GJ_EXTENSION_DIR points the benchmarks at another build (e.g. a clean checkout's). */
export const extensionDir = process.env.GJ_EXTENSION_DIR || join(root, '.output/chrome-mv3');

/** A persistent Chromium profile with (withExtension) or without the extension, every request on the replica. */
export async function launch({ withExtension, items }) {
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`no built extension in ${extensionDir}: npm run build`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'guangjie-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    args: [
      ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : ['--disable-extensions']),
      ...CHROMIUM_ARGS,
    ],
  });
  await installReplica(context, { items });
  let extensionId = null;
  if (withExtension) {
    let [worker] = context.serviceWorkers();
    if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    userDataDir,
    extensionId,
    extUrl: (p) => `chrome-extension://${extensionId}/${p}`,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Consent and study ids as the consent page records them, so recording is on. */
export async function giveConsent(b) {
  const page = await b.context.newPage();
  await page.goto(b.extUrl('popup.html'));
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg/update-settings', patch: { consentGiven: true, studyId: 'bench', participantId: 'p-bench' } }));
  await page.close();
}

/** Count rows of one store of the extension's database, read with the raw API in an extension page. */
export function countRows(page, store = 'touchpoints') {
  return page.evaluate((store) => new Promise((resolve, reject) => {
    const open = indexedDB.open('guangjie');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction(store).objectStore(store).count();
      req.onsuccess = () => (open.result.close(), resolve(req.result));
      req.onerror = () => reject(req.error);
    };
  }), store);
}

/**
 * Resident memory of one benchmark Chromium (the processes started with its profile directory, and their
 * descendants), bytes, from /proc. Summed per process, so pages shared between processes count more than once.
 */
export function chromiumRssBytes(userDataDir) {
  const procs = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const ppid = Number(/^\d+ \(.*\) \S (\d+)/s.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))[1]);
      const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      const ours = readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(userDataDir);
      procs.set(Number(pid), { ppid, rss, ours });
    } catch { /* the process ended meanwhile */ }
  }
  const inTree = (pid, seen = 0) => { const p = procs.get(pid); return !!p && (p.ours || (seen < 10 && inTree(p.ppid, seen + 1))); };
  let total = 0;
  for (const [pid, p] of procs) if (inTree(pid)) total += p.rss;
  return total;
}

export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
export const round = (x, digits = 2) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);
