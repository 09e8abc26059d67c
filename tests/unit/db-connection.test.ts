import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, KEEP_ALIVE_MS, resetDbConnection, setOpenKeepAlive } from '../../utils/db/connection';
import { freshIndexedDb } from './background-fixtures';
import { createV1Database } from '../fixtures/db/v1-schema.mjs';

describe('shared database connection', () => {
  beforeEach(freshIndexedDb);
  afterEach(() => {
    setOpenKeepAlive(null);
    vi.useRealTimers();
  });

  it('keeps the worker alive while a slow open (an upgrade) runs, and stops once it is open', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const ping = vi.fn(async () => ({}));
    setOpenKeepAlive(ping);
    // A version-1 database, and another connection to it that holds the upgrade back until it closes.
    await createV1Database(indexedDB, { touchpoints: [], items: [], meta: [] });
    const old = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('guangjie', 1);
      r.onsuccess = () => resolve(r.result);
    });
    old.onversionchange = () => undefined; // does not close at once: the upgrade waits
    const opening = getDb();
    vi.advanceTimersByTime(KEEP_ALIVE_MS * 2 + 1);
    expect(ping).toHaveBeenCalledTimes(2);
    old.close();
    const db = await opening;
    expect(db.version).toBeGreaterThan(1);
    vi.advanceTimersByTime(KEEP_ALIVE_MS * 3);
    expect(ping).toHaveBeenCalledTimes(2);
    await resetDbConnection();
  });
});
