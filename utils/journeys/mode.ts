/**
 * Browse vs store mode ("逛" vs "搜"): how a journey began, read from its first touch alone.
 *   store   — the first touch is a search (type `search` or surface `search`), a shop opened (`shop-open`), or
 *             a product page reached directly (surface `product-page`, e.g. a product-view with nothing before it).
 *   browse  — otherwise, the first touch was on a feed (recommend, 精选 jingxuan, follow, friends), a video or
 *             note page, a creator's profile, or in a live room: the product found the viewer.
 *   unknown — the first touch was on a surface in neither list (`other`).
 * Type beats surface: a shop opened from a video's anchor is 'store' when it is the first touch we have (the
 * impression before it may have been too short to count). Surfaces and types are settings (Definitions).
 */
import type { Touchpoint } from '../model/touchpoint';
import { DEFAULT_DEFINITIONS, type Definitions } from './definitions';

export const JOURNEY_MODES = ['browse', 'store', 'unknown'] as const;
export type JourneyMode = (typeof JOURNEY_MODES)[number];

export function modeOfFirstTouch(first: Touchpoint, defs: Definitions = DEFAULT_DEFINITIONS): JourneyMode {
  if (defs.storeFirstTouchTypes.includes(first.type) || defs.storeSurfaces.includes(first.surface)) return 'store';
  if (defs.browseSurfaces.includes(first.surface)) return 'browse';
  return 'unknown';
}
