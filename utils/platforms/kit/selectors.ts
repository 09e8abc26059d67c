/**
 * Site-neutral helpers for a platform's selectors: a selector with its provenance, and lookups that try each
 * fallback in turn. Shared by the platform folders; this folder names no site.
 */

export interface Sel {
  selector: string;
  /** When it was seen working and where. */
  seen: string;
}

/** The first fallback that matches under `root`. */
export function first(root: ParentNode, sels: readonly Sel[]): Element | null {
  for (const s of sels) {
    try {
      const el = root.querySelector(s.selector);
      if (el) return el;
    } catch {
      // A selector this engine cannot parse (`:has` in old engines): try the next.
    }
  }
  return null;
}

/** The fallbacks as one selector list, per list (a lookup runs on every feed change). */
const joined = new WeakMap<readonly Sel[], string>();
function listOf(sels: readonly Sel[]): string {
  let list = joined.get(sels);
  if (list === undefined) joined.set(sels, (list = sels.map((s) => s.selector).join(', ')));
  return list;
}

/**
 * Every element any fallback matches, in document order, without repeats. One query with the fallbacks as one
 * selector list walks the document once (a query per fallback walked it once each: nine walks per feed change);
 * a list that does not parse as a whole (one fallback this engine cannot read) is queried fallback by fallback.
 */
export function all(root: ParentNode, sels: readonly Sel[]): Element[] {
  try {
    return [...root.querySelectorAll(listOf(sels))];
  } catch {
    // fall through: one fallback at a time, skipping the ones that do not parse
  }
  const found = new Set<Element>();
  for (const s of sels) {
    try {
      root.querySelectorAll(s.selector).forEach((el) => found.add(el));
    } catch {
      // unsupported selector: skip
    }
  }
  return sortedInDocumentOrder([...found]);
}

/** Whether `el` itself matches any fallback (one selector list; fallback by fallback when the list does not parse). */
export function matchesAny(el: Element, sels: readonly Sel[]): boolean {
  try {
    return el.matches(listOf(sels));
  } catch {
    // fall through
  }
  return sels.some((s) => {
    try {
      return el.matches(s.selector);
    } catch {
      return false;
    }
  });
}

export const sortedInDocumentOrder = (els: Element[]): Element[] =>
  els.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));

/**
 * The matches that are not inside another match (a slide wrapper and the video inside it are one item). In
 * document order an element's descendants come right after it, so one pass keeps the outermost.
 */
export function outermost(root: ParentNode, sels: readonly Sel[]): Element[] {
  const kept: Element[] = [];
  let outer: Element | null = null;
  for (const el of all(root, sels)) {
    if (outer?.contains(el)) continue;
    kept.push(el);
    outer = el;
  }
  return kept;
}
