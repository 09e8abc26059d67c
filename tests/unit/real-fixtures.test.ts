/**
 * Conformance over the real captures in ../shared/fixtures/real/: the README's ground truth, per file and item.
 * Prints precision and recall per tag and fails below 100%. To add a platform, add its loader to LOADERS and its
 * files to TRUTH; files of a platform without a loader are skipped with a note.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../utils/classify';
import type { FeedItem } from '../../utils/model/item';
import type { ClassifiedItem, TagId } from '../../utils/model/tags';
import { douyin } from '../../utils/platforms/douyin';
import { extractFromPageState } from '../../utils/platforms/douyin/page-data';
import { tiktok } from '../../utils/platforms/tiktok';
import { extractFromPageState as tiktokPageState } from '../../utils/platforms/tiktok/page-data';

const REAL = path.resolve(__dirname, '../../../shared/fixtures/real');
const present = existsSync(REAL);

/** Tags the README's ground truth speaks about. */
const CONTENT_TAGS = ['shop', 'ad', 'live', 'poi'] as const;

interface ItemTruth {
  tags: TagId[];
  kinds?: Partial<Record<TagId, string>>;
  roomId?: string;
  productIds?: string[];
}
interface FileTruth {
  /** Request URL the response came from (decides nothing but the endpoint label). */
  url?: string;
  /** How many items the file holds. */
  count: number;
  items: Record<string, ItemTruth>;
  /** Truth of every item not listed. */
  others?: ItemTruth;
}

const NONE: ItemTruth = { tags: [] };

/** Loaders per platform, by file-name prefix (the longest prefix wins). */
const LOADERS: Record<string, ((json: unknown, t: FileTruth) => FeedItem[]) | { skip: string }> = {
  'douyin-web-render-data': (json) => extractFromPageState(json),
  douyin: (json, t) => douyin.extractFromResponse(t.url ?? 'https://www.douyin.com/aweme/v1/web/tab/feed/', json),
  // The live-detail file is a local tool's wrapper `{success, m3u8, stats}`: `stats` is the API response.
  'tiktok-web-live-detail': (json, t) => tiktok.extractFromResponse(t.url!, (json as { stats?: unknown }).stats),
  // The video-detail file is the itemStruct cut out of the page: put it back where the page keeps it.
  'tiktok-web-video-detail': (json) => tiktokPageState({ __DEFAULT_SCOPE__: { 'webapp.video-detail': { itemInfo: { itemStruct: json } } } }),
  tiktok: (json, t) => tiktok.extractFromResponse(t.url ?? 'https://www.tiktok.com/api/recommend/item_list/', json),
};

const poiOnly = (kind: string): ItemTruth => ({ tags: ['poi'], kinds: { poi: kind } });

const TRUTH: Record<string, FileTruth> = {
  'douyin-web-module-feed-2025-12.json': { url: 'https://www.douyin.com/aweme/v2/web/module/feed/', count: 9, items: { '7587366360356556078': NONE }, others: NONE },
  'douyin-app-feed-2020-with-ad.json': {
    count: 10,
    items: {
      '6882963188636323076': { tags: ['ad'], kinds: { ad: 'landing-page' } },
      '6883294765023005955': NONE,
      '6883670241025576205': { tags: ['ad'], kinds: { ad: 'external-commerce' } },
      '6878581616382446862': { tags: ['ad'], kinds: { ad: 'landing-page' } },
      '6880835009763118350': { tags: ['ad'], kinds: { ad: 'platform-activity' } },
    },
    others: NONE,
  },
  'douyin-app-product-videos-2020.json': { count: 1, items: { '6868565570846084352': { tags: ['shop'], kinds: { shop: 'product-anchor' }, productIds: ['3427208925718663648', '3426336355867832495', '3426343818516129536'] } } },
  // A live room item is `live` (the room itself, here ended: status 4) and sells: business_live 1.
  'douyin-app-live-room-shop-2020.json': { url: 'https://webcast.amemv.com/webcast/room/enter/', count: 1, items: { '6843198199583378191': { tags: ['shop', 'live'], kinds: { shop: 'selling-live' } } } },
  'douyin-web-general-search-2023.json': {
    url: 'https://www.douyin.com/aweme/v1/web/general/search/single/',
    count: 13,
    items: { '7231778497230867770': poiOnly('store'), '7210020798315121972': NONE, '7231830087513951547': NONE },
    others: NONE,
  },
  'douyin-web-aweme-2023-poi.json': { url: 'https://www.douyin.com/aweme/v1/web/aweme/detail/', count: 1, items: { '7227779405026774329': poiOnly('store') } },
  'douyin-web-aweme-2023-poi-store-type55.json': { count: 1, items: { '7166766404656483622': poiOnly('store') } },
  'douyin-web-aweme-2023-poi-city-type51.json': { count: 1, items: { '7101711358466460958': poiOnly('place') } },
  'douyin-web-aweme-2023-poi-city-type61.json': { count: 1, items: { '7061007098129157376': poiOnly('place') } },
  'douyin-web-search-live-card-2023.json': { url: 'https://www.douyin.com/aweme/v1/web/general/search/single/', count: 1, items: { '7231947090417470247': { tags: ['live'], roomId: '7231947090417470247' } } },
  'douyin-live-web-room-enter-2026.json': { url: 'https://live.douyin.com/webcast/room/web/enter/', count: 1, items: { '7630361251285076745': { tags: ['live'], roomId: '7630361251285076745' } } },
  'douyin-web-render-data-user-page-2023.json': { count: 21, items: { '7228773049573608707': NONE }, others: poiOnly('place') },
  'douyin-app-live-room-promotions-2020.json': {
    url: 'https://live.douyin.com/live/promotions/page/',
    count: 1,
    items: { '6897142693735238407': { tags: ['shop', 'live'], kinds: { shop: 'selling-live' }, roomId: '6897142693735238407', productIds: ['3445251740050566772'] } },
  },
  'tiktok-web-recommend-item-list-2022.json': { url: 'https://www.tiktok.com/api/recommend/item_list/?aid=1988&count=30', count: 28, items: {}, others: NONE },
  // Live (status 2), not shop: the owner is not a TikTok Shop seller (`ownerInfo.ttSeller` false).
  'tiktok-web-live-detail-2023.json': { url: 'https://www.tiktok.com/api/live/detail/?aid=1988&roomID=7203720713600027435', count: 1, items: { '7203720713600027435': { tags: ['live'], roomId: '7203720713600027435' } } },
  // isAd true; not shop (no anchors, `author.ttSeller` false); where it leads is not in the item.
  'tiktok-web-video-detail-2026-ad.json': { count: 1, items: { '7461529726461447432': { tags: ['ad'], kinds: { ad: 'unknown' } } } },
};

const loaderFor = (file: string) => LOADERS[Object.keys(LOADERS).sort((a, b) => b.length - a.length).find((p) => file.startsWith(p)) ?? ''];
const files = present ? readdirSync(REAL).filter((f) => f.endsWith('.json')).sort() : [];

const classified = new Map<string, ClassifiedItem[]>();

function run(file: string): ClassifiedItem[] {
  if (!classified.has(file)) {
    const load = loaderFor(file) as (json: unknown, t: FileTruth) => FeedItem[];
    classified.set(file, load(JSON.parse(readFileSync(path.join(REAL, file), 'utf8')), TRUTH[file]).map((i) => classify(i)));
  }
  return classified.get(file)!;
}

const truthOf = (file: string, c: ClassifiedItem): ItemTruth | undefined => TRUTH[file].items[c.id] ?? TRUTH[file].others;
const contentTags = (c: ClassifiedItem): string[] => c.tags.map((x) => x.id).filter((x) => (CONTENT_TAGS as readonly string[]).includes(x));

/** Counts per tag over every item of every checked file: true positives, false positives, false negatives. */
function scoreAll() {
  const score = new Map<string, { tp: number; fp: number; fn: number }>(CONTENT_TAGS.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  for (const f of files) {
    if (!TRUTH[f] || typeof loaderFor(f) !== 'function') continue;
    for (const c of run(f)) {
      const want = truthOf(f, c)?.tags ?? [];
      const got = contentTags(c);
      for (const tag of CONTENT_TAGS) {
        const s = score.get(tag)!;
        if (want.includes(tag) && got.includes(tag)) s.tp++;
        else if (got.includes(tag)) s.fp++;
        else if (want.includes(tag)) s.fn++;
      }
    }
  }
  return score;
}

const SKIP_NOTE = '../shared not present: skipping real-fixture conformance';

(present ? describe : describe.skip)(present ? 'real-fixture conformance' : SKIP_NOTE, () => {
  it('every real file has a loader and a ground truth (or a skip note)', () => {
    for (const f of files) {
      const loader = loaderFor(f);
      expect(loader, `${f}: no loader`).toBeDefined();
      if (typeof loader === 'function') expect(TRUTH[f], `${f}: no ground truth`).toBeDefined();
    }
  });

  for (const file of files) {
    const loader = loaderFor(file);
    if (loader && typeof loader !== 'function') {
      it.skip(`${file}: ${loader.skip}`, () => {});
      continue;
    }
    it(`${file} matches its ground truth`, () => {
      const truth = TRUTH[file];
      const items = run(file);
      expect(items.length).toBe(truth.count);
      for (const id of Object.keys(truth.items)) expect(items.map((i) => i.id), `${id} extracted`).toContain(id);
      for (const c of items) {
        const t = truthOf(file, c);
        expect(t, `${c.id}: no truth`).toBeDefined();
        expect(contentTags(c).sort(), `${file} ${c.id} tags`).toEqual([...t!.tags].sort());
        for (const [tag, kind] of Object.entries(t!.kinds ?? {})) expect(c.tags.find((x) => x.id === tag)?.kind, `${c.id} ${tag} kind`).toBe(kind);
        if (t!.roomId) expect(c.roomId).toBe(t!.roomId);
        if (t!.productIds) expect(c.productIds).toEqual(t!.productIds);
        for (const tag of c.tags) expect(tag.evidence.length, `${c.id} ${tag.id} has evidence`).toBeGreaterThan(0);
      }
    });
  }

  it('the RENDER_DATA user page extracts the same from an HTML document (URL-encoded script)', () => {
    const file = 'douyin-web-render-data-user-page-2023.json';
    const json = readFileSync(path.join(REAL, file), 'utf8');
    const doc = new DOMParser().parseFromString(`<!doctype html><html><body><script id="RENDER_DATA" type="application/json">${encodeURIComponent(json)}</script></body></html>`, 'text/html');
    const items = douyin.extractFromPage(doc).map((i) => classify(i));
    expect(items).toHaveLength(21);
    expect(items.filter((i) => i.tags.some((t) => t.id === 'poi'))).toHaveLength(20);
  });

  it('precision and recall are 100% for every tag', () => {
    const score = scoreAll();
    const rows = CONTENT_TAGS.map((tag) => {
      const { tp, fp, fn } = score.get(tag)!;
      const precision = tp + fp ? tp / (tp + fp) : 1;
      const recall = tp + fn ? tp / (tp + fn) : 1;
      return { tag, tp, fp, fn, precision: `${(precision * 100).toFixed(1)}%`, recall: `${(recall * 100).toFixed(1)}%`, ok: precision === 1 && recall === 1 };
    });
    console.log('real-fixture conformance, per tag:');
    console.table(rows);
    for (const r of rows) expect(r.ok, `${r.tag}: precision ${r.precision}, recall ${r.recall}`).toBe(true);
  });
});

if (!present) it.skip(SKIP_NOTE, () => {});
