// Ingest: touchpoints per second through the whole pipeline (page click → content script: click kind, enclosing
// item, product id, touchpoint → sender batches → service worker: validate, dedupe by id, sessions, running
// aggregates → IndexedDB), against bare IndexedDB puts of the very same stored touchpoints in the same browser.
//
// Pipeline: the page clicks product anchors N times as fast as it can, in script runs of CHUNK clicks (each click
// a product-click touchpoint: the content script does its full per-click work for every one); the clock stops
// when the Nth touchpoint is counted (polled every POLL_MS from an extension page: the number of chunks, a count
// of a few records; the touchpoints, summed off the chunks' row-count index, only when a chunk was added — every
// read transaction on the store holds up the writer's next one, so a poll doing more each time slowed the
// pipeline it measured). Two feeds, both reported:
//  - `one-anchor`: every click on the playing item's product anchor (the original benchmark);
//  - `many-anchors`: the clicks spread round-robin over the product anchors of every feed item the page has
//    rendered (the replica keeps a few slides around the playing one; `anchors` says how many), so successive
//    touchpoints name different items and products.
//
// Bare: the chunks the pipeline stored (the writer adds one chunk per batch, in one transaction per batch, every
// row stamped with the batch's `recordedAt`), read back and replayed from an extension page in arrival (key)
// order, one writer batch per transaction, with the writer's relaxed durability. Two baselines, both reported:
//  - `perRecord` (the target's): every touchpoint put as its own record, into a scratch store of schema version
//    3's shape (keyPath `id`, one index `at`). This is the issue's "bare IndexedDB puts of the same records", and
//    what the extension stored until version 4. The headline `shareOfBare` (≥ 50 %) is against it. Since the
//    pipeline now writes chunks, it can beat this baseline (a share above 100 %): the target then says the
//    pipeline is at least as fast as plain per-record storing, not that its own overhead is small.
//  - `chunks`: the very chunks stored, put into a scratch store of the SAME shape as the live touchpointChunks
//    store (keyPath and every index — keyPath, unique, multiEntry — read from the live database, so it follows
//    utils/db/schema.ts). The pipeline's share of it (`shareOfChunkBare`) is what the pipeline adds on top of its
//    own storing (clicks, messages, validation, dedupe, sessions, aggregates); no target is set on it.
import { launch, giveConsent, countRows, quantile, round } from './browser.mjs';

const CHUNK = 500; // clicks per page.evaluate (one synchronous script run)
const POLL_MS = 20;
const TIMEOUT_MS = 300_000;

export async function runIngest({ touchpoints }) {
  const out = { touchpoints };
  for (const feed of ['one-anchor', 'many-anchors']) out[feed] = await runOnce(touchpoints, feed);
  const main = out['one-anchor'];
  const best = [main, out['many-anchors']].filter((r) => r.pipelinePerSecond).sort((a, b) => b.pipelinePerSecond - a.pipelinePerSecond)[0];
  const rate = main.pipelinePerSecond, bare = main.barePerSecond, bareChunks = main.bareChunkPerSecond;
  return {
    ...out,
    // The headline rows (bench/summary.mjs): the one-anchor feed, the issue's own benchmark.
    pipelinePerSecond: { value: rate, target: '>= 10000/s', pass: rate >= 10_000 },
    barePerSecond: bare,
    shareOfBare: { value: round((rate / bare) * 100, 1), unit: '%', target: '>= 50 %', pass: rate / bare >= 0.5 },
    bareChunkPerSecond: bareChunks,
    shareOfChunkBare: { value: round((rate / bareChunks) * 100, 1), unit: '%' },
    bestFeed: best?.feed,
  };
}

async function runOnce(touchpoints, feed) {
  const b = await launch({ withExtension: true, items: 120 });
  try {
    await giveConsent(b);
    const page = await b.context.newPage();
    await page.goto('https://www.douyin.com/');
    await page.evaluate(() => window.__replica.ready);
    const { demoFeed } = await import('../demo/replica.mjs');
    await page.evaluate((i) => window.__replica.go(i), demoFeed.findIndex((it) => it.productIds?.length));
    await page.locator('[data-e2e="feed-active-video"] .xgplayer-shop-anchor').waitFor();
    // Keep the clicks on the feed: the page cancels the anchors' new-tab navigation (the content script listens in
    // the capture phase, so it still sees every click).
    await page.evaluate(() => document.addEventListener('click', (e) => e.preventDefault()));
    const anchors = await page.evaluate((feed) => {
      const all = [...document.querySelectorAll(feed === 'one-anchor' ? '[data-e2e="feed-active-video"] .xgplayer-shop-anchor' : '.xgplayer-shop-anchor')];
      window.__benchAnchors = all;
      return all.length;
    }, feed);
    const ext = await b.context.newPage();
    await ext.goto(b.extUrl('popup.html'));
    const before = await countRows(ext);

    const t0 = Date.now();
    for (let sent = 0; sent < touchpoints; sent += CHUNK) {
      await page.evaluate(({ from, n }) => {
        const a = window.__benchAnchors;
        for (let i = from; i < from + n; i++) a[i % a.length].click();
      }, { from: sent, n: Math.min(CHUNK, touchpoints - sent) });
    }
    const clickDispatchMs = Date.now() - t0;
    let stored = 0;
    let chunks = -1;
    while (stored < touchpoints && Date.now() - t0 < TIMEOUT_MS) {
      const now = await countRows(ext, 'touchpointChunks');
      if (now !== chunks) [chunks, stored] = [now, (await countRows(ext)) - before];
      else await ext.waitForTimeout(POLL_MS);
    }
    const pipelineMs = Date.now() - t0;
    const bare = await ext.evaluate(barePuts, t0);

    const pipelineRate = (stored / pipelineMs) * 1000;
    const perRecordRate = (bare.rows / bare.perRecordMs) * 1000;
    const chunkRate = (bare.rows / bare.chunkMs) * 1000;
    return {
      feed,
      anchors,
      stored,
      clickDispatchMs,
      clicksPerSecond: round((touchpoints / clickDispatchMs) * 1000, 0),
      pipelineMs,
      pipelinePerSecond: round(pipelineRate, 0),
      // Both baselines in touchpoints per second.
      barePerSecond: round(perRecordRate, 0),
      shareOfBare: round((pipelineRate / perRecordRate) * 100, 1),
      bareChunkPerSecond: round(chunkRate, 0),
      shareOfChunkBare: round((pipelineRate / chunkRate) * 100, 1),
      bareRows: bare.rows,
      writerTransactions: bare.transactions,
      writerTransactionRows: { median: quantile(bare.sizes, 0.5), max: Math.max(...bare.sizes) },
      bareStores: bare.shapes,
    };
  } finally {
    await b.close();
  }
}

/**
 * In an extension page: replay the chunks stored since `since` (epoch ms), one writer batch per transaction, into
 * two scratch databases: row by row into version 3's per-record store, and chunk by chunk into a store shaped like
 * the live touchpointChunks. Returns the milliseconds of each replay.
 */
async function barePuts(since) {
  const req = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  const done = (tx) => new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); tx.onabort = () => fail(tx.error); });
  const src = await req(indexedDB.open('guangjie'));
  const live = src.transaction('touchpointChunks').objectStore('touchpointChunks');
  const shapeOf = (store) => ({
    keyPath: store.keyPath,
    autoIncrement: store.autoIncrement,
    indexes: [...store.indexNames].map((n) => { const i = store.index(n); return { name: n, keyPath: i.keyPath, unique: i.unique, multiEntry: i.multiEntry }; }),
  });
  const chunkShape = shapeOf(live);
  // Every row of a chunk carries its batch's recordedAt; key order is write order (newChunkKey).
  const chunks = (await req(live.getAll())).filter((c) => c.rows.every((r) => r.recordedAt >= since));
  src.close();
  /** The touchpoints store of schema version 3 (utils/db/schema.ts): gone from a version 4 database, so written out here. */
  const perRecordShape = { keyPath: 'id', autoIncrement: false, indexes: [{ name: 'at', keyPath: 'at', unique: false, multiEntry: false }] };

  /** Time `put(store, chunk)` for every chunk, a transaction per chunk, in a fresh scratch database of `shape`. */
  const replay = async (shape, put) => {
    await req(indexedDB.deleteDatabase('bench-bare'));
    const open = indexedDB.open('bench-bare', 1);
    open.onupgradeneeded = () => {
      const s = open.result.createObjectStore('scratch', { keyPath: shape.keyPath, autoIncrement: shape.autoIncrement });
      for (const i of shape.indexes) s.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
    };
    const db = await req(open);
    const start = performance.now();
    for (const chunk of chunks) {
      const tx = db.transaction('scratch', 'readwrite', { durability: 'relaxed' });
      put(tx.objectStore('scratch'), chunk);
      await done(tx);
    }
    const ms = performance.now() - start;
    db.close();
    await req(indexedDB.deleteDatabase('bench-bare'));
    return ms;
  };
  const perRecordMs = await replay(perRecordShape, (store, chunk) => { for (const r of chunk.rows) store.put(r); });
  const chunkMs = await replay(chunkShape, (store, chunk) => store.put(chunk));
  const sizes = chunks.map((c) => c.rows.length);
  return {
    perRecordMs,
    chunkMs,
    rows: sizes.reduce((a, n) => a + n, 0),
    transactions: chunks.length,
    sizes,
    shapes: { perRecord: perRecordShape, chunks: chunkShape },
  };
}
