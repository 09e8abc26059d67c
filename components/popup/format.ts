/** Number formatting for the popup: whole counts with grouping, shares as percentages. Pure. */

export type Translate = (key: string, substitutions?: string[]) => string;

/**
 * Formatters made once per locale and option set: constructing an Intl.NumberFormat costs far more than using
 * one, and an export's progress re-renders the popup many times a second.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string | undefined, digits?: number): Intl.NumberFormat {
  const key = `${locale ?? ''}|${digits ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, digits === undefined ? {} : { maximumFractionDigits: digits, minimumFractionDigits: digits });
    formatters.set(key, f);
  }
  return f;
}

export const formatCount = (n: number, locale?: string): string => numberFormat(locale).format(Math.round(n));

/** A 0..1 share as a percentage; one decimal below 10 % so small shares don't all read "0 %". Null reads "–". */
export function formatShare(share: number | null, locale?: string): string {
  if (share === null || !Number.isFinite(share)) return '–';
  const pct = share * 100;
  const digits = pct > 0 && pct < 10 ? 1 : 0;
  return `${numberFormat(locale, digits).format(pct)}%`;
}

/** `part` as a share of `whole`, or null when the whole is zero. */
export const shareOf = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
