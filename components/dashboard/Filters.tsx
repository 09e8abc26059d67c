/** Date range and platform filters. Dates are local calendar days, both inclusive. */
import type { DashboardFilter, PlatformFilter } from '../../utils/dashboard/filters';
import { fromDateInput, toDateInput } from '../../utils/dashboard/filters';
import type { Translate } from '../popup/format';

const PLATFORMS: PlatformFilter[] = ['all', 'douyin', 'tiktok'];

export function Filters({ filter, t, onChange }: { filter: DashboardFilter; t: Translate; onChange(f: DashboardFilter): void }) {
  const date = (edge: 'start' | 'end') => (e: Event) => {
    const at = fromDateInput((e.currentTarget as HTMLInputElement).value, edge);
    if (at !== null) onChange(edge === 'start' ? { ...filter, from: at } : { ...filter, to: at });
  };
  return (
    <form class="filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>{t('dashFilterFrom')}</span>
        <input type="date" data-testid="dash-filter-from" value={toDateInput(filter.from)} max={toDateInput(filter.to)} onChange={date('start')} />
      </label>
      <label>
        <span>{t('dashFilterTo')}</span>
        <input type="date" data-testid="dash-filter-to" value={toDateInput(filter.to)} min={toDateInput(filter.from)} onChange={date('end')} />
      </label>
      <label>
        <span>{t('dashFilterPlatform')}</span>
        <select data-testid="dash-filter-platform" value={filter.platform}
          onChange={(e) => onChange({ ...filter, platform: (e.currentTarget as HTMLSelectElement).value as PlatformFilter })}>
          {PLATFORMS.map((p) => <option key={p} value={p}>{t(`dashPlatform_${p}`)}</option>)}
        </select>
      </label>
    </form>
  );
}
