/**
 * Named settings of the classifier, each with its unit, and the confidence levels tags carry.
 * docs/TAGS.md explains each; a researcher may override them per study (`classify(item, settings)`).
 */

/** Followers (count) from which an author is a top KOL (头部达人). */
export const TOP_KOL_MIN_FOLLOWERS = 1_000_000;

export interface ClassifySettings {
  /** Followers (count) from which an author is a top KOL. */
  topKolMinFollowers: number;
  /** Tag top-kol only on items that sell or advertise (FACT's T is about commerce reach), not on every post of a star. */
  topKolRequiresCommerce: boolean;
  /**
   * Tag shop 'shop-window' on an otherwise plain item because its author has a shop window (橱窗) on the profile.
   * Off by default: the profile is not the item; the real 2025 feed would gain shop tags on plain videos.
   */
  shopWindowAloneTags: boolean;
}

export const DEFAULT_SETTINGS: Readonly<ClassifySettings> = {
  topKolMinFollowers: TOP_KOL_MIN_FOLLOWERS,
  topKolRequiresCommerce: true,
  shopWindowAloneTags: false,
};

/** Confidence levels (0..1). A tag's confidence is the level of its strongest signal. */
export const CONFIDENCE = {
  /** An explicit platform field meant for it: `is_ads: true`, products with ids, a room with status 2. */
  certain: 0.95,
  /** A field that implies it: a live card with no status, a destination on a closed-loop domain, a selling cart. */
  strong: 0.85,
  /** A visible label in the DOM, or an inference from two fields (business account + own goods). */
  medium: 0.6,
  /** One indirect field (commission only, an ended room). */
  weak: 0.4,
  /** A profile-level hint, not about this item. */
  hint: 0.25,
} as const;

export function resolveSettings(s?: Partial<ClassifySettings>): ClassifySettings {
  return { ...DEFAULT_SETTINGS, ...(s ?? {}) };
}
