/*
 * Guangjie demo: a vertical feed (follow, friends, the recommend page with its first page streamed in the HTML,
 * and the recommend page with a drifted layout). Config in <script id="surface-config">: the endpoint, whether
 * the first page is in `self.__pace_f` (recommendAwemeList), and the layout ('hooks' = the known data-e2e hooks,
 * 'drift' = none of them: hashed classes and a data-aweme-id only). For tests: window.__surface.
 */
(function () {
  'use strict';
  var S = window.__surfaces;
  var cfg = JSON.parse(document.getElementById('surface-config').textContent);
  var hooks = cfg.layout !== 'drift';
  var list = document.getElementById('feed-list');
  var items = [];
  var active = 0;
  var cursor = cfg.cursor || 0;
  var loading = false;
  var more = true;
  var readyResolve;
  var ready = new Promise(function (r) { readyResolve = r; });

  function slide(item, i) {
    var on = i === active;
    var inner = S.isLive(item) ? S.liveCard(item, hooks) : h2(item);
    var attrs = hooks
      ? { 'data-e2e': on ? 'feed-active-video' : 'feed-video', 'data-e2e-vid': S.id(item), id: on ? 'sliderVideo' : null, class: 'slide-item' }
      : { 'data-aweme-id': S.id(item), class: 'slide-item Lw0' + (on ? ' Kp7' : '') };
    var el = S.h('div', attrs, inner);
    var wrap = S.h('div', { class: hooks ? 'page-recommend-container' : 'Jd5e', style: 'transform:translateY(' + (i - active) * 100 + '%)' }, el);
    return wrap;
  }
  function h2(item) {
    return S.h('div', { class: 'fake-video', style: '--hue:' + S.hue(S.id(item)) }, S.h('div', { class: 'big' }, (S.g(item, 'desc') || '').slice(0, 16)), S.info(item, hooks));
  }
  function render() {
    list.textContent = '';
    for (var i = Math.max(0, active - 1); i <= Math.min(items.length - 1, active + 1); i++) list.appendChild(slide(items[i], i));
  }
  function go(i) {
    if (i < 0 || i >= items.length) return false;
    active = i;
    render();
    if (items.length - active < 3) load();
    return true;
  }
  function load() {
    if (loading || !more || !cfg.endpoint) return Promise.resolve();
    loading = true;
    return S.getJson(cfg.endpoint + (cfg.endpoint.indexOf('?') < 0 ? '?' : '&') + 'count=10&cursor=' + cursor).then(function (json) {
      var got = S.itemsOf(json);
      items = items.concat(got);
      more = Boolean(json.has_more);
      cursor = json.max_cursor || json.cursor || cursor + got.length;
      loading = false;
      render();
      readyResolve(true);
    });
  }
  document.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') { e.preventDefault(); go(active + 1); } else if (e.key === 'ArrowUp') { e.preventDefault(); go(active - 1); }
  });
  var nextBtn = document.getElementById('next');
  if (nextBtn) nextBtn.addEventListener('click', function () { go(active + 1); });

  if (cfg.streamed) {
    S.streamed().forEach(function (v) { if (v.recommendAwemeList) items = items.concat(v.recommendAwemeList); });
    render();
    readyResolve(true);
  } else {
    load();
  }
  window.__surface = { ready: ready, next: function () { return go(active + 1); }, go: go, activeId: function () { return items[active] ? S.id(items[active]) : null; }, count: function () { return items.length; } };
})();
