/**
 * Every TikTok DOM selector, one named export each: fallbacks newest first, each with when and where it was seen
 * (PLATFORMS.md, "TikTok web", 2025–26). Class names are `css-<hash>-DivName`: match `[class*="DivName"]`, never
 * the hash. Checked on the replica page demo/tiktok/ and fixtures in tests, never on the live site.
 */

import { all, first, matchesAny, outermost, type Sel } from '../kit/selectors';

export { all, first, matchesAny, outermost, type Sel };

export const feedItem: readonly Sel[] = [
  { selector: 'article[data-scroll-index]', seen: '2025–26 For You items, recycled on scroll (PLATFORMS.md)' },
  { selector: '[data-e2e="recommend-list-item-container"]', seen: '2024–25 For You items (PLATFORMS.md)' },
  { selector: '[data-e2e="user-post-item-list"] [data-e2e="user-post-item"]', seen: '2025 profile grid (PLATFORMS.md)' },
  { selector: '[data-e2e="search_top-item"], [data-e2e="search_video-item"]', seen: '2025 search results (PLATFORMS.md)' },
];

export const feedContainer: readonly Sel[] = [
  { selector: '#column-list-container', seen: '2025–26 For You column (PLATFORMS.md)' },
  { selector: '[data-e2e="feed-container"]', seen: '2024–25 (PLATFORMS.md)' },
  { selector: '[data-e2e="user-post-item-list"]', seen: '2025 profile grid (PLATFORMS.md)' },
];

/** The player wrapper: its id is `xgwrapper-<n>-<item id>`, the only place the feed DOM names the item. */
export const playerWrapper: readonly Sel[] = [{ selector: '[id^="xgwrapper-"]', seen: '2025–26 (PLATFORMS.md)' }];
export const PLAYER_ID = /^xgwrapper-\d+-(\d{6,25})$/;

/** A paid ad: the "Sponsored" label and the advertiser's call-to-action button. */
export const adTag: readonly Sel[] = [{ selector: '[data-e2e="ad-tag"]', seen: '2025–26 "Sponsored" label (PLATFORMS.md)' }];
export const adCta: readonly Sel[] = [{ selector: '[data-e2e="ttam-ads-cta"]', seen: '2025–26 ad call to action (PLATFORMS.md)' }];

/** A creator's paid-partnership disclosure: NOT an ad (PLATFORMS.md). Read, and deliberately not tagged. */
export const partnershipTag: readonly Sel[] = [{ selector: '[data-e2e="sponsored-tag"]', seen: '2025–26 "Paid partnership" (PLATFORMS.md)' }];

export const liveTag: readonly Sel[] = [
  { selector: '[class*="DivLiveTag"]', seen: '2025–26 (PLATFORMS.md)' },
  { selector: '[data-e2e="live-tag"]', seen: 'older layout (PLATFORMS.md)' },
];

export const productLink: readonly Sel[] = [
  { selector: 'a[href*="/view/product/"]', seen: '2025–26 TikTok Shop product links (PLATFORMS.md)' },
  { selector: 'a[href*="/pdp/"]', seen: '2025–26 regional product pages (PLATFORMS.md)' },
];

export const nextButton: readonly Sel[] = [{ selector: '[data-e2e="feed-navigation-next"]', seen: '2025–26 (PLATFORMS.md)' }];

/** Selectors that must match on each page kind; a miss is reported as layout drift. */
export const expectedBySurface: Readonly<Record<string, ReadonlyArray<{ name: string; selector: string }>>> = {
  recommend: [{ name: 'feedItem', selector: 'article[data-scroll-index], [data-e2e="recommend-list-item-container"]' }],
  video: [{ name: 'videoDesc', selector: '[data-e2e="browse-video-desc"], [data-e2e="browse-username"]' }],
  profile: [{ name: 'postList', selector: '[data-e2e="user-post-item-list"]' }],
  search: [{ name: 'searchItem', selector: '[data-e2e="search_top-item"], [data-e2e="search_video-item"]' }],
};
