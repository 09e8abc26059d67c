/**
 * Building a touchpoint: the event's own fields plus provenance (platform, surface, sanitised page URL, extension
 * and definitions version, navigation index) and what the item's classification says (tags in TAG_IDS order,
 * ad kind, author, first product and shop, brand, room). Pure, so tests can check the shape.
 */
import type { PlatformId, Surface } from '../model/item';
import { TAG_IDS, type ClassifiedItem, type TagId } from '../model/tags';
import type { Touchpoint, TouchpointType } from '../model/touchpoint';

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
  if (!item) return [];
  const present = new Set(item.tags.map((t) => t.id));
  return TAG_IDS.filter((id) => present.has(id));
}

export function buildTouchpoint(
  base: TouchpointBase,
  type: TouchpointType,
  fields: Partial<Touchpoint> = {},
  item?: ClassifiedItem,
  id: string = crypto.randomUUID(),
): Touchpoint {
  const fromItem: Partial<Touchpoint> = item
    ? {
        itemId: item.id,
        adKind: item.adKind,
        authorId: item.authorId,
        productId: item.productIds[0],
        shopId: item.shopIds[0],
        brand: item.brand,
        roomId: item.roomId,
      }
    : {};
  const tp: Touchpoint = { id, type, at: Date.now(), ...base, tags: orderedTagIds(item), ...fromItem, ...dropUndefined(fields) };
  return dropUndefined(tp) as Touchpoint;
}

function dropUndefined<T extends object>(obj: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(obj)) if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  return out;
}
