/*
 * Guangjie demo: a single video page (/video/<id>: the item from /aweme/v1/web/aweme/detail/) and an image post
 * page (/note/<id>: the item streamed in the HTML, `videoDetail` in a self.__pace_f chunk). Related videos link
 * other /video/ ids, as on the real page — the page's own item is the one in its URL.
 */
(function () {
  'use strict';
  var S = window.__surfaces;
  var cfg = JSON.parse(document.getElementById('surface-config').textContent);
  var box = document.getElementById('detail');
  var readyResolve;
  var ready = new Promise(function (r) { readyResolve = r; });
  function show(item) {
    if (!item) { box.appendChild(S.h('div', { class: 'gone' }, '作品不存在')); return readyResolve(false); }
    var imgs = S.g(item, 'images');
    var media = imgs ? S.h('div', { class: 'fake-video note', style: '--hue:' + S.hue(S.id(item)) }, S.h('div', { class: 'big' }, '图文 1/' + imgs.length), S.info(item, true))
      : S.h('div', { class: 'fake-video', style: '--hue:' + S.hue(S.id(item)) }, S.h('div', { class: 'big' }, (S.g(item, 'desc') || '').slice(0, 16)), S.info(item, true));
    box.appendChild(media);
    box.appendChild(S.h('div', { 'data-e2e': 'detail-video-info', class: 'side' }, S.h('h3', null, (S.g(item, 'desc') || '').slice(0, 40)),
      S.h.apply(null, ['div', { 'data-e2e': 'related-video' }, S.h('div', { class: 'rel-title' }, '相关推荐')].concat((cfg.related || []).map(function (id) { return S.h('a', { href: '/video/' + id, class: 'rel' }, '▶ ' + id.slice(-6)); })))));
    readyResolve(true);
  }
  if (cfg.streamed) {
    var found = null;
    S.streamed().forEach(function (v) { if (v.videoDetail) found = v.videoDetail; });
    show(found);
  } else {
    S.getJson(cfg.first).then(function (json) { show(json.aweme_detail); });
  }
  window.__surface = { ready: ready };
})();
