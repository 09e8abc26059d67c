/**
 * The HTML of each surface replica page: one shell (top bar, the page's own body), the page's config as JSON, and
 * where the real site embeds first-page data, that data (RENDER_DATA URL-encoded; self.__pace_f chunks).
 */
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
/** JSON inside a <script>: no `</script>` can close it early. */
const embed = (obj) => JSON.stringify(obj).replace(/</g, '\\u003c');
const NAV = [['/jingxuan', '精选'], ['/', '推荐'], ['/follow', '关注'], ['/friend', '朋友']];

function shell({ title, on, body, config, script, head = '' }) {
  const nav = NAV.map(([href, label]) => `<a href="${href}"${href === on ? ' class="on"' : ''}>${label}</a>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<link rel="stylesheet" href="/__replica/douyin-surfaces/surfaces.css">${head}</head><body>
<div class="top"><span class="logo">抖音</span><span class="nav">${nav}</span><span class="note-demo">本地演示页 · 非真实抖音</span></div>
${body}
<script id="surface-config" type="application/json">${embed(config)}</script>
<script src="/__replica/douyin-surfaces/common.js"></script><script src="/__replica/douyin-surfaces/${script}"></script></body></html>`;
}

/** A streamed chunk as the real pages push it: `self.__pace_f.push([1, "<id>:<json>\n"])`. */
const paceChunk = (state) => `<script>self.__pace_f=self.__pace_f||[];</script><script>self.__pace_f.push([1,${embed(`1:${JSON.stringify(state)}\n`)}])</script>`;

/** A vertical feed. layout 'hooks' carries the known data-e2e hooks; 'drift' has none of them. */
export function slidePage({ title, on, endpoint, layout = 'hooks', streamedState, cursor = 0, followShell = false }) {
  const list = layout === 'drift' ? '<div class="feed Ub3q"><div class="feed-list" id="feed-list"></div></div>'
    : `<div id="slidelist" class="feed"><div data-e2e="slideList" class="feed-list" id="feed-list"></div><div class="next xgplayer-playswitch-next" id="next">﹀</div></div>`;
  const body = followShell ? `<div class="route-scroll-container">${list}</div>` : list;
  return shell({ title, on, body, config: { endpoint, layout, streamed: !!streamedState, cursor }, script: 'slide.js', head: streamedState ? paceChunk(streamedState) : '' });
}

export function jingxuanPage({ first, more }) {
  const body = `<div class="grid-page"><div class="grid" id="grid"></div><button class="more" id="more">加载更多</button></div><div id="modal" hidden></div>`;
  return shell({ title: '精选 - 抖音', on: '/jingxuan', body, config: { kind: 'jingxuan', first, more }, script: 'grid.js' });
}

export function searchPage({ keyword, tab, first }) {
  const k = encodeURIComponent(keyword);
  const tabs = `<div class="tabs"><a href="/search/${k}"${tab === 'general' ? ' class="on"' : ''}>综合</a><a href="/search/${k}?type=video"${tab === 'video' ? ' class="on"' : ''}>视频</a></div>`;
  const list = tab === 'general' ? '<div id="search-content-area"><div class="grid" id="grid"></div></div>' : '<ul data-e2e="scroll-list" class="grid" id="grid"></ul>';
  const body = `<div id="search-result-container" class="grid-page"><h3>“${esc(keyword)}”的搜索结果</h3>${tabs}${list}</div>`;
  return shell({ title: `${keyword} - 抖音搜索`, on: '', body, config: { kind: tab === 'general' ? 'search-general' : 'search-video', first }, script: 'grid.js' });
}

export function profilePage({ nickname, followers, renderState, more }) {
  const body = `<div data-e2e="user-detail"><div data-e2e="user-info" class="user-info"><h2>${esc(nickname)}</h2><span>粉丝 ${followers}</span></div>
<div id="grid-scroll"><div data-e2e="user-post-list"><ul class="grid" id="grid"></ul><div style="height:900px"></div></div></div></div>`;
  const head = `<script id="RENDER_DATA" type="application/json">${encodeURIComponent(JSON.stringify(renderState))}</script>`;
  return shell({ title: `${nickname}的主页 - 抖音`, on: '', body, config: { kind: 'profile', renderData: true, more }, script: 'grid.js', head });
}

export function detailPage({ kind, first, streamedState, related }) {
  const body = `<div class="detail" data-e2e="${kind === 'note' ? 'note-detail' : 'video-detail'}" id="detail"></div>`;
  return shell({ title: kind === 'note' ? '图文 - 抖音' : '视频 - 抖音', on: '', body, config: { first, streamed: !!streamedState, related }, script: 'detail.js', head: streamedState ? paceChunk(streamedState) : '' });
}
