/*
 * Guangjie demo: product page on haohuo.jinritemai.com/ecommerce/trade/detail/index.html?id=<product_id>.
 * The replica server embeds the product in <script id="product-data">. 加入购物车 counts locally;
 * 立即购买 opens the (fake) order confirmation page. Nothing is ever bought.
 */
(function () {
  'use strict';
  var p = null;
  try { p = JSON.parse(document.getElementById('product-data').textContent || 'null'); } catch (e) { p = null; }
  function $(id) { return document.getElementById(id); }
  function hueOf(s) { var x = 2166136261; for (var i = 0; i < s.length; i++) { x ^= s.charCodeAt(i); x = Math.imul(x, 16777619); } return (x >>> 0) % 360; }
  function toast(t) { $('toast').textContent = t; $('toast').hidden = false; clearTimeout(toast.t); toast.t = setTimeout(function () { $('toast').hidden = true; }, 1500); }
  if (!p) {
    $('not-found').hidden = false;
    $('gallery').remove();
    document.querySelector('.info').remove();
    $('add-cart').disabled = true;
    $('buy-now').disabled = true;
    return;
  }
  document.title = p.title + ' - 抖音商城';
  $('gallery').textContent = p.title;
  $('gallery').style.background = 'linear-gradient(150deg, hsl(' + hueOf(p.product_id) + ',55%,55%), hsl(' + (hueOf(p.product_id) + 40) + ',55%,35%))';
  $('price').textContent = '¥' + (p.price / 100).toFixed(p.price % 100 ? 2 : 0);
  $('sold').textContent = '已售 ' + (p.sales || 0);
  $('title').textContent = p.title;
  $('shop-name').textContent = p.shop_name || '';
  $('shop').setAttribute('data-shop-id', p.shop_id || '');
  var n = 0;
  $('add-cart').addEventListener('click', function () { n++; $('cart-n').textContent = String(n); toast('已加入购物车'); });
  $('buy-now').addEventListener('click', function () {
    location.href = '/ecommerce/trade/order/confirm/index.html?id=' + encodeURIComponent(p.product_id) + '&origin_type=604';
  });
})();
