import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../utils/classify';
import { tiktok } from '../../utils/platforms/tiktok';
import { extractFromPageState } from '../../utils/platforms/tiktok/page-data';

const URLS = [
  'https://www.tiktok.com/api/recommend/item_list/',
  'https://www.tiktok.com/api/item/detail/',
  'https://www.tiktok.com/api/search/general/full/',
  'https://www.tiktok.com/api/search/item/full/',
  'https://www.tiktok.com/api/live/detail/',
  'not a url',
];
const ID = '7460000000000000001';
const extractAll = (json: unknown) => URLS.flatMap((u) => tiktok.extractFromResponse(u, json)).map((i) => classify(i));

const nested = (depth: number): unknown => {
  let o: unknown = { id: ID, author: {} };
  for (let i = 0; i < depth; i++) o = { itemList: [o], data: [{ item: o }], itemInfo: { itemStruct: o } };
  return o;
};

describe('TikTok extraction on hostile input never throws', () => {
  it('wrong types, nulls and primitives', () => {
    for (const j of [null, undefined, 0, 'x', '{', '{"itemList": [1]}', [], [null], { itemList: 'x' }, { itemList: [1, 'a', null, []] }, { data: 5 }, { data: [{ item: 5 }] },
      { LiveRoomInfo: 'x' }, { LiveRoomInfo: { roomID: {}, ownerInfo: 5, status: 'on' } }, { itemInfo: { itemStruct: [] } },
      { itemList: [{ id: ID, author: 'x', anchors: 'y', textExtra: [null, 1, { isCommerce: 'yes' }], liveRoomInfo: [], authorStats: 5, isAd: 'true' }] },
      { itemList: [{ id: ID, author: { ttSeller: 'no', roomId: 5e300 }, anchors: [{ schema: 7, logExtra: { x: 1 }, extraInfo: 'z' }, null], liveRoomInfo: { roomID: 1.5 } }] }]) {
      expect(() => extractAll(j)).not.toThrow();
    }
  });

  it('ids that are not decimal strings or exact integers make no item', () => {
    expect(extractAll({ itemList: [{ id: 'abc', author: {} }, { id: 0, author: {} }, { id: 1.5, author: {} }] })).toEqual([]);
  });

  it('__proto__ keys do not pollute prototypes or become fields', () => {
    const json = JSON.parse(`{"__proto__": {"polluted": 1}, "itemList": [{"id": "${ID}", "__proto__": {"isAd": true}, "author": {"__proto__": {"ttSeller": true}}}]}`);
    const [c] = extractAll(json);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(c.tags).toEqual([]);
    expect(extractFromPageState(JSON.parse('{"__DEFAULT_SCOPE__": {"__proto__": {"itemInfo": {}}}, "ItemModule": {"__proto__": {"id": "1"}}}'))).toEqual([]);
  });

  it('deep nesting is not followed into a stack overflow', () => {
    expect(() => extractAll(nested(5000))).not.toThrow();
    expect(() => extractFromPageState(nested(5000))).not.toThrow();
  });

  it('any JSON value (property test)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (j) => {
        extractAll(j);
        extractAll({ itemList: [j], data: [{ item: j }], itemInfo: { itemStruct: j }, LiveRoomInfo: j });
        extractFromPageState({ __DEFAULT_SCOPE__: { 'webapp.video-detail': { itemInfo: { itemStruct: j } } }, ItemModule: { a: j } });
      }),
      { numRuns: 300 },
    );
  });

  it('item-shaped records with random field values (property test)', () => {
    const anyVal = fc.jsonValue({ maxDepth: 3 });
    const record = fc.record({
      id: fc.oneof(fc.constant(ID), fc.string(), fc.integer()),
      author: anyVal, authorStats: anyVal, anchors: anyVal, textExtra: anyVal, challenges: anyVal, liveRoomInfo: anyVal, isAd: anyVal, video: anyVal, imagePost: anyVal,
    });
    fc.assert(fc.property(record, (r) => { extractAll({ itemList: [r], data: [{ item: r }] }); }), { numRuns: 300 });
  });
});
