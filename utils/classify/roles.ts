/**
 * FACT attribution roles, given the content tags already decided:
 *  - field:    the brand's own account sells its own goods (a business account whose item sells with no sign of
 *              another shop), or a self-broadcast room of a business account that sells, or a closed-loop ad whose
 *              advertiser is the author;
 *  - alliance: a creator (达人) sells another shop's goods: a product with commission (精选联盟), or a product whose
 *              shop differs from the author. Alliance evidence outweighs field evidence (conflict rule): the field
 *              evidence is kept in a note on the alliance tag;
 *  - campaign: platform campaigns: commerce hashtags / activity tags on the item, or a platform-activity ad;
 *  - top-kol:  the author has at least `topKolMinFollowers` followers; by default only on items that sell or advertise.
 */
import type { FeedItem } from '../model/item';
import type { Evidence, TagHit } from '../model/tags';
import { ev, fromFact, hit } from './evidence';
import { CONFIDENCE, type ClassifySettings } from './settings';

const same = (a?: string, b?: string) => !!a && !!b && a.trim() === b.trim();

export function roleTags(item: FeedItem, content: TagHit[], settings: ClassifySettings): TagHit[] {
  const out: TagHit[] = [];
  const shop = content.find((t) => t.id === 'shop' && t.kind !== 'shop-window');
  const ad = content.find((t) => t.id === 'ad');
  const a = item.author;

  const alliance: Evidence[] = [];
  for (const p of item.products) {
    // A zero commission is the field's default on a shop's own goods, not affiliate selling.
    if (p.commission && p.commission.value > 0) alliance.push(fromFact(item, p.commission, `commission on product ${p.id}: affiliate selling (精选联盟)`));
    // Shop ids and user ids are different namespaces, so only names can say the shop is someone else's.
    const otherShop = p.shopName && a.nickname && !same(p.shopName, a.nickname) && !same(p.shopName, a.businessVerify?.value);
    if (otherShop) alliance.push(ev(item, `${p.field}.shop`, p.shopName ?? p.shopId, `product ${p.id} is sold by another shop than the author`));
  }

  const field: Evidence[] = [];
  if (shop || ad?.kind === 'closed-loop-product' || ad?.kind === 'closed-loop-live') {
    if (a.businessVerify) field.push(fromFact(item, a.businessVerify, 'the seller is a verified business (blue V)'));
    if (a.bizAccount) field.push(fromFact(item, a.bizAccount, 'a business account'));
    if (a.seller) field.push(fromFact(item, a.seller, 'the author has a shop of their own'));
    if (ad && item.ad.advertiser && (same(item.ad.advertiser.value, a.nickname) || same(item.ad.advertiser.value, a.businessVerify?.value))) {
      field.push(fromFact(item, item.ad.advertiser, 'the advertiser is the author'));
    }
  }

  if (shop && alliance.length) {
    const strongest = alliance.some((e) => e.note?.includes('another shop')) ? CONFIDENCE.strong : CONFIDENCE.medium;
    if (field.length) alliance.push({ ...field[0], note: `${field[0].note ?? ''}; outweighed: the goods carry affiliate / other-shop signals` });
    out.push(hit('alliance', strongest, alliance));
  } else if (field.some((e) => e.note !== 'the advertiser is the author')) {
    // An ad bought by its own author proves self-promotion, not that the author owns the goods: a business signal must stand too.
    const verified = !!a.businessVerify || field.some((e) => e.note === 'the advertiser is the author');
    out.push(hit('field', verified ? CONFIDENCE.strong - 0.1 : CONFIDENCE.medium, field));
  }

  const campaign: Evidence[] = item.campaigns.map((c) => fromFact(item, c, 'platform campaign / commerce hashtag'));
  if (ad?.kind === 'platform-activity') campaign.push(...ad.evidence.filter((e) => e.note?.startsWith('destination')).map((e) => ({ ...e, note: 'ad for a platform activity' })));
  if (campaign.length) out.push(hit('campaign', ad?.kind === 'platform-activity' ? CONFIDENCE.strong : CONFIDENCE.medium, campaign));

  const followers = a.followerCount?.value;
  const commerce = !!shop || !!ad;
  if (followers !== undefined && followers >= settings.topKolMinFollowers && (commerce || !settings.topKolRequiresCommerce)) {
    out.push(hit('top-kol', CONFIDENCE.certain, [fromFact(item, a.followerCount!, `≥ ${settings.topKolMinFollowers} followers (TOP_KOL_MIN_FOLLOWERS)`)]));
  }
  return out;
}
