/** Number formatting for the popup: whole counts with grouping, shares as percentages. Pure. */

export type Translate = (key: string, substitutions?: string[]) => string;

export const formatCount = (n: number, locale?: string): string => new Intl.NumberFormat(locale).format(Math.round(n));

/** A 0..1 share as a percentage; one decimal below 10 % so small shares don't all read "0 %". Null reads "–". */
export function formatShare(share: number | null, locale?: string): string {
  if (share === null || !Number.isFinite(share)) return '–';
  const pct = share * 100;
  const digits = pct > 0 && pct < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(pct)}%`;
}

/** `part` as a share of `whole`, or null when the whole is zero. */
export const shareOf = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
