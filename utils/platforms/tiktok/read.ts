/**
 * Safe readers over untrusted TikTok JSON. TikTok's web API is camelCase already, so unlike Douyin's readers there
 * is no snake/camel twin lookup. Every reader reads *own* properties only, skips prototype keys, and returns
 * `undefined` for what it cannot read instead of throwing. (A copy of the idea in douyin/read.ts, not an import:
 * one platform never imports another's folder.)
 */

export type Obj = Record<string, unknown>;

/** Deepest nesting a page-data walk descends (real page states stay under 30). */
export const MAX_WALK_DEPTH = 40;
/** Longest JSON string parsed inside a response or a page script, in characters. */
export const MAX_EMBEDDED_JSON_CHARS = 20_000_000;

/** Keys never read from untrusted JSON, even as own properties. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An own field; null counts as absent. */
export function val(o: unknown, key: string): unknown {
  if (!isObj(o) || UNSAFE_KEYS.has(key) || !Object.prototype.hasOwnProperty.call(o, key)) return undefined;
  const v = o[key];
  return v === null ? undefined : v;
}

/** The first of several spellings that is present (`roomID` in live detail, `roomId` on authors). */
export function first(o: unknown, keys: readonly string[]): { key: string; value: unknown } | undefined {
  for (const key of keys) {
    const value = val(o, key);
    if (value !== undefined) return { key, value };
  }
  return undefined;
}

export const obj = (o: unknown, key: string): Obj | undefined => {
  const v = val(o, key);
  return isObj(v) ? v : undefined;
};

export function str(o: unknown, key: string): string | undefined {
  const v = val(o, key);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A number, or a numeric string (2026 pages send `createTime` and `statsV2` counts as strings). */
export function num(o: unknown, key: string): number | undefined {
  const v = val(o, key);
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d{1,20}(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** Strictly true (`true`, 1, "1", "true"); anything else is false. */
export function isTrue(o: unknown, key: string): boolean {
  const v = val(o, key);
  return v === true || v === 1 || v === '1' || v === 'true';
}

export const arr = (o: unknown, key: string): unknown[] => {
  const v = val(o, key);
  return Array.isArray(v) ? v : [];
};

/** An id as a string: TikTok sends ids as strings; a bare number counts only while it is still exact. */
export function idOf(o: unknown, key: string): string | undefined {
  const v = val(o, key);
  if (typeof v === 'string' && /^\d{1,25}$/.test(v) && !/^0+$/.test(v)) return v;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return String(v);
  return undefined;
}

/** JSON text parsed, or undefined (too long, not an object or array, malformed). */
export function parseJson(text: string): unknown {
  const s = text.trim();
  if (!s || s.length > MAX_EMBEDDED_JSON_CHARS || (s[0] !== '{' && s[0] !== '[')) return undefined;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

export const short = (s: string | undefined, max = 120): string | undefined =>
  s === undefined ? undefined : s.length > max ? `${s.slice(0, max - 1)}…` : s;
