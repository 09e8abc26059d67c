/**
 * Groupings: the keys a touch is counted under in roll-ups, and (joined) its channel in the Markov model.
 *
 * A touch can carry several keys in the overlapping groupings (`tag`, `fact-role`): roll-ups split its credit
 * equally among them, so every roll-up of one model still sums to the number of converted journeys. The Markov
 * model needs one channel per touch, so there the keys are sorted and joined with '+' ("ad+shop").
 * FACT is Douyin's own frame for merchant traffic: Field (the brand's own accounts and rooms), Alliance
 * (精选联盟 affiliates), Campaign (platform activities), Top-KOL (leading creators); `none` when a touch has none.
 */
import type { Touchpoint } from '../model/touchpoint';
import type { TagId } from '../model/tags';

export const GROUPING_IDS = ['tag', 'fact-role', 'ad-vs-organic', 'surface', 'ad-kind', 'platform'] as const;
export type GroupingId = (typeof GROUPING_IDS)[number];

export const FACT_ROLES = ['field', 'alliance', 'campaign', 'top-kol'] as const satisfies readonly TagId[];

/** The key every grouping uses for credit with no touch behind it (a converted journey with nothing creditable). */
export const DIRECT_KEY = 'direct';

const isAd = (tp: Touchpoint): boolean => tp.tags.includes('ad') || tp.adKind !== undefined;
const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

const KEYS_OF: Record<GroupingId, (tp: Touchpoint) => string[]> = {
  tag: (tp) => (tp.tags.length ? unique(tp.tags) : ['untagged']),
  'fact-role': (tp) => {
    const roles = unique(tp.tags.filter((t): t is (typeof FACT_ROLES)[number] => (FACT_ROLES as readonly string[]).includes(t)));
    return roles.length ? roles : ['none'];
  },
  'ad-vs-organic': (tp) => [isAd(tp) ? 'ad' : 'organic'],
  // An ad whose kind the classifier could not tell is 'unknown' (an AdKind), a non-ad is 'organic'.
  'ad-kind': (tp) => [isAd(tp) ? (tp.adKind ?? 'unknown') : 'organic'],
  surface: (tp) => [tp.surface],
  platform: (tp) => [tp.platform],
};

/** The keys a touch is counted under in one grouping (never empty). */
export const groupingKeys = (tp: Touchpoint, grouping: GroupingId): string[] => KEYS_OF[grouping](tp);

/** The touch's single channel for the Markov model: its keys, sorted, joined with '+'. */
export const channelOf = (tp: Touchpoint, grouping: GroupingId): string => [...groupingKeys(tp, grouping)].sort().join('+');
