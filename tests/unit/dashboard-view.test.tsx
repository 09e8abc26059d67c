import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DashboardView, type DashboardViewProps } from '../../components/dashboard/DashboardView';
import { computeDashboard, computeOverview, pendingDashboard } from '../../utils/dashboard/compute';
import { endOfDay } from '../../utils/dashboard/filters';
import { MIN, T0, tp } from './background-fixtures';

let root: HTMLElement;
const filter = { from: T0 - MIN, to: endOfDay(T0), platform: 'all' as const };
const data = computeDashboard([
  tp({ id: 'a', at: T0, tags: ['shop'], productId: 'p1', attentionMs: 3000 }),
  tp({ id: 'b', at: T0 + MIN, type: 'product-view', surface: 'product-page', productId: 'p1' }),
], [], filter);

function show(over: Partial<DashboardViewProps> = {}) {
  root = document.createElement('div');
  document.body.append(root);
  const props: DashboardViewProps = { filter, data, t: (k, s) => (s ? `${k}(${s.join(',')})` : k), locale: 'en', loading: false, onFilter: vi.fn(), onExport: vi.fn(), ...over };
  render(<DashboardView {...props} />, root);
  return props;
}
const byId = (id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
afterEach(() => { render(null, root); root.remove(); });

describe('dashboard view', () => {
  it('has the filters, every chart and the journeys, each journey a timeline of its touches', () => {
    show();
    for (const id of ['dash-filter-from', 'dash-filter-to', 'dash-filter-platform', 'dash-chart-tags', 'dash-chart-attention', 'dash-chart-funnel', 'dash-chart-attribution', 'dash-journeys'])
      expect(byId(id), id).toBeTruthy();
    expect((byId('dash-filter-from') as HTMLInputElement).value).toBe('2025-03-01');
    const rows = root.querySelectorAll('[data-testid="dash-journey"]');
    expect([...rows].map((r) => r.getAttribute('data-journey-id'))).toEqual(['conv:b']);
    expect([...rows[0].querySelectorAll('.step')].map((s) => s.getAttribute('data-type'))).toEqual(['impression', 'product-view']);
  });

  it('explains empty attribution charts when nothing converted, and not otherwise', () => {
    show();
    expect(byId('dash-no-conversions')).toBeNull();
    render(null, root);
    root.remove();
    const open = computeDashboard([tp({ id: 'a', at: T0, tags: ['shop'], productId: 'p1' })], [], filter);
    show({ data: open });
    expect(root.querySelectorAll('[data-testid="dash-no-conversions"]').length).toBe(2);
  });

  it('shows the counts and charts first while journeys are built, with no "nothing converted" note yet', () => {
    show({ data: pendingDashboard(computeOverview([tp({ id: 'a', at: T0, tags: ['shop'], attentionMs: 3000 })], filter)) });
    expect(byId('dash-kpi-touchpoints')!.textContent).toContain('1');
    expect(byId('dash-kpis')!.getAttribute('aria-busy')).toBe('true');
    expect(byId('dash-chart-tags')).toBeTruthy();
    expect(byId('dash-mode-share')).toBeNull(); // journey numbers read "…" until they exist
    expect(byId('dash-no-conversions')).toBeNull();
    expect(root.querySelectorAll('[data-testid="dash-journeys-pending"]').length).toBe(3);
    expect(byId('dash-journeys')).toBeNull();
  });

  it('changes the platform filter and starts exports', () => {
    const p = show();
    const select = byId('dash-filter-platform') as HTMLSelectElement;
    select.value = 'tiktok';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(p.onFilter).toHaveBeenCalledWith({ ...filter, platform: 'tiktok' });
    byId('dash-export-csv')!.click();
    expect(p.onExport).toHaveBeenCalledWith('csv');
  });

  it('says when the range was capped and shows export progress', () => {
    show({ capped: { shown: 200000, inRange: 350000 }, exportProgress: { done: 5, total: 10 } });
    expect(byId('dash-capped')!.textContent).toBe('dashCapped(200,000,350,000)');
    expect(byId('dash-export-progress')!.getAttribute('data-done')).toBe('5');
    expect((byId('dash-export-json') as HTMLButtonElement).disabled).toBe(true);
  });
});
