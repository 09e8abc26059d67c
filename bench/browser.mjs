// Launching Chromium for the benchmarks: the same headless Chromium and replica the end-to-end tests use, with
// or without the built extension, plus the few measuring helpers every benchmark shares.
import { readFileSync, readdirSync } from 'node:fs';
import { extensionDir, launchProfile } from '../tests/e2e/harness.mjs';

/** The built extension; GJ_EXTENSION_DIR points the benchmarks at another build (e.g. a clean checkout's). */
export { extensionDir };

/** A persistent Chromium profile with (withExtension) or without the extension, every request on the replica. */
export const launch = ({ withExtension, items }) => launchProfile({ withExtension, items, prefix: 'guangjie-bench-' });

/**
 * Consent and study ids as the consent page records them, so recording is on. `GJ_BENCH_SETTINGS` (JSON) adds settings
 * to that patch, to take one part out of a measurement: `GJ_BENCH_SETTINGS='{"overlayEnabled":false}'` measures all
 * but the overlay.
 */
export async function giveConsent(b) {
  const page = await b.context.newPage();
  await page.goto(b.extUrl('popup.html'));
  const extra = JSON.parse(process.env.GJ_BENCH_SETTINGS || '{}');
  await page.evaluate((extra) => chrome.runtime.sendMessage({ type: 'ui-bg/update-settings', patch: { consentGiven: true, studyId: 'bench', participantId: 'p-bench', ...extra } }), extra);
  await page.close();
}

/**
 * Count rows of one store of the extension's database, read with the raw API in an extension page. `touchpoints`
 * counts stored touchpoints: they are kept many to a record in `touchpointChunks` (utils/db/touchpoint-chunks.ts),
 * each with its row count `n`, indexed, so the count is the sum of that index's keys (no chunk is read).
 */
export function countRows(page, store = 'touchpoints') {
  return page.evaluate((store) => new Promise((resolve, reject) => {
    const open = indexedDB.open('guangjie');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const done = (n) => (db.close(), resolve(n));
      if (store !== 'touchpoints') {
        const req = db.transaction(store).objectStore(store).count();
        req.onsuccess = () => done(req.result);
        req.onerror = () => reject(req.error);
        return;
      }
      let total = 0;
      const cursor = db.transaction('touchpointChunks').objectStore('touchpointChunks').index('n').openKeyCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return done(total);
        total += c.key;
        c.continue();
      };
      cursor.onerror = () => reject(cursor.error);
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
