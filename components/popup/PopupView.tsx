/** The whole popup, from plain props. entrypoints/popup/main.tsx fetches the data and handles the callbacks. */
import type { Stats } from '../../utils/messages';
import type { Settings } from '../../utils/settings';
import { Banners } from './Banners';
import { ExportPanel, type ExportFormat } from './ExportPanel';
import type { ExportProgressState } from './ProgressBar';
import { formatCount, type Translate } from './format';
import { StatsTable } from './StatsTable';
import { Switch } from './Switch';

export type ToggleKey = 'recordingEnabled' | 'overlayEnabled';

export interface PopupViewProps {
  stats: Stats | null;
  settings: Settings | null;
  t: Translate;
  locale?: string;
  loadFailed?: boolean;
  exporting: boolean;
  exportError?: string;
  dashboardUrl: string;
  /** The consent / privacy settings page (study ids, retention, pseudonymisation, delete everything). */
  consentUrl?: string;
  exportProgress?: ExportProgressState | null;
  onToggle(key: ToggleKey, on: boolean): void;
  onExport(format: ExportFormat): void;
}

export function PopupView(p: PopupViewProps) {
  const { stats, settings, t } = p;
  return (
    <main class="popup">
      <header>
        <h1>{t('popupTitle')}</h1>
        <a href={p.dashboardUrl} target="_blank" rel="noopener" data-testid="link-dashboard">{t('popupOpenDashboard')}</a>
      </header>
      {p.loadFailed && <p class="banner banner-error" role="alert">{t('popupLoadFailed')}</p>}
      <Banners storageFull={!!stats?.storageFull} degraded={!!stats?.degraded} t={t} onResume={() => p.onToggle('recordingEnabled', true)} />
      {stats && <StatsTable stats={stats} t={t} locale={p.locale} />}
      {stats && stats.topShops.length > 0 && (
        <section class="shops">
          <h2>{t('popupTopShops')}</h2>
          <ol>
            {stats.topShops.map((s) => (
              <li key={s.shopId}>
                <span class="shop-name" title={s.shopId}>{s.name ?? s.shopId}</span>
                <span class="num">{formatCount(s.touchpoints, p.locale)}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {settings && (
        <section class="switches">
          <Switch testId="toggle-recording" label={t('popupToggleRecording')} checked={settings.recordingEnabled}
            onChange={(on) => p.onToggle('recordingEnabled', on)} />
          {!settings.consentGiven && <p class="note">{t('popupNotRecordingNoConsent')}</p>}
          <Switch testId="toggle-overlay" label={t('popupToggleOverlay')} checked={settings.overlayEnabled}
            onChange={(on) => p.onToggle('overlayEnabled', on)} />
          {p.consentUrl && (
            <a href={p.consentUrl} target="_blank" rel="noopener" data-testid="link-consent">{t('popupPrivacyLink')}</a>
          )}
        </section>
      )}
      {stats?.journeysAsOf !== undefined && Date.now() - stats.journeysAsOf > 60_000 && (
        <p class="note" data-testid="journeys-as-of">{t('popupJourneysAsOf', [new Date(stats.journeysAsOf).toLocaleTimeString(p.locale)])}</p>
      )}
      <ExportPanel t={t} busy={p.exporting} error={p.exportError} progress={p.exportProgress} locale={p.locale} onExport={p.onExport} />
    </main>
  );
}
