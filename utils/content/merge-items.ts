/**
 * One item described by two responses: a live room arrives from the room API (who, whether the cart is on) and
 * then from its product list (`/live/promotions/page/`: the goods and their shops). Stored alone, the second would
 * replace the first and lose the owner; merged, the room keeps both, and the classifier can say who sells
 * (the brand's own shop vs an influencer selling another shop's goods). Pure.
 */
import type { Fact, FeedItem, LiveFacts } from '../model/item';

/** Live items kept per page to merge later responses into. Count. */
export const MERGE_KEEP_MAX = 500;

const sameFact = (a: Fact, b: Fact): boolean => a.field === b.field && a.value === b.value;
const union = (a: Fact[], b: Fact[]): Fact[] => [...a, ...b.filter((f) => !a.some((g) => sameFact(f, g)))];

function mergeLive(a: LiveFacts | undefined, b: LiveFacts | undefined): LiveFacts | undefined {
  if (!a || !b) return a ?? b;
  return { ...b, ...a, selling: union(a.selling, b.selling), notSelling: union(a.notSelling, b.notSelling) };
}

/** `prev` (seen first) wins on every field both have; lists are joined; nothing either said is lost. */
export function mergeItems(prev: FeedItem, next: FeedItem): FeedItem {
  const products = [...prev.products, ...next.products.filter((p) => !prev.products.some((q) => q.id === p.id))];
  const live = mergeLive(prev.live, next.live);
  const merged: FeedItem = { ...next, ...prev, author: { ...next.author, ...prev.author }, products };
  if (live) merged.live = live;
  return merged;
}
