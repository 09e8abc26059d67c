/**
 * TikTok web page kinds as pure URL functions, each with the URLs it must accept beside it (refined-github style).
 * tests/unit/tiktok-urls.test.ts checks every detector on its own examples and against everyone else's, Douyin's
 * included. Only www.tiktok.com (and the bare tiktok.com) is TikTok here: it is the one host the manifest asks for.
 */
import type { Surface } from '../../model/item';
import { parseUrl, trimmedPath, type Detector } from '../kit/urls';


const onTikTok = (u: URL | undefined): u is URL => !!u && (u.hostname === 'www.tiktok.com' || u.hostname === 'tiktok.com');
const parse = parseUrl;
const path = trimmedPath;
/** `@user.name_1`: TikTok handles are letters, digits, `_` and `.`. */
const HANDLE = '@[\\w.-]{1,64}';
const ID = '\\d{6,25}';

export const isForYou = (url: string): boolean => {
  const u = parse(url);
  return onTikTok(u) && (path(u) === '/' || path(u) === '/foryou');
};
isForYou.examples = ['https://www.tiktok.com/', 'https://www.tiktok.com/foryou', 'https://www.tiktok.com/foryou?lang=en', 'https://tiktok.com/?is_from_webapp=1'];

export const isFollowing = (url: string): boolean => {
  const u = parse(url);
  return onTikTok(u) && path(u) === '/following';
};
isFollowing.examples = ['https://www.tiktok.com/following', 'https://www.tiktok.com/following?lang=en'];

export const isFriends = (url: string): boolean => {
  const u = parse(url);
  return onTikTok(u) && path(u) === '/friends';
};
isFriends.examples = ['https://www.tiktok.com/friends'];

export const isSearch = (url: string): boolean => {
  const u = parse(url);
  return onTikTok(u) && /^\/search(\/(video|user|live|photo))?$/.test(path(u)) && !!u.searchParams.get('q');
};
isSearch.examples = ['https://www.tiktok.com/search?q=lipstick', 'https://www.tiktok.com/search/video?q=air%20fryer&t=1737272774000', 'https://www.tiktok.com/search/live?q=makeup'];

export const isProfile = (url: string): boolean => {
  const u = parse(url);
  return onTikTok(u) && new RegExp(`^/${HANDLE}$`).test(path(u));
};
isProfile.examples = ['https://www.tiktok.com/@tiktok.estimtes', 'https://www.tiktok.com/@zoey._.03.18?lang=zh-Hant-TW', 'https://www.tiktok.com/@ninja/'];

export const isVideoPage = (url: string): boolean => {
  const u = parse(url);
  return onTikTok(u) && new RegExp(`^/${HANDLE}/video/${ID}$`).test(path(u));
};
isVideoPage.examples = ['https://www.tiktok.com/@tiktok.estimtes/video/7461529726461447432', 'https://www.tiktok.com/@zoey._.03.18/video/7158770362770099483?is_from_webapp=1&sender_device=pc'];

/** Photo-mode posts: the image-post page, Douyin's `/note/` counterpart. */
export const isPhotoPage = (url: string): boolean => {
  const u = parse(url);
  return onTikTok(u) && new RegExp(`^/${HANDLE}/photo/${ID}$`).test(path(u));
};
isPhotoPage.examples = ['https://www.tiktok.com/@travel.diary/photo/7300000000000000001'];

export const isLiveRoom = (url: string): boolean => {
  const u = parse(url);
  return onTikTok(u) && new RegExp(`^/${HANDLE}/live$`).test(path(u));
};
isLiveRoom.examples = ['https://www.tiktok.com/@ninja/live', 'https://www.tiktok.com/@ninja/live?enter_from_merge=others_homepage'];

/** TikTok Shop product pages on www.tiktok.com: `/view/product/<id>` and the regional `/<cc>/pdp/<slug>/<id>`. */
export const isProductPage = (url: string): boolean => {
  const u = parse(url);
  return onTikTok(u) && (new RegExp(`^(/shop)?/view/product/${ID}$`).test(path(u)) || new RegExp(`^/(shop|[a-z]{2})/pdp/[^/]{1,300}/${ID}$`).test(path(u)));
};
isProductPage.examples = [
  'https://www.tiktok.com/view/product/1729384756102938475',
  'https://www.tiktok.com/view/product/1729384756102938475?region=US&local=en',
  'https://www.tiktok.com/us/pdp/silk-pillowcase-queen/1729384756102938475',
  'https://www.tiktok.com/shop/pdp/air-fryer-5l/1729587246601234567',
];

/** Detectors in the order `surfaceOf` tries them. */
export const SURFACE_DETECTORS: ReadonlyArray<[Surface, Detector]> = [
  ['recommend', isForYou],
  ['follow', isFollowing],
  ['friends', isFriends],
  ['search', isSearch],
  ['profile', isProfile],
  ['video', isVideoPage],
  ['note', isPhotoPage],
  ['live-room', isLiveRoom],
  ['product-page', isProductPage],
];

/** Which surface a URL is; 'other' for other TikTok pages (explore, LIVE hub); null when it is not TikTok's. */
export function surfaceOf(url: string): Surface | null {
  const u = parse(url);
  if (!onTikTok(u)) return null;
  for (const [surface, detect] of SURFACE_DETECTORS) if (detect(url)) return surface;
  return 'other';
}

/** What a TikTok URL says: a product id, a search keyword. A LIVE room's URL names the host, not the room. */
export function urlFacts(url: string): { productId?: string; query?: string } {
  const u = parse(url);
  if (!u || !onTikTok(u)) return {};
  if (isProductPage(url)) return { productId: path(u).split('/').pop() };
  if (isSearch(url)) return { query: u.searchParams.get('q') ?? undefined };
  return {};
}
