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

/** Every element any fallback matches, in document order, without repeats. */
export function all(root: ParentNode, sels: readonly Sel[]): Element[] {
  const found = new Set<Element>();
  for (const s of sels) {
    try {
      root.querySelectorAll(s.selector).forEach((el) => found.add(el));
    } catch {
      // unsupported selector: skip
    }
  }
  return [...found];
}
