/**
 * JSON.parse with an error a person can act on: `not JSON (unexpected end at byte 1234)` for a truncated capture,
 * `not JSON (unexpected character "<" at byte 0)` for something else. V8 names a position for some errors and not
 * for others ("Unexpected token 'x', ... is not valid JSON"), so on failure we find the place ourselves with a
 * small grammar scan; it runs only after JSON.parse has failed, so valid input pays nothing.
 */

export type JsonResult = { ok: true; value: unknown } | { ok: false; problem: string };

const BOM = '\uFEFF';

export function parseJsonText(text: string): JsonResult {
  // Windows tools save JSON with a byte-order mark, which JSON.parse rejects; it is not part of the data.
  const bomBytes = text.startsWith(BOM) ? 3 : 0;
  const body = bomBytes ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const at = jsonErrorOffset(body);
    const byte = bomBytes + Buffer.byteLength(body.slice(0, at), 'utf8');
    if (at >= body.length) return { ok: false, problem: `not JSON (unexpected end at byte ${byte})` };
    return { ok: false, problem: `not JSON (unexpected character ${JSON.stringify(body[at])} at byte ${byte})` };
  }
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * Index of the first character that breaks the JSON grammar; `s.length` when the text ends too early.
 * Iterative (an explicit stack of closers), so deeply nested input cannot overflow the call stack.
 */
export function jsonErrorOffset(s: string): number {
  const n = s.length;
  const closers: string[] = [];
  let i = 0;
  let expectValue = true;
  const skipWs = (): void => {
    while (i < n && WS.has(s[i])) i++;
  };
  /** Scans `"key" :` from i; returns an error offset, or -1 when fine. */
  const key = (): number => {
    skipWs();
    if (i >= n) return n;
    if (s[i] !== '"') return i;
    const end = stringEnd(s, i);
    if (end < 0) return -end - 1;
    i = end;
    skipWs();
    if (i >= n) return n;
    if (s[i] !== ':') return i;
    i++;
    return -1;
  };
  for (;;) {
    skipWs();
    if (i >= n) return n;
    const c = s[i];
    if (expectValue) {
      if (c === '{' || c === '[') {
        i++;
        skipWs();
        if (s[i] === (c === '{' ? '}' : ']')) {
          i++;
          expectValue = false;
          continue;
        }
        closers.push(c === '{' ? '}' : ']');
        if (c === '{') {
          const bad = key();
          if (bad >= 0) return bad;
        }
        continue;
      }
      if (c === '"') {
        const end = stringEnd(s, i);
        if (end < 0) return -end - 1;
        i = end;
      } else {
        NUMBER.lastIndex = i;
        const num = NUMBER.exec(s);
        if (num && num[0].length > 0 && num[0] !== '-') i += num[0].length;
        else {
          const lit = LITERALS.find((l) => s.startsWith(l, i));
          if (lit) i += lit.length;
          else if (LITERALS.some((l) => l.startsWith(s.slice(i))) || s.slice(i) === '-') return n; // cut mid-word
          else return i;
        }
      }
      expectValue = false;
      continue;
    }
    const top = closers[closers.length - 1];
    if (top === undefined) return i; // something after a complete value
    if (c === top) {
      closers.pop();
      i++;
    } else if (c === ',') {
      i++;
      expectValue = true;
      if (top === '}') {
        const bad = key();
        if (bad >= 0) return bad;
      }
    } else return i;
  }
}

/** End (exclusive) of the string starting at `start`; a negative `-(offset + 1)` where it breaks. */
function stringEnd(s: string, start: number): number {
  for (let j = start + 1; j < s.length; j++) {
    const ch = s[j];
    if (ch === '"') return j + 1;
    if (ch === '\\') {
      const e = s[j + 1];
      if (e === undefined) return -(s.length + 1);
      if (e === 'u') {
        const hex = s.slice(j + 2, j + 6);
        if (!/^[0-9a-fA-F]*$/.test(hex)) return -(j + 2 + hex.search(/[^0-9a-fA-F]/) + 1);
        if (hex.length < 4) return -(s.length + 1);
        j += 5;
      } else if (ESCAPES.has(e)) j++;
      else return -(j + 1 + 1);
    } else if (ch < ' ') return -(j + 1);
  }
  return -(s.length + 1);
}
