// Overlay cost and content-script memory: what is measured, and how.
//
// Two headless Chromium profiles, one without and one with the built extension (consent given, so it records),
// each open the replica feed `?items=N` (a virtualised feed: ~10 slides in the DOM at any time, like Douyin's).
// Both tabs are stepped TOGETHER, item by item (`__replica.next()` in both, then STEP_MS of wall time), so load from
// other work on the machine falls on both alike (never one whole run after the other); this is repeated in
// `rounds` pairs of fresh browsers.
//
// Per item and tab, from CDP `Performance.getMetrics` read before and after each step:
//  - main-thread CPU ms: `ThreadTime`, the renderer main thread's CPU time: every task of the tab (page scripts,
//    the content script's isolated world, the main-world capture script, style, layout, paint, GC). Not
//    `TaskDuration`: that is wall time, and on a shared 2-core machine most of a task's wall time is waiting for a
//    core (both are reported; the wall-time difference came out negative in earlier runs);
//  - style recalculations and layouts per item (`RecalcStyleCount`, `LayoutCount`): counts, free of timing noise.
// Added per item = mean(with) − mean(without); added share = sum(with) / sum(without) − 1; medians and p95 of the
// per-item values are given for each tab, and the added figures per round, to show the spread.
//
// The extension's own time, attributed directly: both tabs run the V8 sampling profiler (SAMPLE_US); samples are
// assigned to steps by timestamp (the profile and `Timestamp` share a clock). A sample is the extension's when the
// innermost script on its stack is a chrome-extension:// one (content script, capture script), with the DOM calls
// and any style or layout they force; the page's own fetch / XHR calls that pass through the capture script's hooks
// stay the page's. The profiler samples wall time, so the extension's CPU per item = its share of the step's
// busy samples × the step's `ThreadTime`. Style, layout and paint of the overlay that the browser does later in
// the frame are on no script's stack: they show only in the with − without difference. See cpu-attribution.mjs.
//
// Long tasks: a PerformanceObserver('longtask') registered before the page's scripts, in both tabs.
// Memory: at 0, 10, …, 100 % of the scroll, after a forced GC in both tabs: V8 heap of the tab's isolate
// (`Runtime.getHeapUsage`: page + the content script's isolated world + the capture script), DOM nodes and JS event
// listeners. The extension's share = with − without; "levels off" = the second half of the scroll adds < 1 KB per
// item to it. What the content script keeps per item is bounded by count (item store: ITEM_STORE_MAX = 1,000;
// live-room maps 500 and 1,000; the capture script's replay buffer 30 responses), so the share grows until those
// fill and is flat after: a scroll shorter than ~1,000 items cannot show the level.
import { launch, giveConsent, quantile, round } from './browser.mjs';
import { attributeToWindows, extensionFunctions } from './cpu-attribution.mjs';

/** Wall time given to each item. Milliseconds. The feed watcher checks right after the page's change and settles
 * 120 ms later (FEED_SETTLE_MS), so each item gets both its checks within about one step. */
const STEP_MS = 125;
/** The CPU profiler's sampling interval. Microseconds. */
const SAMPLE_US = 250;
/** Heap, node and listener counts are read at these fractions of the scroll. */
const MARKS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
/** Levelled off: the second half of the scroll adds under this many bytes per item to the extension's heap share. */
const LEVEL_BYTES_PER_ITEM = 1024;

async function openTab(withExtension, items) {
  const b = await launch({ withExtension, items });
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
  return { b, page, cdp, steps: [], windows: [], memory: {} };
}

const metrics = async (tab) => Object.fromEntries((await tab.cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));

async function memory(tab) {
  await tab.cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await tab.cdp.send('Runtime.getHeapUsage');
  const m = await metrics(tab);
  return { heapBytes: usedSize, nodes: m.Nodes, listeners: m.JSEventListeners };
}

/** One round: both tabs stepped together through `items` items. */
async function round_(items) {
  const tabs = [await openTab(false, items), await openTab(true, items)];
  try {
    await new Promise((r) => setTimeout(r, 1_000));
    for (const t of tabs) {
      await t.page.evaluate(() => (window.__longTasks.length = 0));
      await t.cdp.send('Profiler.enable');
      await t.cdp.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
      await t.cdp.send('Profiler.start');
    }
    const marks = new Set(MARKS.map((f) => Math.round(f * (items - 1))));
    let before = await Promise.all(tabs.map(metrics));
    for (let i = 0; i < items; i++) {
      if (marks.has(i)) {
        const mem = await Promise.all(tabs.map(memory));
        tabs.forEach((t, k) => (t.memory[i + 1] = mem[k]));
        before = await Promise.all(tabs.map(metrics)); // the forced GC is ours, not the page's
      }
      if (i > 0) await Promise.all(tabs.map((t) => t.page.evaluate(() => window.__replica.next())));
      await new Promise((r) => setTimeout(r, STEP_MS));
      const after = await Promise.all(tabs.map(metrics));
      tabs.forEach((t, k) => {
        const d = (name) => after[k][name] - before[k][name];
        t.steps.push({ cpuMs: d('ThreadTime') * 1e3, taskMs: d('TaskDuration') * 1e3, styles: d('RecalcStyleCount'), layouts: d('LayoutCount') });
        t.windows.push([before[k].Timestamp * 1e6, after[k].Timestamp * 1e6]);
      });
      before = after;
    }
    for (const t of tabs) {
      const { profile } = await t.cdp.send('Profiler.stop');
      attributeToWindows(profile, t.windows).forEach((a, i) => {
        const step = t.steps[i];
        const toCpu = a.busyUs ? step.cpuMs / a.busyUs : 0; // wall-clock samples → this step's CPU time
        step.scriptMs = a.scriptUs * toCpu;
        step.extMs = a.extUs * toCpu;
      });
      t.functions = extensionFunctions(profile);
      t.reached = (await t.page.evaluate(() => window.__replica.active())) + 1;
      t.longTasks = await t.page.evaluate(() => window.__longTasks);
    }
    return { without: tabs[0], with: tabs[1] };
  } finally {
    for (const t of tabs) await t.b.close();
  }
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const mean = (xs) => (xs.length ? sum(xs) / xs.length : NaN);
const dist = (xs, digits = 3) => ({ median: round(quantile(xs, 0.5), digits), p95: round(quantile(xs, 0.95), digits), mean: round(mean(xs), digits) });
const field = (tabs, key) => tabs.flatMap((t) => t.steps.map((s) => s[key]));

export async function runOverlay({ items, rounds = items > 500 ? 2 : 3 }) {
  const runs = [];
  for (let r = 0; r < rounds; r++) runs.push(await round_(items));
  const W = runs.map((r) => r.with);
  const O = runs.map((r) => r.without);
  const added = (key) => mean(field(W, key)) - mean(field(O, key));
  const addedShare = sum(field(W, 'cpuMs')) / sum(field(O, 'cpuMs')) - 1;
  const perRound = runs.map((r) => ({
    addedCpuMsPerItem: round(mean(field([r.with], 'cpuMs')) - mean(field([r.without], 'cpuMs')), 3),
    addedShare: round((sum(field([r.with], 'cpuMs')) / sum(field([r.without], 'cpuMs')) - 1) * 100, 1),
    extensionScriptCpuMsPerItem: round(mean(field([r.with], 'extMs')), 3),
  }));
  const tabStats = (T) => ({
    cpuMsPerItem: dist(field(T, 'cpuMs')),
    taskWallMsPerItem: dist(field(T, 'taskMs')),
    scriptCpuMsPerItem: dist(field(T, 'scriptMs')),
    styleRecalcsPerItem: round(mean(field(T, 'styles')), 2),
    layoutsPerItem: round(mean(field(T, 'layouts')), 2),
    longTasks: sum(T.map((t) => t.longTasks.length)) / T.length,
    itemsReached: Math.min(...T.map((t) => t.reached)),
  });
  const a = tabStats(W);
  const b = tabStats(O);
  const addedPerItemMs = added('cpuMs');

  // Memory: the extension's share at each mark (median over rounds), and its growth over the last half.
  const marks = Object.keys(W[0].memory).map(Number).sort((x, y) => x - y);
  const median = (xs) => quantile(xs, 0.5);
  const shareOf = (key) => Object.fromEntries(marks.map((m) => [m, median(runs.map((r) => r.with.memory[m][key] - r.without.memory[m][key]))]));
  const share = shareOf('heapBytes');
  const mid = marks[Math.floor(marks.length / 2)];
  const first = marks[0];
  const last = marks[marks.length - 1];
  const lastHalfBytesPerItem = (share[last] - share[mid]) / (last - mid);
  return {
    overlay: {
      items,
      rounds,
      stepMs: STEP_MS,
      measure: 'main-thread CPU ms per item (CDP ThreadTime); both tabs stepped together',
      // summary.mjs reads medianMs / p95Ms / scriptMsPerItem / longTasks of each side.
      with: { medianMs: a.cpuMsPerItem.median, p95Ms: a.cpuMsPerItem.p95, scriptMsPerItem: a.scriptCpuMsPerItem.mean, ...a },
      without: { medianMs: b.cpuMsPerItem.median, p95Ms: b.cpuMsPerItem.p95, scriptMsPerItem: b.scriptCpuMsPerItem.mean, ...b },
      addedPerItemMs: { value: round(addedPerItemMs, 3), target: '< 1 ms', pass: addedPerItemMs < 1 },
      addedMainThread: { value: round(addedShare * 100, 1), unit: '%', target: '< 5 %', pass: addedShare < 0.05 },
      addedTaskWallMsPerItem: round(added('taskMs'), 3),
      extensionScriptCpuMsPerItem: dist(field(W, 'extMs')),
      addedStyleRecalcsPerItem: round(added('styles'), 2),
      addedLayoutsPerItem: round(added('layouts'), 2),
      longTasksAdded: a.longTasks - b.longTasks,
      perRound,
      extensionFunctions: W[0].functions,
    },
    contentMemory: {
      heapBytesWith: Object.fromEntries(marks.map((m) => [m, median(W.map((t) => t.memory[m].heapBytes))])),
      heapBytesWithout: Object.fromEntries(marks.map((m) => [m, median(O.map((t) => t.memory[m].heapBytes))])),
      extensionShareBytes: share,
      extensionShareNodes: shareOf('nodes'),
      extensionShareListeners: shareOf('listeners'),
      firstHalfGrowthBytes: share[mid] - share[first],
      lastHalfGrowthBytes: share[last] - share[mid],
      lastHalfBytesPerItem: round(lastHalfBytesPerItem, 1),
      levelsOff: { target: `last-half growth < ${LEVEL_BYTES_PER_ITEM} B per item`, pass: lastHalfBytesPerItem < LEVEL_BYTES_PER_ITEM },
    },
  };
}
