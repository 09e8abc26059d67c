/**
 * The platform's active item, read once per synchronous run of script: one feed check asks for it twice
 * (viewability decides by it while the feed moves, and the overlay follows it), and each read is a query of the
 * document. The value is dropped when the run ends (the first microtask checkpoint), so it never outlives a page
 * change: the page's own script cannot run in between. Only the DOM tree and `:hover` decide it, not layout.
 */
import type { Platform } from '../platforms/types';
import { guarded } from './guard';

type Active = ReturnType<Platform['dom']['activeItem']>;

let held: { dom: Platform['dom']; doc: Document; value: Active } | null = null;

export function activeItemNow(dom: Platform['dom'], doc: Document = document): Active {
  if (held && held.dom === dom && held.doc === doc) return held.value;
  const value = guarded('dom.activeItem', () => dom.activeItem(doc), null);
  held = { dom, doc, value };
  queueMicrotask(() => {
    held = null;
  });
  return value;
}
