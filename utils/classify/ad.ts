/**
 * The `ad` tag and its kind: where the ad leads. Decided in this order, first match wins, so an ad that carries its
 * own commerce is closed-loop whatever page it also links:
 *  1 closed-loop-live     the ad is a live card / room, or leads to a live room
 *  2 closed-loop-product  the ad carries products or a product anchor, or leads to a Douyin shop product
 *  3 app-install          a download url, an app name, or an app-store destination
 *  4 external-commerce    leads to JD / Taobao / Tmall / Pinduoduo
 *  5 platform-activity    leads to the platform's own activity page
 *  6 landing-page         leads to a site-builder page or the advertiser's own site
 *  7 brand                a brand ad with no purchase path
 *  8 unknown              paid, but nothing says where it leads (the reason is the evidence)
 */
import type { AdDestinationKind, FeedItem } from '../model/item';
import type { AdKind, Evidence, TagHit } from '../model/tags';
import { ev, fromFact, hit } from './evidence';
import { CONFIDENCE } from './settings';

export function adTag(item: FeedItem): TagHit | undefined {
  if (!item.ad.markers.length) return undefined;
  const evidence = item.ad.markers.map((m) => fromFact(item, m, 'marks the item as paid'));
  const decided = adKindOf(item);
  evidence.push(...decided.evidence);
  return hit('ad', CONFIDENCE.certain, evidence, decided.kind);
}

const destinationsOf = (item: FeedItem, kind: AdDestinationKind['kind']) => (item.ad.destinationKinds ?? []).filter((d) => d.kind === kind);

export function adKindOf(item: FeedItem): { kind: AdKind; evidence: Evidence[] } {
  const dest = (kind: AdDestinationKind['kind']): Evidence[] =>
    destinationsOf(item, kind).map((d) => ev(item, d.field, d.url, `destination: ${d.rule}`));

  const liveEvidence = item.live || item.format === 'live' ? [ev(item, 'format', 'live', item.live?.roomId ? `ad is live room ${item.live.roomId}` : 'ad is a live card')] : [];
  const toLive = [...liveEvidence, ...dest('closed-loop-live')];
  if (toLive.length) return { kind: 'closed-loop-live', evidence: toLive };

  const products = item.products.slice(0, 3).map((p) => ev(item, p.field, p.id, 'the ad carries a Douyin shop product'));
  const productAnchors = item.anchors.filter((a) => a.kind === 'product').map((a) => ev(item, a.field, a.type, 'product anchor on the ad'));
  const toProduct = [...products, ...productAnchors, ...dest('closed-loop-product')];
  if (toProduct.length) return { kind: 'closed-loop-product', evidence: toProduct };

  const app = [
    ...(item.ad.downloadUrl ? [fromFact(item, item.ad.downloadUrl, 'download link')] : []),
    ...(item.ad.appName ? [fromFact(item, item.ad.appName, 'app to install')] : []),
    ...dest('app-install').filter((d) => d.field !== item.ad.downloadUrl?.field),
  ];
  if (app.length) return { kind: 'app-install', evidence: app };

  for (const kind of ['external-commerce', 'platform-activity', 'landing-page'] as const) {
    const e = dest(kind);
    if (e.length) return { kind, evidence: e };
  }
  if (item.ad.brandAd) return { kind: 'brand', evidence: [fromFact(item, item.ad.brandAd, 'brand ad with no destination, product or room')] };

  const why = item.ad.destinations.length
    ? `destination not recognised: ${item.ad.destinations.map((d) => d.value).join(', ')}`
    : 'paid, but no destination, product, live room or app on the item';
  return { kind: 'unknown', evidence: [ev(item, 'ad.destinations', item.ad.destinations.length, why)] };
}
