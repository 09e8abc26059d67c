// The replica's expected tags (demo/data.mjs) must be what the real extraction + classifier produce from the
// replica's own JSON: otherwise the demo and the end-to-end tests would disagree with the extension.
import { describe, expect, it } from 'vitest';
import { expectedFeed, feedPage, roomEnterResponse, webRidAt } from '../../demo/data.mjs';
import { platformById } from '../../utils/platforms/registry';
import { classify } from '../../utils/classify';

const douyin = platformById('douyin')!;

describe('demo feed ground truth agrees with the classifier', () => {
  const total = 200;
  const page = feedPage({ cursor: 0, count: total, total });
  const items = douyin.extractFromResponse('https://www.douyin.com/aweme/v1/web/tab/feed/?count=200', page);
  const byId = new Map(items.map((i) => [i.id, classify(i)]));

  it('extracts every item of the page', () => {
    expect(items.length).toBe(total);
  });

  for (const exp of expectedFeed(total)) {
    it(`item ${exp.index} (${exp.kind}) gets ${exp.tags.join(' ') || 'no tags'}`, () => {
      const c = byId.get(exp.id);
      expect(c, `item ${exp.id} extracted`).toBeDefined();
      expect(c!.tags.map((t) => t.id)).toEqual(exp.tags);
      expect(c!.adKind).toBe(exp.adKind);
      for (const t of c!.tags) expect(t.evidence.length, `evidence for ${t.id}`).toBeGreaterThan(0);
    });
  }

  it('the selling live room of the first page sells', () => {
    const res = roomEnterResponse(webRidAt(4));
    const rooms = douyin.extractFromResponse(`https://live.douyin.com/webcast/room/web/enter/?web_rid=${webRidAt(4)}`, res);
    expect(rooms.length).toBe(1);
    const ids = classify(rooms[0]).tags.map((t) => t.id);
    expect(ids).toContain('live');
    expect(ids).toContain('shop');
  });
});
