/*
 * Guangjie demo: the www.douyin.com recommend feed replica (plain script, no build step).
 *
 * DOM follows ../../../shared/PLATFORMS.md: #slidelist [data-e2e="slideList"], slides whose playing item is
 * [data-e2e="feed-active-video"][data-e2e-vid] (the others [data-e2e="feed-video"]), an xgplayer-like player,
 * the description, author, 广告 labels, product and place anchors, live cards. Class names that look like hashes
 * are deliberately meaningless. Like the real virtualised list, only a window of slides around the playing one
 * is in the DOM; slides are recreated as you move. Nothing is ever hidden.
 *
 * Items come from GET /aweme/v1/web/tab/feed/ : page 1 through window.fetch, page 2 (and every even page)
 * through XMLHttpRequest, so a main-world hook of either is exercised.
 *
 * For tests: window.__replica = { active(), count(), next(), prev(), go(i), ready }.
 */
(function () {
  'use strict';

  var WINDOW_BEFORE = 3; // slides kept above the playing one
  var WINDOW_AFTER = 6; // slides kept below it (3 + 1 + 6 = 10 rendered)
  var PREFETCH_WHEN_LEFT = 4; // fetch the next page when this few loaded items remain below the playing one
  var PROGRESS_TICK_MS = 200;
  var WHEEL_GAP_MS = 600;

  var params = new URLSearchParams(location.search);
  var itemsParam = params.get('items');
  var list = document.querySelector('#slidelist [data-e2e="slideList"]');
  var loadingEl = document.getElementById('feed-loading');
  var toastEl = document.getElementById('toast');

  var items = []; // loaded aweme objects, in feed order
  var rendered = new Map(); // index -> wrapper element
  var active = 0;
  var playing = true;
  var progressMs = 0;
  var cursor = 0;
  var hasMore = true;
  var loading = false;
  var pageNo = 0;
  var readyResolve;
  var ready = new Promise(function (r) { readyResolve = r; });

  // --------------------------------------------------------------------------------------------------------
  // helpers

  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (attrs[k] == null || attrs[k] === false) continue;
        if (k === 'text') el.textContent = attrs[k];
        else if (k === 'style') el.style.cssText = attrs[k];
        else el.setAttribute(k, attrs[k] === true ? '' : String(attrs[k]));
      }
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c == null || c === false) continue;
      el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return el;
  }
  function svg(markup) {
    var t = document.createElement('template');
    t.innerHTML = markup;
    return t.content.firstChild;
  }
  function parse(s) {
    if (!s || typeof s !== 'string') return null;
    try { return JSON.parse(s); } catch (e) { return null; }
  }
  function yuan(fen) { return '¥' + (fen / 100).toFixed(fen % 100 ? 2 : 0); }
  function count(n) { return n >= 10000 ? (n / 10000).toFixed(1) + '万' : String(n); }
  function mmss(ms) {
    var s = Math.floor(ms / 1000);
    return String(Math.floor(s / 60)).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0');
  }
  function hueOf(id) {
    var x = 2166136261;
    for (var i = 0; i < id.length; i++) { x ^= id.charCodeAt(i); x = Math.imul(x, 16777619); }
    return (x >>> 0) % 360;
  }
  function ago(t) {
    var d = Math.max(1, Math.round((1767225600 - t) / 3600));
    return d < 24 ? d + '小时前' : Math.round(d / 24) + '天前';
  }
  function toast(text) {
    toastEl.textContent = text;
    toastEl.hidden = false;
    clearTimeout(toast.t);
    toast.t = setTimeout(function () { toastEl.hidden = true; }, 1800);
  }
  function avatar(nick, extraClass) {
    return h('span', { class: 'avatar ' + (extraClass || ''), style: 'background:hsl(' + hueOf(nick) + ',45%,40%)' }, nick.slice(0, 1));
  }
  /** The 30×16 ad label as Douyin draws it: an svg without text or aria label (strokes only). */
  function adSvg() {
    return svg(
      '<svg width="30" height="16" viewBox="0 0 30 16" fill="none" xmlns="http://www.w3.org/2000/svg" class="hQ3vX0ra">' +
        '<rect x=".5" y=".5" width="29" height="15" rx="3" fill="#fff" fill-opacity=".2"/>' +
        '<path d="M7 3.5h1M4.5 5h7M5 5v7.5M5 12.5l-1 1M13 3.5h0M17.5 4l-1 2M17 5h6M20 3.5v5M16.5 8.5h8M18 10h5v3.5h-5z" stroke="#fff" stroke-opacity=".85" stroke-width="1.1" stroke-linecap="round"/>' +
        '</svg>'
    );
  }
  function adSpan() { return h('span', { class: 'ad-span Ws2kP0vd' }, '广告'); }

  // --------------------------------------------------------------------------------------------------------
  // rendering one slide

  function kindBadge(item) {
    if (item.aweme_type === 68) return '图文';
    return '';
  }

  function videoSlide(item, index) {
    var author = item.author || {};
    var ad = item.is_ads ? parse(item.raw_ad_data) || {} : null;
    var hue = hueOf(item.aweme_id);
    var duration = (item.video && item.video.duration) || 10000;

    var frame = h('div', { class: 'fake-frame R7vLp2Qa' },
      h('span', { class: 'shape', style: 'width:180px;height:180px;right:-40px;top:12%' }),
      h('span', { class: 'shape', style: 'width:90px;height:90px;left:10%;bottom:22%' }),
      h('div', { class: 'big' }, (item.desc || '').replace(/#\S+/g, '').trim().slice(0, 18)),
      kindBadge(item) ? h('span', { class: 'kind-badge' }, kindBadge(item)) : null,
      item.aweme_type === 68 ? h('div', { class: 'img-dots' }, '● ○ ○') : null
    );
    var fake = h('div', { class: 'fake-video Lq4mZc8t', style: '--hue:' + hue }, frame);

    // anchors above the description
    var box = h('div', { class: 'player-position-box-bottom Jm5sQ1xe' });
    (item.promotions || []).slice(0, 1).forEach(function (p) {
      box.appendChild(h('a', {
        class: 'xgplayer-shop-anchor Cz8rN4kd',
        href: p.detail_url || ('https://haohuo.jinritemai.com/ecommerce/trade/detail/index.html?id=' + p.product_id),
        target: '_blank',
        rel: 'noopener',
        'data-product-id': p.product_id,
      }, h('span', { class: 'cart' }, '🛒 购物车'), h('span', { class: 'Ae3x' }, ' · ' + (p.elastic_title || p.title)), h('span', { class: 'price' }, yuan(p.price))));
    });
    if (item.anchor_info && item.anchor_info.type === 2) {
      var extra = parse(item.anchor_info.extra) || {};
      var poiName = extra.poi_name || (item.poi_info && item.poi_info.poi_name) || item.anchor_info.title;
      var anchor = h('div', { class: 'poi-anchor Tb6yW3mr', role: 'link', 'data-poi-id': extra.poi_id || '' },
        h('span', { class: 'pin' }, '📍'), h('span', null, poiName));
      if (extra.groupon) {
        anchor.appendChild(h('span', { class: 'deal' }, '团购 · ' + extra.groupon.title + ' ' + yuan(extra.groupon.price)));
        anchor.setAttribute('data-href', 'https://haohuo.jinritemai.com/ecommerce/trade/detail/index.html?id=' + extra.groupon.product_id + '&origin_type=life');
      }
      box.appendChild(anchor);
    }

    var account = h('div', { class: 'account Vn2qK7oe' },
      h('a', { 'data-e2e': 'video-avatar', href: '//www.douyin.com/user/' + author.sec_uid, class: 'Gx1pM8wz' },
        avatar(author.nickname || '?'),
        h('span', { 'data-e2e': 'feed-video-nickname', class: 'Ul9cE2fb' }, '@' + (author.nickname || ''))),
      h('div', { class: 'video-create-time Pk2' }, h('span', { class: 'time' }, '· ' + ago(item.create_time || 0)))
    );
    var desc = h('span', { 'data-e2e': 'video-desc', class: 'Hq7wD3na' });
    // ad labels: (2)-style ads show both, closed-loop product ads the svg only, app ads the span only
    if (ad) {
      var showSvg = ad.type !== 'app';
      var showSpan = !(item.promotions && item.promotions.length);
      if (showSvg) account.appendChild(adSvg());
      if (showSpan) desc.appendChild(adSpan());
    }
    desc.appendChild(document.createTextNode(item.desc || ''));
    var info = h('div', { class: 'video-info-detail Fe8sY1qn', id: 'video-info-wrap' }, account, h('div', { class: 'title Yr4gB6kl' }, desc));
    if (ad) {
      var cta = h('a', { class: 'ad-cta Nc5wQ9up', 'data-href': ad.web_url || ad.download_url || '' }, ad.button_text || '查看详情');
      if (item.promotions && item.promotions.length) {
        cta.setAttribute('href', item.promotions[0].detail_url);
        cta.setAttribute('target', '_blank');
      }
      info.appendChild(cta);
    }

    var controls = h('xg-controls', { class: 'xgplayer-controls' },
      h('xg-progress', { class: 'xgplayer-progress' }, h('xg-progress-played', { class: 'xgplayer-progress-played', style: 'display:block' })),
      h('xg-icon', { class: 'xgplayer-play', 'data-e2e': 'xgplayer-play' }, '❚❚'),
      h('xg-time', { class: 'xgplayer-time' }, h('span', { class: 'cur' }, '00:00'), ' / ', h('span', { class: 'dur' }, mmss(duration))),
      h('span', { class: 'sp' }),
      h('span', { class: 'ctl' }, '连播'), h('span', { class: 'ctl' }, '清屏'), h('span', { class: 'ctl' }, '智能'), h('span', { class: 'ctl' }, '倍速'),
      h('span', { class: 'ctl' }, '🔊'), h('span', { class: 'ctl' }, '⛶')
    );

    var player = h('div', { class: 'xgplayer xgplayer-pc xgplayer-pause', 'data-state': 'paused', tabindex: '-1' },
      fake, h('div', { class: 'play-icon' }, '▶'), h('div', { class: 'videoOverlay Zw3dT6hc' }, box, info), controls);
    var base = h('div', { class: 'basePlayerContainer xgplayer-container Bm6tR2ws', 'data-xgplayerid': 'xg' + ((index * 2654435761) >>> 0).toString(36) }, player);

    return h('div', { class: 'qK1mB9xe' },
      h('div', { class: 'playerContainer Sd4nH8vc' }, base),
      sidebar(item));
  }

  function sidebar(item) {
    var s = item.statistics || {};
    var nick = (item.author && item.author.nickname) || '?';
    var like = h('div', { class: 'act', 'data-e2e': 'video-player-digg' }, h('span', { class: 'g' }, '♥'), h('span', null, count(s.digg_count || 0)));
    like.addEventListener('click', function () { like.classList.toggle('liked'); });
    return h('div', { class: 'sidebar Ko5vR1tz' },
      avatar(nick, 'side-avatar'),
      like,
      h('div', { class: 'act', 'data-e2e': 'feed-comment-icon' }, h('span', { class: 'g' }, '✎'), h('span', null, count(s.comment_count || 0))),
      h('div', { class: 'act', 'data-e2e': 'video-player-collect' }, h('span', { class: 'g' }, '★'), h('span', null, count(s.collect_count || 0))),
      h('div', { class: 'act', 'data-e2e': 'video-player-share' }, h('span', { class: 'g' }, '➦'), h('span', null, count(s.share_count || 0))),
      h('div', { class: 'act' }, h('span', { class: 'g' }, '⋯'))
    );
  }

  function liveSlide(item) {
    var room = parse(item.cell_room && item.cell_room.rawdata) || {};
    var owner = room.owner || {};
    var webRid = owner.web_rid || '';
    var ad = item.is_ads ? parse(item.raw_ad_data) || {} : null;
    var hue = hueOf(item.aweme_id);
    var card = h('div', { id: 'slider-card', 'data-e2e': 'feed-live', class: 'Ty2nF5ke', 'data-web-rid': webRid },
      h('div', { 'data-e2e': 'basicPlayer', class: 'basicPlayer Uo8cJ2qm', style: '--hue:' + hue },
        h('div', { class: 'live-frame' }, h('div', { class: 'big' }, room.title || ''))),
      h('div', { class: 'live-top Qe1zX7nb' }, avatar(owner.nickname || '?'),
        h('span', null, owner.nickname || ''), h('span', { class: 'live-badge' }, '直播中'),
        h('span', { class: 'Ri3' }, count(room.user_count || 0) + '人在看'))
    );
    var bottom = h('div', { class: 'live-bottom Mv6aT1ds' });
    var titleRow = h('div', { class: 'live-title' });
    if (ad) titleRow.appendChild(adSpan());
    titleRow.appendChild(document.createTextNode(room.title || ''));
    bottom.appendChild(titleRow);
    var cart = room.room_cart || {};
    if (cart.contain_cart) {
      bottom.appendChild(h('div', { 'data-e2e': 'yellowCart-container', class: 'Ga7sL3pv' },
        h('span', { class: 'cart-ico' }, '🛒'), h('span', null, '全部商品 ' + (cart.total || '')), h('span', { class: 'price' }, '正在讲解')));
    }
    bottom.appendChild(h('span', { class: 'enter-live' }, '点击进入直播间'));
    card.appendChild(bottom);
    card.addEventListener('click', function () {
      if (webRid) location.href = 'https://live.douyin.com/' + webRid;
    });
    return card;
  }

  function slide(index) {
    var item = items[index];
    var isLive = item.aweme_type === 101 && item.cell_room;
    var inner = isLive ? liveSlide(item) : videoSlide(item, index);
    var holder = h('div', { class: 'Dp3xN6wa', 'data-e2e': 'feed-video', 'data-e2e-vid': item.aweme_id }, inner);
    if (isLive) inner.setAttribute('data-e2e', 'feed-live');
    var wrap = h('div', { class: 'page-recommend-container Bk9qW4le', 'data-index': String(index), style: 'transform:translateY(' + index * 100 + '%)' }, holder);
    return wrap;
  }

  // --------------------------------------------------------------------------------------------------------
  // window of rendered slides, active state, playback

  function syncWindow() {
    var lo = Math.max(0, active - WINDOW_BEFORE);
    var hi = Math.min(items.length - 1, active + WINDOW_AFTER);
    rendered.forEach(function (el, i) {
      if (i < lo || i > hi) { el.remove(); rendered.delete(i); }
    });
    for (var i = lo; i <= hi; i++) {
      if (!rendered.has(i)) {
        var el = slide(i);
        // keep DOM order = feed order
        var after = null;
        rendered.forEach(function (other, j) { if (j > i && (!after || j < Number(after.getAttribute('data-index')))) after = other; });
        list.insertBefore(el, after);
        rendered.set(i, el);
      }
    }
    rendered.forEach(function (el, i) {
      var holder = el.firstChild;
      var on = i === active;
      holder.setAttribute('data-e2e', on ? 'feed-active-video' : 'feed-video');
      if (on) holder.id = 'sliderVideo'; else holder.removeAttribute('id');
      var player = holder.querySelector('.xgplayer');
      if (player) setPlayerState(player, on && playing);
    });
    list.style.transform = 'translateY(' + -active * 100 + '%)';
  }

  function setPlayerState(player, isPlaying) {
    player.classList.toggle('xgplayer-playing', isPlaying);
    player.classList.toggle('xgplayer-pause', !isPlaying);
    player.setAttribute('data-state', isPlaying ? 'playing' : 'paused');
    var btn = player.querySelector('.xgplayer-play');
    if (btn) btn.textContent = isPlaying ? '❚❚' : '▶';
  }

  function activePlayer() {
    var el = rendered.get(active);
    return el ? el.querySelector('.xgplayer') : null;
  }

  function go(index) {
    if (index < 0 || index >= items.length || index === active) return false;
    active = index;
    playing = true;
    progressMs = 0;
    syncWindow();
    if (items.length - 1 - active < PREFETCH_WHEN_LEFT) loadMore();
    return true;
  }
  function next() {
    if (active + 1 >= items.length) { loadMore(); return false; }
    return go(active + 1);
  }
  function prev() { return go(active - 1); }
  function togglePlay() {
    playing = !playing;
    var p = activePlayer();
    if (p) setPlayerState(p, playing);
  }

  setInterval(function () {
    if (!playing) return;
    var item = items[active];
    var p = activePlayer();
    if (!item || !p) return;
    var dur = (item.video && item.video.duration) || 10000;
    progressMs = (progressMs + PROGRESS_TICK_MS) % dur; // loops, like the real player on repeat
    var bar = p.querySelector('.xgplayer-progress-played');
    if (bar) bar.style.width = ((progressMs / dur) * 100).toFixed(2) + '%';
    var cur = p.querySelector('.xgplayer-time .cur');
    if (cur) cur.textContent = mmss(progressMs);
  }, PROGRESS_TICK_MS);

  // --------------------------------------------------------------------------------------------------------
  // loading pages: page 1 and odd pages through fetch, even pages through XMLHttpRequest

  function feedUrl(count) {
    var q = 'device_platform=webapp&aid=6383&channel=channel_pc_web&tag_id=&share_aweme_id=&live_insert_type=&count=' + count +
      '&refresh_index=' + (pageNo + 1) + '&video_type_select=1&aweme_pc_rec_raw_data=%7B%22is_client%22%3Afalse%7D&globalwid=&pull_type=' +
      (pageNo === 0 ? 0 : 2) + '&min_window=0&ug_source=&creative_id=&pc_client_type=1&version_code=170400&version_name=17.4.0&cookie_enabled=true&platform=PC&cursor=' + cursor;
    if (itemsParam) q += '&items=' + encodeURIComponent(itemsParam);
    return '/aweme/v1/web/tab/feed/?' + q;
  }
  function viaXhr(url) {
    return new Promise(function (resolve, reject) {
      var x = new XMLHttpRequest();
      x.open('GET', url);
      x.withCredentials = true;
      x.onload = function () {
        if (x.status !== 200) return reject(new Error('HTTP ' + x.status));
        try { resolve(JSON.parse(x.responseText)); } catch (e) { reject(e); }
      };
      x.onerror = function () { reject(new Error('network')); };
      x.send();
    });
  }
  function viaFetch(url) {
    // window.fetch looked up at call time, so a main-world hook installed at document_start sees it
    return window.fetch(url, { credentials: 'include' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }
  function loadMore() {
    if (loading || !hasMore) return Promise.resolve();
    loading = true;
    var count = pageNo === 0 ? 12 : 10;
    var url = feedUrl(count);
    var useXhr = pageNo % 2 === 1; // 2nd, 4th … page
    return (useXhr ? viaXhr(url) : viaFetch(url)).then(function (json) {
      pageNo++;
      var got = (json && json.aweme_list) || [];
      for (var i = 0; i < got.length; i++) items.push(got[i]);
      hasMore = Boolean(json && json.has_more);
      cursor = (json && json.max_cursor) || cursor + got.length;
      loading = false;
      loadingEl.hidden = true;
      syncWindow();
      readyResolve(true);
      if (items.length - 1 - active < PREFETCH_WHEN_LEFT) return loadMore();
    }, function (err) {
      loading = false;
      loadingEl.textContent = '加载失败：' + err.message;
      setTimeout(loadMore, 1500);
    });
  }

  // --------------------------------------------------------------------------------------------------------
  // input

  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); next(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); prev(); }
    else if (e.key === ' ' || e.code === 'Space') { e.preventDefault(); togglePlay(); }
  });
  var lastWheel = 0;
  document.getElementById('slidelist').addEventListener('wheel', function (e) {
    e.preventDefault();
    var now = Date.now();
    if (now - lastWheel < WHEEL_GAP_MS || Math.abs(e.deltaY) < 8) return;
    lastWheel = now;
    if (e.deltaY > 0) next(); else prev();
  }, { passive: false });
  document.querySelector('.xgplayer-playswitch-next').addEventListener('click', next);
  document.querySelector('.xgplayer-playswitch-prev').addEventListener('click', prev);
  list.addEventListener('click', function (e) {
    var t = e.target;
    if (!(t instanceof Element)) return;
    var poi = t.closest('.poi-anchor[data-href]');
    if (poi) { window.open(poi.getAttribute('data-href'), '_blank'); return; }
    var cta = t.closest('.ad-cta');
    if (cta && !cta.getAttribute('href')) { toast('演示：不打开广告落地页 ' + (cta.getAttribute('data-href') || '')); return; }
    if (t.closest('.fake-video, .xgplayer-play')) togglePlay();
  });
  document.getElementById('search-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var kw = this.querySelector('input').value.trim();
    if (kw) location.href = '/search/' + encodeURIComponent(kw);
  });

  window.__replica = {
    ready: ready,
    active: function () { return active; },
    activeId: function () { return items[active] ? items[active].aweme_id : null; },
    count: function () { return items.length; },
    hasMore: function () { return hasMore; },
    rendered: function () { return rendered.size; },
    next: next,
    prev: prev,
    go: go,
    togglePlay: togglePlay,
  };

  loadMore();
})();
