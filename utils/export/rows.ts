/**
 * Read a table page by page. Each page is its own short read transaction: one `getAll` of up to `pageSize` rows
 * after the last key seen, then the transaction ends before the rows are yielded. (An IndexedDB transaction
 * closes as soon as its caller awaits anything else, so nothing can stay open across a consumer's awaits.)
 * `getAll` with a count is one request per page; a cursor is one request per row, several times slower on large
 * tables. Memory holds one page, never the table.
 */
import type { GuangjieDb } from '../db/schema';

export type ExportTable = 'touchpoints' | 'items';
/** Rows per read transaction. Count. */
export const EXPORT_PAGE_ROWS = 2000;

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
 * The pages in key order. The next page is already being read while the caller works on this one (the read is
 * I/O in the browser process; the caller's work is on this thread), so at most two pages are held.
 */
export async function* pageRows(db: GuangjieDb, table: ExportTable, pageSize = EXPORT_PAGE_ROWS): AsyncGenerator<unknown[]> {
  let next = readPage(db, table, undefined, pageSize);
  for (;;) {
    const { page, last } = await next;
    const more = page.length === pageSize;
    if (more) {
      next = readPage(db, table, last, pageSize);
      next.catch(() => undefined); // a caller that stops early leaves this read unawaited: not an unhandled error
    }
    if (page.length) yield page;
    if (!more) return;
  }
}

/** The rows one at a time. */
export async function* tableRows(db: GuangjieDb, table: ExportTable, pageSize = EXPORT_PAGE_ROWS): AsyncGenerator<unknown> {
  for await (const page of pageRows(db, table, pageSize)) yield* page;
}
