import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { douyin } from '../../utils/platforms/douyin';
import { extractFromPageState } from '../../utils/platforms/douyin/page-data';
import { classify } from '../../utils/classify';

const URLS = [
  'https://www.douyin.com/aweme/v1/web/tab/feed/',
  'https://www.douyin.com/aweme/v1/web/follow/feed/',
  'https://www.douyin.com/aweme/v1/web/module/feed/',
  'https://www.douyin.com/aweme/v1/web/general/search/single/',
  'https://www.douyin.com/aweme/v1/web/aweme/detail/',
  'https://live.douyin.com/webcast/room/web/enter/',
  'https://live.douyin.com/live/promotions/page/',
  'not a url',
];

const nested = (depth: number): unknown => {
  let o: unknown = { aweme_id: '7600000000000000001', author: {} };
  for (let i = 0; i < depth; i++) o = { aweme_list: [o], data: [o] };
  return o;
};

const extractAll = (json: unknown) => URLS.flatMap((u) => douyin.extractFromResponse(u, json)).map((i) => classify(i));

describe('extraction on hostile input never throws', () => {
  it('wrong types, nulls and primitives', () => {
    for (const j of [null, undefined, 0, 'x', '{', [], [null], { aweme_list: 'x' }, { aweme_list: [1, 'a', null, []] }, { data: { data: 5 } }, { cards: [{ aweme: 5 }] },
      { aweme_list: [{ aweme_id: '7600000000000000001', author: 'x', promotions: 'y', anchor_info: [1], raw_ad_data: 7, cell_room: 'z', poi_info: [] }] },
      { aweme_list: [{ aweme_id: '7600000000000000001', raw_ad_data: '{"web_url": 5, "label": "x"}', web_raw_data: '{"brand_ad": "[1]"}', cell_room: { rawdata: '{"id_str": {}}' } }] }]) {
      expect(() => extractAll(j)).not.toThrow();
    }
  });

  it('__proto__ keys do not pollute prototypes', () => {
    const json = JSON.parse('{"__proto__": {"polluted": 1}, "aweme_list": [{"aweme_id": "7600000000000000001", "__proto__": {"is_ads": true}, "author": {"__proto__": {"nickname": "x"}}, "raw_ad_data": "{\\"__proto__\\": {\\"web_url\\": \\"https://jd.com\\"}}"}]}');
    const [c] = extractAll(json);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(c.tags).toEqual([]);
    expect(extractFromPageState(json).length).toBe(1);
  });

  it('deep nesting is cut off, not followed into a stack overflow', () => {
    const deep = nested(5000);
    expect(() => extractAll(deep)).not.toThrow();
    expect(() => extractFromPageState(deep)).not.toThrow();
    const tooDeepForWalk = nested(200);
    expect(extractFromPageState(tooDeepForWalk)).toEqual([]);
  });

  it('any JSON value (property test)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (j) => {
        extractAll(j);
        extractAll({ aweme_list: [j], data: [j], aweme_detail: j });
        extractFromPageState(j);
      }),
      { numRuns: 300 },
    );
  });

  it('item-shaped records with random field values (property test)', () => {
    const anyVal = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string().map((s) => JSON.stringify({ s })));
    const record = fc.record({
      aweme_id: fc.oneof(fc.constant('7600000000000000001'), fc.string(), fc.integer()),
      aweme_type: anyVal, author: anyVal, raw_ad_data: anyVal, promotions: anyVal, anchor_info: anyVal, cell_room: anyVal, poi_info: anyVal, poi_biz: anyVal, web_raw_data: anyVal, rawdata: anyVal,
    });
    fc.assert(fc.property(record, (r) => { extractAll({ aweme_list: [r], data: [{ aweme_info: r }] }); }), { numRuns: 300 });
  });
});
