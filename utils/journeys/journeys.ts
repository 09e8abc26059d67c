/**
 * Journeys (definition in ./definitions.ts), built from all stored touchpoints in one pass.
 *
 * Converted journey — one per conversion signal C (of a type in `defs.conversionTypes`): the touches on C's
 *   platform with C.at − journeyLookbackDays ≤ at ≤ C.at (both ends inclusive; equal times ordered by id) that
 *   share a product, shop or brand with C (./linking.ts), then C itself, last. Journeys overlap: a product-view
 *   and the add-to-cart after it are two conversions, and the touches before both belong to both journeys.
 * Search join — searches carry no product, so they cannot link by key. When `defs.searchJoin` is 'same-session',
 *   the latest search in the session of the journey's first touch, before that touch (and inside the look-back
 *   window), becomes the journey's first touch — which makes the journey store-mode. No query matching: a search
 *   for something else followed by a feed purchase in the same session is (knowingly) counted as store-mode.
 * Open journey — linkable touches no conversion claimed, grouped by shared keys (transitively, per platform) and
 *   cut wherever two consecutive touches are more than journeyLookbackDays apart; converted = false,
 *   conversionType = null, conversionId = null. They are the non-converting paths the Markov model needs.
 * Touches with no product, shop or brand (plain videos) and searches that joined nothing are in no journey.
 */
import type { PlatformId } from '../model/item';
import type { Touchpoint } from '../model/touchpoint';
import { DEFAULT_DEFINITIONS, MS_PER_DAY, type ConversionType, type Definitions } from './definitions';
import { isLinkable, linkedBefore, linkKeys, positionsByKey } from './linking';
import { modeOfFirstTouch, type JourneyMode } from './mode';
import { assignSessions, byTime } from './sessions';

export interface Journey {
  /** `conv:<conversion touchpoint id>` or `open:<first touchpoint id>`: stable across runs. */
  id: string;
  platform: PlatformId;
  mode: JourneyMode;
  converted: boolean;
  conversionType: ConversionType | null;
  /** The touchpoint that ended the journey (the last of `touchpoints`); null when open. */
  conversionId: string | null;
  firstAt: number;
  lastAt: number;
  /** The journey's key: the conversion's own product, shop and brand (open: the first touch carrying each). */
  productId?: string;
  shopId?: string;
  brand?: string;
  /** Time order, sessions assigned under the same definitions; a joined search first, the conversion last. */
  touchpoints: Touchpoint[];
}

const lookbackMs = (defs: Definitions): number => defs.journeyLookbackDays * MS_PER_DAY;

/**
 * Latest search of `first`'s session that precedes it and starts no earlier than `notBefore`. `searches` are in
 * time order: a binary search finds the last one before `first`, then the walk goes back only through the window
 * (a scan from the start made journey building quadratic: 3 minutes for 90,000 journeys).
 */
function joinedSearch(first: Touchpoint, searches: readonly Touchpoint[], notBefore: number): Touchpoint | undefined {
  if (first.type === 'search') return undefined;
  let lo = 0;
  let hi = searches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byTime(searches[mid], first) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && searches[i].at >= notBefore; i--) {
    if (searches[i].sessionId === first.sessionId) return searches[i];
  }
  return undefined;
}

function makeJourney(
  id: string,
  linked: Touchpoint[],
  conversion: Touchpoint | undefined,
  searches: readonly Touchpoint[],
  notBefore: number,
  defs: Definitions,
): Journey {
  const body = conversion ? [...linked, conversion] : linked;
  const search = defs.searchJoin === 'same-session' ? joinedSearch(body[0], searches, notBefore) : undefined;
  const touchpoints = search ? [search, ...body] : body;
  const keySource = (field: 'productId' | 'shopId' | 'brand') => (conversion ? conversion[field] : linked.find((t) => t[field])?.[field]);
  return {
    id,
    platform: touchpoints[0].platform,
    mode: modeOfFirstTouch(touchpoints[0], defs),
    converted: conversion !== undefined,
    conversionType: (conversion?.type as ConversionType | undefined) ?? null,
    conversionId: conversion?.id ?? null,
    firstAt: touchpoints[0].at,
    lastAt: touchpoints[touchpoints.length - 1].at,
    productId: keySource('productId'),
    shopId: keySource('shopId'),
    brand: keySource('brand'),
    touchpoints,
  };
}

/** Open journeys: unclaimed linkable touches, connected by shared keys, cut at gaps longer than the look-back. */
function openJourneys(unclaimed: Touchpoint[], searches: readonly Touchpoint[], defs: Definitions): Journey[] {
  const parent = unclaimed.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const firstWithKey = new Map<string, number>();
  unclaimed.forEach((tp, i) => {
    for (const key of linkKeys(tp)) {
      const j = firstWithKey.get(key);
      if (j === undefined) firstWithKey.set(key, i);
      else parent[root(i)] = root(j);
    }
  });
  const groups = new Map<number, Touchpoint[]>();
  unclaimed.forEach((tp, i) => {
    const group = groups.get(root(i));
    if (group) group.push(tp);
    else groups.set(root(i), [tp]);
  });
  const journeys: Journey[] = [];
  for (const group of groups.values()) {
    let chunk: Touchpoint[] = [];
    for (const tp of group) {
      if (chunk.length && tp.at - chunk[chunk.length - 1].at > lookbackMs(defs)) {
        journeys.push(makeJourney(`open:${chunk[0].id}`, chunk, undefined, searches, chunk[0].at - lookbackMs(defs), defs));
        chunk = [];
      }
      chunk.push(tp);
    }
    if (chunk.length) journeys.push(makeJourney(`open:${chunk[0].id}`, chunk, undefined, searches, chunk[0].at - lookbackMs(defs), defs));
  }
  return journeys;
}

/** All journeys in the touchpoints: converted ones in conversion order, then open ones by first touch. */
export function buildJourneys(
  touchpoints: readonly Touchpoint[],
  defs: Definitions = DEFAULT_DEFINITIONS,
  /** The caller gives its touchpoint objects up (sessions are set on them, not on copies). */
  handedOver = false,
): Journey[] {
  const all = assignSessions(touchpoints, defs, handedOver);
  const conversionTypes = new Set<string>(defs.conversionTypes);
  const isConversion = (tp: Touchpoint) => conversionTypes.has(tp.type);
  const converted: Journey[] = [];
  const open: Journey[] = [];
  for (const platform of new Set(all.map((tp) => tp.platform))) {
    const list = all.filter((tp) => tp.platform === platform);
    const searches = list.filter((tp) => tp.type === 'search');
    const claimed = new Set<string>();
    const positions = positionsByKey(list);
    list.forEach((conversion, i) => {
      if (!isConversion(conversion)) return;
      const notBefore = conversion.at - lookbackMs(defs);
      const linked = linkedBefore(list, i, notBefore, positions);
      const journey = makeJourney(`conv:${conversion.id}`, linked, conversion, searches, notBefore, defs);
      journey.touchpoints.forEach((tp) => claimed.add(tp.id));
      converted.push(journey);
    });
    const unclaimed = list.filter((tp) => !claimed.has(tp.id) && isLinkable(tp));
    open.push(...openJourneys(unclaimed, searches, defs));
  }
  return [...converted.sort((a, b) => a.lastAt - b.lastAt), ...open.sort((a, b) => a.firstAt - b.firstAt)];
}
