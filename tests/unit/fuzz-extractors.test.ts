/**
 * Property tests over EVERY registered platform's extractor (a platform added to the registry is fuzzed without
 * touching this file): real fixture responses with one value swapped for arbitrary junk, arbitrary JSON, `__proto__`
 * keys anywhere, deep nesting and enormous lists, at every one of the platform's item endpoints. The extractor and
 * the classifier must never throw, must only return well-formed items of their own platform, and must never
 * pollute a prototype. (Per-platform hand-picked cases live in <site>-hostile.test.ts.)
 */
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../../utils/classify';
import { platforms } from '../../utils/platforms/registry';
import type { Platform } from '../../utils/platforms/types';

type EndpointsModule = { ITEM_ENDPOINTS: ReadonlyArray<{ path: string }> };
const endpointModules = import.meta.glob<EndpointsModule>('../../utils/platforms/*/endpoints.ts', { eager: true });
const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');

const hostsOf = (p: Platform) => p.matches.map((m) => new URL(m.replace('*.', 'www.').replace(/\*$/, '')).origin);
function endpointUrls(p: Platform): string[] {
  const mod = endpointModules[`../../utils/platforms/${p.id}/endpoints.ts`];
  const paths = mod?.ITEM_ENDPOINTS.map((e) => e.path) ?? [];
  return hostsOf(p).flatMap((h) => paths.map((path) => `${h}${path}?count=10&cursor=0`)).filter((u) => p.isItemEndpoint(u));
}
/** The platform's saved responses: tests/fixtures/<platform id>/*.json. */
function fixturesOf(p: Platform): unknown[] {
  const dir = join(FIXTURES_DIR, p.id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

/** Every path to a value inside `json` (objects and arrays), so a mutation can land anywhere in a real response. */
function pathsIn(json: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = [], depth = 0): Array<Array<string | number>> {
  out.push(prefix);
  if (depth > 12 || !json || typeof json !== 'object') return out;
  for (const [k, v] of Object.entries(json as object)) pathsIn(v, [...prefix, Array.isArray(json) ? Number(k) : k], out, depth + 1);
  return out;
}
function replaceAt(json: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(json) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

/** The check every output must pass: items of this platform, string ids, arrays where arrays belong, no pollution. */
function extractChecked(p: Platform, url: string, json: unknown): void {
  const items = p.extractFromResponse(url, json);
  expect(Array.isArray(items)).toBe(true);
  for (const it of items) {
    expect(it.platform).toBe(p.id);
    expect(typeof it.id).toBe('string');
    expect(it.id.length).toBeGreaterThan(0);
    expect(Object.prototype.hasOwnProperty.call(it, '__proto__')).toBe(false);
    const c = classify(it);
    expect(Array.isArray(c.tags)).toBe(true);
    for (const t of c.tags) expect(t.confidence).toBeGreaterThanOrEqual(0);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((Object.prototype as Record<string, unknown>).is_ads).toBeUndefined();
}

/** Junk that includes `__proto__` / `constructor` keys the way JSON.parse makes them (own properties). */
const hostileJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(`{"__proto__": ${JSON.stringify(v ?? null)}, "constructor": {"prototype": {"polluted": 1}}}`)),
  fc.constantFrom(null, undefined, '', 0, -1, 1e308, NaN, [], {}, '7'.repeat(40), { length: 1e9 }),
);

describe.each(platforms.map((p) => [p.id, p] as const))('%s extractor under fuzzing', (_id, p) => {
  const urls = endpointUrls(p);
  const fixtures = fixturesOf(p);

  it('has item endpoints and fixtures to fuzz with', () => {
    expect(urls.length).toBeGreaterThan(0);
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it('a real response with any one value replaced by junk (property test)', () => {
    const cases = fixtures.map((f) => ({ json: f, paths: pathsIn(f) }));
    const arb = fc.record({
      c: fc.integer({ min: 0, max: cases.length - 1 }),
      at: fc.nat(),
      url: fc.constantFrom(...urls),
      junk: hostileJson,
    });
    fc.assert(fc.property(arb, ({ c, at, url, junk }) => {
      const { json, paths } = cases[c];
      extractChecked(p, url, replaceAt(json, paths[at % paths.length], junk));
    }), { numRuns: 400 });
  });

  it('any JSON at any endpoint, and any URL (property test)', () => {
    fc.assert(fc.property(fc.oneof(fc.constantFrom(...urls), fc.webUrl(), fc.string()), hostileJson, (url, json) => {
      extractChecked(p, url, json);
    }), { numRuns: 300 });
  });

  it('deep nesting and enormous lists neither throw nor overflow the stack', () => {
    let deep: unknown = fixtures[0];
    for (let i = 0; i < 20_000; i++) deep = i % 2 ? { data: [deep], itemList: [deep] } : [deep];
    for (const url of urls) extractChecked(p, url, deep);
    const wide = Object.fromEntries(Object.entries(fixtures[0] as object).map(([k, v]) => [k, Array.isArray(v) ? Array(5_000).fill(v[0]) : v]));
    extractChecked(p, urls[0], wide);
  });
});
