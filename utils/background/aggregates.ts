/**
 * Running aggregates for the popup's numbers, folded one touchpoint at a time. The same pure fold runs on the
 * write path (over the rows a batch touches) and in the full recompute (over every touchpoint), so the two
 * agree by construction; a test checks it anyway.
 *
 * Definitions:
 *  - An item is *seen* when it has at least one impression. It counts under a tag (shop / ad / live) when any of
 *    its impressions carried that tag; per day, when an impression that day carried it.
 *  - *Commerce dwell* is impression dwell on items tagged shop, ad or live. Touchpoints carry tag ids only, and a
 *    selling live room is tagged `live` (and `shop`), so `live` counts as commerce.
 *  - Days are the browser's local calendar days (YYYY-MM-DD) of the touchpoint's `at`.
 *  - *Attention* sums impression `attentionMs` the same way (all, and on commerce items).
 *  - *Ad impressions* are impressions tagged `ad`; *closed-loop* ones have adKind closed-loop-product or
 *    closed-loop-live (the ad leads inside the platform's own shop or live room, issue #8). Counted per impression
 *    (not per item), with their attention. Rows stored before these fields existed read them as 0.
 */
import type { TagId } from '../model/tags';
import type { Touchpoint, TouchpointType } from '../model/touchpoint';
import type { SeenItem } from '../db/schema';

export const COUNTED_TAGS = ['shop', 'ad', 'live'] as const;
export type CountedTag = (typeof COUNTED_TAGS)[number];
export const COMMERCE_TAGS: readonly TagId[] = COUNTED_TAGS;

export interface Bucket {
  touchpoints: number;
  byType: Partial<Record<TouchpointType, number>>;
  itemsSeen: number;
  itemsByTag: Record<CountedTag, number>;
  /** Impression dwell, all and on commerce items. Milliseconds. */
  dwellMs: number;
  commerceDwellMs: number;
  /** Impression attention, all and on commerce items. Milliseconds. */
  attentionMs?: number;
  commerceAttentionMs?: number;
  /** Impressions tagged ad, and those of a closed-loop ad kind. Count. */
  adImpressions?: number;
  closedLoopAdImpressions?: number;
  /** Attention on those impressions. Milliseconds. */
  adAttentionMs?: number;
  closedLoopAdAttentionMs?: number;
}

/** Ad kinds that keep the viewer inside the platform's own commerce (issue #8). */
export const CLOSED_LOOP_AD_KINDS: readonly string[] = ['closed-loop-product', 'closed-loop-live'];

export interface ShopAgg {
  shopId: string;
  name?: string;
  /** `at` of the touchpoint the name came from: the latest name wins, whatever the arrival order. */
  nameAt?: number;
  touchpoints: number;
}

/** The rows a fold reads and writes. On the write path only the rows a batch needs are loaded. */
export interface AggState {
  total: Bucket;
  days: Map<string, Bucket>;
  shops: Map<string, ShopAgg>;
  seen: Map<string, SeenItem>;
}

export const emptyBucket = (): Bucket => ({
  touchpoints: 0,
  byType: {},
  itemsSeen: 0,
  itemsByTag: { shop: 0, ad: 0, live: 0 },
  dwellMs: 0,
  commerceDwellMs: 0,
  attentionMs: 0,
  commerceAttentionMs: 0,
  adImpressions: 0,
  closedLoopAdImpressions: 0,
  adAttentionMs: 0,
  closedLoopAdAttentionMs: 0,
});

export const emptyAggState = (): AggState => ({ total: emptyBucket(), days: new Map(), shops: new Map(), seen: new Map() });

const pad = (n: number) => String(n).padStart(2, '0');
export function dayKey(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const seenKey = (tp: Pick<Touchpoint, 'platform' | 'itemId'>) => `${tp.platform}:${tp.itemId}`;

/** What the fold needs loaded for a touchpoint: its day, its shop, its seen row. */
export function rowsNeeded(tp: Touchpoint): { day: string; shopId?: string; seen?: string } {
  return {
    day: dayKey(tp.at),
    shopId: tp.shopId,
    seen: tp.type === 'impression' && tp.itemId ? seenKey(tp) : undefined,
  };
}

function addCounted(b: Bucket, tp: Touchpoint, isNewItem: boolean, newTags: CountedTag[]): void {
  b.touchpoints += 1;
  b.byType[tp.type] = (b.byType[tp.type] ?? 0) + 1;
  if (isNewItem) b.itemsSeen += 1;
  for (const t of newTags) b.itemsByTag[t] += 1;
  if (tp.type === 'impression' && tp.dwellMs) {
    b.dwellMs += tp.dwellMs;
    if (tp.tags.some((t) => COMMERCE_TAGS.includes(t))) b.commerceDwellMs += tp.dwellMs;
  }
  if (tp.type === 'impression') addAttention(b, tp);
}

const add = (b: Bucket, key: 'attentionMs' | 'commerceAttentionMs' | 'adImpressions' | 'closedLoopAdImpressions' | 'adAttentionMs' | 'closedLoopAdAttentionMs', n: number) => {
  b[key] = (b[key] ?? 0) + n;
};

function addAttention(b: Bucket, tp: Touchpoint): void {
  const ms = tp.attentionMs ?? 0;
  add(b, 'attentionMs', ms);
  if (tp.tags.some((t) => COMMERCE_TAGS.includes(t))) add(b, 'commerceAttentionMs', ms);
  if (!tp.tags.includes('ad')) return;
  add(b, 'adImpressions', 1);
  add(b, 'adAttentionMs', ms);
  if (tp.adKind && CLOSED_LOOP_AD_KINDS.includes(tp.adKind)) {
    add(b, 'closedLoopAdImpressions', 1);
    add(b, 'closedLoopAdAttentionMs', ms);
  }
}

/** Fold one (new, never before counted) touchpoint into the state. Mutates `state`. */
export function foldTouchpoint(state: AggState, tp: Touchpoint): void {
  const { day, shopId, seen: key } = rowsNeeded(tp);
  let bucket = state.days.get(day);
  if (!bucket) state.days.set(day, (bucket = emptyBucket()));

  let newAll = false, newDay = false;
  let tagsAll: CountedTag[] = [], tagsDay: CountedTag[] = [];
  if (key) {
    const counted = COUNTED_TAGS.filter((t) => tp.tags.includes(t));
    let row = state.seen.get(key);
    if (!row) {
      newAll = true;
      row = { key, firstAt: tp.at, lastAt: tp.at, tags: [], days: {} };
      state.seen.set(key, row);
    }
    const dayTags = row.days[day];
    newDay = dayTags === undefined;
    tagsAll = counted.filter((t) => !row.tags.includes(t));
    tagsDay = counted.filter((t) => !(dayTags ?? []).includes(t));
    // Canonical order (COUNTED_TAGS), so the row does not depend on which impression came first.
    const union = (a: readonly TagId[], b: readonly TagId[]) => COUNTED_TAGS.filter((t) => a.includes(t) || b.includes(t));
    row.tags = union(row.tags, tagsAll);
    row.days = { ...row.days, [day]: union(dayTags ?? [], tagsDay) };
    row.firstAt = Math.min(row.firstAt, tp.at);
    row.lastAt = Math.max(row.lastAt, tp.at);
  }
  addCounted(state.total, tp, newAll, tagsAll);
  addCounted(bucket, tp, newDay, tagsDay);

  if (shopId) {
    const shop = state.shops.get(shopId) ?? { shopId, touchpoints: 0 };
    shop.touchpoints += 1;
    const later = shop.nameAt === undefined || tp.at > shop.nameAt || (tp.at === shop.nameAt && tp.brand! > shop.name!);
    if (tp.brand && later) {
      shop.name = tp.brand;
      shop.nameAt = tp.at;
    }
    state.shops.set(shopId, shop);
  }
}
