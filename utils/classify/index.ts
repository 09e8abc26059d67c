/**
 * The platform-neutral classifier: a FeedItem in, tags with evidence and confidence out. Pure; runs in Node and in
 * the extension. docs/TAGS.md defines every tag, kind, signal and conflict rule used here.
 */
import type { FeedItem } from '../model/item';
import { TAG_IDS, type AdKind, type ClassifiedItem, type TagHit } from '../model/tags';
import { adTag } from './ad';
import { liveTag, poiTag } from './live-poi';
import { roleTags } from './roles';
import { resolveSettings, type ClassifySettings } from './settings';
import { shopTag } from './shop';

export { classifyDom, mergeDomIntoClassified } from './dom';
export { CONFIDENCE, DEFAULT_SETTINGS, TOP_KOL_MIN_FOLLOWERS, resolveSettings, type ClassifySettings } from './settings';
export { adKindOf } from './ad';

export function classify(item: FeedItem, settings?: Partial<ClassifySettings>): ClassifiedItem {
  const s = resolveSettings(settings);
  const content = [shopTag(item, s), adTag(item), liveTag(item), poiTag(item)].filter((t): t is TagHit => !!t);
  const tags = [...content, ...roleTags(item, content, s)].sort((a, b) => TAG_IDS.indexOf(a.id) - TAG_IDS.indexOf(b.id));
  const out: ClassifiedItem = {
    platform: item.platform,
    id: item.id,
    format: item.format,
    source: item.source,
    tags,
    productIds: unique(item.products.map((p) => p.id)),
    shopIds: unique(item.products.map((p) => p.shopId).filter((x): x is string => !!x)),
  };
  const ad = tags.find((t) => t.id === 'ad');
  if (ad?.kind) out.adKind = ad.kind as AdKind;
  const authorId = item.author.uid ?? item.author.secUid ?? item.live?.ownerId;
  if (authorId) out.authorId = authorId;
  const authorName = item.author.nickname ?? item.live?.ownerNickname;
  if (authorName) out.authorName = authorName;
  const brand = item.ad.advertiser?.value ?? item.products.find((p) => p.shopName)?.shopName ?? item.author.businessVerify?.value;
  if (brand) out.brand = brand;
  if (item.live?.roomId) out.roomId = item.live.roomId;
  if (item.desc) out.desc = item.desc;
  return out;
}

const unique = (xs: string[]): string[] => [...new Set(xs)];
