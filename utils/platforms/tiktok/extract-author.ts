/**
 * Author facts of a TikTok item: `author` plus the item's `authorStats` (followers live beside the author, not in
 * it). Where a field means something else than its Douyin look-alike, the mapping says so:
 *  - `author.ttSeller` → `seller`: a TikTok Shop seller account (the author has a shop of their own);
 *  - `author.isADVirtual` → `adFake`: an account made for ads (Douyin's `is_ad_fake`); kept as a fact, not a tag;
 *  - `author.roomId` non-empty → `liveNow`: the author is live elsewhere; it does NOT make this item live;
 *  - `author.verified` is a notable-account check mark, not business verification: it is not `businessVerify`.
 */
import type { AuthorFacts } from '../../model/item';
import { idOf, isTrue, num, obj, str } from './read';

export function extractAuthor(item: unknown): AuthorFacts {
  const out: AuthorFacts = {};
  const a = obj(item, 'author');
  if (a) {
    const uid = idOf(a, 'id');
    if (uid) out.uid = uid;
    const secUid = str(a, 'secUid');
    if (secUid) out.secUid = secUid;
    const nickname = str(a, 'nickname') || str(a, 'uniqueId');
    if (nickname) out.nickname = nickname;
    if (isTrue(a, 'ttSeller')) out.seller = { field: 'author.ttSeller', value: true };
    if (isTrue(a, 'isADVirtual')) out.adFake = { field: 'author.isADVirtual', value: true };
    if (idOf(a, 'roomId')) out.liveNow = { field: 'author.roomId', value: true };
  }
  // `authorStats` (2022–26) has numbers; `authorStatsV2` (2026) the same counts as strings.
  for (const statsKey of ['authorStats', 'authorStatsV2']) {
    const followers = num(obj(item, statsKey), 'followerCount');
    if (followers !== undefined) {
      out.followerCount = { field: `${statsKey}.followerCount`, value: followers };
      break;
    }
  }
  return out;
}
