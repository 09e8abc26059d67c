/**
 * One shared database handle per extension context (background worker, popup, dashboard).
 * The handle closes itself when another context needs to upgrade the schema, and the next call reopens it.
 */
import { openGuangjieDb, type GuangjieDb } from './schema';

let pending: Promise<GuangjieDb> | null = null;

export function getDb(): Promise<GuangjieDb> {
  if (!pending) {
    pending = openGuangjieDb().then((db) => {
      // Another context is upgrading (or deleting) the database: let it, and reopen on next use.
      db.addEventListener('versionchange', () => closeDb(db));
      db.addEventListener('close', () => closeDb(db));
      return db;
    });
    pending.catch(() => (pending = null));
  }
  return pending;
}

function closeDb(db: GuangjieDb): void {
  db.close();
  pending = null;
}

/** Close the shared handle (tests reset the database between cases). */
export async function resetDbConnection(): Promise<void> {
  const p = pending;
  pending = null;
  if (p) (await p.catch(() => null))?.close();
}
