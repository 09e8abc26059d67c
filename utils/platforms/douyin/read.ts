/**
 * Safe readers over untrusted JSON. The site's responses (and anything a page can postMessage us) may hold wrong
 * types, nulls, huge nesting or keys such as `__proto__`: every reader here only reads *own* properties, never
 * assigns from untrusted keys, and returns `undefined` for what it cannot read instead of throwing.
 */

export type Obj = Record<string, unknown>;

/** Deepest nesting any walk descends (real responses stay under 30). */
export const MAX_WALK_DEPTH = 40;
/** Longest JSON string we parse inside a response (`rawdata`, `raw_ad_data`), in characters. */
export const MAX_EMBEDDED_JSON_CHARS = 2_000_000;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const hasOwn = (o: Obj, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** `raw_ad_data` → `rawAdData`: the page's React state keeps camelCase copies of the API fields. */
export const camel = (snake: string): string => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The keys to try for a field name, memoised: field names are a small fixed set, reads are many (hot path). */
const keyCache = new Map<string, readonly string[]>();
function keysFor(snake: string): readonly string[] {
  let keys = keyCache.get(snake);
  if (!keys) {
    const c = camel(snake);
    keys = snake === c ? [snake] : [snake, c];
    if (keyCache.size < 4096) keyCache.set(snake, keys);
  }
  return keys;
}

/** An own field by its snake_case name or its camelCase twin; null counts as absent. Returns the key actually read. */
export function read(o: unknown, snake: string): { key: string; value: unknown } | undefined {
  if (!isObj(o) || UNSAFE_KEYS.has(snake)) return undefined;
  for (const key of keysFor(snake)) {
    if (hasOwn(o, key) && o[key] !== null && o[key] !== undefined) return { key, value: o[key] };
  }
  return undefined;
}

export const val = (o: unknown, snake: string): unknown => read(o, snake)?.value;

/** A field that may be an object or a JSON string holding one (`raw_ad_data`, `rawdata`, `anchor_info.extra`). */
export function objField(o: unknown, snake: string): { key: string; value: Obj } | undefined {
  const r = read(o, snake);
  if (!r) return undefined;
  const parsed = parseMaybe(r.value);
  return isObj(parsed) ? { key: r.key, value: parsed } : undefined;
}

export function parseMaybe(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  if (!s || s.length > MAX_EMBEDDED_JSON_CHARS || (s[0] !== '{' && s[0] !== '[')) return undefined;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

export function str(o: unknown, snake: string): string | undefined {
  const v = val(o, snake);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

export function num(o: unknown, snake: string): number | undefined {
  const v = val(o, snake);
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** true / 1 / "1" / "true" count as true; anything else as false or absent. */
export function flag(o: unknown, snake: string): boolean | undefined {
  const v = val(o, snake);
  if (v === undefined) return undefined;
  return v === true || v === 1 || v === '1' || v === 'true';
}

export const arr = (o: unknown, snake: string): unknown[] => {
  const v = parseMaybe(val(o, snake));
  return Array.isArray(v) ? v : [];
};

/**
 * An id as a string. Ids above 2^53 arrive as bare JSON numbers in some fields and were already rounded by
 * `JSON.parse`, so the `*_str` copy wins; a bare number is used only when it is still exact.
 */
export function idOf(o: unknown, snake: string): string | undefined {
  for (const name of [`${snake}_str`, snake]) {
    const v = val(o, name);
    if (typeof v === 'string' && /^[\w.-]{1,64}$/.test(v) && v !== '0') return v;
    if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return String(v);
  }
  return undefined;
}

/** Keys never read from untrusted JSON, even as own properties. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a value carries anything: a non-empty string, a non-zero number, true, or a container holding one. */
export function meaningful(v: unknown, depth = 0): boolean {
  if (depth > 8 || v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.some((x) => meaningful(x, depth + 1));
  if (isObj(v)) return Object.keys(v).some((k) => !UNSAFE_KEYS.has(k) && meaningful(v[k], depth + 1));
  if (typeof v === 'string') return v !== '{}' && v !== '[]' && v !== 'null';
  return true;
}

export const short = (s: string | undefined, max = 120): string | undefined =>
  s === undefined ? undefined : s.length > max ? `${s.slice(0, max - 1)}…` : s;
