/** The dashboard page from plain props: filters, charts, journeys, exports. entrypoints/dashboard wires the data. */
import { useMemo } from 'preact/hooks';
import type { DashboardData } from '../../utils/dashboard/compute';
import type { DashboardFilter } from '../../utils/dashboard/filters';
import type { ExportFormat } from '../../utils/export/files';
import { formatCount, formatShare, shareOf, type Translate } from '../popup/format';
import { ProgressBar, type ExportProgressState } from '../popup/ProgressBar';
import { ChartCanvas } from './ChartCanvas';
import { attentionChart, funnelChart, rollupChart, tagChart } from './charts';
import { Filters } from './Filters';
import { JourneyList } from './JourneyList';

export interface DashboardViewProps {
  filter: DashboardFilter;
  data: DashboardData | null;
  t: Translate;
  locale?: string;
  loading: boolean;
  /** Set when the range held more touchpoints than the dashboard reads. */
  capped?: { shown: number; inRange: number };
  error?: string;
  exportProgress?: ExportProgressState | null;
  exportError?: string;
  onFilter(f: DashboardFilter): void;
  onExport(format: ExportFormat): void;
}

function Panel({ title, hint, children, wide }: { title: string; hint?: string; children: preact.ComponentChildren; wide?: boolean }) {
  return (
    <section class={`panel${wide ? ' wide' : ''}`}>
      <h2>{title}</h2>
      {hint && <p class="hint">{hint}</p>}
      {children}
    </section>
  );
}

export function DashboardView(p: DashboardViewProps) {
  const { t, data, locale } = p;
  const charts = useMemo(() => data && {
    tags: tagChart(data, t),
    attention: attentionChart(data, t),
    funnel: funnelChart(data, t),
    fact: rollupChart(data.factRole, 'dashRole', t),
    adKind: rollupChart(data.adKind, 'dashAdKind', t),
  }, [data, t]);
  const journeysTotal = data ? data.modes.browse + data.modes.store + data.modes.unknown : 0;
  // Attribution needs a conversion: say so instead of drawing empty axes.
  const pending = !!data?.pending;
  const noConversions = !!data && !pending && !data.journeys.some((j) => j.converted);
  const noCredit = pending
    ? <p class="note" data-testid="dash-journeys-pending">{t('dashJourneysPending')}</p>
    : noConversions ? <p class="note" data-testid="dash-no-conversions">{t('dashNoConversions')}</p> : null;
  /** A journey number, or an ellipsis while journeys are built. */
  const journeyNumber = (text: string) => (pending ? '…' : text);
  const busy = !!p.exportProgress;
  return (
    <main class="dashboard">
      <header class="top">
        <h1>{t('dashTitle')}</h1>
        <Filters filter={p.filter} t={t} onChange={p.onFilter} />
        <div class="exports">
          {(['json', 'ndjson', 'csv'] as const).map((f) => (
            <button key={f} type="button" data-testid={`dash-export-${f}`} disabled={busy} onClick={() => p.onExport(f)}>
              {t(`dashExport_${f}`)}
            </button>
          ))}
        </div>
      </header>
      {p.exportProgress && <ProgressBar progress={p.exportProgress} t={t} locale={locale} testId="dash-export-progress" />}
      {p.exportError && <p class="error" role="alert">{t('popupExportFailed', [p.exportError])}</p>}
      {p.error && <p class="error" role="alert">{p.error}</p>}
      {p.capped && <p class="note" data-testid="dash-capped">{t('dashCapped', [formatCount(p.capped.shown, locale), formatCount(p.capped.inRange, locale)])}</p>}
      {p.loading && <p class="note">{t('dashLoading')}</p>}
      {data && data.touchpoints === 0 && !p.loading && <p class="note" data-testid="dash-empty">{t('dashEmpty')}</p>}
      {data && charts && (
        <div class="grid">
          <section class="panel wide kpis" data-testid="dash-kpis" aria-busy={pending}>
            <div data-testid="dash-kpi-touchpoints"><strong>{formatCount(data.touchpoints, locale)}</strong><span>{t('dashKpiTouchpoints')}</span></div>
            <div><strong>{formatCount(data.funnel.impression, locale)}</strong><span>{t('dashKpiImpressions')}</span></div>
            <div><strong>{journeyNumber(formatCount(data.journeys.filter((j) => j.converted).length, locale))}</strong><span>{t('dashKpiConverted')}</span></div>
            <div><strong>{journeyNumber(formatCount(data.journeys.filter((j) => !j.converted).length, locale))}</strong><span>{t('dashKpiOpen')}</span></div>
            <div data-testid={pending ? undefined : 'dash-mode-share'}><strong>{journeyNumber(formatShare(shareOf(data.modes.browse, journeysTotal), locale))}</strong><span>{t('dashKpiBrowse')}</span></div>
            <div><strong>{journeyNumber(formatShare(shareOf(data.modes.store, journeysTotal), locale))}</strong><span>{t('dashKpiStore')}</span></div>
          </section>
          <Panel title={t('dashTagsTitle')} hint={t('dashTagsHint')}>
            <ChartCanvas config={charts.tags} testId="dash-chart-tags" label={t('dashTagsTitle')} />
          </Panel>
          <Panel title={t('dashAttentionTitle')} hint={t('dashAttentionHint')}>
            <ChartCanvas config={charts.attention} testId="dash-chart-attention" label={t('dashAttentionTitle')} />
          </Panel>
          <Panel title={t('dashFunnelTitle')} hint={t('dashFunnelHint')}>
            <ChartCanvas config={charts.funnel} testId="dash-chart-funnel" label={t('dashFunnelTitle')} height={200} />
          </Panel>
          <Panel title={t('dashAttributionTitle')} hint={t('dashAttributionHint')}>
            {noCredit}
            <ChartCanvas config={charts.fact} testId="dash-chart-attribution" label={t('dashAttributionTitle')} />
          </Panel>
          <Panel title={t('dashAdKindTitle')} hint={t('dashAdKindHint')} wide>
            {noCredit}
            <ChartCanvas config={charts.adKind} testId="dash-chart-ad-kind" label={t('dashAdKindTitle')} />
          </Panel>
          <Panel title={t('dashJourneysTitle', [journeyNumber(formatCount(data.journeys.length, locale))])} hint={t('dashJourneysHint')} wide>
            {pending ? noCredit : <JourneyList journeys={data.journeys} t={t} locale={locale} />}
          </Panel>
        </div>
      )}
    </main>
  );
}
