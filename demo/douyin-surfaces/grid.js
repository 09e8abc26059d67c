/*
 * Guangjie demo: grid pages — 精选 (/jingxuan: module feed, a modal player on click), search (/search/<kw>: the
 * general tab's waterfall cards, the video tab's scroll-list), a profile's posts (/user/<sec_uid>: first page in
 * RENDER_DATA, more from /aweme/post/ when its own container scrolls). Config in <script id="surface-config">.
 */
(function () {
  'use strict';
  var S = window.__surfaces;
  var cfg = JSON.parse(document.getElementById('surface-config').textContent);
  var grid = document.getElementById('grid');
  var readyResolve;
  var ready = new Promise(function (r) { readyResolve = r; });
  var shown = {};

  function cover(item) {
    return S.h('div', { class: 'cover', style: '--hue:' + S.hue(S.id(item)) }, (S.g(item, 'desc') || '').slice(0, 14));
  }
  function caption(item) {
    var a = S.g(item, 'author') || {};
    return S.h('div', { class: 'caption' }, S.g(item, 'is_ads') ? S.h('span', { class: 'ad-span' }, '广告') : null, (S.g(item, 'desc') || '').slice(0, 30), S.h('div', { class: 'by' }, '@' + (S.g(a, 'nickname') || '')));
  }
  function link(item) {
    if (S.isLive(item)) {
      var r = S.room(item);
      return S.h('a', { href: 'https://live.douyin.com/' + r.owner.web_rid }, S.h('div', { class: 'cover live' }, '直播中 · ' + r.title), r.room_cart && r.room_cart.contain_cart ? S.h('div', { class: 'caption' }, '🛒 全部商品') : null);
    }
    return S.h('a', { href: '/video/' + S.id(item) }, cover(item), caption(item));
  }
  function card(item) {
    if (item.mix) {
      return S.h('div', { id: 'waterfall_item_mix', class: 'cell' }, S.h('div', { class: 'search-result-card mix' }, S.h('div', { class: 'mix-title' }, item.mix.mix_info.mix_name),
        S.h.apply(null, ['div', { class: 'mix-row' }].concat(item.mix.mix_items.map(link)))));
    }
    if (cfg.kind === 'jingxuan') return S.h('div', { class: 'discover-video-card-item cell' }, link(item));
    if (cfg.kind === 'search-general') return S.h('div', { id: 'waterfall_item_' + S.id(item), class: 'cell' }, S.h('div', { class: 'search-result-card' }, link(item)));
    return S.h('li', { class: 'cell' }, S.h('div', { class: 'search-result-card' }, link(item))); // video tab, profile
  }
  function add(items) {
    items.forEach(function (item) {
      if (!item.mix) shown[S.id(item)] = item;
      grid.appendChild(card(item));
    });
    readyResolve(true);
  }
  function more() {
    if (!cfg.more) return Promise.resolve();
    var url = cfg.more;
    cfg.more = null;
    return S.getJson(url).then(function (json) { add(S.itemsOf(json)); });
  }

  // 精选: a click opens the modal player over the grid, and the URL names the item (modal_id=), as on the real site.
  var modal = document.getElementById('modal');
  function openModal(id) {
    var item = shown[id];
    modal.textContent = '';
    modal.appendChild(S.h('div', { 'data-e2e': 'modal-video-container', class: 'modal-box' },
      S.h('div', { class: 'fake-video', style: '--hue:' + S.hue(id) }, S.h('div', { class: 'big' }, (S.g(item, 'desc') || '').slice(0, 16)), S.info(item, true)),
      S.h('span', { class: 'close', id: 'modal-close' }, '✕')));
    modal.hidden = false;
    history.pushState({}, '', '/jingxuan?modal_id=' + id);
  }
  function closeModal() { modal.hidden = true; modal.textContent = ''; history.pushState({}, '', '/jingxuan'); }
  if (modal) {
    grid.addEventListener('click', function (e) {
      var a = e.target.closest('a[href^="/video/"]');
      if (!a) return;
      e.preventDefault();
      openModal(a.getAttribute('href').split('/')[2]);
    });
    modal.addEventListener('click', function (e) { if (e.target.id === 'modal-close') closeModal(); });
  }
  // The profile grid scrolls its own container, not the window.
  var scroller = document.getElementById('grid-scroll');
  if (scroller) scroller.addEventListener('scroll', function () { if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 40) more(); });
  var moreBtn = document.getElementById('more');
  if (moreBtn) moreBtn.addEventListener('click', more);

  if (cfg.renderData) {
    var state = JSON.parse(decodeURIComponent(document.getElementById('RENDER_DATA').textContent));
    add(state['41'].post.data);
  } else {
    S.getJson(cfg.first).then(function (json) { add(S.itemsOf(json)); });
  }
  window.__surface = { ready: ready, more: more, closeModal: closeModal };
})();
