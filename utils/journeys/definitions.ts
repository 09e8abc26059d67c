/**
 * What Guangjie measures, in words first (after Mozilla WebScience), then as named constants with their units.
 * docs/DATA.md says the same at more length; change both together and bump DEFINITIONS_VERSION.
 *
 * Impression — an item counts as seen once at least IMPRESSION_MIN_VISIBLE_RATIO of its area is in the viewport
 *   for IMPRESSION_MIN_MS without a break, in a tab that is visible. Shorter glimpses are not recorded at all.
 *   An impression's `at` is the moment it started counting (it crossed the ratio), not when it was recorded.
 * Dwell — the milliseconds the item stayed at or above that ratio in a visible tab (`dwellMs`); for a live room,
 *   the time the room was open (carried by the `live-leave` touchpoint, whose `at` is when the room closed).
 * Attention — the part of dwell during which the tab was the active tab of the focused window, the video was
 *   playing, and the machine was neither idle nor locked (idle = no input for IDLE_DETECTION_S; `attentionMs`).
 * Session — a run of touchpoints on one platform with no gap longer than SESSION_GAP_MIN between the end of
 *   what came before and the start of the next touch. A gap of exactly SESSION_GAP_MIN continues the session.
 * Conversion signal — a product-view, add-to-cart, buy-intent or order-page touchpoint. Each one ends a journey.
 * Journey — the touches on the conversion's platform that share its product, shop or brand and fall in the
 *   JOURNEY_LOOKBACK_DAYS before it (a touch exactly JOURNEY_LOOKBACK_DAYS earlier is inside), plus at most one
 *   search from the session of the journey's first linked touch (utils/journeys/journeys.ts). Linked touches that
 *   no conversion claimed form open journeys: converted = false, no conversion type.
 * Mode — 'browse' when a journey's first touch was on a feed, a video/note page, a profile or in a live room;
 *   'store' when it began with a search, a shop, or a product page reached directly; 'unknown' otherwise.
 * Credit — attribution shares a conversion among the touches before it. The conversion is the outcome, not a
 *   touch: it and every other funnel step (the conversion signal types) get no credit, and neither does a
 *   `live-leave` (it closes a room visit already credited at its `live-enter`). A converted journey with nothing
 *   creditable gives its whole credit of 1 to "direct" (a credit row without a touchpoint).
 */
import type { Surface } from '../model/item';
import type { TouchpointType } from '../model/touchpoint';
import type { GroupingId } from './groupings';

/**
 * Bump when any definition below changes meaning; stored with every touchpoint and export.
 *  1: the first definitions.
 *  2: while the feed slides, the item it marks active counts as in view and the other sliding ones as out of view
 *     (measured again when the slide stops); before, a sliding item's ratio was observed throughout.
 *  3: while the feed keeps sliding (flick after flick), which item is active is read at most every 500 ms
 *     (MOVING_CHECK_MS) and when the slide stops, not after every flick: an item flicked past can count as active
 *     up to 500 ms too long or too short (never enough to make an impression).
 */
export const DEFINITIONS_VERSION = 3;

/** Share of the item's area that must be inside the viewport (0..1). */
export const IMPRESSION_MIN_VISIBLE_RATIO = 0.5;
/** Continuous visible time, tab visible, before an impression counts. Milliseconds. */
export const IMPRESSION_MIN_MS = 2000;
/** No input for this long and the machine counts as idle (passed to `browser.idle.setDetectionInterval`). Seconds. */
export const IDLE_DETECTION_S = 60;
/** Longest gap that still continues a session (inclusive). Minutes. */
export const SESSION_GAP_MIN = 30;
/** How far back from a conversion a journey reaches (inclusive). Days. */
export const JOURNEY_LOOKBACK_DAYS = 7;
/** Time-decay attribution: a touch this much older than the conversion gets half the weight. Days. */
export const TIME_DECAY_HALF_LIFE_DAYS = 7;
/** Position-based attribution: shares of the first touch, of all middle touches together, of the last (0..1). */
export const POSITION_BASED_FIRST_SHARE = 0.4;
export const POSITION_BASED_MIDDLE_SHARE = 0.2;
export const POSITION_BASED_LAST_SHARE = 0.4;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

/** The touchpoint types that are conversion signals (funnel steps). */
export const CONVERSION_SIGNAL_TYPES = ['product-view', 'add-to-cart', 'buy-intent', 'order-page'] as const;
export type ConversionType = (typeof CONVERSION_SIGNAL_TYPES)[number];

/** Every threshold is a setting: each function takes one of these, defaulting to DEFAULT_DEFINITIONS. */
export interface Definitions {
  version: number;
  impressionMinVisibleRatio: number;
  impressionMinMs: number;
  idleDetectionS: number;
  sessionGapMin: number;
  journeyLookbackDays: number;
  timeDecayHalfLifeDays: number;
  positionBasedFirstShare: number;
  positionBasedMiddleShare: number;
  positionBasedLastShare: number;
  /** Which conversion signals end a journey (a subset of CONVERSION_SIGNAL_TYPES). */
  conversionTypes: readonly ConversionType[];
  /** Touch types that never receive credit. */
  creditExcludedTypes: readonly TouchpointType[];
  /** First touch on one of these surfaces makes a journey 'browse' (unless its type or surface says 'store'). */
  browseSurfaces: readonly Surface[];
  /** First touch on one of these surfaces, or of one of these types, makes a journey 'store'. */
  storeSurfaces: readonly Surface[];
  storeFirstTouchTypes: readonly TouchpointType[];
  /** 'same-session': the latest search in the first linked touch's session joins the journey; 'off': never. */
  searchJoin: 'same-session' | 'off';
  /** The grouping whose key is a touch's channel in the Markov model. */
  markovChannel: GroupingId;
}

export const DEFAULT_DEFINITIONS: Readonly<Definitions> = Object.freeze({
  version: DEFINITIONS_VERSION,
  impressionMinVisibleRatio: IMPRESSION_MIN_VISIBLE_RATIO,
  impressionMinMs: IMPRESSION_MIN_MS,
  idleDetectionS: IDLE_DETECTION_S,
  sessionGapMin: SESSION_GAP_MIN,
  journeyLookbackDays: JOURNEY_LOOKBACK_DAYS,
  timeDecayHalfLifeDays: TIME_DECAY_HALF_LIFE_DAYS,
  positionBasedFirstShare: POSITION_BASED_FIRST_SHARE,
  positionBasedMiddleShare: POSITION_BASED_MIDDLE_SHARE,
  positionBasedLastShare: POSITION_BASED_LAST_SHARE,
  conversionTypes: CONVERSION_SIGNAL_TYPES,
  creditExcludedTypes: [...CONVERSION_SIGNAL_TYPES, 'live-leave'],
  // A profile counts as browsing: it is reached from a creator's content; its shop window is a `shop-open`.
  browseSurfaces: ['recommend', 'jingxuan', 'follow', 'friends', 'video', 'note', 'live-room', 'profile'],
  storeSurfaces: ['search', 'product-page'],
  storeFirstTouchTypes: ['search', 'shop-open'],
  searchJoin: 'same-session',
  markovChannel: 'surface',
} satisfies Definitions);

/** Default definitions with some settings changed (the dashboard's settings page stores only the patch). */
export const withDefinitions = (patch: Partial<Definitions>): Definitions => ({ ...DEFAULT_DEFINITIONS, ...patch });

/** Whether a viewport observation qualifies as an impression under these definitions. */
export function qualifiesAsImpression(visibleRatio: number, continuousVisibleMs: number, defs: Definitions = DEFAULT_DEFINITIONS): boolean {
  return visibleRatio >= defs.impressionMinVisibleRatio && continuousVisibleMs >= defs.impressionMinMs;
}

/** One-line glossary carried in every export, so a file read years later says what its numbers meant. */
export const GLOSSARY: Readonly<Record<string, string>> = Object.freeze({
  impression: 'item >= impressionMinVisibleRatio in view for >= impressionMinMs continuously, tab visible; at = start',
  dwell: 'ms the item stayed >= impressionMinVisibleRatio in view in a visible tab (while the feed slides: the item it marks active); live rooms: ms the room was open',
  attention: 'ms of dwell with tab active in focused window, video playing, machine not idle (idleDetectionS) or locked',
  session: 'touches on one platform with gaps <= sessionGapMin between them (a gap of exactly sessionGapMin continues)',
  journey: 'touches sharing product, shop or brand with a conversion, within journeyLookbackDays before it (inclusive)',
  mode: 'browse = first touch on a feed/video/note/profile/live surface; store = search, shop or product page first',
  credit: 'touches before the conversion share 1; conversion steps and live-leave get none; nothing creditable = direct',
});

export interface DefinitionsManifest {
  definitionsVersion: number;
  settings: Definitions;
  /** Names of the settings that differ from DEFAULT_DEFINITIONS. */
  changedFromDefault: string[];
  glossary: Record<string, string>;
}

/** What an export writes beside its tables: the definitions version, every setting, and what was changed. */
export function definitionsManifest(defs: Definitions = DEFAULT_DEFINITIONS): DefinitionsManifest {
  const keys = Object.keys(DEFAULT_DEFINITIONS) as Array<keyof Definitions>;
  const changed = keys.filter((k) => JSON.stringify(defs[k]) !== JSON.stringify(DEFAULT_DEFINITIONS[k]));
  return { definitionsVersion: defs.version, settings: { ...defs }, changedFromDefault: changed, glossary: { ...GLOSSARY } };
}
