/**
 * Items in the data a Douyin page embeds in its first HTML:
 *  - `<script id="RENDER_DATA">`: URL-encoded JSON of the page state (2023 layout), camelCase; a user page keeps
 *    its posts at a numbered key such as `["41"].post.data[]`, so items are found by walking, not by path;
 *  - `<script class="STREAM_RENDER_DATA">` and `self.__pace_f.push([...])` chunks (newer, streamed pages; best effort).
 * An item is any object with a numeric `awemeId` / `aweme_id` that also looks like a post (author, description,
 * type or video): hashtag entries in `textExtra` carry an empty `awemeId` and are not items.
 */
import type { FeedItem } from '../../model/item';
import { awemeId, awemeToItem } from './extract-aweme';
import { isObj, MAX_WALK_DEPTH, parseMaybe, read, UNSAFE_KEYS, type Obj } from './read';

/** Most nodes one walk visits: page states run to tens of thousands; anything far beyond is hostile. */
export const MAX_WALK_NODES = 500_000;
/** Largest script text we try to decode, in characters. */
export const MAX_SCRIPT_CHARS = 20_000_000;

const ITEM_HINTS = ['author', 'author_info', 'desc', 'aweme_type', 'video', 'statistics', 'images'];

const looksLikeItem = (o: Obj): boolean => awemeId(o) !== undefined && ITEM_HINTS.some((h) => read(o, h) !== undefined);

/** Items anywhere in a decoded page state. Never descends into an item it found (its nested copies are not feed items). */
export function extractFromPageState(state: unknown): FeedItem[] {
  const out: FeedItem[] = [];
  const seen = new Set<string>();
  let budget = MAX_WALK_NODES;
  const stack: Array<[unknown, number]> = [[state, 0]];
  while (stack.length && budget-- > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null || depth > MAX_WALK_DEPTH) continue;
    if (!Array.isArray(node) && looksLikeItem(node as Obj)) {
      const item = safeItem(node);
      if (item && !seen.has(item.id)) {
        seen.add(item.id);
        out.push(item);
      }
      continue;
    }
    const children = Array.isArray(node) ? node : Object.keys(node).filter((k) => !UNSAFE_KEYS.has(k)).map((k) => (node as Obj)[k]);
    // Reverse so the stack pops children in document order: items keep the page's order.
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth + 1]);
  }
  return out;
}

function safeItem(node: unknown): FeedItem | undefined {
  try {
    return awemeToItem(node, { source: 'page-data' });
  } catch {
    return undefined;
  }
}

/** RENDER_DATA's text: URL-encoded JSON (plain JSON accepted too). */
export function decodeRenderData(text: string): unknown {
  if (!text || text.length > MAX_SCRIPT_CHARS) return undefined;
  const trimmed = text.trim();
  let decoded = trimmed;
  if (trimmed[0] !== '{' && trimmed[0] !== '[') {
    try {
      decoded = decodeURIComponent(trimmed);
    } catch {
      return undefined;
    }
  }
  return parseMaybe(decoded);
}

/**
 * JSON values inside a `self.__pace_f.push([n, "chunk"])` call or a STREAM_RENDER_DATA script. Chunks are React
 * server payload lines (`<id>:<json>`); each line that parses as JSON is a value to walk.
 */
export function decodeStreamChunks(text: string): unknown[] {
  if (!text || text.length > MAX_SCRIPT_CHARS) return [];
  const values: unknown[] = [];
  const whole = decodeRenderData(text);
  if (whole !== undefined) return [whole];
  const calls = text.match(/self\.__pace_f\.push\((\[[\s\S]*?\])\)\s*;?\s*(?=self\.__pace_f|$)/g) ?? [];
  for (const call of calls) {
    const args = parseMaybe(call.replace(/^self\.__pace_f\.push\(/, '').replace(/\)\s*;?\s*$/, ''));
    if (!Array.isArray(args)) continue;
    for (const a of args) if (typeof a === 'string') values.push(...payloadLines(a));
  }
  return values;
}

function payloadLines(chunk: string): unknown[] {
  const out: unknown[] = [];
  for (const line of chunk.split('\n')) {
    const body = line.replace(/^[0-9a-zA-Z]{1,8}:/, '').replace(/^T[0-9a-f]+,/, '');
    const v = parseMaybe(body);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** Items in the embedded data of a parsed HTML document. */
export function extractFromPage(doc: Document): FeedItem[] {
  const states: unknown[] = [];
  try {
    const render = doc.querySelector('script#RENDER_DATA');
    if (render?.textContent) states.push(decodeRenderData(render.textContent));
    doc.querySelectorAll('script.STREAM_RENDER_DATA, script').forEach((s) => {
      const t = s.textContent ?? '';
      if (s.id === 'RENDER_DATA') return;
      if (s.classList.contains('STREAM_RENDER_DATA') || t.includes('self.__pace_f.push(')) states.push(...decodeStreamChunks(t));
    });
  } catch {
    // A document we cannot read: whatever was decoded so far still counts.
  }
  const out: FeedItem[] = [];
  const seen = new Set<string>();
  for (const s of states) {
    if (!isObj(s) && !Array.isArray(s)) continue;
    for (const item of extractFromPageState(s)) if (!seen.has(item.id)) (seen.add(item.id), out.push(item));
  }
  return out;
}
