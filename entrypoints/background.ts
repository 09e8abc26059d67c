/**
 * Background worker: wiring only. Listeners are registered synchronously at the top of main so a restarted
 * MV3 worker receives the event that woke it. Logic lives in utils/background/.
 */
import { browser } from 'wxt/browser';
import { ensureRetentionAlarm, pruneExpired, RETENTION_ALARM } from '@/utils/background/retention';
import { COMPACT_ALARM, compactChunks, ensureCompactAlarm } from '@/utils/background/compaction';
import { createRouter } from '@/utils/background/router';
import { registerInstallHandler } from '@/utils/background/install';
import { getDb, setOpenKeepAlive } from '@/utils/db/connection';
import { watchIdle } from '@/utils/background/idle';
import { allMatches } from '@/utils/platforms/registry';
import { getSettings, updateSettings } from '@/utils/settings';

export default defineBackground(() => {
  setOpenKeepAlive(() => browser.runtime.getPlatformInfo());
  registerInstallHandler(browser, { getSettings, updateSettings });
  const router = createRouter({
    getDb,
    getSettings,
    updateSettings,
    extVersion: browser.runtime.getManifest().version,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
  watchIdle(browser.idle, browser.tabs, allMatches());
  // webextension-polyfill: returning a Promise is how the reply is sent.
  browser.runtime.onMessage.addListener((message: unknown, sender) => router.handle(message, sender));

  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === COMPACT_ALARM) {
      const compacted = await compactChunks(await getDb(), Date.now());
      if (compacted.merged) console.info('[guangjie] compaction', compacted);
      return;
    }
    if (alarm.name !== RETENTION_ALARM) return;
    const { retentionDays } = await getSettings();
    const pruned = await pruneExpired(await getDb(), retentionDays, Date.now());
    if (pruned.touchpoints || pruned.diagnostics) console.info('[guangjie] retention', pruned);
  });
  void ensureRetentionAlarm(browser.alarms).catch((e) => console.warn('[guangjie] retention alarm', e));
  void ensureCompactAlarm(browser.alarms).catch((e) => console.warn('[guangjie] compaction alarm', e));
});
