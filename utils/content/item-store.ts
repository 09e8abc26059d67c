/**
 * The classified items this page has seen, by id. A bounded LRU: a long scroll sees thousands of items, and memory
 * must level off; an evicted item that comes back is simply classified again.
 */
import type { ClassifiedItem } from '../model/tags';

/**
 * Items kept per page. Count. A feed keeps ~10 items rendered and prefetches ~20, so 1,000 covers any scroll
 * back; at 5,000 the heap still grew ~1.5 KB per item seen through a 2,000-item scroll (npm run bench).
 */
export const ITEM_STORE_MAX = 1_000;

export class ItemStore {
  private items = new Map<string, ClassifiedItem>();
  private listeners = new Set<(item: ClassifiedItem) => void>();

  constructor(private readonly max = ITEM_STORE_MAX) {}

  get(id: string): ClassifiedItem | undefined {
    const item = this.items.get(id);
    if (item) {
      // Refresh recency: Map keeps insertion order, so the first key is always the least recently used.
      this.items.delete(id);
      this.items.set(id, item);
    }
    return item;
  }

  /** Store an item; returns true when it is new or its classification changed (then listeners hear of it). */
  upsert(item: ClassifiedItem): boolean {
    const before = this.items.get(item.id);
    this.items.delete(item.id);
    // JSON beats the DOM guess: never let a DOM-only reading overwrite what the JSON said.
    const kept = before && before.source !== 'dom' && item.source === 'dom' ? before : item;
    this.items.set(item.id, kept);
    while (this.items.size > this.max) this.items.delete(this.items.keys().next().value as string);
    if (kept === before || (before && fingerprint(before) === fingerprint(kept))) return false;
    for (const listener of this.listeners) listener(kept);
    return true;
  }

  onChange(listener: (item: ClassifiedItem) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.items.size;
  }
}

/** What the overlay and the background care about changing: tags, their kinds and the commerce ids. */
function fingerprint(item: ClassifiedItem): string {
  return JSON.stringify([item.source, item.adKind, item.tags.map((t) => [t.id, t.kind, t.confidence]), item.productIds, item.shopIds, item.roomId]);
}
