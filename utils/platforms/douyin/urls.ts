/**
 * Douyin page kinds as pure URL functions, each with the URLs it must accept beside it (refined-github style).
 * tests/unit/douyin-urls.test.ts checks every detector on its own examples and against everyone else's.
 */
import type { Surface } from '../../model/item';
import { parseUrl, trimmedPath, type Detector } from '../kit/urls';


const onWww = (u: URL | undefined): u is URL => !!u && (u.hostname === 'www.douyin.com' || u.hostname === 'douyin.com');
const parse = parseUrl;
const path = trimmedPath;

export const isRecommend = (url: string): boolean => {
  const u = parse(url);
  return onWww(u) && (path(u) === '/' || path(u) === '/discover' || path(u) === '/recommend') && !u.searchParams.has('modal_id');
};
isRecommend.examples = ['https://www.douyin.com/', 'https://www.douyin.com/?recommend=1', 'https://www.douyin.com/discover', 'https://douyin.com/recommend'];

export const isJingxuan = (url: string): boolean => {
  const u = parse(url);
  return onWww(u) && (path(u) === '/jingxuan' || path(u).startsWith('/jingxuan/'));
};
isJingxuan.examples = ['https://www.douyin.com/jingxuan', 'https://www.douyin.com/jingxuan?modal_id=7587366360356556078', 'https://www.douyin.com/jingxuan/food'];

export const isFollow = (url: string): boolean => {
  const u = parse(url);
  return onWww(u) && (path(u) === '/follow' || path(u).startsWith('/follow/'));
};
isFollow.examples = ['https://www.douyin.com/follow', 'https://www.douyin.com/follow?tab=live'];

export const isFriends = (url: string): boolean => {
  const u = parse(url);
  return onWww(u) && (path(u) === '/friend' || path(u) === '/friends');
};
isFriends.examples = ['https://www.douyin.com/friend', 'https://www.douyin.com/friends'];

export const isSearch = (url: string): boolean => {
  const u = parse(url);
  return onWww(u) && /^\/(search|root\/search)\/[^/]+/.test(u.pathname);
};
isSearch.examples = ['https://www.douyin.com/search/%E4%B8%8D%E8%89%AF%E4%BA%BA', 'https://www.douyin.com/search/lipstick?type=video', 'https://www.douyin.com/root/search/%E5%8F%A3%E7%BA%A2'];

export const isProfile = (url: string): boolean => {
  const u = parse(url);
  return onWww(u) && /^\/user\/[^/]+$/.test(path(u));
};
isProfile.examples = ['https://www.douyin.com/user/MS4wLjABAAAAOfw4qQ1d-Yz_6JDyy_6LnL3qaplzWl5blAv3xva0Jfz7UYrQ7PIZCnTXnhzO_bNF', 'https://www.douyin.com/user/self?showTab=post'];

export const isVideoPage = (url: string): boolean => {
  const u = parse(url);
  return onWww(u) && /^\/video\/\d+$/.test(path(u));
};
isVideoPage.examples = ['https://www.douyin.com/video/7227779405026774329', 'https://www.douyin.com/video/7101711358466460958?previous_page=app_code_link'];

export const isNotePage = (url: string): boolean => {
  const u = parse(url);
  return onWww(u) && /^\/note\/\d+$/.test(path(u));
};
isNotePage.examples = ['https://www.douyin.com/note/7231778497230867770'];

export const isLiveRoom = (url: string): boolean => {
  const u = parse(url);
  return !!u && u.hostname === 'live.douyin.com' && /^\/\d+$/.test(path(u));
};
isLiveRoom.examples = ['https://live.douyin.com/748885465117', 'https://live.douyin.com/64715094072?enter_from_merge=web_live'];

export const isProductPage = (url: string): boolean => {
  const u = parse(url);
  return !!u && (u.hostname === 'jinritemai.com' || u.hostname.endsWith('.jinritemai.com') || u.hostname.startsWith('haohuo.'));
};
isProductPage.examples = [
  'https://haohuo.jinritemai.com/views/product/item2?id=3427208925718663648',
  'https://haohuo.jinritemai.com/ecommerce/trade/detail/index.html?id=3445251740050566772',
  'https://haohuo.snssdk.com/views/product/item?id=3445251740050566772',
];

/** Detectors in the order `surfaceOf` tries them. */
export const SURFACE_DETECTORS: ReadonlyArray<[Surface, Detector]> = [
  ['recommend', isRecommend],
  ['jingxuan', isJingxuan],
  ['follow', isFollow],
  ['friends', isFriends],
  ['search', isSearch],
  ['profile', isProfile],
  ['video', isVideoPage],
  ['note', isNotePage],
  ['live-room', isLiveRoom],
  ['product-page', isProductPage],
];

const DOUYIN_HOSTS = /(^|\.)douyin\.com$|(^|\.)jinritemai\.com$|^haohuo\./;

/** Which surface a URL is; 'other' for other Douyin pages; null when the URL is not Douyin's. */
export function surfaceOf(url: string): Surface | null {
  const u = parse(url);
  if (!u || !DOUYIN_HOSTS.test(u.hostname)) return null;
  for (const [surface, detect] of SURFACE_DETECTORS) if (detect(url)) return surface;
  return 'other';
}

/** What a Douyin URL says: a live room's number, a product id, a search keyword. Pure. */
export function urlFacts(url: string): { roomId?: string; productId?: string; query?: string } {
  const u = parse(url);
  if (!u) return {};
  if (isLiveRoom(url)) return { roomId: path(u).slice(1) };
  if (isProductPage(url)) {
    const id = u.searchParams.get('id') ?? u.searchParams.get('product_id');
    return id && /^\d{6,25}$/.test(id) ? { productId: id } : {};
  }
  if (isSearch(url)) {
    try {
      return { query: decodeURIComponent(u.pathname.split('/search/')[1]?.split('/')[0] ?? '') };
    } catch {
      return {};
    }
  }
  return {};
}
