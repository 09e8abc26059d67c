/*
 * Guangjie demo, Douyin surface replicas: shared helpers (plain script, no build step). Items may be the API's
 * snake_case objects or the page state's camelCase copies, so every read goes through g().
 */
(function () {
  'use strict';
  function camel(k) { return k.replace(/_([a-z0-9])/g, function (_, c) { return c.toUpperCase(); }); }
  /** A field by its snake_case name, or its camelCase copy. */
  function g(o, k) { if (!o) return undefined; return o[k] !== undefined ? o[k] : o[camel(k)]; }
  function parse(v) { if (typeof v !== 'string') return v || null; try { return JSON.parse(v); } catch (e) { return null; } }
  function h(tag, attrs) {
    var el = document.createElement(tag);
    for (var k in attrs || {}) {
      var v = attrs[k];
      if (v == null || v === false) continue;
      if (k === 'text') el.textContent = v; else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c != null && c !== false) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return el;
  }
  function yuan(fen) { return '¥' + (fen / 100).toFixed(fen % 100 ? 2 : 0); }
  function hue(s) { var x = 2166136261; for (var i = 0; i < s.length; i++) { x ^= s.charCodeAt(i); x = Math.imul(x, 16777619); } return (x >>> 0) % 360; }
  function room(item) { var cell = g(item, 'cell_room'); return parse(g(cell, 'rawdata')) || parse(g(item, 'rawdata')); }
  function isLive(item) { return g(item, 'aweme_type') === 101 && !!room(item); }
  function id(item) { return String(g(item, 'aweme_id')); }
  /** `self.__pace_f` chunks as the page streamed them: `<id>:<json>` lines inside pushed strings. */
  function streamed() {
    var out = [];
    (self.__pace_f || []).forEach(function (args) {
      args.forEach(function (a) {
        if (typeof a !== 'string') return;
        a.split('\n').forEach(function (line) { var v = parse(line.replace(/^[0-9a-z]+:/i, '')); if (v) out.push(v); });
      });
    });
    return out;
  }
  function getJson(url) { return window.fetch(url, { credentials: 'include' }).then(function (r) { return r.json(); }); }
  /** Items of a response, wherever the endpoint keeps them (the page's own knowledge of its API). */
  function itemsOf(json) {
    if (!json) return [];
    if (json.aweme_list) return json.aweme_list;
    if (json.aweme_detail) return [json.aweme_detail];
    if (json.cards) return json.cards.map(function (c) { return parse(c.aweme); }).filter(Boolean);
    return (json.data || []).map(function (d) {
      if (d.aweme_info) return d.aweme_info;
      if (d.aweme && d.aweme.aweme_id) return d.aweme;
      if (d.cell_room) { var r = parse(d.cell_room.rawdata) || {}; return { aweme_id: r.id_str, aweme_type: 101, cell_room: d.cell_room, desc: r.title, author: { nickname: r.owner && r.owner.nickname } }; }
      if (d.aweme_mix_info) return { mix: d.aweme_mix_info };
      return null;
    }).filter(Boolean);
  }
  /** The description row, with the 广告 label where the item is an ad, and a product anchor. */
  function info(item, hooks) {
    var author = g(item, 'author') || {};
    var desc = h('span', hooks ? { 'data-e2e': 'video-desc' } : { class: 'Qm2' });
    if (g(item, 'is_ads')) desc.appendChild(h('span', { class: 'ad-span' }, '广告'));
    desc.appendChild(document.createTextNode(g(item, 'desc') || ''));
    var box = h('div', { class: hooks ? 'video-info-detail' : 'Rk4pW2' },
      h('div', { class: hooks ? 'account' : 'Ta8' }, h('a', { 'data-e2e': hooks ? 'video-avatar' : null, href: '/user/' + g(author, 'sec_uid') }, '@' + (g(author, 'nickname') || ''))),
      h('div', { class: hooks ? 'title' : 'Yb1' }, desc));
    var p = (g(item, 'promotions') || [])[0];
    if (p) box.insertBefore(h('a', { class: hooks ? 'xgplayer-shop-anchor' : 'Zc3', href: g(p, 'detail_url'), target: '_blank' }, '🛒 ' + (g(p, 'title') || '') + ' ' + yuan(g(p, 'price') || 0)), box.firstChild);
    return box;
  }
  /** A live card: title, the cart when the room sells, a click enters the room on live.douyin.com. */
  function liveCard(item, hooks) {
    var r = room(item) || {};
    var cart = r.room_cart || {};
    var card = h('div', { class: 'live-card', 'data-e2e': hooks ? 'feed-live' : null, style: '--hue:' + hue(id(item)) },
      h('div', { class: 'live-badge' }, '直播中'), h('div', { class: 'big' }, r.title || ''), h('div', null, '@' + ((r.owner && r.owner.nickname) || '')),
      cart.contain_cart ? h('div', { 'data-e2e': hooks ? 'yellowCart-container' : null, class: 'cart' }, '🛒 全部商品 ' + cart.total) : null,
      h('div', { class: 'enter' }, '点击进入直播间'));
    card.addEventListener('click', function () { location.href = 'https://live.douyin.com/' + (r.owner && r.owner.web_rid); });
    return card;
  }
  window.__surfaces = { g: g, h: h, parse: parse, yuan: yuan, hue: hue, id: id, isLive: isLive, room: room, streamed: streamed, getJson: getJson, itemsOf: itemsOf, info: info, liveCard: liveCard };
})();
