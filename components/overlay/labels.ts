/** What each tag chip shows. The ad chip adds the ad kind's short Chinese name, as researchers read it on Douyin. */
import type { AdKind, TagId } from '@/utils/model/tags';

export type OverlayLang = 'zh' | 'en';

/** Glyph, a word in each language (the chip), and a sentence (the tooltip and the evidence panel's head). */
export const CHIP: Record<TagId, { glyph: string; word: Record<OverlayLang, string>; title: string }> = {
  shop: { glyph: '🛒', word: { zh: '带货', en: 'Shop' }, title: 'Shop: a product, shop window, selling live room or group-buy' },
  ad: { glyph: '📢', word: { zh: '广告', en: 'Ad' }, title: 'Paid ad' },
  live: { glyph: '🔴', word: { zh: '直播', en: 'Live' }, title: 'Live room' },
  poi: { glyph: '📍', word: { zh: '地点', en: 'Place' }, title: 'Place / store (POI)' },
  field: { glyph: 'F', word: { zh: '自营', en: 'Field' }, title: 'Field: the brand’s own account sells its own goods' },
  alliance: { glyph: 'A', word: { zh: '达人带货', en: 'Alliance' }, title: 'Alliance: an influencer sells another shop’s goods (精选联盟)' },
  campaign: { glyph: 'C', word: { zh: '活动', en: 'Campaign' }, title: 'Campaign: a platform activity or commerce challenge' },
  'top-kol': { glyph: 'T', word: { zh: '头部达人', en: 'Top KOL' }, title: 'Top KOL: an author with very many followers' },
};

/** The overlay's language: Chinese for a Chinese browser UI, English otherwise. */
export const overlayLang = (uiLanguage: string | undefined): OverlayLang => (/^zh/i.test(uiLanguage ?? '') ? 'zh' : 'en');

/** Platform-neutral words; a platform names its own ad system (Douyin: 千川) through `Platform.adKindWords`. */
export const AD_KIND_WORD: Record<AdKind, string> = {
  'closed-loop-product': '闭环·商品',
  'closed-loop-live': '闭环·直播',
  'external-commerce': '外链电商',
  'landing-page': '落地页',
  'app-install': '下载',
  'platform-activity': '活动',
  brand: '品牌',
  unknown: '广告?',
};
