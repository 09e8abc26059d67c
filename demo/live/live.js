/*
 * Guangjie demo: a live.douyin.com/<web_rid> room replica (plain script). Loads the room through
 * GET /webcast/room/web/enter/?web_rid=… (window.fetch) and, for a selling room, its products through
 * GET /live/promotions/page/?room_id=… (XMLHttpRequest). DOM hooks follow PLATFORMS.md: [data-e2e="living-container"],
 * #EcmoCardLayout (the product being explained), [data-e2e="yellowCart-container"] (小黄车, opens the product list),
 * [data-e2e="live-room-nickname"], [data-e2e="live-room-audience"].
 */
(function () {
  'use strict';
  var webRid = location.pathname.split('/').filter(Boolean)[0] || '';
  function $(id) { return document.getElementById(id); }
  function h(tag, attrs) {
    var el = document.createElement(tag);
    for (var k in attrs || {}) {
      if (attrs[k] == null) continue;
      if (k === 'text') el.textContent = attrs[k]; else if (k === 'style') el.style.cssText = attrs[k]; else el.setAttribute(k, attrs[k]);
    }
    for (var i = 2; i < arguments.length; i++) if (arguments[i] != null) el.appendChild(typeof arguments[i] === 'string' ? document.createTextNode(arguments[i]) : arguments[i]);
    return el;
  }
  function hueOf(s) { var x = 2166136261; for (var i = 0; i < s.length; i++) { x ^= s.charCodeAt(i); x = Math.imul(x, 16777619); } return (x >>> 0) % 360; }
  function yuan(fen) { return '¥' + (fen / 100).toFixed(fen % 100 ? 2 : 0); }
  function productHref(p) { return p.detail_url || 'https://haohuo.jinritemai.com/ecommerce/trade/detail/index.html?id=' + p.product_id; }

  function render(room) {
    document.title = room.owner.nickname + '的抖音直播间 - 抖音直播';
    var hue = hueOf(room.id_str);
    $('live-player').style.setProperty('--hue', hue);
    $('live-big').textContent = room.title;
    $('room-nickname').textContent = room.owner.nickname;
    $('room-avatar').textContent = room.owner.nickname.slice(0, 1);
    $('room-avatar').style.background = 'hsl(' + hueOf(room.owner.nickname) + ',45%,40%)';
    $('room-audience').textContent = (room.room_view_stats && room.room_view_stats.display_long) || room.user_count_str + '在线观众';
    $('room-title').textContent = room.title;
    var names = ['小橙子', '路人甲', '一只喵', '阿强', '晴天'];
    var lines = room.has_commerce_goods && room.room_cart && room.room_cart.contain_cart
      ? ['刚下单了，期待', '1号链接还有吗', '主播讲讲尺码', '已拍', '什么时候发货']
      : ['来了来了', '好听', '666', '晚上好', '主播加油'];
    lines.forEach(function (t, i) { $('danmaku').appendChild(h('div', null, h('b', null, names[i] + '：'), t)); });
  }

  function renderGoods(promotions) {
    if (!promotions.length) return;
    var cur = promotions[0];
    var card = h('a', { class: 'ecom-card Ad5wK1pe', href: productHref(cur), target: '_blank', rel: 'noopener', 'data-product-id': cur.product_id },
      h('div', { class: 'pic', style: 'background:hsl(' + hueOf(cur.product_id) + ',50%,45%)' }, '讲解中'),
      h('div', null, h('div', { class: 'tag' }, '1号 · 讲解中'), h('div', { class: 't' }, cur.title), h('div', { class: 'price' }, yuan(cur.price))),
      h('span', { class: 'buy' }, '去抢购'));
    $('EcmoCardLayout').appendChild(card);
    $('panel-total').textContent = String(promotions.length);
    promotions.forEach(function (p, i) {
      $('panel-list').appendChild(h('div', { class: 'goods Hw3nS8yc', 'data-product-id': p.product_id },
        h('div', { class: 'pic', style: 'background:hsl(' + hueOf(p.product_id) + ',50%,45%)' }),
        h('div', null, h('div', { class: 't' }, (i + 1) + '号 ' + p.title), h('div', { class: 'price' }, yuan(p.price)), h('div', { style: 'font-size:12px;color:#888' }, p.shop_name || '')),
        h('a', { class: 'buy', href: productHref(p), target: '_blank', rel: 'noopener' }, '去购买')));
    });
  }

  function loadGoods(roomId) {
    var x = new XMLHttpRequest();
    x.open('GET', '/live/promotions/page/?room_id=' + roomId + '&aid=6383&device_platform=web');
    x.onload = function () {
      try { renderGoods((JSON.parse(x.responseText).promotions) || []); } catch (e) { /* no goods */ }
    };
    x.send();
  }

  $('panel-close').addEventListener('click', function () { $('cart-panel').hidden = true; });

  window.__replicaLive = { ready: null };
  window.__replicaLive.ready = window.fetch('/webcast/room/web/enter/?aid=6383&app_name=douyin_web&live_id=1&device_platform=web&language=zh-CN&enter_from=web_live&cookie_enabled=true&browser_language=zh-CN&browser_platform=Linux&web_rid=' + encodeURIComponent(webRid), { credentials: 'include' })
    .then(function (r) { return r.json(); })
    .then(function (json) {
      var room = json && json.data && json.data.data && json.data.data[0];
      if (!room) { $('room-ended').hidden = false; return false; }
      render(room);
      var cart = room.room_cart || {};
      if (cart.contain_cart) {
        // only a room with goods shows the cart (小黄车)
        var yc = h('div', { 'data-e2e': 'yellowCart-container', class: 'Fy1wM5qo', id: 'yellow-cart' },
          h('span', { class: 'cart-ico' }, '🛒'), h('span', { id: 'cart-count' }, '全部商品 ' + cart.total));
        yc.addEventListener('click', function () { $('cart-panel').hidden = !$('cart-panel').hidden; });
        $('BottomLayout').insertBefore(yc, $('BottomLayout').firstChild);
        loadGoods(room.id_str);
      }
      return true;
    });
})();
