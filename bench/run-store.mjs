// A large store: N synthetic touchpoints stored, the running aggregates rebuilt by the worker. Then:
//  - popup: time from navigation to the first number in `stat-items-seen` (median of three opens, once the
//    journey count that seeding set off has finished);
//  - dashboard: time from navigation to its first numbers (the touchpoint count), and to complete (journeys and
//    credit built: the journey KPIs);
//  - export: each format through the popup's real export buttons, time until the download is complete, and peak
//    memory: the JS heap of the popup page plus its export worker, garbage included (CDP, sampled together every
//    250 ms: `JSHeapUsedSize` of the page, `Runtime.getHeapUsage` of the worker), each one's own peak, and the
//    whole Chromium's resident memory (every process, /proc) above what it was before the export. The popup's heap
//    is collected once before its export starts: an extension's pages share one renderer process and one V8 heap,
//    so without it the garbage of the page closed just before (the dashboard, which builds journeys over every
//    touchpoint) counted as the first export's: 144 MB of the JSON export's 303 MB on c11a2fc, against 6–7 MB for
//    the exports after it.
import { launch, giveConsent, countRows, chromiumRssBytes, round } from './browser.mjs';
import { syntheticBatch } from './synthetic.mjs';

/** The dashboard's first numbers (the touchpoint count, before journeys are built), or its "no data" note. */
const DASHBOARD_FIRST = ['dash-kpi-touchpoints', 'dash-empty'].map((id) => `[data-testid="${id}"]`).join(', ');
/** The dashboard complete: the journey KPIs, or its "no data" notes. */
const DASHBOARD_DONE = ['dash-mode-share', 'dash-empty', 'dash-no-conversions'].map((id) => `[data-testid="${id}"]`).join(', ');
/** Rows per seeding chunk: full chunks, as compaction leaves them (CHUNK_MAX_ROWS in utils/db/touchpoint-chunks.ts). Count. */
const SEED_CHUNK_ROWS = 500;
/** Rows per seeding transaction (20 chunks). Count. */
const SEED_TX_ROWS = 10_000;

/**
 * Seed N stored touchpoints with bare chunk adds from an extension page (not through the worker's write path: at
 * the ingest rate a million would take much of the budget), then let the worker rebuild the running aggregates
 * once, by the same path an upgraded database takes (readAggregates → recomputeAggregates).
 *
 * The chunks are what a long-used store holds: full chunks of SEED_CHUNK_ROWS, as compaction
 * (utils/background/compaction.ts) leaves the small chunks browsing writes and as the version 4 migration writes
 * an old store. Each key starts with the chunk's latest `recordedAt`, 13 digits, like newChunkKey's; the suffix
 * `seed` + the chunk's number keeps keys unique and in seeding order within a millisecond.
 */
export async function seed(b, total) {
  const page = await b.context.newPage();
  await page.goto(b.extUrl('popup.html'));
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg/stats' })); // the worker creates the database
  const t0 = Date.now();
  await page.evaluate(async ({ total, perTx, perChunk, src }) => {
    const make = new Function(`return (${src})`)(); // bench page only: the generator's source, sent from Node
    const req = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    const chunkOf = (n, rows) => {
      let atMin = Infinity, atMax = -Infinity, recordedAt = 0;
      for (const r of rows) {
        atMin = Math.min(atMin, r.at);
        atMax = Math.max(atMax, r.at);
        recordedAt = Math.max(recordedAt, r.recordedAt);
      }
      const key = `${String(recordedAt).padStart(13, '0')}-seed${n.toString(36).padStart(6, '0')}`;
      return { key, atMin, atMax, n: rows.length, rows };
    };
    const db = await req(indexedDB.open('guangjie'));
    for (let start = 0; start < total; start += perTx) {
      const tx = db.transaction('touchpointChunks', 'readwrite');
      const store = tx.objectStore('touchpointChunks');
      const rows = make(start, Math.min(perTx, total - start)).map((tp) => (
        { ...tp, sessionId: `s-${tp.platform}-${Math.floor(tp.at / 1_800_000)}`, extVersion: '0.1.0', definitionsVersion: 1, recordedAt: tp.at }));
      for (let i = 0; i < rows.length; i += perChunk) store.add(chunkOf((start + i) / perChunk, rows.slice(i, i + perChunk)));
      await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); tx.onabort = () => fail(tx.error); });
    }
    db.close();
  }, { total, perTx: SEED_TX_ROWS, perChunk: SEED_CHUNK_ROWS, src: syntheticBatch.toString() });
  const putMs = Date.now() - t0;
  const t1 = Date.now();
  const stats = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg/stats' }));
  const rebuildMs = Date.now() - t1;
  // That first stats request also started the journey count behind (a large store's is never made while the
  // popup waits): wait for it, so the popup below is timed as a viewer meets it, not while the count runs.
  const t2 = Date.now();
  const rows = await countRows(page);
  const chunks = await countRows(page, 'touchpointChunks');
  let counted = false;
  while (!counted && Date.now() - t2 < 900_000) {
    const s = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg/stats' }));
    counted = !!s?.stats?.journeysAsOf;
    if (!counted) await page.waitForTimeout(500);
  }
  const journeyCountMs = Date.now() - t2;
  await page.close();
  if (!stats?.ok) throw new Error(`stats after seeding: ${JSON.stringify(stats)}`);
  return { rows, chunks, putMs, barePutsPerSecond: round((total / putMs) * 1000, 0), aggregateRebuildMs: rebuildMs, journeyCountMs: counted ? journeyCountMs : null, touchpointsInStats: stats.stats.allTime.touchpoints };
}

async function timeToFirstNumbers(b, path, selector, needDigit = true) {
  const page = await b.context.newPage();
  try {
    await page.goto(b.extUrl(path), { waitUntil: 'commit' });
    const ms = await page.waitForFunction(({ selector, needDigit }) => {
      const el = [...document.querySelectorAll(selector)].find((e) => !needDigit || /\d/.test(e.textContent ?? ''));
      return el ? performance.now() : null;
    }, { selector, needDigit }, { timeout: 60_000, polling: 'raf' }).then((h) => h.jsonValue());
    return round(ms, 0);
  } catch (e) {
    return { error: String(e.message).split('\n')[0] };
  } finally {
    await page.close();
  }
}

/**
 * The JS heaps of a page's dedicated workers (the export worker), sampled through the page's CDP session: it
 * auto-attaches to them, and each is asked `Runtime.getHeapUsage` (used bytes, garbage included, as
 * `JSHeapUsedSize` is for the page) through `Target.sendMessageToTarget`.
 */
async function workerHeaps(cdp) {
  const workers = new Set();
  const waiting = new Map();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (e) => { if (e.targetInfo.type === 'worker') workers.add(e.sessionId); });
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    waiting.get(m.id)?.(m.result?.usedSize ?? 0);
    waiting.delete(m.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const heapOf = (sessionId) => new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    setTimeout(() => (waiting.delete(id), resolve(0)), 1_000);
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => resolve(0));
  });
  /** The workers' used heap now, summed. Bytes. */
  return async () => (await Promise.all([...workers].map(heapOf))).reduce((a, x) => a + x, 0);
}

async function exportOnce(b, format) {
  const page = await b.context.newPage();
  await page.goto(b.extUrl('popup.html'));
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const workersHeap = await workerHeaps(cdp);
  await cdp.send('HeapProfiler.collectGarbage'); // the earlier pages' garbage is not this export's (see the top)
  const startPageHeap = (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'JSHeapUsedSize').value;
  const rssBefore = chromiumRssBytes(b.userDataDir);
  let pagePeak = 0;
  let workerPeak = 0;
  let heapPeak = 0;
  let rssPeak = rssBefore;
  const sampler = setInterval(async () => {
    rssPeak = Math.max(rssPeak, chromiumRssBytes(b.userDataDir));
    try {
      const [m, w] = await Promise.all([cdp.send('Performance.getMetrics'), workersHeap()]);
      const pageHeap = m.metrics.find((x) => x.name === 'JSHeapUsedSize').value;
      pagePeak = Math.max(pagePeak, pageHeap);
      workerPeak = Math.max(workerPeak, w);
      heapPeak = Math.max(heapPeak, pageHeap + w);
    } catch { /* page closing */ }
  }, 250);
  const t0 = Date.now();
  try {
    const files = [];
    page.on('download', (d) => files.push(d));
    await page.click(`[data-testid="export-${format}"]`);
    // The popup disables its export buttons while an export runs and enables them when its last file is handed
    // to the downloads API; then every download is waited for until written (d.path() resolves when complete).
    await page.waitForFunction((sel) => document.querySelector(sel)?.disabled === true, `[data-testid="export-${format}"]`, { timeout: 10_000, polling: 50 }).catch(() => {});
    await page.waitForFunction((sel) => document.querySelector(sel)?.disabled === false, `[data-testid="export-${format}"]`, { timeout: 900_000, polling: 100 });
    const error = await page.locator('[data-testid="export-error"]').textContent({ timeout: 100 }).catch(() => null);
    if (error) throw new Error(`export failed: ${error}`);
    const sizes = await Promise.all(files.map(async (d) => (await import('node:fs')).statSync(await d.path()).size));
    const ms = Date.now() - t0;
    return {
      seconds: { value: round(ms / 1000, 1), target: '< 30 s', pass: ms < 30_000 },
      files: files.length,
      megabytes: round(sizes.reduce((a, x) => a + x, 0) / 2 ** 20, 1),
      peakHeapMB: { value: round(heapPeak / 2 ** 20, 0), target: '< 300 MB', pass: heapPeak < 300 * 2 ** 20 },
      peakPageHeapMB: round(pagePeak / 2 ** 20, 0),
      startPageHeapMB: round(startPageHeap / 2 ** 20, 0),
      peakWorkerHeapMB: round(workerPeak / 2 ** 20, 0),
      peakBrowserRssAddedMB: round((rssPeak - rssBefore) / 2 ** 20, 0),
    };
  } catch (e) {
    return { error: String(e.message).split('\n')[0], seconds: round((Date.now() - t0) / 1000, 1) };
  } finally {
    clearInterval(sampler);
    await page.close();
  }
}

export async function runStore({ touchpoints, formats = ['json', 'ndjson', 'csv'] }) {
  const b = await launch({ withExtension: true, items: 120 });
  try {
    await giveConsent(b);
    const seeded = await seed(b, touchpoints);
    // Three opens: the first loads the scripts from disk; the median is what a viewer meets.
    const popupOpens = [];
    for (let i = 0; i < 3; i++) popupOpens.push(await timeToFirstNumbers(b, 'popup.html', '[data-testid="stat-items-seen"]'));
    const popupMs = typeof popupOpens[1] === 'number' ? [...popupOpens].sort((a, b) => a - b)[1] : popupOpens[1];
    const dashboardMs = await timeToFirstNumbers(b, 'dashboard.html', DASHBOARD_FIRST);
    const dashboardDoneMs = await timeToFirstNumbers(b, 'dashboard.html', DASHBOARD_DONE, false);
    const exports = {};
    for (const f of formats) exports[f] = await exportOnce(b, f);
    return {
      touchpoints,
      seeded,
      popupFirstNumbersMs: { value: popupMs, target: '< 200 ms', pass: typeof popupMs === 'number' && popupMs < 200 },
      popupOpensMs: popupOpens,
      dashboardFirstNumbersMs: dashboardMs,
      dashboardCompleteMs: dashboardDoneMs,
      exports,
    };
  } finally {
    await b.close();
  }
}
