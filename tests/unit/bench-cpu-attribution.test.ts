import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module of the benchmarks, no types
import { attributeToWindows, extensionFunctions } from '../../bench/cpu-attribution.mjs';

const frame = (functionName: string, url = '', scriptId = url ? '5' : '0') => ({ functionName, url, scriptId, lineNumber: 0, columnNumber: 0 });
const EXT = 'chrome-extension://abc/content-scripts/feed.js';
const CAPTURE = 'chrome-extension://abc/content-scripts/capture.js';
const PAGE = 'https://www.douyin.com/__replica/douyin/feed.js';

/** A profile whose samples each last 1,000 µs: root → idle | program | page → qSA | ext → remove | capture → fetch, clone | ext → page callback. */
const profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 3, 4, 6, 8, 11] },
    { id: 2, callFrame: frame('(idle)') },
    { id: 3, callFrame: frame('(program)') },
    { id: 4, callFrame: frame('syncWindow', PAGE), children: [5] },
    { id: 5, callFrame: frame('querySelectorAll') },
    { id: 6, callFrame: frame('rescan', EXT), children: [7] },
    { id: 7, callFrame: frame('remove') },
    { id: 8, callFrame: frame('hookedFetch', CAPTURE), children: [9, 10] },
    { id: 9, callFrame: frame('fetch') },
    { id: 10, callFrame: frame('clone') },
    { id: 11, callFrame: frame('show', EXT), children: [12] },
    { id: 12, callFrame: frame('pageCallback', PAGE) },
  ],
  startTime: 0,
  // sample i at t = 1000 * (i + 1), lasting 1000 µs
  samples: [2, 3, 5, 7, 9, 10, 12, 6, 2, 5],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe('attributing CPU profile samples (bench/cpu-attribution.mjs)', () => {
  it('splits busy time into script and extension per window; hooked page calls stay the page’s', () => {
    const [first, second] = attributeToWindows(profile, [[0, 8_500], [8_500, 20_000]]);
    // t=1000 idle, 2000 program, 3000 page qSA, 4000 ext remove, 5000 fetch via hook, 6000 clone by capture,
    // 7000 page callback called by ext, 8000 ext rescan
    expect(first).toEqual({ busyUs: 7_000, scriptUs: 6_000, extUs: 3_000 });
    // t=9000 idle, 10000 page qSA
    expect(second).toEqual({ busyUs: 1_000, scriptUs: 1_000, extUs: 0 });
  });

  it('leaves out samples outside every window', () => {
    const [only] = attributeToWindows(profile, [[3_500, 4_500]]);
    expect(only).toEqual({ busyUs: 1_000, scriptUs: 1_000, extUs: 1_000 });
  });

  it('names the extension functions by their share of its time', () => {
    const fns = extensionFunctions(profile);
    expect(fns.map((f: { fn: string }) => f.fn)).toEqual(['remove (native)', 'clone (native)', 'rescan content-scripts/feed.js:1']);
    expect(fns[0].share).toBeCloseTo(33.3, 1);
  });
});
