/**
 * Every Douyin DOM selector, one named export each: a list of fallbacks, newest first, each with the date it was
 * seen and its source (PLATFORMS.md gathers them from userscripts, crawlers and filter lists that work on the live
 * site). Class names are rotating hashes: never select by them. Checked on saved fixture pages, never live sites.
 */

import { all, first, matchesAny, outermost, type Sel } from '../kit/selectors';

export { all, first, matchesAny, outermost, type Sel };

export const feedItem: readonly Sel[] = [
  { selector: '[data-e2e="feed-active-video"], [data-e2e="feed-video"]', seen: '2024–2026 recommend / 精选 feed (PLATFORMS.md)' },
  { selector: '#slider-card[data-e2e="feed-live"], [data-e2e="feed-live"]', seen: '2025 live card in the feed (PLATFORMS.md)' },
  { selector: '#slidelist .page-recommend-container', seen: '2025–26 slide wrapper (PLATFORMS.md)' },
  { selector: '[data-e2e="scroll-list"] li .search-result-card', seen: '2026-09 search result cards (PLATFORMS.md)' },
  { selector: '[id^="waterfall_item"]', seen: '2026 general search tab cards (PLATFORMS.md)' },
  { selector: '[data-e2e="user-post-list"] li', seen: '2024 profile post grid (PLATFORMS.md)' },
  { selector: '.discover-video-card-item', seen: '2025 精选 grid card (PLATFORMS.md)' },
  { selector: '[data-e2e="video-detail"], [data-e2e="note-detail"]', seen: '2024 video / image post page: the page is one item (PLATFORMS.md)' },
  { selector: '[data-aweme-id]', seen: 'id attribute also seen on items (PLATFORMS.md); the last hook left when the data-e2e ones drift' },
];

export const feedContainer: readonly Sel[] = [
  { selector: '#slidelist [data-e2e="slideList"]', seen: '2024–25 recommend list (PLATFORMS.md)' },
  { selector: '#slidelist', seen: '2025–26 recommend wrapper (PLATFORMS.md)' },
  { selector: '#search-result-container', seen: '2026 search frame (PLATFORMS.md)' },
  { selector: '[data-e2e="user-post-list"]', seen: '2024 profile grid (PLATFORMS.md)' },
  { selector: '.route-scroll-container', seen: '2025 follow feed (PLATFORMS.md)' },
];

export const activeItem: readonly Sel[] = [
  { selector: '[data-e2e="feed-active-video"]', seen: '2024–2026 playing item (PLATFORMS.md)' },
  { selector: '[data-e2e="modal-video-container"]', seen: '2025 modal player on 精选 / search (PLATFORMS.md)' },
  { selector: '[data-e2e="video-detail"]', seen: '2024 video page (PLATFORMS.md)' },
  { selector: '[data-e2e="note-detail"]', seen: '2024 image post page (PLATFORMS.md)' },
  { selector: 'div.dySwiperSlide [data-e2e="feed-active-video"]', seen: '2024-05 older layout (PLATFORMS.md)' },
  { selector: '[data-e2e="living-container"]', seen: '2025 live.douyin.com room: the room is the item (PLATFORMS.md)' },
];

/** Active items whose id is in the page URL (`modal_id=`, `/video/<id>`, `/note/<id>`), not in an attribute. */
export const idInUrl = '[data-e2e="modal-video-container"], [data-e2e="video-detail"], [data-e2e="note-detail"]';

/**
 * Grid pages (精选 without the modal, search, a profile's posts) play nothing: the item the viewer is on is the
 * card under the pointer (`:hover`, so no pointer bookkeeping of our own).
 */
export const hoveredCard: readonly Sel[] = [
  { selector: '.discover-video-card-item:hover', seen: '2025 精选 grid card (PLATFORMS.md)' },
  { selector: '[data-e2e="scroll-list"] li:hover .search-result-card', seen: '2026-09 search result cards (PLATFORMS.md)' },
  { selector: '[id^="waterfall_item"]:hover', seen: '2026 general search tab cards (PLATFORMS.md)' },
  { selector: '[data-e2e="user-post-list"] li:hover', seen: '2024 profile post grid (PLATFORMS.md)' },
];

/** Attributes that carry an item id wherever they sit: the last resort when no known item hook matches. */
export const idCarrier = '[data-e2e-vid], [data-aweme-id]';

/** Attributes that carry the item id on an item element, newest first. */
export const itemIdAttributes = ['data-e2e-vid', 'data-aweme-id'] as const;

export const accountRow: readonly Sel[] = [
  { selector: '.video-info-detail .account', seen: '2025 account row under the description (PLATFORMS.md)' },
  { selector: '#video-info-wrap', seen: '2024 info block (PLATFORMS.md)' },
];

export const description: readonly Sel[] = [
  { selector: '[data-e2e="video-desc"]', seen: '2024–2026 (PLATFORMS.md)' },
  { selector: '.video-info-detail .title', seen: '2025 (PLATFORMS.md)' },
];

export const coCreatorBeside: readonly Sel[] = [{ selector: '.video-create-time', seen: '2025: a span beside it is a 共创 credit, not an ad (PLATFORMS.md)' }];

export const shopAnchor: readonly Sel[] = [
  { selector: '.xgplayer-shop-anchor', seen: '2024–2026 product anchor in .player-position-box-bottom (PLATFORMS.md)' },
  { selector: '#videoSideBar iframe', seen: '2025 product side panel (PLATFORMS.md)' },
];

export const shopLink: readonly Sel[] = [
  { selector: 'a[href*="haohuo"]', seen: '2020–2026 product pages (PLATFORMS.md)' },
  { selector: 'a[href*="jinritemai"]', seen: '2020–2026 product pages (PLATFORMS.md)' },
];

export const yellowCart: readonly Sel[] = [{ selector: '[data-e2e="yellowCart-container"]', seen: '2025–2026 小黄车 on live cards and rooms (PLATFORMS.md)' }];

export const liveCard: readonly Sel[] = [
  { selector: '[data-e2e="feed-live"]', seen: '2025 (PLATFORMS.md)' },
  { selector: '[data-e2e="live-slider"]', seen: '2024 (PLATFORMS.md)' },
  { selector: '.search-result-card a[href*="live.douyin.com"]', seen: '2026 live search result (PLATFORMS.md)' },
  { selector: '[data-e2e="living-container"]', seen: '2025 live.douyin.com room (PLATFORMS.md)' },
];

export const liveRoomId: readonly Sel[] = [{ selector: 'a[href*="live.douyin.com/"]', seen: '2026 live card links (PLATFORMS.md)' }];

/** The box the overlay's chips sit just above: the product-anchor row, else the description block. */
export const overlaySlot: readonly Sel[] = [
  { selector: '.player-position-box-bottom', seen: '2025 row of product / place anchors above the description (PLATFORMS.md)' },
  { selector: '.video-info-detail', seen: '2025 info block above the controls (PLATFORMS.md)' },
  { selector: '#video-info-wrap', seen: '2024 (PLATFORMS.md)' },
];

export const nextButton: readonly Sel[] = [
  { selector: '.xgplayer-playswitch-next', seen: '2025 (PLATFORMS.md)' },
  { selector: '[data-e2e="video-switch-next-arrow"]', seen: '2024 (PLATFORMS.md)' },
];

/** Selectors that must match on each page kind; a miss is reported as layout drift. */
export const expectedBySurface: Readonly<Record<string, ReadonlyArray<{ name: string; selector: string }>>> = {
  recommend: [{ name: 'feedItem', selector: '[data-e2e="feed-active-video"], [data-e2e="feed-video"], [data-e2e="feed-live"]' }],
  jingxuan: [{ name: 'grid', selector: '.discover-video-card-item, [data-e2e="modal-video-container"]' }],
  follow: [{ name: 'followFeed', selector: '.route-scroll-container' }],
  search: [{ name: 'searchFrame', selector: '#search-result-container, #search-content-area' }],
  profile: [{ name: 'userInfo', selector: '[data-e2e="user-detail"] [data-e2e="user-info"], [data-e2e="user-info"]' }],
  video: [{ name: 'videoDetail', selector: '[data-e2e="video-detail"], [data-e2e="detail-video-info"]' }],
  note: [{ name: 'noteDetail', selector: '[data-e2e="note-detail"]' }],
  'live-room': [{ name: 'livingContainer', selector: '[data-e2e="living-container"], [id^="living_room_player_container"], .live-main' }],
};
