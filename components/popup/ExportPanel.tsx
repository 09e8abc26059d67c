/** Export buttons: one JSON bundle (the main choice), or per-table NDJSON / CSV files. */
import type { ExportFormat } from '../../utils/export/files';
import type { Translate } from './format';
import { ProgressBar, type ExportProgressState } from './ProgressBar';

export type { ExportFormat };

export function ExportPanel(props: {
  t: Translate; busy: boolean; error?: string; progress?: ExportProgressState | null; locale?: string; onExport(format: ExportFormat): void;
}) {
  const { t, busy } = props;
  return (
    <section class="export">
      <button type="button" class="primary" data-testid="export-json" disabled={busy} onClick={() => props.onExport('json')}>
        {busy ? t('popupExporting') : t('popupExportJson')}
      </button>
      <button type="button" data-testid="export-ndjson" disabled={busy} onClick={() => props.onExport('ndjson')}>
        {t('popupExportNdjson')}
      </button>
      <button type="button" data-testid="export-csv" disabled={busy} onClick={() => props.onExport('csv')}>
        {t('popupExportCsv')}
      </button>
      {props.busy && props.progress && <ProgressBar progress={props.progress} t={t} locale={props.locale} />}
      {props.error && <p class="error" role="alert" data-testid="export-error">{t('popupExportFailed', [props.error])}</p>}
    </section>
  );
}
