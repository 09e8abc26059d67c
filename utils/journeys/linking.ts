/**
 * How touches link into one journey: by a shared product id, shop id or brand, on the same platform.
 * Ids are compared as given; brands are trimmed and lower-cased ("Nike " = "nike"), since the same brand reaches
 * us from a shop name, an advertiser name and a product's shop name with different spacing and case.
 * Linking is direct, not transitive: a touch joins a conversion's journey when it shares a key with the
 * conversion itself (a touch sharing only a brand with some other touch of the journey does not join).
 * Lookups go through an index of positions per key, so a conversion reads only its own keys' touches.
 */
import type { Touchpoint } from '../model/touchpoint';

export const normaliseBrand = (brand: string | undefined): string | undefined => {
  const b = brand?.trim().toLowerCase();
  return b ? b : undefined;
};

/** The keys a touch can link by, each prefixed with its kind so a shop id never equals a product id. */
export function linkKeys(tp: Touchpoint): string[] {
  const keys: string[] = [];
  if (tp.productId) keys.push(`${tp.platform}:product:${tp.productId}`);
  if (tp.shopId) keys.push(`${tp.platform}:shop:${tp.shopId}`);
  const brand = normaliseBrand(tp.brand);
  if (brand) keys.push(`${tp.platform}:brand:${brand}`);
  return keys;
}

/** Whether the touch has a key to link by (without making the keys: asked of every stored row). */
export const isLinkable = (tp: Touchpoint): boolean => !!(tp.productId || tp.shopId || normaliseBrand(tp.brand));

/** For each link key, the positions (ascending, so also in time order) of the touches in `list` carrying it. */
export function positionsByKey(list: readonly Touchpoint[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  list.forEach((tp, i) => {
    for (const key of linkKeys(tp)) {
      const at = positions.get(key);
      if (at) at.push(i);
      else positions.set(key, [i]);
    }
  });
  return positions;
}

/** Touches before position `i` sharing a key with list[i], at or after `notBefore`, in time order. */
export function linkedBefore(list: readonly Touchpoint[], i: number, notBefore: number, positions: Map<string, number[]>): Touchpoint[] {
  const found = new Set<number>();
  for (const key of linkKeys(list[i])) {
    const at = positions.get(key) ?? [];
    let lo = 0;
    let hi = at.length; // binary search: first position whose touch is inside the window
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[at[mid]].at < notBefore) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < at.length && at[k] < i; k++) found.add(at[k]);
  }
  return [...found].sort((a, b) => a - b).map((j) => list[j]);
}
