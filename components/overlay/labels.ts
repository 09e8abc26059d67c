/** What each tag chip shows. The ad chip adds the ad kind's short Chinese name, as researchers read it on Douyin. */
import type { AdKind, TagId } from '@/utils/model/tags';

export const CHIP: Record<TagId, { glyph: string; title: string }> = {
  shop: { glyph: '🛒', title: 'Shop: a product, shop window, selling live room or group-buy' },
  ad: { glyph: '📢', title: 'Paid ad' },
  live: { glyph: '🔴', title: 'Live room' },
  poi: { glyph: '📍', title: 'Place / store (POI)' },
  field: { glyph: 'F', title: 'Field: a brand or business account (blue V)' },
  alliance: { glyph: 'A', title: 'Alliance: affiliate selling (精选联盟) of another shop’s goods' },
  campaign: { glyph: 'C', title: 'Campaign: a platform activity or commerce challenge' },
  'top-kol': { glyph: 'T', title: 'Top KOL: an author with very many followers' },
};

export const AD_KIND_WORD: Record<AdKind, string> = {
  'closed-loop-product': '千川·商品',
  'closed-loop-live': '千川·直播',
  'external-commerce': '外链电商',
  'landing-page': '落地页',
  'app-install': '下载',
  'platform-activity': '活动',
  brand: '品牌',
  unknown: '广告?',
};
