/**
 * The TikTok replica's answers for https://www.tiktok.com/** (demo/replica.mjs calls `respondTikTok`):
 *   /  /foryou                         For You page (demo/tiktok/index.html + feed.js)
 *   /api/recommend/item_list/?count=&cursor=   the feed API (`items=` overrides the feed length)
 *   /api/live/detail/?roomID=          a LIVE room's detail, shaped like the real one
 *   /view/product/<id>                 a TikTok Shop product page (Buy now, Add to cart: never submits)
 *   /@<handle>  /@<handle>/live        stub profile and LIVE pages
 * Static files: /__replica/tiktok/<file>.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TIKTOK_DEFAULT_ITEMS, tiktokFeedPage, tiktokItemAt, tiktokProductById, tiktokRoomIdAt } from './data.mjs';

const DIR = dirname(fileURLToPath(import.meta.url));
const TYPES = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', json: 'application/json; charset=utf-8' };
/** Largest feed the replica serves, and largest page (the real client asks for 8–30). */
const MAX_ITEMS = 100_000;
const MAX_PAGE = 30;

const cache = new Map();
const file = (name) => (cache.has(name) ? cache.get(name) : (cache.set(name, readFileSync(join(DIR, name), 'utf8')), cache.get(name)));
const ok = (body, type = 'html', status = 200) => ({ status, contentType: TYPES[type], headers: type === 'json' ? { 'cache-control': 'no-store' } : {}, body });
const embed = (obj) => JSON.stringify(obj).replace(/</g, '\\u003c');
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const stub = (title, body, status = 200) =>
  ok(`<!doctype html><meta charset="utf-8"><title>${escapeHtml(title)} | TikTok</title><body style="margin:0;background:#121212;color:#ddd;font-family:system-ui,sans-serif;padding:40px">${body}<p><a style="color:#25f4ee" href="/">Back to For You</a></p><p style="color:#777">Local demo page, not TikTok.</p></body>`, 'html', status);

function intParam(params, name, fallback, max) {
  const n = Number.parseInt(params.get(name) ?? '', 10);
  return Math.min(Math.max(0, Number.isFinite(n) ? n : fallback), max);
}

/** @param {URL} url @param {{ items?: number }} options */
export function respondTikTok(url, options = {}) {
  const path = url.pathname;
  const asset = /^\/__replica\/tiktok\/([\w-]+\.(js|css|html))$/.exec(path);
  if (asset) {
    try {
      return ok(file(asset[1]), asset[2]);
    } catch {
      return stub('Not found', '<h2>Not found</h2>', 404);
    }
  }
  if (path === '/' || path === '/foryou') return ok(file('index.html'));
  if (path === '/api/recommend/item_list/') {
    const total = intParam(url.searchParams, 'items', options.items ?? TIKTOK_DEFAULT_ITEMS, MAX_ITEMS) || 1;
    const page = tiktokFeedPage({ cursor: intParam(url.searchParams, 'cursor', 0, MAX_ITEMS), count: intParam(url.searchParams, 'count', 8, MAX_PAGE), total });
    return ok(JSON.stringify(page), 'json');
  }
  if (path === '/api/live/detail/') return ok(JSON.stringify(liveDetail(url.searchParams.get('roomID') ?? '')), 'json');
  const product = /^\/view\/product\/(\d{6,25})\/?$/.exec(path);
  if (product) {
    const p = tiktokProductById(product[1]);
    return ok(file('product.html').replace('__PRODUCT_JSON__', embed(p)), 'html', p ? 200 : 404);
  }
  const live = /^\/(@[\w.-]+)\/live\/?$/.exec(path);
  if (live) return stub(`${live[1]} LIVE`, `<h2>${escapeHtml(live[1])} is LIVE</h2><p>The LIVE room is not replicated.</p>`);
  const profile = /^\/(@[\w.-]+)\/?$/.exec(path);
  if (profile) return stub(profile[1], `<div data-e2e="user-post-item-list"><h2>${escapeHtml(profile[1])}</h2><p>Profile not replicated.</p></div>`);
  if (path === '/favicon.ico') return { status: 204, contentType: 'image/x-icon', headers: {}, body: '' };
  return stub('Page not available', '<h2>Page not available</h2>', 404);
}

/** `/api/live/detail/` for a replica room: `{LiveRoomInfo, statusCode}` (status 4 = ended, for unknown rooms). */
function liveDetail(roomId) {
  const i = /^\d{19}$/.test(roomId) ? Number(BigInt(roomId) - BigInt(tiktokRoomIdAt(0))) : -1;
  const item = i >= 0 && i < MAX_ITEMS && tiktokRoomIdAt(i) === roomId ? tiktokItemAt(i) : null;
  if (item?.liveRoomInfo) return { LiveRoomInfo: { ...item.liveRoomInfo, liveUrl: '' }, extra: { now: 1767225600000 }, statusCode: 0, status_code: 0 };
  return { LiveRoomInfo: { roomID: roomId, status: 4 }, statusCode: 0, status_code: 0 };
}
