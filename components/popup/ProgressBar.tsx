/** An export's progress: rows done of rows to do (the total grows once journeys are built). */
import { formatCount, type Translate } from './format';

export interface ExportProgressState {
  done: number;
  total: number;
}

export function ProgressBar({ progress, t, locale, testId = 'export-progress' }: { progress: ExportProgressState; t: Translate; locale?: string; testId?: string }) {
  const total = Math.max(progress.total, progress.done, 1);
  return (
    <div class="progress" data-testid={testId} data-done={progress.done} data-total={progress.total}>
      <progress max={total} value={progress.done} aria-label={t('exportProgressLabel')} />
      <span>{t('exportProgress', [formatCount(progress.done, locale), formatCount(total, locale)])}</span>
    </div>
  );
}
