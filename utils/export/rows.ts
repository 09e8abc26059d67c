/**
 * Read a table page by page. Each page is its own short read transaction: one `getAll` of up to `pageSize` rows
 * after the last key seen, then the transaction ends before the rows are yielded. (An IndexedDB transaction
 * closes as soon as its caller awaits anything else, so nothing can stay open across a consumer's awaits.)
 * `getAll` with a count is one request per page; a cursor is one request per row, several times slower on large
 * tables. Memory holds a few pages, never the table.
 */
import type { GuangjieDb, StoredItem } from '../db/schema';
import { firstPageCount, readChunkPage } from '../db/touchpoint-chunks';

export type ExportTable = 'touchpoints' | 'items';
/**
 * Rows per read transaction, about (touchpoint pages are whole chunks). Count. Reading 1,000,000 touchpoints
 * stored a row per record took 21 s in pages of 2,000 and 16 s in pages of 10,000 (headless Chromium, this
 * project's bench machine). Stored as chunks, pages of 5,000 rows measured no less memory than 10,000 (the popup's
 * peak heap 384–397 MB against 226–371 MB over the three exports of a full run; docs/PERFORMANCE.md, "Export,
 * schema version 4"), so 10,000 stays.
 */
export const EXPORT_PAGE_ROWS = 10_000;
/** Pages read ahead of the one being worked on. Count. */
export const PAGES_AHEAD = 1;

interface Page {
  page: unknown[];
  /** The last key read. */
  last?: IDBValidKey;
  /** Whether rows may follow. */
  more: boolean;
  /** Records to ask for next. */
  nextCount: number;
}

/**
 * One page: up to `count` records after key `after`, in its own read transaction. Touchpoints are stored in chunks
 * (utils/db/touchpoint-chunks.ts): a page is whole chunks, about `pageSize` rows; items are a row per record.
 */
async function readPage(db: GuangjieDb, table: ExportTable, after: IDBValidKey | undefined, count: number, pageSize: number): Promise<Page> {
  if (table === 'touchpoints') {
    const p = await readChunkPage(db, after as string | undefined, count, pageSize);
    return { page: p.rows, last: p.last, more: p.more, nextCount: p.nextCount };
  }
  const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
  const page: StoredItem[] = await db.getAll(table, range, count);
  return { page, last: page.at(-1)?.key, more: page.length === count, nextCount: count };
}

/**
 * The pages in key order, read ahead: up to PAGES_AHEAD reads are chained beyond the page the caller holds, each
 * starting when the one before it ends (it needs that page's last key), whatever the caller is doing meanwhile.
 * Reading is work in the browser process; the caller's work (turning rows into text, waiting for a write) is
 * here, so the two overlap. At most PAGES_AHEAD + 1 pages are held.
 */
export async function* pageRows(db: GuangjieDb, table: ExportTable, pageSize = EXPORT_PAGE_ROWS, ahead = PAGES_AHEAD): AsyncGenerator<unknown[]> {
  const end: Page = { page: [], more: false, nextCount: 0 };
  let last = readPage(db, table, undefined, table === 'touchpoints' ? firstPageCount(pageSize) : pageSize, pageSize);
  const reads = [last];
  const extend = () => {
    last = last.then((r) => (r.more ? readPage(db, table, r.last, r.nextCount, pageSize) : end));
    last.catch(() => undefined); // a caller that stops early leaves reads unawaited: not an unhandled error
    reads.push(last);
  };
  for (;;) {
    while (reads.length < ahead + 1) extend();
    const { page, more } = await reads.shift()!;
    if (page.length) yield page;
    if (!more) return;
  }
}

/** The rows one at a time. */
export async function* tableRows(db: GuangjieDb, table: ExportTable, pageSize = EXPORT_PAGE_ROWS): AsyncGenerator<unknown> {
  for await (const page of pageRows(db, table, pageSize)) yield* page;
}
