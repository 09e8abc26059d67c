/** Dashboard entry: read the range from IndexedDB, compute with utils/journeys, render, run exports. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { DashboardView, type DashboardViewProps } from '@/components/dashboard/DashboardView';
import type { ExportProgressState } from '@/components/popup/ProgressBar';
import { computeJourneyParts, computeOverview, pendingDashboard, type DashboardData } from '@/utils/dashboard/compute';
import { defaultFilter, type DashboardFilter } from '@/utils/dashboard/filters';
import { loadTouchpoints } from '@/utils/dashboard/load';
import { ensureSalt, loadSettings, t, uiLanguage } from '@/utils/dashboard/page-api';
import { getDb } from '@/utils/db/connection';
import type { ExportFormat } from '@/utils/export/files';
import { runExport } from '@/utils/export/save';
import './style.css';

function App() {
  const [filter, setFilter] = useState<DashboardFilter>(() => defaultFilter(Date.now()));
  const [data, setData] = useState<DashboardData | null>(null);
  const [loading, setLoading] = useState(true);
  const [capped, setCapped] = useState<DashboardViewProps['capped']>();
  const [error, setError] = useState<string>();
  const [progress, setProgress] = useState<ExportProgressState | null>(null);
  const [exportError, setExportError] = useState<string>();

  useEffect(() => {
    document.documentElement.lang = uiLanguage();
    document.title = t('dashTitle');
  }, []);

  useEffect(() => {
    let stale = false;
    setLoading(true);
    (async () => {
      const loaded = await loadTouchpoints(await getDb(), filter);
      if (stale) return;
      // The counts and charts read straight off the touchpoints go up first; journeys and credit (the slow part
      // with a large store) follow once the browser has painted them.
      const overview = computeOverview(loaded.touchpoints, filter);
      setData(pendingDashboard(overview));
      setCapped(loaded.capped ? { shown: loaded.touchpoints.length, inRange: loaded.inRange } : undefined);
      setError(undefined);
      // After the next frame (or 100 ms: a tab in the background gets no frames).
      await new Promise((r) => {
        requestAnimationFrame(() => setTimeout(r));
        setTimeout(r, 100);
      });
      if (stale) return;
      setData({ ...overview, ...computeJourneyParts(loaded.touchpoints, loaded.lookback, filter) });
    })()
      .catch((e) => !stale && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => !stale && setLoading(false));
    return () => void (stale = true);
  }, [filter]);

  async function onExport(format: ExportFormat) {
    setExportError(undefined);
    setProgress({ done: 0, total: 0 });
    try {
      await runExport(format, await loadSettings(), { ensureSalt, onProgress: (done, total) => setProgress({ done, total }) });
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  }

  return (
    <DashboardView filter={filter} data={data} t={t} locale={uiLanguage()} loading={loading} capped={capped} error={error}
      exportProgress={progress} exportError={exportError} onFilter={setFilter} onExport={onExport} />
  );
}

render(<App />, document.getElementById('app')!);
