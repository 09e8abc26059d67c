/**
 * Add rows to an object store, keeping the ones whose key is already there, in one request per row.
 *
 * `add` fails with ConstraintError when the key exists, or when a unique index would hold a value twice (the
 * touchpoint chunks' `id` index: an id already stored). That failure is expected here: it is marked handled (preventDefault, so the
 * transaction is not aborted; stopPropagation, so the transaction's own error listeners never hear it) and the row
 * reads as not added. Any other failure (QuotaExceededError above all) rejects and is left to abort the
 * transaction, so a failed batch never half-commits.
 *
 * Raw IDB requests, not idb's promises: this is the per-record cost of every batch.
 */

/** Resolves to, for each row, whether it was added (false: its key was already stored). */
export function addNew(store: IDBObjectStore, rows: readonly unknown[]): Promise<boolean[]> {
  return new Promise((resolve, reject) => {
    const added = new Array<boolean>(rows.length).fill(false);
    let waiting = rows.length;
    if (waiting === 0) return resolve(added);
    const settled = () => --waiting === 0 && resolve(added);
    rows.forEach((row, i) => {
      const request = store.add(row);
      request.onsuccess = () => {
        added[i] = true;
        settled();
      };
      request.onerror = (event) => {
        if (request.error?.name !== 'ConstraintError') return reject(request.error);
        event.preventDefault();
        event.stopPropagation();
        settled();
      };
    });
  });
}
