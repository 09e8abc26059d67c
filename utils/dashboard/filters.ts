/** The dashboard's filters: a date range (local calendar days, both ends inclusive) and a platform. Pure. */
import type { PlatformId } from '../model/item';
import { dayKey } from '../background/aggregates';

export type PlatformFilter = PlatformId | 'all';

export interface DashboardFilter {
  /** Start of the first day shown, epoch ms (local midnight). */
  from: number;
  /** End of the last day shown, epoch ms (the last millisecond of that local day). */
  to: number;
  platform: PlatformFilter;
}

/** Days shown when the dashboard opens, today included. Days. */
export const DEFAULT_RANGE_DAYS = 14;

export function startOfDay(at: number): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}
export const endOfDay = (at: number): number => {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime() - 1;
};

export function defaultFilter(now: number): DashboardFilter {
  const d = new Date(now);
  return { from: new Date(d.getFullYear(), d.getMonth(), d.getDate() - (DEFAULT_RANGE_DAYS - 1)).getTime(), to: endOfDay(now), platform: 'all' };
}

/** The `<input type="date">` value of a time (its local day). */
export const toDateInput = (at: number): string => dayKey(at);

/** A `<input type="date">` value as local midnight (start) or the day's last millisecond (end); null if invalid. */
export function fromDateInput(value: string, edge: 'start' | 'end'): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const start = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  return edge === 'start' ? start : endOfDay(start);
}

/** Every local day from `from` to `to`, as YYYY-MM-DD (DST-safe: steps by calendar day, not by 24 h). */
export function daysBetween(from: number, to: number): string[] {
  const out: string[] = [];
  const d = new Date(startOfDay(from));
  while (d.getTime() <= to) {
    out.push(dayKey(d.getTime()));
    d.setDate(d.getDate() + 1);
  }
  return out;
}
