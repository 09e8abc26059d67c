// Ingest: touchpoints per second through the whole pipeline (page click → content script → sender batches →
// service worker: validate, dedupe, sessions, aggregates → IndexedDB), against bare IndexedDB puts of the very
// same stored records, in batches of the same size, from an extension page of the same browser.
// The page clicks a product anchor of the replica feed N times as fast as it can; the clock stops when the Nth
// row is in the table (polled every 50 ms from an extension page).
import { launch, giveConsent, countRows, round } from './browser.mjs';

const CHUNK = 500; // clicks per page.evaluate
const SENDER_BATCH = 100; // utils/content/sender.ts BATCH_MAX: the bare puts use the same transaction size

export async function runIngest({ touchpoints }) {
  const b = await launch({ withExtension: true, items: 120 });
  try {
    await giveConsent(b);
    const page = await b.context.newPage();
    await page.goto('https://www.douyin.com/');
    await page.evaluate(() => window.__replica.ready);
    const { demoFeed } = await import('../demo/replica.mjs');
    await page.evaluate((i) => window.__replica.go(i), demoFeed.findIndex((it) => it.productIds?.length));
    await page.locator('[data-e2e="feed-active-video"] .xgplayer-shop-anchor').waitFor();
    await page.evaluate(() => document.addEventListener('click', (e) => e.preventDefault()));
    const ext = await b.context.newPage();
    await ext.goto(b.extUrl('popup.html'));
    const before = await countRows(ext);

    const t0 = Date.now();
    for (let sent = 0; sent < touchpoints; sent += CHUNK) {
      await page.evaluate((n) => {
        const a = document.querySelector('[data-e2e="feed-active-video"] .xgplayer-shop-anchor');
        for (let i = 0; i < n; i++) a.click();
      }, Math.min(CHUNK, touchpoints - sent));
    }
    const clickedMs = Date.now() - t0;
    let stored = 0;
    while ((stored = (await countRows(ext)) - before) < touchpoints && Date.now() - t0 < 300_000) await ext.waitForTimeout(50);
    const pipelineMs = Date.now() - t0;

    // Bare: the same stored records, put into a scratch database in transactions of SENDER_BATCH.
    const bareMs = await ext.evaluate(async (batch) => {
      const req = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
      const src = await req(indexedDB.open('guangjie'));
      const rows = await req(src.transaction('touchpoints').objectStore('touchpoints').getAll());
      src.close();
      const open = indexedDB.open('bench-bare', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('touchpoints', { keyPath: 'id' });
      const db = await req(open);
      const start = performance.now();
      for (let i = 0; i < rows.length; i += batch) {
        const tx = db.transaction('touchpoints', 'readwrite');
        for (const r of rows.slice(i, i + batch)) tx.objectStore('touchpoints').put(r);
        await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
      }
      const ms = performance.now() - start;
      db.close();
      return { ms, rows: rows.length };
    }, SENDER_BATCH);

    const pipelineRate = (stored / pipelineMs) * 1000;
    const bareRate = (bareMs.rows / bareMs.ms) * 1000;
    return {
      touchpoints,
      stored,
      clickDispatchMs: clickedMs,
      pipelineMs,
      pipelinePerSecond: { value: round(pipelineRate, 0), target: '>= 10000/s', pass: pipelineRate >= 10_000 },
      barePerSecond: round(bareRate, 0),
      shareOfBare: { value: round((pipelineRate / bareRate) * 100, 1), unit: '%', target: '>= 50 %', pass: pipelineRate / bareRate >= 0.5 },
    };
  } finally {
    await b.close();
  }
}
