/**
 * Background worker: wiring only. The listener is registered synchronously at the top of main so a restarted
 * MV3 worker receives the message that woke it. Logic lives in utils/background/.
 */
import { browser } from 'wxt/browser';
import { createRouter } from '@/utils/background/router';
import { getDb } from '@/utils/db/connection';
import { getSettings, updateSettings } from '@/utils/settings';

export default defineBackground(() => {
  const router = createRouter({
    getDb,
    getSettings,
    updateSettings,
    extVersion: browser.runtime.getManifest().version,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
  // webextension-polyfill: returning a Promise is how the reply is sent.
  browser.runtime.onMessage.addListener((message: unknown, sender) => router.handle(message, sender));
});
