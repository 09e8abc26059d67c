// Attributing a V8 CPU profile (CDP Profiler.stop) to time windows and to the code that ran: how much of each
// window the main thread was busy, how much of that was script, and how much was the extension's. Pure.
//
// A sample is the stack the sampler found; it stands for the time until the next sample (timeDeltas[i + 1]).
// It is the EXTENSION's when the innermost script frame of its stack is a chrome-extension:// script (the content
// script, the main-world capture script) — with whatever that frame calls: DOM methods, a style or layout they
// force. One exception: the capture script wraps the page's own fetch / XMLHttpRequest calls and passes them on,
// so those natives, called from it, stay the page's. It is SCRIPT when any frame is a script's. '(idle)' is not
// busy; '(program)' (the browser's own work: style, layout, paint, parsing) and '(garbage collector)' are busy
// but neither.

const EXTENSION_URL = /^chrome-extension:\/\//;
/** Natives the capture script's hooks call on the page's behalf (utils/capture/observer.ts). */
const PAGE_CALLS_THROUGH_HOOKS = new Set(['fetch', 'open', 'send']);

/** Per node id: { ext, script, idle } from the node and its ancestors. */
function classifyNodes(profile) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const memo = new Map();
  const classify = (id) => {
    if (memo.has(id)) return memo.get(id);
    const { callFrame } = byId.get(id);
    const up = parent.has(id) ? classify(parent.get(id)) : { ext: false, script: false, idle: false };
    const hasScript = callFrame.url !== '';
    const isNative = !hasScript && !callFrame.functionName.startsWith('(');
    let ext = hasScript ? EXTENSION_URL.test(callFrame.url) : up.ext;
    if (isNative && up.ext && PAGE_CALLS_THROUGH_HOOKS.has(callFrame.functionName)) ext = false;
    const c = { ext, script: up.script || hasScript, idle: callFrame.functionName === '(idle)' };
    memo.set(id, c);
    return c;
  };
  return (id) => classify(id);
}

/**
 * Sum sample time per window. `windows` are [startUs, endUs) on the profile's clock (CDP Performance.getMetrics
 * `Timestamp` × 1e6 is the same clock), sorted and not overlapping. Returns one { busyUs, scriptUs, extUs } per
 * window; samples outside every window are left out.
 */
export function attributeToWindows(profile, windows) {
  const kind = classifyNodes(profile);
  const out = windows.map(() => ({ busyUs: 0, scriptUs: 0, extUs: 0 }));
  let t = profile.startTime;
  let w = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const dt = profile.timeDeltas[i + 1] ?? 0;
    while (w < windows.length && t >= windows[w][1]) w++;
    if (w >= windows.length) break;
    if (t < windows[w][0]) continue;
    const k = kind(profile.samples[i]);
    if (k.idle) continue;
    out[w].busyUs += dt;
    if (k.script) out[w].scriptUs += dt;
    if (k.ext) out[w].extUs += dt;
  }
  return out;
}

/** Self time of the extension's frames (and the natives they call) by function, over the whole profile: a breakdown. */
export function extensionFunctions(profile, top = 15) {
  const kind = classifyNodes(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    if (!kind(id).ext) return;
    const { callFrame } = byId.get(id);
    const key = `${callFrame.functionName || '(anonymous)'} ${callFrame.url ? callFrame.url.replace(EXTENSION_URL, '').replace(/^[^/]*\//, '') + ':' + (callFrame.lineNumber + 1) : '(native)'}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([fn, us]) => ({ fn, share: total ? Math.round((us / total) * 1000) / 10 : 0 }));
}
