import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBRequest as FakeRequest, IDBVersionChangeEvent as FakeEvent } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter } from '../../utils/background/router';
import { StorageFullError, writeTouchpoints } from '../../utils/background/touchpoint-writer';
import { getSettings, updateSettings } from '../../utils/settings';
import { dumpAggregates } from '../../utils/background/aggregate-store';
import { freshIndexedDb, MIN, openTestDb, T0, tp } from './background-fixtures';
import { countTouchpoints, allTouchpoints } from '../../utils/db/touchpoint-chunks';

/**
 * Writes of a batch fail the way a full disk makes them fail, at the IndexedDB layer (whatever the writer uses,
 * add or put, on the touchpoint chunks or the aggregates in meta): the request errors with QuotaExceededError
 * some time after it was issued, then the browser aborts the transaction. `fail` decides per write, so a batch
 * can fail halfway through. Returns the undo.
 */
function quotaOnBatchWrites(fail: (writeIndex: number) => boolean): () => void {
  const proto = IDBObjectStore.prototype;
  const original = { add: proto.add, put: proto.put };
  let writes = 0;
  const faulty = (method: 'add' | 'put') =>
    function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]): IDBRequest {
      if (!['touchpointChunks', 'meta'].includes(this.name) || !fail(writes++)) return original[method].apply(this, args);
      // A real (fake-indexeddb) request object, so idb's promise wrapper treats it as one.
      const request = new FakeRequest() as IDBRequest & { readyState: string; error: DOMException };
      const tx = this.transaction;
      const report = (name: string) => {
        request.readyState = 'done';
        request.error = new DOMException(name === 'AbortError' ? 'The transaction was aborted.' : 'The quota has been exceeded.', name);
        request.dispatchEvent(new FakeEvent('error'));
      };
      // A real request keeps the transaction open until the failure is reported; once the transaction is aborted,
      // the other failing requests report AbortError, as a browser's do.
      const probe = this.count();
      probe.onsuccess = () => {
        report('QuotaExceededError');
        tx.abort();
      };
      probe.onerror = () => report('AbortError');
      return request as unknown as IDBRequest;
    };
  proto.add = faulty('add');
  proto.put = faulty('put');
  return () => Object.assign(proto, original);
}

const ctx = { extVersion: '0.1.0', now: T0 };
const ORIGIN = 'chrome-extension://guangjie-test/';
const tab = { tab: { id: 1 } };
const popup = { url: `${ORIGIN}popup.html` };

describe('storage full (QuotaExceededError)', () => {
  let undo = () => {};
  beforeEach(async () => {
    fakeBrowser.reset();
    await freshIndexedDb();
  });
  afterEach(() => undo());

  it('throws StorageFullError and leaves stored rows and aggregates untouched when a batch fails halfway', async () => {
    const db = await openTestDb();
    await writeTouchpoints(db, [tp({ tags: ['shop'] }), tp()], ctx);
    const rowsBefore = await allTouchpoints(db);
    const aggBefore = await dumpAggregates(db);
    undo = quotaOnBatchWrites((i) => i === 1); // the next batch's chunk is added, then its first aggregate write fails
    await expect(writeTouchpoints(db, [tp({ tags: ['ad'] }), tp(), tp()], ctx)).rejects.toBeInstanceOf(StorageFullError);
    expect(await allTouchpoints(db)).toEqual(rowsBefore);
    expect(await dumpAggregates(db)).toEqual(aggBefore);
  });

  it('pauses recording, replies with an error so the sender keeps its queue, and resumes when switched back on', async () => {
    await updateSettings({ consentGiven: true });
    const db = await openTestDb();
    let full = true;
    undo = quotaOnBatchWrites(() => full);
    const router = createRouter({
      getDb: async () => db, getSettings, updateSettings,
      extVersion: '0.1.0', extensionId: 'x', extensionOrigin: ORIGIN, now: () => T0 + MIN, log: () => {},
    });
    const batch = [tp()];
    expect(await router.handle({ type: 'cs-bg/touchpoints', touchpoints: batch }, tab)).toEqual({ ok: false, error: 'storage-full' });
    expect((await getSettings()).storageFull).toBe(true);
    expect(await router.handle({ type: 'ui-bg/stats' }, popup)).toMatchObject({ stats: { storageFull: true, recording: false } });

    full = false; // space freed, but recording stays paused until the participant switches it back on
    expect(await router.handle({ type: 'cs-bg/touchpoints', touchpoints: batch }, tab)).toEqual({ ok: false, error: 'storage-full' });
    expect(await countTouchpoints(db)).toBe(0);

    await router.handle({ type: 'ui-bg/update-settings', patch: { recordingEnabled: true } }, popup);
    expect(await router.handle({ type: 'cs-bg/touchpoints', touchpoints: batch }, tab)).toEqual({ ok: true, stored: [batch[0].id] });
    expect(await countTouchpoints(db)).toBe(1);
  });
});
