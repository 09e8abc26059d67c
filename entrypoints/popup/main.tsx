/** Popup entry: fetch stats and settings from the background worker, render PopupView, wire its callbacks. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView, type ToggleKey } from '@/components/popup/PopupView';
import type { ExportProgressState } from '@/components/popup/ProgressBar';
import type { ExportFormat } from '@/utils/export/files';
import { ensureSalt } from '@/utils/dashboard/page-api';
import type { ReplyTo, Stats, ToBackground } from '@/utils/messages';
import { getSettings, type Settings } from '@/utils/settings';
import { getDb } from '@/utils/db/connection';
import { readStatsSnapshot } from '@/utils/background/stats';
import './style.css';

const DASHBOARD_URL = browser.runtime.getURL('/dashboard.html');
const CONSENT_URL = browser.runtime.getURL('/consent.html');

const t = (key: string, subs?: string[]): string =>
  (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs) || key;

async function ask<M extends ToBackground>(message: M): Promise<ReplyTo<M['type']>> {
  const reply = (await browser.runtime.sendMessage(message)) as ReplyTo<M['type']> | undefined;
  if (!reply) throw new Error('no reply');
  return reply;
}

async function activeTabId(): Promise<number | undefined> {
  // popup.html?tabId=<id>: the popup opened in a tab of its own (tests, keyboard users) asks about that tab.
  const asked = new URLSearchParams(location.search).get('tabId');
  if (asked && /^\d{1,10}$/.test(asked)) return Number(asked);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return tab?.id;
}

/** Whether the worker has answered with stats (its answer always wins over the snapshot read directly). */
let answered = false;

/**
 * The numbers straight from the database, asked for as soon as the script runs (before the first render): the
 * worker may be stopped, or busy recounting a large store's journeys. The worker's own answer replaces them.
 */
const snapshot = Promise.all([getDb(), getSettings()])
  .then(([db, stored]) => readStatsSnapshot(db, Date.now(), stored))
  .catch((e) => (console.warn('[guangjie] popup snapshot', e), null));

function App() {
  const [stats, setStats] = useState<Stats | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string>();
  const [progress, setProgress] = useState<ExportProgressState | null>(null);

  async function load() {
    try {
      const [s, st] = await Promise.all([ask({ type: 'ui-bg/settings' }), ask({ type: 'ui-bg/stats', tabId: await activeTabId() })]);
      if (s.ok) setSettings(s.settings);
      if (st.ok) {
        answered = true;
        setStats(st.stats);
      }
      setLoadFailed(!s.ok || !st.ok);
    } catch {
      setLoadFailed(true);
    }
  }
  useEffect(() => {
    void snapshot.then((read) => {
      if (read && !answered) setStats(read);
    });
    void load();
  }, []);

  async function onToggle(key: ToggleKey, on: boolean) {
    const reply = await ask({ type: 'ui-bg/update-settings', patch: { [key]: on } }).catch(() => null);
    if (reply?.ok) setSettings(reply.settings);
    await load();
  }

  async function onExport(format: ExportFormat) {
    setExporting(true);
    setExportError(undefined);
    setProgress({ done: 0, total: 0 });
    try {
      // Fresh settings: the pseudonymisation choice may have changed on the consent page since the popup opened.
      const s = await ask({ type: 'ui-bg/settings' });
      if (!s.ok) throw new Error(s.error);
      // Loaded on first use: the export code (journeys, attribution, writers) is most of the popup's script,
      // and the popup's numbers should not wait for it to parse.
      const { runExport } = await import('@/utils/export/save');
      await runExport(format, s.settings, { ensureSalt, onProgress: (done, total) => setProgress({ done, total }) });
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
      setProgress(null);
    }
  }

  return (
    <PopupView stats={stats} settings={settings} t={t} locale={browser.i18n.getUILanguage()} loadFailed={loadFailed}
      exporting={exporting} exportError={exportError} exportProgress={progress} dashboardUrl={DASHBOARD_URL} consentUrl={CONSENT_URL}
      onToggle={onToggle} onExport={onExport} />
  );
}

render(<App />, document.getElementById('app')!);
