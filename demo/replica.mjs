/**
 * The bundled demo: a local replica of Douyin's pages served through Playwright routes, so the extension's real
 * match patterns apply (https://www.douyin.com/*, https://live.douyin.com/*, https://*.jinritemai.com/*) and no
 * test, benchmark or demo ever touches the internet. Every other external request is aborted.
 *
 *   import { installReplica, demoFeed } from './demo/replica.mjs';
 *   const replica = await installReplica(context, { items: 2000 });
 *   await page.goto(replica.home);            // https://www.douyin.com/
 *
 * Hosts and paths served (anything else on these hosts: 404):
 *   www.douyin.com        /  /recommend  (feed page; `?items=N` sets the feed length for that page)
 *                         /aweme/v1/web/tab/feed/?count=&cursor=   (feed API; `items=` query overrides the length)
 *                         /user/<sec_uid>                          (a stub profile page)
 *   live.douyin.com       /<web_rid>  (room page)   /   (list of demo rooms)
 *                         /webcast/room/web/enter/?web_rid=        /live/promotions/page/?room_id=
 *   haohuo.jinritemai.com /ecommerce/trade/detail/index.html?id=<product_id>   (product page: 加入购物车, 立即购买)
 *                         /ecommerce/trade/order/confirm/index.html?id=        (order confirmation, never submits)
 *   www.tiktok.com        /  /foryou  (For You page)   /api/recommend/item_list/?count=&cursor=   /api/live/detail/?roomID=
 *                         /view/product/<id>  (product page: Add to cart, Buy now)   /@<handle>, /@<handle>/live (stubs)
 *                         (demo/tiktok/routes.mjs)
 * Static files of the replica are under /__replica/<douyin|live|jinritemai|tiktok>/ on each host.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_FEED_ITEMS,
  FIRST_PAGE_COUNT,
  demoFeed,
  expectedAt,
  expectedFeed,
  feedItemAt,
  feedPage,
  kindAt,
  productById,
  productUrl,
  roomByWebRid,
  roomEnterResponse,
  roomPromotionsResponse,
  webRidAt,
} from './data.mjs';
import { respondTikTok } from './tiktok/routes.mjs';
// Douyin surface replicas (follow, friends, 精选, search, profile, video, note, drift, extra live rooms).
import { respondDouyinSurfaces } from './douyin-surfaces/routes.mjs';

export {
  DEFAULT_FEED_ITEMS,
  FIRST_PAGE_COUNT,
  demoFeed,
  expectedAt,
  expectedFeed,
  feedItemAt,
  feedPage,
  kindAt,
  productById,
  productUrl,
  roomEnterResponse,
  webRidAt,
};
export { tiktokFeed, tiktokExpectedFeed, tiktokItemAt, tiktokProductIdAt } from './tiktok/data.mjs';
/** The TikTok replica's For You page. */
export const TIKTOK_HOME = 'https://www.tiktok.com/';

const DEMO_DIR = dirname(fileURLToPath(import.meta.url));
/** Largest feed the replica will serve. */
export const MAX_FEED_ITEMS = 100_000;

/** The feed page. */
export const REPLICA_HOME = 'https://www.douyin.com/';
/** The selling live room of the first page (item 5) and the paid one (item 8). */
export const DEMO_LIVE_WEB_RID = webRidAt(4);
export const DEMO_AD_LIVE_WEB_RID = webRidAt(7);
/** The product of item 3 (an influencer's affiliate product) and of item 4 (a brand's own). */
export const DEMO_PRODUCT_ID = demoFeed[2].productIds[0];
export const DEMO_BRAND_PRODUCT_ID = demoFeed[3].productIds[0];

export const liveRoomUrl = (webRid = DEMO_LIVE_WEB_RID) => `https://live.douyin.com/${webRid}`;

/** Hosts the replica answers; requests to any other host are aborted. */
export function isReplicaHost(hostname) {
  return hostname === 'www.douyin.com' || hostname === 'live.douyin.com' || hostname === 'www.tiktok.com' || hostname.endsWith('.jinritemai.com');
}

const TYPES = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', json: 'application/json; charset=utf-8' };
const STATIC_DIRS = new Set(['douyin', 'live', 'jinritemai']);
const fileCache = new Map();
function file(rel) {
  if (!fileCache.has(rel)) fileCache.set(rel, readFileSync(join(DEMO_DIR, rel), 'utf8'));
  return fileCache.get(rel);
}
const ok = (body, type = 'html', headers = {}) => ({ status: 200, contentType: TYPES[type], body, headers });
const json = (obj) => ok(JSON.stringify(obj), 'json', { 'cache-control': 'no-store' });
/** Embed JSON in a <script type="application/json"> safely. */
const embed = (obj) => JSON.stringify(obj).replace(/</g, '\\u003c');

function notFound(host) {
  const dark = !host.endsWith('jinritemai.com');
  return {
    status: 404,
    contentType: TYPES.html,
    headers: {},
    body: `<!doctype html><meta charset="utf-8"><title>404</title><body style="margin:0;height:100vh;display:flex;align-items:center;justify-content:center;font-family:system-ui,sans-serif;${dark ? 'background:#161823;color:#aaa' : ''}">页面不存在（本地演示）</body>`,
  };
}

function feedLength(searchParams, fallback) {
  const n = Number.parseInt(searchParams.get('items') ?? '', 10);
  const v = Number.isFinite(n) && n > 0 ? n : fallback;
  return Math.min(Math.max(1, v), MAX_FEED_ITEMS);
}

function staticFile(path) {
  const m = /^\/__replica\/([a-z]+)\/([\w.-]+\.(js|css|html))$/.exec(path);
  if (!m || !STATIC_DIRS.has(m[1])) return null;
  try {
    return ok(file(`${m[1]}/${m[2]}`), m[3]);
  } catch {
    return null;
  }
}

/**
 * The replica's answer to one request, as `{status, contentType, headers, body}`, or null when the host is not
 * one the replica serves. Pure apart from reading the replica's files; usable without Playwright.
 * @param {string} rawUrl
 * @param {{ items?: number }} [options]
 */
export function respond(rawUrl, options = {}) {
  const url = new URL(rawUrl);
  const host = url.hostname;
  if (!isReplicaHost(host)) return null;
  const path = url.pathname;
  const items = options.items ?? DEFAULT_FEED_ITEMS;
  const asset = staticFile(path);
  if (asset) return asset;
  // Douyin surface replicas first: they answer null for whatever is not theirs (demo/douyin-surfaces/routes.mjs).
  const surface = respondDouyinSurfaces(url);
  if (surface) return surface;

  if (host === 'www.douyin.com') {
    if (path === '/' || path === '/recommend' || path === '/recommend/') return ok(file('douyin/index.html'));
    if (path === '/aweme/v1/web/tab/feed/') {
      const cursor = Number(url.searchParams.get('cursor') ?? 0) || 0;
      const count = Number(url.searchParams.get('count') ?? 10) || 10;
      return json(feedPage({ cursor, count: Math.min(count, 50), total: feedLength(url.searchParams, items) }));
    }
    const user = /^\/user\/([\w-]+)$/.exec(path);
    if (user) {
      return ok(
        `<!doctype html><meta charset="utf-8"><title>用户主页 - 抖音</title><body style="margin:0;background:#161823;color:#ddd;font-family:system-ui,sans-serif"><div data-e2e="user-detail" style="padding:40px"><div data-e2e="user-info"><h2>用户 ${user[1].slice(0, 16)}…</h2><p>本地演示：主页未实现。</p><a href="/" style="color:#8ce7ff">返回推荐</a></div></div></body>`,
      );
    }
    if (path === '/favicon.ico') return { status: 204, contentType: 'image/x-icon', headers: {}, body: '' };
    return notFound(host);
  }

  if (host === 'live.douyin.com') {
    if (path === '/webcast/room/web/enter/') return json(roomEnterResponse(url.searchParams.get('web_rid') ?? ''));
    if (path === '/live/promotions/page/') return json(roomPromotionsResponse(url.searchParams.get('room_id') ?? ''));
    if (/^\/\d{6,20}\/?$/.test(path)) return ok(file('live/index.html'));
    if (path === '/') {
      const rooms = [];
      for (let i = 0; i < Math.min(items, 60); i++) {
        if (kindAt(i).startsWith('live') || kindAt(i) === 'ad-live') {
          const r = roomByWebRid(webRidAt(i));
          if (r) rooms.push(`<li><a style="color:#8ce7ff" href="/${webRidAt(i)}">${r.room.owner.nickname} · ${r.room.title}</a></li>`);
        }
      }
      return ok(`<!doctype html><meta charset="utf-8"><title>抖音直播</title><body style="margin:0;background:#0f1014;color:#ddd;font-family:system-ui,sans-serif;padding:32px"><h2>直播（本地演示）</h2><ul>${rooms.join('')}</ul></body>`);
    }
    if (path === '/favicon.ico') return { status: 204, contentType: 'image/x-icon', headers: {}, body: '' };
    return notFound(host);
  }

  if (host.endsWith('jinritemai.com')) {
    if (path === '/ecommerce/trade/detail/index.html' || path === '/views/product/item2') {
      const p = productById(url.searchParams.get('id') ?? '');
      return { ...ok(file('jinritemai/product.html').replace('__PRODUCT_JSON__', embed(p))), status: p ? 200 : 404 };
    }
    if (path === '/ecommerce/trade/order/confirm/index.html') {
      const p = productById(url.searchParams.get('id') ?? '');
      return { ...ok(file('jinritemai/order.html').replace('__PRODUCT_JSON__', embed(p))), status: p ? 200 : 404 };
    }
    return notFound(host);
  }

  // www.tiktok.com: demo/tiktok/routes.mjs
  return respondTikTok(url, options);
}

/**
 * Route every request of a Playwright BrowserContext to the replica: the replica's hosts are answered from the
 * files and handlers here, anything else external is aborted (so nothing leaves the machine).
 * @param {import('playwright-core').BrowserContext} context
 * @param {{ items?: number, apiDelayMs?: number, onRequest?: (entry: {method: string, url: string, status: number}) => void }} [options]
 *   items: feed length (default 120; a page URL's `?items=` overrides it);
 *   apiDelayMs: delay added to the JSON APIs (to imitate the network);
 *   onRequest: called for each request answered.
 * @returns {Promise<{ home: string, items: number, requests: Array<{method: string, url: string, status: number}>,
 *   liveRoomUrl: (webRid?: string) => string, productUrl: (id: string) => string, uninstall: () => Promise<void> }>}
 */
export async function installReplica(context, options = {}) {
  const items = Math.min(options.items ?? DEFAULT_FEED_ITEMS, MAX_FEED_ITEMS);
  const delay = options.apiDelayMs ?? 0;
  const requests = [];
  const record = (entry) => {
    if (requests.length < 50_000) requests.push(entry);
    options.onRequest?.(entry);
  };

  // Registered first, so it runs last: whatever the replica does not serve never reaches the network.
  const blockOthers = (url) => /^(https?|wss?):$/.test(url.protocol) && !(url.protocol === 'https:' && isReplicaHost(url.hostname));
  const abort = async (route) => {
    record({ method: route.request().method(), url: route.request().url(), status: 0 });
    await route.abort('blockedbyclient');
  };
  const serve = async (route) => {
    const request = route.request();
    let answer;
    try {
      answer = respond(request.url(), { items });
    } catch (err) {
      answer = { status: 500, contentType: TYPES.html, headers: {}, body: `replica error: ${String(err?.stack ?? err)}` };
    }
    if (!answer) return abort(route);
    if (delay > 0 && answer.contentType === TYPES.json) await new Promise((r) => setTimeout(r, delay));
    record({ method: request.method(), url: request.url(), status: answer.status });
    await route.fulfill({ status: answer.status, contentType: answer.contentType, headers: answer.headers, body: answer.body });
  };

  const patterns = ['https://www.douyin.com/**', 'https://live.douyin.com/**', 'https://*.jinritemai.com/**', 'https://www.tiktok.com/**'];
  await context.route(blockOthers, abort);
  for (const p of patterns) await context.route(p, serve);

  return {
    home: REPLICA_HOME,
    items,
    requests,
    liveRoomUrl,
    productUrl,
    async uninstall() {
      for (const p of patterns) await context.unroute(p, serve);
      await context.unroute(blockOthers, abort);
    },
  };
}
