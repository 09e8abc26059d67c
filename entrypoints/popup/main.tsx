/** Popup entry: fetch stats and settings from the background worker, render PopupView, wire its callbacks. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView, type ToggleKey } from '@/components/popup/PopupView';
import type { ExportFormat } from '@/utils/export/files';
import { exportFiles } from '@/utils/export/files';
import { buildManifest } from '@/utils/export/json-bundle';
import { getDb } from '@/utils/db/connection';
import type { ReplyTo, Stats, ToBackground } from '@/utils/messages';
import type { Settings } from '@/utils/settings';
import { downloadExport } from './download';
import './style.css';

// The dashboard entrypoint is built separately; until it exists WXT's PublicPath type doesn't list it.
const DASHBOARD_URL = browser.runtime.getURL('/dashboard.html' as '/');

const t = (key: string, subs?: string[]): string =>
  (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs) || key;

async function ask<M extends ToBackground>(message: M): Promise<ReplyTo<M['type']>> {
  const reply = (await browser.runtime.sendMessage(message)) as ReplyTo<M['type']> | undefined;
  if (!reply) throw new Error('no reply');
  return reply;
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return tab?.id;
}

function App() {
  const [stats, setStats] = useState<Stats | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string>();

  async function load() {
    try {
      const [s, st] = await Promise.all([ask({ type: 'ui-bg/settings' }), ask({ type: 'ui-bg/stats', tabId: await activeTabId() })]);
      if (s.ok) setSettings(s.settings);
      if (st.ok) setStats(st.stats);
      setLoadFailed(!s.ok || !st.ok);
    } catch {
      setLoadFailed(true);
    }
  }
  useEffect(() => void load(), []);

  async function onToggle(key: ToggleKey, on: boolean) {
    const reply = await ask({ type: 'ui-bg/update-settings', patch: { [key]: on } }).catch(() => null);
    if (reply?.ok) setSettings(reply.settings);
    await load();
  }

  async function onExport(format: ExportFormat) {
    setExporting(true);
    setExportError(undefined);
    try {
      const s = settings ?? (await ask({ type: 'ui-bg/settings' }).then((r) => (r.ok ? r.settings : null)));
      const now = Date.now();
      const manifest = buildManifest(s ?? { studyId: '', participantId: '' }, browser.runtime.getManifest().version, now);
      for (const file of exportFiles(await getDb(), format, manifest, now)) await downloadExport(file);
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  }

  return (
    <PopupView stats={stats} settings={settings} t={t} locale={browser.i18n.getUILanguage()} loadFailed={loadFailed}
      exporting={exporting} exportError={exportError} dashboardUrl={DASHBOARD_URL}
      onToggle={onToggle} onExport={onExport} />
  );
}

render(<App />, document.getElementById('app')!);
