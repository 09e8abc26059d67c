// Overlay cost and content-script memory: the replica feed (`?items=N`) stepped through item by item, once in a
// profile with the extension and once without, one after the other in the same Chromium build.
//  - main-thread time per item: CDP Performance.getMetrics TaskDuration (all main-thread tasks of the tab's
//    renderer, the content script's isolated world included) before and after each step, in milliseconds;
//  - long tasks: a PerformanceObserver('longtask') registered before the page's own scripts;
//  - memory: V8 heap of the tab's isolate (main world + the content script's isolated world), after a forced GC,
//    at 0, 25, 50, 75 and 100 % of the items; the extension's share is with minus without.
import { launch, giveConsent, quantile, round } from './browser.mjs';

/** Wall time given to each item: just over the feed watcher's 120 ms coalescing, so every item gets its check. */
const STEP_MS = 125;

async function scroll(withExtension, items) {
  const b = await launch({ withExtension, items });
  try {
    if (withExtension) await giveConsent(b);
    const page = await b.context.newPage();
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
    });
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`https://www.douyin.com/?items=${items}`);
    await page.evaluate(() => window.__replica.ready);
    await page.waitForTimeout(1_000);
    const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value * 1000;
    const taskMs = () => metric('TaskDuration');
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const marks = new Set([0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * (items - 1))));
    const heapAt = {};
    const perItem = [];
    await page.evaluate(() => (window.__longTasks.length = 0));
    let prev = await taskMs();
    const scriptStart = await metric('ScriptDuration');
    for (let i = 0; i < items; i++) {
      if (marks.has(i)) {
        heapAt[i + 1] = await heap();
        prev = await taskMs(); // the forced GC is ours, not the page's
      }
      if (i > 0) await page.evaluate(() => window.__replica.next());
      await page.waitForTimeout(STEP_MS);
      const now = await taskMs();
      perItem.push(now - prev);
      prev = now;
    }
    const scriptMs = (await metric('ScriptDuration')) - scriptStart;
    const reached = await page.evaluate(() => window.__replica.active());
    const longTasks = await page.evaluate(() => window.__longTasks);
    return { perItem, heapAt, longTasks, reached: reached + 1, scriptMs };
  } finally {
    await b.close();
  }
}

export async function runOverlay({ items }) {
  const without = await scroll(false, items);
  const withExt = await scroll(true, items);
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const stats = (r) => ({ medianMs: round(quantile(r.perItem, 0.5), 3), p95Ms: round(quantile(r.perItem, 0.95), 3), totalMs: round(sum(r.perItem), 0), longTasks: r.longTasks.length, itemsReached: r.reached, scriptMsPerItem: round(r.scriptMs / items, 3) });
  const a = stats(withExt);
  const b = stats(without);
  const addedPerItemMs = (sum(withExt.perItem) - sum(without.perItem)) / items;
  const addedShare = sum(withExt.perItem) / sum(without.perItem) - 1;
  // Memory: the extension's share of the heap at each mark, and how much it still grows over the last half.
  const marks = Object.keys(withExt.heapAt).map(Number).sort((x, y) => x - y);
  const share = Object.fromEntries(marks.map((m) => [m, withExt.heapAt[m] - without.heapAt[m]]));
  const mid = marks[Math.floor(marks.length / 2)];
  const first = marks[0];
  const last = marks[marks.length - 1];
  const firstHalfGrowth = share[mid] - share[first];
  const lastHalfGrowth = share[last] - share[mid];
  /** Levelled off: the second half of the scroll adds under 1 KB per item to the extension's heap share. */
  const LEVEL_BYTES_PER_ITEM = 1024;
  return {
    overlay: {
      items,
      with: a,
      without: b,
      addedPerItemMs: { value: round(addedPerItemMs, 3), target: '< 1 ms', pass: addedPerItemMs < 1 },
      addedMainThread: { value: round(addedShare * 100, 1), unit: '%', target: '< 5 %', pass: addedShare < 0.05 },
      longTasksAdded: a.longTasks - b.longTasks,
    },
    contentMemory: {
      heapBytesWith: withExt.heapAt,
      heapBytesWithout: without.heapAt,
      extensionShareBytes: share,
      firstHalfGrowthBytes: firstHalfGrowth,
      lastHalfGrowthBytes: lastHalfGrowth,
      lastHalfBytesPerItem: round(lastHalfGrowth / (last - mid), 1),
      levelsOff: { target: `last-half growth < ${LEVEL_BYTES_PER_ITEM} B per item`, pass: lastHalfGrowth / (last - mid) < LEVEL_BYTES_PER_ITEM },
    },
  };
}
