/**
 * One shared database handle per extension context (background worker, popup, dashboard).
 * The handle closes itself when another context needs to upgrade the schema, and the next call reopens it.
 */
import { openGuangjieDb, type GuangjieDb } from './schema';

let pending: Promise<GuangjieDb> | null = null;

/** How often `keepAlive` is called while the database opens. Milliseconds. */
export const KEEP_ALIVE_MS = 20_000;
let keepAlive: (() => unknown) | null = null;

/**
 * What to call while an open (an upgrade) is under way. The background worker passes an extension API call:
 * Chrome stops an extension service worker after 30 s without events or API calls, and upgrading a large store
 * to schema version 4 moves every touchpoint (200,000 took 14 s on the bench machine: a million, over a minute);
 * a worker stopped midway aborts the upgrade, which would then start over, and be stopped again, on every wake.
 */
export function setOpenKeepAlive(fn: (() => unknown) | null): void {
  keepAlive = fn;
}

/** Open the database, calling `keepAlive` every KEEP_ALIVE_MS until it is open (or failed). */
function openKeptAlive(): Promise<GuangjieDb> {
  const ping = keepAlive;
  if (!ping) return openGuangjieDb();
  const timer = setInterval(() => {
    try {
      void Promise.resolve(ping()).catch(() => undefined);
    } catch { /* a failed ping only means the next one may be needed sooner */ }
  }, KEEP_ALIVE_MS);
  const opened = openGuangjieDb();
  void opened.finally(() => clearInterval(timer)).catch(() => undefined);
  return opened;
}

export function getDb(): Promise<GuangjieDb> {
  if (!pending) {
    pending = openKeptAlive().then((db) => {
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
