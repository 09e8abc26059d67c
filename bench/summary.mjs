// The benchmark results as one Markdown table: metric, measured value, target, met or not.

const mark = (pass) => (pass === true ? 'yes' : pass === false ? '**no**' : '–');
const val = (v, unit = '') => (v === null || v === undefined ? 'n/a' : typeof v === 'object' && 'error' in v ? `error: ${v.error}` : `${v}${unit}`);

export function summaryTable({ date, quick, sizes, machine, build, results }) {
  const rows = [];
  const add = (metric, value, target = '', pass) => rows.push(`| ${metric} | ${value} | ${target} | ${mark(pass)} |`);
  const o = results.overlay?.overlay;
  if (o) {
    const cpu = o.measure?.includes('ThreadTime') ? 'main-thread CPU' : 'main-thread';
    add(`Overlay: ${cpu} ms per item, with (median / p95)${o.rounds ? `, ${o.items} items × ${o.rounds} rounds` : ''}`, `${o.with.medianMs} / ${o.with.p95Ms}`);
    add(`Overlay: ${cpu} ms per item, without (median / p95)`, `${o.without.medianMs} / ${o.without.p95Ms}`);
    add('Overlay: added main-thread ms per item', val(o.addedPerItemMs.value), o.addedPerItemMs.target, o.addedPerItemMs.pass);
    add('Overlay: added main-thread time (with / without − 1)', val(o.addedMainThread.value, ' %'), o.addedMainThread.target, o.addedMainThread.pass);
    add('Overlay: script (JS) ms per item, with / without', `${o.with.scriptMsPerItem} / ${o.without.scriptMsPerItem}`);
    add('Overlay: long tasks with / without', `${o.with.longTasks} / ${o.without.longTasks}`);
    if (o.extensionScriptCpuMsPerItem) add("Overlay: the extension's own script CPU ms per item (median / p95 / mean, from profile samples)", `${o.extensionScriptCpuMsPerItem.median} / ${o.extensionScriptCpuMsPerItem.p95} / ${o.extensionScriptCpuMsPerItem.mean}`);
    if (o.addedStyleRecalcsPerItem !== undefined) add('Overlay: style recalcs / layouts added per item', `${o.addedStyleRecalcsPerItem} / ${o.addedLayoutsPerItem}`);
    if (o.perRound) add('Overlay: added ms per item and share, per round', o.perRound.map((r) => `${r.addedCpuMsPerItem} ms, ${r.addedShare} %`).join('; '));
  }
  const m = results.overlay?.contentMemory;
  if (m) {
    const share = Object.entries(m.extensionShareBytes).map(([k, v]) => `${k}: ${(v / 2 ** 20).toFixed(2)}`).join(', ');
    add('Content script heap share, MB at item n', share);
    add('Content script heap growth, last half, bytes per item', val(m.lastHalfBytesPerItem), m.levelsOff.target, m.levelsOff.pass);
  }
  const i = results.ingest;
  if (i && !i.error) {
    add('Ingest: pipeline touchpoints / s (click → IndexedDB; one anchor)', val(i.pipelinePerSecond.value), i.pipelinePerSecond.target, i.pipelinePerSecond.pass);
    add("Ingest: bare IndexedDB puts / s, a record per touchpoint (same rows, version 3's store shape, the writer's transactions)", val(i.barePerSecond));
    add('Ingest: pipeline share of bare per-record puts', val(i.shareOfBare.value, ' %'), i.shareOfBare.target, i.shareOfBare.pass);
    // Results from before schema version 4 have no chunk baseline.
    if (i.bareChunkPerSecond !== undefined) {
      add("Ingest: bare IndexedDB chunk puts, touchpoints / s (the chunks stored, the live store's shape, a chunk per transaction)", val(i.bareChunkPerSecond));
      add('Ingest: pipeline share of bare chunk puts', val(i.shareOfChunkBare.value, ' %'));
    }
    const many = i['many-anchors'];
    if (many?.pipelinePerSecond) {
      add(`Ingest, clicks over ${many.anchors} anchors: pipeline / bare per-record / share`, `${many.pipelinePerSecond} / ${many.barePerSecond} / ${many.shareOfBare} %`);
      if (many.bareChunkPerSecond !== undefined) add(`Ingest, clicks over ${many.anchors} anchors: bare chunk puts / share`, `${many.bareChunkPerSecond} / ${many.shareOfChunkBare} %`);
    }
  }
  const s = results.store;
  if (s && !s.error) {
    add(`Store: ${s.touchpoints} touchpoints seeded (${s.seeded.chunks !== undefined ? 'chunk puts, touchpoints' : 'bare puts'} / s; aggregate rebuild ms)`, `${s.seeded.barePutsPerSecond}; ${s.seeded.aggregateRebuildMs}`);
    if (s.seeded.journeyCountMs != null) add('Store: journey count behind the popup, ms (once after seeding)', s.seeded.journeyCountMs);
    add(`Popup: ms to first numbers (median of 3 opens${s.popupOpensMs ? `: ${s.popupOpensMs.join(', ')}` : ''})`, val(s.popupFirstNumbersMs.value), s.popupFirstNumbersMs.target, s.popupFirstNumbersMs.pass);
    add('Dashboard: ms to first numbers', val(s.dashboardFirstNumbersMs));
    if (s.dashboardCompleteMs !== undefined) add('Dashboard: ms to complete (journeys and credit built)', val(s.dashboardCompleteMs));
    for (const [f, e] of Object.entries(s.exports)) {
      if (e.error) { add(`Export ${f}`, `error: ${e.error}`); continue; }
      add(`Export ${f}: seconds (${e.megabytes} MB in ${e.files} files)`, val(e.seconds.value), e.seconds.target, e.seconds.pass);
      add(`Export ${f}: peak JS heap MB, page + export worker (page / worker alone; browser RSS added MB)`, `${e.peakHeapMB.value} (${e.peakPageHeapMB} / ${e.peakWorkerHeapMB}; ${e.peakBrowserRssAddedMB})`, e.peakHeapMB.target, e.peakHeapMB.pass);
    }
  }
  for (const [name, r] of Object.entries(results)) if (r?.error) add(`${name}`, `failed: ${r.error.split('\n')[0]}`);
  const head = [
    `Run ${date}${quick ? ' (--quick sizes)' : ''}: ${sizes.items} feed items, ${sizes.ingest} ingested, ${sizes.store} stored. ` +
      `Machine: ${machine.cpus} × ${machine.model}, ${machine.memGB} GB, ${machine.os}, Node ${machine.node}, ${machine.chromium}. ` +
      `Build: ${build.commit}${build.dirtyTree ? ' + uncommitted changes' : ''} (${build.extensionDir}).`,
    ...Object.entries(results).filter(([, r]) => r?.ranAt).map(([name, r]) =>
      `- ${name}: ran ${r.ranAt} on build ${r.build?.commit ?? '?'}${r.build?.dirtyTree ? ' + uncommitted changes' : ''}${r.note ? ` (${r.note})` : ''}.`),
    '',
    '| metric | measured | target | met |',
    '|---|---|---|---|',
  ];
  return [...head, ...rows].join('\n');
}
