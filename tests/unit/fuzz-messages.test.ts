/**
 * Property tests over everything that crosses into the extension: the background's message validation
 * (utils/validate.ts), the sender check (router.senderAllowed) and the isolated script's gate for window messages
 * (PageMessageGate). Well-formed messages with one field swapped for junk, `__proto__` keys injected at any depth,
 * forged senders and replays: validation never throws, what it accepts is rebuilt as plain data (re-validating
 * it gives the same value, no forbidden key survives), and what must be refused is refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { senderAllowed } from '../../utils/background/router';
import { PageMessageGate } from '../../utils/content/page-messages';
import { PAGE_CHANNEL } from '../../utils/messages';
import { validateMessage } from '../../utils/validate';
import { item, T0, tp } from './background-fixtures';

const NOW = T0 + 60_000;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Plain data all the way down: only plain objects / arrays / primitives, and no forbidden own key. */
function assertPlain(v: unknown, path = 'value'): void {
  if (v === null || typeof v !== 'object') return expect(typeof v).not.toBe('function');
  const proto = Object.getPrototypeOf(v);
  expect(proto === Object.prototype || proto === Array.prototype || proto === null, `${path} prototype`).toBe(true);
  for (const k of Object.getOwnPropertyNames(v)) {
    expect(FORBIDDEN.has(k), `${path}.${k}`).toBe(false);
    assertPlain((v as Record<string, unknown>)[k], `${path}.${k}`);
  }
}

const junk = fc.oneof(fc.anything({ maxDepth: 2 }), fc.constantFrom(NaN, Infinity, -0, '', 'x'.repeat(5000), [], {}, null, undefined));
const messages = fc.constantFrom(
  () => ({ type: 'cs-bg/touchpoints', touchpoints: [tp({ tags: ['shop'] }), tp({ type: 'product-click', productId: 'p1' })] }),
  () => ({ type: 'cs-bg/items', items: [item()] }),
  () => ({ type: 'cs-bg/response', platform: 'douyin', url: 'https://www.douyin.com/aweme/v1/web/tab/feed/', body: '{"aweme_list":[]}' }),
  () => ({ type: 'cs-bg/diagnostic', diagnostic: { at: T0, kind: 'bad-json', platform: 'douyin', detail: 'x' } }),
  () => ({ type: 'ui-bg/update-settings', patch: { overlayEnabled: false } }),
  () => ({ type: 'ui-bg/stats', tabId: 3 }),
);

/** Every object path inside a message, so a mutation can land at any depth. */
function objectPaths(v: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
  if (!v || typeof v !== 'object') return out;
  out.push(prefix);
  for (const [k, c] of Object.entries(v)) objectPaths(c, [...prefix, k], out);
  return out;
}
const at = (root: unknown, path: string[]) => path.reduce((n, k) => (n as Record<string, unknown>)[k], root) as Record<string, unknown>;

describe('message validation under fuzzing', () => {
  it('one field anywhere replaced by junk: never throws; anything accepted is plain and re-validates to itself', () => {
    fc.assert(fc.property(messages, fc.nat(), fc.nat(), junk, (make, p, k, value) => {
      const msg = make();
      const paths = objectPaths(msg);
      const target = at(msg, paths[p % paths.length]);
      const keys = Object.keys(target);
      if (keys.length) target[keys[k % keys.length]] = value;
      const r = validateMessage(msg, NOW);
      if (!r.ok) {
        expect(typeof r.reason).toBe('string');
      } else {
        assertPlain(r.value.message);
        const again = validateMessage(JSON.parse(JSON.stringify(r.value.message)), NOW);
        // Compared as JSON: that is how it crosses the message channel (and -0 becomes 0).
        expect(JSON.stringify(again.ok && again.value.message)).toBe(JSON.stringify(r.value.message));
      }
    }), { numRuns: 1000 });
  });

  it('a __proto__ / constructor key made by JSON.parse at any depth is refused there, and pollutes nothing', () => {
    fc.assert(fc.property(messages, fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype'), (make, p, key) => {
      const msg = make();
      // JSON.parse makes such keys on objects only (an array's own extra keys are never read).
      const paths = objectPaths(msg).filter((q) => !Array.isArray(at(msg, q)));
      const path = paths[p % paths.length];
      const text = JSON.stringify(msg);
      // Re-parse with the hostile key inserted in the chosen object, as a page's JSON would arrive.
      const parsed = JSON.parse(text);
      const host = at(parsed, path);
      const injected = JSON.parse(`{"${key}": {"polluted": true, "type": "ui-bg/delete-all"}}`);
      Object.defineProperty(host, key, { value: injected[key], enumerable: true, configurable: true, writable: true });
      const r = validateMessage(parsed, NOW);
      if (r.ok) {
        // Only a batch entry may hold it, and then that entry is rejected, never stored.
        expect(r.value.rejected.length).toBeGreaterThan(0);
        assertPlain(r.value.message);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }), { numRuns: 500 });
  });

  it('deep nesting and enormous batches are refused without a stack overflow', () => {
    let deep: unknown = { type: 'ui-bg/stats' };
    for (let i = 0; i < 100_000; i++) deep = { type: 'cs-bg/touchpoints', touchpoints: [deep] };
    const r = validateMessage(deep, NOW);
    // The outer batch is well-formed; its one entry is not a touchpoint, so nothing in it is accepted.
    expect(r.ok && r.value.message.type === 'cs-bg/touchpoints' && r.value.message.touchpoints.length).toBe(0);
    const huge = { type: 'cs-bg/touchpoints', touchpoints: Array.from({ length: 100_000 }, () => tp()) };
    expect(validateMessage(huge, NOW).ok).toBe(false);
  });
});

describe('sender check under fuzzing (forged senders)', () => {
  const deps = { extensionId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };
  const sender = fc.record({
    id: fc.option(fc.constantFrom('ext-id', 'other-ext', ''), { nil: undefined }),
    url: fc.option(fc.oneof(fc.webUrl(), fc.constantFrom('chrome-extension://ext-id/popup.html', 'chrome-extension://ext-id.evil.com/', 'https://www.douyin.com/')), { nil: undefined }),
    tab: fc.option(fc.record({ id: fc.option(fc.oneof(fc.nat(), fc.string()), { nil: undefined }) }), { nil: undefined }),
  }, { requiredKeys: [] });
  it('cs-bg only from a tab of this extension; ui-bg only from this extension\'s own pages', () => {
    fc.assert(fc.property(sender, fc.constantFrom('cs-bg/touchpoints', 'ui-bg/delete-all', 'ui-bg/update-settings') as fc.Arbitrary<'cs-bg/touchpoints'>, (s, type) => {
      const ok = senderAllowed(type, s as Parameters<typeof senderAllowed>[1], deps);
      const ownExtension = s.id === undefined || s.id === 'ext-id';
      if (type.startsWith('cs-bg/')) expect(ok).toBe(ownExtension && typeof s.tab?.id === 'number');
      else expect(ok).toBe(ownExtension && typeof s.url === 'string' && s.url.startsWith(deps.extensionOrigin));
    }), { numRuns: 500 });
  });
});

describe('page message gate under fuzzing (forged and replayed window messages)', () => {
  const win = { location: { origin: 'https://www.douyin.com' } } as unknown as Window;
  const event = (data: unknown, source: unknown = win, origin = 'https://www.douyin.com') => ({ data, source, origin }) as MessageEvent;
  const forged = fc.record({
    channel: fc.constantFrom(PAGE_CHANNEL, 'other', undefined),
    type: fc.oneof(fc.constantFrom('page-cs/response', 'page-cs/replay-request', 'cs-bg/touchpoints'), fc.string()),
    seq: fc.oneof(fc.integer({ min: -5, max: 1e6 }), fc.double(), fc.string(), fc.constant(undefined)),
    url: fc.oneof(fc.webUrl(), fc.string(), fc.constant(5)),
    body: fc.oneof(fc.string(), fc.jsonValue().map((j) => JSON.stringify(j)), fc.constant(null), fc.constant({ toString: () => 'x' })),
  }, { requiredKeys: [] });

  it('never throws; accepts only our channel, our type, a fresh positive seq, an https URL and a string body under the cap', () => {
    fc.assert(fc.property(fc.array(fc.tuple(forged, fc.boolean())), (msgs) => {
      const gate = new PageMessageGate(win, 1000);
      const accepted = new Set<number>();
      for (const [m, fromFrame] of msgs) {
        const r = gate.check(event(m, fromFrame ? {} : win));
        if (!r.ok) continue;
        expect(fromFrame).toBe(false);
        expect(m.channel).toBe(PAGE_CHANNEL);
        expect(m.type).toBe('page-cs/response');
        expect(Number.isSafeInteger(m.seq) && (m.seq as number) >= 1).toBe(true);
        expect(String(m.url)).toMatch(/^https:\/\//);
        expect(typeof m.body === 'string' && m.body.length <= 1000).toBe(true);
        expect(accepted.has(r.response.seq), 'a replayed seq is never accepted twice').toBe(false);
        accepted.add(r.response.seq);
      }
    }), { numRuns: 500 });
  });
});
