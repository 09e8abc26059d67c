/**
 * Routes of the Douyin surface replicas, consulted by demo/replica.mjs before its own (it answers null for
 * anything that is not a surface page, a surface API, one of the extra live rooms, or one of their products).
 *
 *   www.douyin.com   /?recommend=1  recommend feed, first page streamed in the HTML (self.__pace_f), then /tab/feed/
 *                    /?layout=drift recommend feed with none of the known data-e2e hooks
 *                    /follow  /friend                 vertical feeds: /aweme/v1/web/follow/feed/, /familiar/feed/
 *                    /jingxuan                        grid + modal: /aweme/v1/web/module/feed/, /aweme/v2/web/module/feed/
 *                    /search/<kw>[?type=video]        /aweme/v1/web/general/search/single/, /aweme/v1/web/search/item/
 *                    /user/<PROFILE_SEC_UID>          RENDER_DATA, then /aweme/v1/web/aweme/post/
 *                    /video/<id>  /note/<id>          /aweme/v1/web/aweme/detail/; self.__pace_f videoDetail
 *   live.douyin.com  /webcast/room/web/enter/?web_rid=, /live/promotions/page/?room_id= for BRAND_ROOM, GAME_ROOM
 *   *.jinritemai.com product pages of those rooms' goods
 * Static files: /__replica/douyin-surfaces/<file>.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIRST_PAGE_COUNT, feedItemAt } from '../data.mjs';
import * as D from './data-surfaces.mjs';
import { roomById, roomByWebRid, surfaceProductById, surfaceRoomEnter, surfaceRoomPromotions } from './data-live.mjs';
import { detailPage, jingxuanPage, profilePage, searchPage, slidePage } from './pages.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const TYPES = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', json: 'application/json; charset=utf-8' };
const ok = (body, type = 'html') => ({ status: 200, contentType: TYPES[type], headers: type === 'json' ? { 'cache-control': 'no-store' } : {}, body });
const json = (obj) => ok(JSON.stringify(obj), 'json');
const embed = (obj) => JSON.stringify(obj).replace(/</g, '\\u003c');

const API = {
  '/aweme/v1/web/follow/feed/': () => D.followFeed(),
  '/aweme/v1/web/familiar/feed/': () => D.familiarFeed(),
  '/aweme/v1/web/general/search/single/': () => D.generalSearch(),
  '/aweme/v1/web/search/item/': () => D.searchItems(),
  '/aweme/v1/web/aweme/post/': () => D.profilePosts(),
  '/aweme/v1/web/module/feed/': () => D.moduleFeedV1(),
  '/aweme/v2/web/module/feed/': () => D.moduleFeedV2(),
};

/** The recommend page's first page as the newer pages stream it (camelCase page state). */
const streamedFirstPage = () => ({ recommendAwemeList: Array.from({ length: FIRST_PAGE_COUNT }, (_, i) => D.camelize(feedItemAt(i))) });

function page(url) {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const q = url.searchParams;
  if (path === '/' && q.get('layout') === 'drift') return slidePage({ title: '抖音', on: '/', endpoint: '/aweme/v1/web/tab/feed/', layout: 'drift' });
  if (path === '/' && q.has('recommend')) {
    return slidePage({ title: '抖音-记录美好生活', on: '/', endpoint: '/aweme/v1/web/tab/feed/', streamedState: streamedFirstPage(), cursor: FIRST_PAGE_COUNT });
  }
  if (path === '/follow') return slidePage({ title: '关注 - 抖音', on: '/follow', endpoint: '/aweme/v1/web/follow/feed/', followShell: true });
  if (path === '/friend') return slidePage({ title: '朋友 - 抖音', on: '/friend', endpoint: '/aweme/v1/web/familiar/feed/' });
  if (path === '/jingxuan') return jingxuanPage({ first: '/aweme/v1/web/module/feed/?module_id=3003101&count=20', more: '/aweme/v2/web/module/feed/?module_id=3003101&count=20' });
  const search = /^\/search\/([^/]+)$/.exec(path);
  if (search) {
    const keyword = decodeURIComponent(search[1]);
    const video = q.get('type') === 'video';
    const first = `/aweme/v1/web/${video ? 'search/item' : 'general/search/single'}/?keyword=${encodeURIComponent(keyword)}&offset=0&count=10`;
    return searchPage({ keyword, tab: video ? 'video' : 'general', first });
  }
  if (path === `/user/${D.PROFILE_SEC_UID}`) {
    return profilePage({ nickname: D.PROFILE_AUTHOR.nickname, followers: D.PROFILE_AUTHOR.follower_count, renderState: D.profileRenderState(), more: `/aweme/v1/web/aweme/post/?sec_user_id=${D.PROFILE_SEC_UID}&max_cursor=1&count=18` });
  }
  const detail = /^\/(video|note)\/(\d+)$/.exec(path);
  if (detail && detail[1] === 'video') return detailPage({ kind: 'video', first: `/aweme/v1/web/aweme/detail/?aweme_id=${detail[2]}`, related: D.surfaceIds.friends() });
  if (detail && detail[2] === D.notePageId()) return detailPage({ kind: 'note', streamedState: D.noteStreamState(), related: D.surfaceIds.searchVideo() });
  return null;
}

/**
 * The surface replicas' answer to one request, or null when the request is not theirs.
 * @param {URL} url
 */
export function respondDouyinSurfaces(url) {
  const host = url.hostname;
  const path = url.pathname;
  if (host === 'www.douyin.com') {
    const asset = /^\/__replica\/douyin-surfaces\/([\w-]+\.(js|css))$/.exec(path);
    if (asset) return ok(readFileSync(join(HERE, asset[1]), 'utf8'), asset[2]);
    if (API[path]) return json(API[path]());
    if (path === '/aweme/v1/web/aweme/detail/') return json(D.awemeDetail(url.searchParams.get('aweme_id') ?? ''));
    const html = page(url);
    return html === null ? null : ok(html);
  }
  if (host === 'live.douyin.com') {
    if (path === '/webcast/room/web/enter/' && roomByWebRid(url.searchParams.get('web_rid') ?? '')) return json(surfaceRoomEnter(url.searchParams.get('web_rid')));
    if (path === '/live/promotions/page/' && roomById(url.searchParams.get('room_id') ?? '')) return json(surfaceRoomPromotions(url.searchParams.get('room_id')));
    return null;
  }
  if (host.endsWith('jinritemai.com') && path === '/ecommerce/trade/detail/index.html') {
    const product = surfaceProductById(url.searchParams.get('id') ?? '');
    if (!product) return null;
    return ok(readFileSync(join(HERE, '../jinritemai/product.html'), 'utf8').replace('__PRODUCT_JSON__', embed(product)));
  }
  return null;
}
