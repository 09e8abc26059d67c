/**
 * Where a Douyin ad leads, as data. Each entry: the host (or host + path fragment) it matches, the ad kind it
 * implies, and when / where the entry was seen. Newer entries may be added; never reorder the kinds' meaning.
 * The first matching entry wins, so more specific entries (a path on a shared host) come first.
 */
import type { AdDestinationKind } from '../../model/item';

export interface DestinationRule {
  /** Host suffix: `jd.com` matches `jd.com` and `item.jd.com`. */
  host: string;
  /** Optional substring of path + query that must also match. */
  path?: string;
  kind: AdDestinationKind['kind'];
  /** When and where this was seen (capture or public source). */
  seen: string;
}

export const AD_DESTINATIONS: readonly DestinationRule[] = [
  // Closed loop: Douyin's own shop and live rooms.
  { host: 'jinritemai.com', kind: 'closed-loop-product', seen: '2020-09 haohuo.jinritemai.com product urls (douyin-app-product-videos-2020)' },
  { host: 'haohuo.snssdk.com', kind: 'closed-loop-product', seen: '2020 haohuo product pages (PLATFORMS.md)' },
  { host: 'live.douyin.com', kind: 'closed-loop-live', seen: '2026-04 live.douyin.com/<web_rid> (PLATFORMS.md)' },
  { host: 'webcast.amemv.com', path: '/webcast/reflow/', kind: 'closed-loop-live', seen: '2020 live room share_url (douyin-app-live-room-shop-2020)' },
  // Platform activity pages (Douyin's own events).
  { host: 'bytecdn.cn', path: 'webcast_activity', kind: 'platform-activity', seen: '2020-10 s3.bytecdn.cn/ies/venus/webcast_activity (douyin-app-feed-2020-with-ad)' },
  { host: 'bytecdn.cn', path: '/ies/', kind: 'platform-activity', seen: '2020-10 *.bytecdn.cn/ies/ activity pages (PLATFORMS.md)' },
  // External commerce: JD, Taobao / Tmall, Pinduoduo.
  { host: '3.cn', kind: 'external-commerce', seen: '2020-10 JD short link 3.cn (douyin-app-feed-2020-with-ad)' },
  { host: 'jd.com', kind: 'external-commerce', seen: '2020-10 JD (PLATFORMS.md)' },
  { host: 'taobao.com', kind: 'external-commerce', seen: '2024 Taobao (brief)' },
  { host: 'tmall.com', kind: 'external-commerce', seen: '2024 Tmall (brief)' },
  { host: 'tb.cn', kind: 'external-commerce', seen: '2024 Taobao short link tb.cn (brief)' },
  { host: 'yangkeduo.com', kind: 'external-commerce', seen: '2024 Pinduoduo mobile (brief)' },
  { host: 'pinduoduo.com', kind: 'external-commerce', seen: '2024 Pinduoduo (brief)' },
  // App stores: the ad asks for an install.
  { host: 'apps.apple.com', kind: 'app-install', seen: '2024 App Store (brief)' },
  { host: 'itunes.apple.com', kind: 'app-install', seen: '2020 App Store (brief)' },
  { host: 'play.google.com', kind: 'app-install', seen: '2024 Google Play (brief)' },
  { host: 'app.mi.com', kind: 'app-install', seen: '2024 Xiaomi store (brief)' },
  { host: 'sj.qq.com', kind: 'app-install', seen: '2024 Tencent MyApp (brief)' },
  // Ocean Engine site builder: a landing page built for the ad.
  { host: 'chengzijianzhan.com', kind: 'landing-page', seen: '2020-10 chengzijianzhan.com/tetris/page/ (douyin-app-feed-2020-with-ad)' },
  { host: 'chengzijianzhan.cn', kind: 'landing-page', seen: '2024 site builder mirror (brief)' },
];

/** Scheme-only destinations that open an app or a Douyin screen. */
export const SCHEME_DESTINATIONS: ReadonlyArray<{ prefix: string; kind: AdDestinationKind['kind']; seen: string }> = [
  { prefix: 'sslocal://ec_goods_detail', kind: 'closed-loop-product', seen: '2020-11 live promotions detail_url (douyin-app-live-room-promotions-2020)' },
  { prefix: 'snssdk1128://live', kind: 'closed-loop-live', seen: '2023 Douyin app live schema (public userscripts)' },
  { prefix: 'market://', kind: 'app-install', seen: '2024 Android store schema (brief)' },
  { prefix: 'itms-apps://', kind: 'app-install', seen: '2024 iOS store schema (brief)' },
];

/** The kind a destination URL implies; any other http(s) page is the advertiser's own landing page. */
export function destinationKind(url: string): { kind: AdDestinationKind['kind']; rule: string } | undefined {
  const lower = url.trim().toLowerCase();
  for (const s of SCHEME_DESTINATIONS) if (lower.startsWith(s.prefix)) return { kind: s.kind, rule: `${s.prefix} (${s.seen})` };
  let parsed: URL;
  try {
    parsed = new URL(lower.startsWith('//') ? `https:${lower}` : lower);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname;
  const rest = parsed.pathname + parsed.search;
  for (const r of AD_DESTINATIONS) {
    const hostHit = host === r.host || host.endsWith(`.${r.host}`);
    if (hostHit && (!r.path || rest.includes(r.path))) return { kind: r.kind, rule: `${r.host}${r.path ?? ''} (${r.seen})` };
  }
  return { kind: 'landing-page', rule: `other site ${host}: the advertiser's own page` };
}
