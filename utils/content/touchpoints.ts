/**
 * Building a touchpoint: the event's own fields plus provenance (platform, surface, sanitised page URL, extension
 * and definitions version, navigation index) and what the item's classification says (tags in TAG_IDS order,
 * ad kind, author, first product and shop, brand, room). Pure, so tests can check the shape.
 */
import type { PlatformId, Surface } from '../model/item';
import { TAG_IDS, type ClassifiedItem, type TagId } from '../model/tags';
import type { Touchpoint, TouchpointType } from '../model/touchpoint';
import { randomUuid } from './uuid';

export interface TouchpointBase {
  platform: PlatformId;
  surface: Surface;
  pageUrl: string;
  extVersion: string;
  definitionsVersion: number;
  navIndex: number;
}

/** An item's tag ids in the fixed TAG_IDS order (how overlays, touchpoints and exports list them). */
export function orderedTagIds(item: Pick<ClassifiedItem, 'tags'> | undefined): TagId[] {
  if (!item || item.tags.length === 0) return [];
  // A handful of tags against eight ids: a scan is cheaper than building a Set per touchpoint.
  return TAG_IDS.filter((id) => item.tags.some((t) => t.id === id));
}

/**
 * Called once per click or impression, so it builds one object of a fixed shape (base fields first, all always
 * set) and adds only the defined item and event fields (a stored row never holds an `undefined` field). Later
 * sources win: base, then the item, then `fields`.
 */
export function buildTouchpoint(
  base: TouchpointBase,
  type: TouchpointType,
  fields: Partial<Touchpoint> = {},
  item?: ClassifiedItem,
  id: string = randomUuid(),
): Touchpoint {
  const tp: Record<string, unknown> = {
    id,
    type,
    at: Date.now(),
    platform: base.platform,
    surface: base.surface,
    pageUrl: base.pageUrl,
    extVersion: base.extVersion,
    definitionsVersion: base.definitionsVersion,
    navIndex: base.navIndex,
    tags: orderedTagIds(item),
  };
  if (item) {
    setDefined(tp, 'itemId', item.id);
    setDefined(tp, 'adKind', item.adKind);
    setDefined(tp, 'authorId', item.authorId);
    setDefined(tp, 'productId', item.productIds[0]);
    setDefined(tp, 'shopId', item.shopIds[0]);
    setDefined(tp, 'brand', item.brand);
    setDefined(tp, 'roomId', item.roomId);
  }
  copyDefined(tp, fields);
  return tp as unknown as Touchpoint;
}

function setDefined(to: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) to[key] = value;
}

function copyDefined(to: Record<string, unknown>, from: object): void {
  for (const key in from) {
    if (!Object.prototype.hasOwnProperty.call(from, key)) continue;
    const value = (from as Record<string, unknown>)[key];
    if (value !== undefined) to[key] = value;
  }
}
