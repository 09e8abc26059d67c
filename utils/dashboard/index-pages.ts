/**
 * Touchpoints of a time range through the `at` index, a page at a time, so a caller that keeps only part of each
 * row (or only some rows) never holds the whole range as stored. Each page is one `getAll` on the index in its
 * own transaction. Rows sharing one `at` can straddle two pages: the next page starts AT the last time read
 * (inclusive) and skips the ids already yielded at that time, so no row is lost or repeated.
 */
import type { GuangjieDb, StoredTouchpoint } from '../db/schema';

/** Rows per index read. Count. */
export const INDEX_PAGE_ROWS = 5000;

export async function* touchpointPagesByTime(
  db: GuangjieDb,
  from: number,
  /** Inclusive unless `toOpen`. */
  to: number,
  toOpen = false,
  pageSize = INDEX_PAGE_ROWS,
): AsyncGenerator<StoredTouchpoint[]> {
  let lower = from;
  let seenAtLower = new Set<string>();
  for (;;) {
    if (lower > to || (toOpen && lower === to)) return;
    const want = pageSize + seenAtLower.size; // the already-yielded rows at `lower` come first (same time, lower ids)
    const rows = await db.getAllFromIndex('touchpoints', 'at', IDBKeyRange.bound(lower, to, false, toOpen), want);
    const page = seenAtLower.size ? rows.filter((r) => !seenAtLower.has(r.id)) : rows;
    if (page.length) yield page;
    if (rows.length < want) return;
    const lastAt = rows[rows.length - 1].at;
    const atLast = rows.filter((r) => r.at === lastAt).map((r) => r.id);
    seenAtLower = lastAt === lower ? new Set([...seenAtLower, ...atLast]) : new Set(atLast);
    lower = lastAt;
  }
}
