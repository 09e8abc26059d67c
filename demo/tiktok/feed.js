/*
 * Guangjie demo: the www.tiktok.com For You replica (plain script, no build step).
 *
 * Items come from fetch('/api/recommend/item_list/?…') → {itemList, hasMore, cursor, statusCode}. Like the real
 * recycled list, only a window of articles around the current one is in the DOM, each
 * article[data-scroll-index=<feed position>] with its player wrapper #xgwrapper-0-<item id>; the current article
 * fills the column, its neighbours sit above and below it. ArrowDown / ArrowUp and the feed-navigation buttons move.
 * Labels: [data-e2e="ad-tag"] + CTA on ads, [data-e2e="sponsored-tag"] on partnerships, a DivLiveTag on LIVE
 * items, an anchor link /view/product/<id> on product anchors. Nothing is ever hidden.
 *
 * For tests: window.__replica = { active(), count(), next(), prev(), go(i), ready }.
 */
(function () {
  'use strict';

  var WINDOW_BEFORE = 2; // articles kept above the current one
  var WINDOW_AFTER = 3; // and below it
  var PREFETCH_WHEN_LEFT = 3; // fetch the next page when this few loaded items remain below the current one
  var PAGE_SIZE = 8;

  var params = new URLSearchParams(location.search);
  var list = document.getElementById('column-list-container');
  var loadingEl = document.getElementById('feed-loading');
  var items = [];
  var rendered = new Map(); // feed position -> article
  var active = 0;
  var cursor = '0';
  var hasMore = true;
  var loading = null;
  var readyResolve;
  var ready = new Promise(function (r) { readyResolve = r; });

  function h(tag, attrs) {
    var el = document.createElement(tag);
    for (var k in attrs || {}) {
      if (attrs[k] == null || attrs[k] === false) continue;
      if (k === 'text') el.textContent = attrs[k];
      else if (k === 'style') el.style.cssText = attrs[k];
      else el.setAttribute(k, String(attrs[k]));
    }
    for (var i = 2; i < arguments.length; i++) if (arguments[i]) el.appendChild(typeof arguments[i] === 'string' ? document.createTextNode(arguments[i]) : arguments[i]);
    return el;
  }
  function hue(id) { var x = 0; for (var i = 0; i < id.length; i++) x = (x * 31 + id.charCodeAt(i)) % 360; return x; }
  function count(n) { return n >= 1e6 ? (n / 1e6).toFixed(1) + 'M' : n >= 1e3 ? (n / 1e3).toFixed(1) + 'K' : String(n); }

  function load() {
    if (loading || !hasMore) return loading || Promise.resolve();
    var url = '/api/recommend/item_list/?aid=1988&count=' + PAGE_SIZE + '&cursor=' + encodeURIComponent(cursor) + (params.get('items') ? '&items=' + encodeURIComponent(params.get('items')) : '');
    loading = fetch(url, { credentials: 'include' })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        if (body.statusCode !== 0) throw new Error('statusCode ' + body.statusCode);
        items = items.concat(body.itemList || []);
        hasMore = !!body.hasMore;
        cursor = String(body.cursor);
      })
      .catch(function (e) { console.warn('feed load failed', e); hasMore = false; })
      .then(function () { loading = null; loadingEl.hidden = items.length > 0; render(); });
    return loading;
  }

  function article(item, index) {
    var a = item.author || {};
    var live = item.liveRoomInfo;
    var bottom = h('div', { class: 'css-d1-DivMediaCardBottom' },
      h('a', { class: 'author', href: '/@' + a.uniqueId, 'data-e2e': 'video-author-uniqueid' }, a.uniqueId || ''),
      h('div', { 'data-e2e': 'video-desc' }, live ? live.title : item.desc || ''));
    if (item.isAd) {
      bottom.appendChild(h('div', { 'data-e2e': 'ad-tag', class: 'css-e1-DivAdTag' }, 'Sponsored'));
      if (!(item.anchors || []).length) bottom.appendChild(h('a', { 'data-e2e': 'ttam-ads-cta', class: 'css-f1-ButtonCta', href: 'https://quoteapp.example/start', target: '_blank', rel: 'noopener' }, 'Learn more'));
    } else if (item.adAuthorization) {
      bottom.appendChild(h('div', { 'data-e2e': 'sponsored-tag', class: 'css-h1-DivSponsoredTag' }, 'Paid partnership'));
    }
    (item.anchors || []).forEach(function (an) {
      var m = /\/view\/product\/(\d+)/.exec(an.schema || '');
      if (m) bottom.appendChild(h('a', { class: 'css-g1-AAnchorTagLink', href: '/view/product/' + m[1] }, '🛒 ' + an.keyword));
    });
    if (live) bottom.appendChild(h('a', { href: '/@' + a.uniqueId + '/live', class: 'css-k1-ALiveEnter' }, 'Watch LIVE · ' + count(live.liveRoomStats.userCount) + ' viewers'));
    var frame = h('div', { class: 'css-z1-DivFakeFrame', style: 'background:linear-gradient(160deg,hsl(' + hue(item.id) + ',55%,35%),hsl(' + ((hue(item.id) + 60) % 360) + ',45%,18%))' });
    var section = h('section', { class: 'css-b1-SectionMediaCardContainer' },
      h('div', { class: 'css-c1-DivBasicPlayerWrapper' }, h('div', { id: 'xgwrapper-0-' + item.id, class: 'xgplayer' }, frame)),
      live ? h('div', { class: 'css-i1-DivLiveTag' }, 'LIVE') : null,
      bottom);
    var stats = item.stats || {};
    var bar = h('section', { class: 'css-l1-SectionActionBarContainer' },
      h('div', {}, '♥ ' + count(stats.diggCount || 0)), h('div', {}, '💬 ' + count(stats.commentCount || 0)), h('div', {}, '↗ ' + count(stats.shareCount || 0)));
    return h('article', { 'data-scroll-index': index, 'data-e2e': 'recommend-list-item-container', class: 'css-a1-ArticleItemContainer' }, section, bar);
  }

  function render() {
    var lo = Math.max(0, active - WINDOW_BEFORE);
    var hi = Math.min(items.length - 1, active + WINDOW_AFTER);
    rendered.forEach(function (el, i) { if (i < lo || i > hi) { el.remove(); rendered.delete(i); } });
    for (var i = lo; i <= hi; i++) {
      var el = rendered.get(i);
      if (!el) {
        el = article(items[i], i);
        rendered.set(i, el);
        var after = null;
        rendered.forEach(function (other, j) { if (j > i && (!after || j < Number(after.getAttribute('data-scroll-index')))) after = other; });
        list.insertBefore(el, after && after.parentNode === list ? after : null);
      }
      el.style.top = (i - active) * 100 + '%';
      el.classList.toggle('css-a2-ArticleItemContainer-current', i === active);
    }
    if (items.length - 1 - active < PREFETCH_WHEN_LEFT) load();
  }

  function go(i) {
    var next = Math.max(0, Math.min(items.length - 1, i));
    if (next === active) return;
    active = next;
    render();
  }

  document.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') { e.preventDefault(); go(active + 1); }
    if (e.key === 'ArrowUp') { e.preventDefault(); go(active - 1); }
  });
  document.querySelector('[data-e2e="feed-navigation-next"]').addEventListener('click', function () { go(active + 1); });
  document.querySelector('[data-e2e="feed-navigation-previous"]').addEventListener('click', function () { go(active - 1); });

  window.__replica = {
    active: function () { return items[active] ? { index: active, id: items[active].id } : null; },
    count: function () { return items.length; },
    next: function () { go(active + 1); },
    prev: function () { go(active - 1); },
    go: go,
    ready: ready,
  };
  load().then(function () { readyResolve(); });
})();
