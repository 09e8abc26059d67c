// Every surface replica's JSON, per endpoint, through the real Douyin extraction and classifier: the ids come
// out in page order and each item gets the tags its ground truth (demo/douyin-surfaces/data-surfaces.mjs) says.
import { describe, expect, it } from 'vitest';
import { classify } from '../../utils/classify';
import { TAG_IDS } from '../../utils/model/tags';
import type { FeedItem } from '../../utils/model/item';
import { douyin } from '../../utils/platforms/douyin';
import * as D from '../../demo/douyin-surfaces/data-surfaces.mjs';

const expected = D.surfaceExpected();
const tagsOf = (item: FeedItem) => {
  const ids = new Set(classify(item).tags.map((t) => t.id));
  return TAG_IDS.filter((t) => ids.has(t));
};
const W = 'https://www.douyin.com';

function check(url: string, json: unknown, ids: string[]) {
  const items = douyin.extractFromResponse(url, JSON.parse(JSON.stringify(json)));
  expect(items.map((i) => i.id)).toEqual(ids);
  for (const item of items) expect([item.id, tagsOf(item)]).toEqual([item.id, expected.get(item.id)?.tags]);
  return items;
}

describe('surface replicas: each endpoint yields the expected ids and tags', () => {
  it('follow feed: data[].aweme and live cards (data[].cell_room with an empty aweme)', () => {
    const items = check(`${W}/aweme/v1/web/follow/feed/?count=10`, D.followFeed(), D.surfaceIds.follow());
    expect(items.filter((i) => i.format === 'live').map((i) => i.live?.webRid)).toEqual(['810000000017', '810000000024']);
  });
  it('friends feed: /familiar/feed/ data[].aweme', () => check(`${W}/aweme/v1/web/familiar/feed/`, D.familiarFeed(), D.surfaceIds.friends()));
  it('general search: aweme_info, a collection (aweme_mix_info.mix_items), a live card (rawdata); the hot list is no item', () => {
    const items = check(`${W}/aweme/v1/web/general/search/single/?keyword=x`, D.generalSearch(), D.surfaceIds.searchGeneral());
    expect(items.at(-1)?.format).toBe('live');
  });
  it('video tab: /search/item/ data[].aweme_info', () => check(`${W}/aweme/v1/web/search/item/?keyword=x`, D.searchItems(), D.surfaceIds.searchVideo()));
  it('profile: later posts from /aweme/post/ aweme_list', () => check(`${W}/aweme/v1/web/aweme/post/?sec_user_id=x`, D.profilePosts(), D.surfaceIds.profileMore()));
  it('video page: /aweme/detail/ aweme_detail', () => check(`${W}/aweme/v1/web/aweme/detail/?aweme_id=${D.videoPageId()}`, D.awemeDetail(D.videoPageId()), [D.videoPageId()]));
  it('精选: /v1/web/module/feed/ cards[].aweme JSON strings, then /v2/ aweme_list', () => {
    check(`${W}/aweme/v1/web/module/feed/?module_id=3003101`, D.moduleFeedV1(), D.surfaceIds.jingxuan());
    check(`${W}/aweme/v2/web/module/feed/?module_id=3003101`, D.moduleFeedV2(), D.surfaceIds.jingxuanMore());
  });
});

describe('surface replicas: first-page data embedded in the HTML', () => {
  const doc = (html: string) => new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  it('profile RENDER_DATA (URL-encoded camelCase state) gives the first posts, tagged as from the API', () => {
    const items = douyin.extractFromPage(doc(`<script id="RENDER_DATA" type="application/json">${encodeURIComponent(JSON.stringify(D.profileRenderState()))}</script>`));
    expect(items.map((i) => i.id)).toEqual(D.surfaceIds.profileFirst());
    for (const item of items) expect([item.id, item.source, tagsOf(item)]).toEqual([item.id, 'page-data', expected.get(item.id)?.tags]);
  });
  it('note page self.__pace_f chunk (videoDetail) gives the image post', () => {
    const chunk = `1:${JSON.stringify(D.noteStreamState())}\n`;
    const [item] = douyin.extractFromPage(doc(`<script>self.__pace_f.push([1,${JSON.stringify(chunk)}])</script>`));
    expect([item.id, item.format, tagsOf(item)]).toEqual([D.notePageId(), 'image', expected.get(D.notePageId())?.tags]);
  });
});
