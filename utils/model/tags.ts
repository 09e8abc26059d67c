/**
 * The tag vocabulary shown on the overlay and stored with touchpoints. Ids are stable: add, never rename.
 * docs/TAGS.md defines each tag, its sub-kinds and the signals that set it.
 */
import type { PlatformId, Surface } from './item';

export const TAG_IDS = ['shop', 'ad', 'live', 'poi', 'field', 'alliance', 'campaign', 'top-kol'] as const;
export type TagId = (typeof TAG_IDS)[number];

/** Sub-kinds of the `ad` tag: where the ad leads (issue 8). */
export const AD_KINDS = [
  'closed-loop-product',
  'closed-loop-live',
  'external-commerce',
  'landing-page',
  'app-install',
  'platform-activity',
  'brand',
  'unknown',
] as const;
export type AdKind = (typeof AD_KINDS)[number];

export interface Evidence {
  /** Which layer it came from: the platform's JSON (api / page-data), the DOM, or the URL. */
  source: 'api' | 'page-data' | 'dom' | 'url';
  /** Field path or selector / label that was read. */
  field: string;
  /** The value seen, as a short string. */
  value: string;
  /** Why it counts (or why a conflicting signal lost). */
  note?: string;
}

export interface TagHit {
  id: TagId;
  /** Sub-kind: shop → product-anchor | shop-window | selling-live | group-buy; ad → an AdKind; poi → place | store. */
  kind?: string;
  /** 0..1: how sure the signals are (see docs/TAGS.md). */
  confidence: number;
  evidence: Evidence[];
}

/** What the classifier returns for one item: what the overlay shows and touchpoints carry. */
export interface ClassifiedItem {
  platform: PlatformId;
  id: string;
  format: 'video' | 'image' | 'live' | 'other';
  source: 'api' | 'page-data' | 'dom';
  tags: TagHit[];
  /** Set when `ad` is among the tags. */
  adKind?: AdKind;
  authorId?: string;
  authorName?: string;
  productIds: string[];
  shopIds: string[];
  /** Brand / shop / advertiser name used to link journeys. */
  brand?: string;
  roomId?: string;
  desc?: string;
}

export const tagIds = (item: Pick<ClassifiedItem, 'tags'>): TagId[] => item.tags.map((t) => t.id);

export type { PlatformId, Surface };
