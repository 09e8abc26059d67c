import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupViewProps } from '../../components/popup/PopupView';
import { formatShare } from '../../components/popup/format';
import type { Stats, StatsSummary } from '../../utils/messages';
import { DEFAULT_SETTINGS } from '../../utils/settings';

const summary = (over: Partial<StatsSummary> = {}): StatsSummary => ({
  itemsSeen: 0, itemsByTag: { shop: 0, ad: 0, live: 0 }, touchpoints: 0, dwellMs: 0, commerceDwellMs: 0, ...over,
});
const stats = (over: Partial<Stats> = {}): Stats => ({
  today: summary({ itemsSeen: 12, itemsByTag: { shop: 3, ad: 2, live: 1 }, dwellMs: 60_000, commerceDwellMs: 15_000 }),
  allTime: summary({ itemsSeen: 12345, itemsByTag: { shop: 2000, ad: 1500, live: 300 }, dwellMs: 1_000_000, commerceDwellMs: 333_000 }),
  topShops: [{ shopId: 's1', name: '好物店', touchpoints: 42 }],
  storageFull: false, degraded: false, recording: true, ...over,
});

let root: HTMLElement;
function show(over: Partial<PopupViewProps> = {}) {
  root = document.createElement('div');
  document.body.append(root);
  const props: PopupViewProps = {
    stats: stats(), settings: { ...DEFAULT_SETTINGS, consentGiven: true }, t: (k) => k, locale: 'en-US',
    exporting: false, dashboardUrl: '/dashboard.html', onToggle: vi.fn(), onExport: vi.fn(), ...over,
  };
  render(<PopupView {...props} />, root);
  return props;
}
const byId = (id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;

afterEach(() => { render(null, root); root.remove(); });

describe('popup view', () => {
  it('shows the all-time and today numbers it is given, readably formatted', () => {
    show();
    expect(byId('stat-items-seen')!.textContent).toBe('12,345');
    expect(byId('stat-shop')!.textContent).toBe('2,000');
    expect(byId('stat-ad')!.textContent).toBe('1,500');
    expect(byId('stat-live')!.textContent).toBe('300');
    expect(byId('stat-commerce-dwell-share')!.textContent).toBe('33%');
    expect(byId('stat-items-seen-today')!.textContent).toBe('12');
    expect(byId('stat-commerce-dwell-share-today')!.textContent).toBe('25%');
    expect(root.textContent).toContain('好物店');
  });

  it('shows shares of items seen beside the tag counts', () => {
    show();
    expect(byId('stat-shop')!.parentElement!.textContent).toContain('16%');
    expect(byId('stat-live')!.parentElement!.textContent).toContain('2.4%');
  });

  it('shows a dash, not 0 %, before any dwell was recorded', () => {
    show({ stats: stats({ allTime: summary() }) });
    expect(byId('stat-commerce-dwell-share')!.textContent).toBe('–');
    expect(formatShare(null)).toBe('–');
  });

  it('shows the banners only when flagged', () => {
    show();
    expect(byId('banner-storage-full')).toBeNull();
    expect(byId('banner-degraded')).toBeNull();
    render(null, root);
    show({ stats: stats({ storageFull: true, degraded: true }) });
    expect(byId('banner-storage-full')!.textContent).toContain('popupBannerStorageFull');
    expect(byId('banner-degraded')!.textContent).toBe('popupBannerDegraded');
  });

  it('offers to resume recording from the storage-full banner', () => {
    const props = show({ stats: stats({ storageFull: true }) });
    byId('resume-recording')!.click();
    expect(props.onToggle).toHaveBeenCalledWith('recordingEnabled', true);
  });

  it('reports switch changes through its callback', () => {
    const props = show();
    const rec = byId('toggle-recording') as HTMLInputElement;
    expect(rec.checked).toBe(true);
    rec.click();
    expect(props.onToggle).toHaveBeenCalledWith('recordingEnabled', false);
    (byId('toggle-overlay') as HTMLInputElement).click();
    expect(props.onToggle).toHaveBeenCalledWith('overlayEnabled', false);
  });

  it('offers JSON, NDJSON and CSV exports and disables them while exporting', () => {
    const props = show();
    byId('export-json')!.click();
    byId('export-ndjson')!.click();
    byId('export-csv')!.click();
    expect((props.onExport as ReturnType<typeof vi.fn>).mock.calls.map((c) => c[0])).toEqual(['json', 'ndjson', 'csv']);
    render(null, root);
    show({ exporting: true });
    expect((byId('export-json') as HTMLButtonElement).disabled).toBe(true);
  });

  it('links to the dashboard page', () => {
    show();
    expect(byId('link-dashboard')!.getAttribute('href')).toBe('/dashboard.html');
  });
});
