/**
 * Read a table page by page. Each page is its own short read transaction: one `getAll` of up to `pageSize` rows
 * after the last key seen, then the transaction ends before the rows are yielded. (An IndexedDB transaction
 * closes as soon as its caller awaits anything else, so nothing can stay open across a consumer's awaits.)
 * `getAll` with a count is one request per page; a cursor is one request per row, several times slower on large
 * tables. Memory holds a few pages, never the table.
 */
import type { GuangjieDb } from '../db/schema';

export type ExportTable = 'touchpoints' | 'items';
/**
 * Rows per read transaction. Count. Reading 1,000,000 stored touchpoints with bare `getAll` pages took 21 s in
 * pages of 2,000 and 16 s in pages of 10,000 (headless Chromium, this project's bench machine); a page of
 * touchpoints is ~5 MB of rows.
 */
export const EXPORT_PAGE_ROWS = 10_000;
/** Pages read ahead of the one being worked on. Count. */
export const PAGES_AHEAD = 1;

/** One page: up to `pageSize` rows after key `after`, in its own read transaction, and the last key read. */
async function readPage(db: GuangjieDb, table: ExportTable, after: IDBValidKey | undefined, pageSize: number): Promise<{ page: unknown[]; last?: IDBValidKey }> {
  const tx = db.transaction(table);
  const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
  const keyPath = tx.store.keyPath;
  // Both stores have a single-field key path; the keys are read separately only if that ever changes.
  const [page, keys] = await Promise.all([
    tx.store.getAll(range, pageSize) as Promise<unknown[]>,
    typeof keyPath === 'string' ? Promise.resolve(undefined) : tx.store.getAllKeys(range, pageSize),
  ]);
  await tx.done;
  if (!page.length) return { page };
  return { page, last: keys ? keys[keys.length - 1] : (page[page.length - 1] as Record<string, IDBValidKey>)[keyPath as string] };
}

/**
 * The pages in key order, read ahead: up to PAGES_AHEAD reads are chained beyond the page the caller holds, each
 * starting when the one before it ends (it needs that page's last key), whatever the caller is doing meanwhile.
 * Reading is work in the browser process; the caller's work (turning rows into text, waiting for a write) is
 * here, so the two overlap. At most PAGES_AHEAD + 1 pages are held.
 */
export async function* pageRows(db: GuangjieDb, table: ExportTable, pageSize = EXPORT_PAGE_ROWS, ahead = PAGES_AHEAD): AsyncGenerator<unknown[]> {
  const end: Awaited<ReturnType<typeof readPage>> = { page: [] };
  let last = readPage(db, table, undefined, pageSize);
  const reads = [last];
  const extend = () => {
    last = last.then((r) => (r.page.length === pageSize ? readPage(db, table, r.last, pageSize) : end));
    last.catch(() => undefined); // a caller that stops early leaves reads unawaited: not an unhandled error
    reads.push(last);
  };
  for (;;) {
    while (reads.length < ahead + 1) extend();
    const { page } = await reads.shift()!;
    if (page.length) yield page;
    if (page.length < pageSize) return;
  }
}

/** The rows one at a time. */
export async function* tableRows(db: GuangjieDb, table: ExportTable, pageSize = EXPORT_PAGE_ROWS): AsyncGenerator<unknown> {
  for await (const page of pageRows(db, table, pageSize)) yield* page;
}
