/**
 * Read a table page by page. Each page is its own short read transaction: a cursor collects up to `pageSize`
 * rows after the last key seen, then the transaction ends before the rows are yielded. (An IndexedDB transaction
 * closes as soon as its caller awaits anything else, so a cursor cannot stay open across a consumer's awaits.)
 * Memory holds one page, never the table.
 */
import type { GuangjieDb } from '../db/schema';

export type ExportTable = 'touchpoints' | 'items';
/** Rows per read transaction. Count. */
export const EXPORT_PAGE_ROWS = 500;

export async function* pageRows(db: GuangjieDb, table: ExportTable, pageSize = EXPORT_PAGE_ROWS): AsyncGenerator<unknown[]> {
  let after: IDBValidKey | undefined;
  for (;;) {
    const tx = db.transaction(table);
    const page: unknown[] = [];
    let cursor = await tx.store.openCursor(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true));
    while (cursor && page.length < pageSize) {
      page.push(cursor.value);
      after = cursor.key;
      cursor = page.length < pageSize ? await cursor.continue() : null;
    }
    await tx.done;
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
  }
}

/** The rows one at a time. */
export async function* tableRows(db: GuangjieDb, table: ExportTable, pageSize = EXPORT_PAGE_ROWS): AsyncGenerator<unknown> {
  for await (const page of pageRows(db, table, pageSize)) yield* page;
}
