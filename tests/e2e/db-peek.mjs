// Read the extension's IndexedDB from one of its own pages (same origin as the worker), with the raw API, so a
// test counts what is really stored without going through the code under test.

/** `{ count, ids, byType }` of the stored touchpoints (the rows of every chunk), read in an extension page. */
export async function readTouchpoints(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('guangjie');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('touchpointChunks')) return db.close(), resolve({ count: 0, ids: [], byType: {} });
          const req = db.transaction('touchpointChunks').objectStore('touchpointChunks').getAll();
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            db.close();
            const rows = req.result.flatMap((c) => c.rows);
            const byType = {};
            for (const r of rows) byType[r.type] = (byType[r.type] ?? 0) + 1;
            resolve({ count: rows.length, ids: rows.map((r) => r.id), byType, rows });
          };
        };
      }),
  );
}

/**
 * Stop every service worker, as MV3 does when it idles one, through CDP (a page session: context.browser() is null
 * for a persistent context). Resolves once CDP reports a worker of `extensionId` stopped, so the test knows the
 * stop really happened; rejects if it never does.
 */
export async function stopServiceWorkers(context, page, extensionId) {
  const cdp = await context.newCDPSession(page);
  const stopped = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the service worker was not reported stopped')), 10_000);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.includes(extensionId) && v.runningStatus === 'stopped')) {
        clearTimeout(timer);
        resolve(true);
      }
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  try {
    return await stopped;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
