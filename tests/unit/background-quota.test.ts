import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter } from '../../utils/background/router';
import { StorageFullError, writeTouchpoints } from '../../utils/background/touchpoint-writer';
import type { GuangjieDb } from '../../utils/db/schema';
import { getSettings, updateSettings } from '../../utils/settings';
import { dumpAggregates } from '../../utils/background/aggregate-store';
import { freshIndexedDb, MIN, openTestDb, T0, tp } from './background-fixtures';

/**
 * A database whose touchpoint puts fail the way a full disk does: the request errors with QuotaExceededError
 * and the browser aborts the transaction. `fail` decides per put, so a batch can fail halfway through.
 */
function quotaFaultyDb(db: GuangjieDb, fail: (putIndex: number) => boolean): GuangjieDb {
  let puts = 0;
  const wrapStore = (store: object, tx: { abort(): void }) => new Proxy(store, {
    get(target, key) {
      if (key === 'put') {
        return (value: unknown) => {
          if (fail(puts++)) {
            // As in a browser: the request fails later (not during put), then the transaction aborts.
            return Promise.resolve().then(() => {
              tx.abort();
              throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            });
          }
          return (target as { put(v: unknown): Promise<unknown> }).put(value);
        };
      }
      const v = Reflect.get(target, key);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  const wrapTx = (tx: object) => new Proxy(tx, {
    get(target, key) {
      if (key === 'objectStore') {
        return (name: string) => {
          const store = (target as { objectStore(n: string): object }).objectStore(name);
          return name === 'touchpoints' ? wrapStore(store, target as { abort(): void }) : store;
        };
      }
      const v = Reflect.get(target, key);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return new Proxy(db, {
    get(target, key) {
      if (key === 'transaction') return (...args: unknown[]) => wrapTx((target.transaction as (...a: unknown[]) => object)(...args));
      const v = Reflect.get(target, key);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

const ctx = { extVersion: '0.1.0', now: T0 };
const ORIGIN = 'chrome-extension://guangjie-test/';
const tab = { tab: { id: 1 } };
const popup = { url: `${ORIGIN}popup.html` };

describe('storage full (QuotaExceededError)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await freshIndexedDb();
  });

  it('throws StorageFullError and leaves stored rows and aggregates untouched when a batch fails halfway', async () => {
    const db = await openTestDb();
    await writeTouchpoints(db, [tp({ tags: ['shop'] }), tp()], ctx);
    const rowsBefore = await db.getAll('touchpoints');
    const aggBefore = await dumpAggregates(db);
    const faulty = quotaFaultyDb(db, (i) => i === 1); // the second put of the next batch fails
    await expect(writeTouchpoints(faulty, [tp({ tags: ['ad'] }), tp(), tp()], ctx)).rejects.toBeInstanceOf(StorageFullError);
    expect(await db.getAll('touchpoints')).toEqual(rowsBefore);
    expect(await dumpAggregates(db)).toEqual(aggBefore);
  });

  it('pauses recording, replies with an error so the sender keeps its queue, and resumes when switched back on', async () => {
    await updateSettings({ consentGiven: true });
    const db = await openTestDb();
    let full = true;
    const router = createRouter({
      getDb: async () => quotaFaultyDb(db, () => full), getSettings, updateSettings,
      extVersion: '0.1.0', extensionId: 'x', extensionOrigin: ORIGIN, now: () => T0 + MIN, log: () => {},
    });
    const batch = [tp()];
    expect(await router.handle({ type: 'cs-bg/touchpoints', touchpoints: batch }, tab)).toEqual({ ok: false, error: 'storage-full' });
    expect((await getSettings()).storageFull).toBe(true);
    expect(await router.handle({ type: 'ui-bg/stats' }, popup)).toMatchObject({ stats: { storageFull: true, recording: false } });

    full = false; // space freed, but recording stays paused until the participant switches it back on
    expect(await router.handle({ type: 'cs-bg/touchpoints', touchpoints: batch }, tab)).toEqual({ ok: false, error: 'storage-full' });
    expect(await db.count('touchpoints')).toBe(0);

    await router.handle({ type: 'ui-bg/update-settings', patch: { recordingEnabled: true } }, popup);
    expect(await router.handle({ type: 'cs-bg/touchpoints', touchpoints: batch }, tab)).toEqual({ ok: true, stored: [batch[0].id] });
    expect(await db.count('touchpoints')).toBe(1);
  });
});
