/** Today vs all-time numbers. The all-time cells carry the plain test ids (`stat-shop`), today's add `-today`. */
import type { JourneyCounts, Stats, StatsSummary } from '../../utils/messages';
import { formatCount, formatShare, shareOf, type Translate } from './format';

interface Row {
  id: string;
  label: string;
  hint?: string;
  value(s: StatsSummary): string;
  /** Small secondary text under the value (a share of items seen). */
  sub?(s: StatsSummary): string;
}

/** A journey count: '…' while a large store is still being counted in the background. */
const journeyRow = (id: string, label: string, value: (j: JourneyCounts) => string): Row => ({
  id,
  label,
  value: (s) => (s.journeys ? value(s.journeys) : '…'),
});

export function StatsTable({ stats, t, locale }: { stats: Stats; t: Translate; locale?: string }) {
  const tagRow = (tag: 'shop' | 'ad' | 'live', label: string): Row => ({
    id: `stat-${tag}`,
    label,
    value: (s) => formatCount(s.itemsByTag[tag], locale),
    sub: (s) => formatShare(shareOf(s.itemsByTag[tag], s.itemsSeen), locale),
  });
  const rows: Row[] = [
    { id: 'stat-items-seen', label: t('popupStatItemsSeen'), value: (s) => formatCount(s.itemsSeen, locale) },
    tagRow('shop', t('popupStatShop')),
    tagRow('ad', t('popupStatAd')),
    tagRow('live', t('popupStatLive')),
    {
      id: 'stat-commerce-dwell-share',
      label: t('popupStatCommerceDwell'),
      hint: t('popupStatCommerceDwellHint'),
      value: (s) => formatShare(shareOf(s.commerceDwellMs, s.dwellMs), locale),
    },
    {
      id: 'stat-commerce-attention-share',
      label: t('popupStatCommerceAttention'),
      hint: t('popupStatCommerceAttentionHint'),
      value: (s) => formatShare(shareOf(s.commerceAttentionMs ?? 0, s.attentionMs ?? 0), locale),
    },
    {
      id: 'stat-closed-loop-ads',
      label: t('popupStatClosedLoopAds'),
      hint: t('popupStatClosedLoopAdsHint'),
      value: (s) => formatShare(shareOf(s.closedLoopAdImpressions ?? 0, s.adImpressions ?? 0), locale),
      sub: (s) => formatCount(s.closedLoopAdImpressions ?? 0, locale),
    },
    {
      id: 'stat-closed-loop-attention',
      label: t('popupStatClosedLoopAttention'),
      hint: t('popupStatClosedLoopAttentionHint'),
      value: (s) => formatShare(shareOf(s.closedLoopAdAttentionMs ?? 0, s.adAttentionMs ?? 0), locale),
    },
    journeyRow('stat-journeys-open', t('popupStatJourneysOpen'), (j) => formatCount(j.open, locale)),
    journeyRow('stat-journeys-converted', t('popupStatJourneysConverted'), (j) => formatCount(j.converted, locale)),
    { ...journeyRow('stat-browse-share', t('popupStatBrowseShare'), (j) => formatShare(shareOf(j.browse, j.open + j.converted), locale)),
      hint: t('popupStatBrowseShareHint') },
  ];
  return (
    <table class="stats">
      <thead>
        <tr>
          <th />
          <th scope="col">{t('popupPeriodToday')}</th>
          <th scope="col">{t('popupPeriodAllTime')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row" title={row.hint}>{row.label}</th>
            <Cell row={row} summary={stats.today} testId={`${row.id}-today`} />
            <Cell row={row} summary={stats.allTime} testId={row.id} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Cell({ row, summary, testId }: { row: Row; summary: StatsSummary; testId: string }) {
  return (
    <td>
      <span class="num" data-testid={testId}>{row.value(summary)}</span>
      {/* Always present (empty when unused) so the numbers line up down the column. */}
      <span class="sub">{row.sub?.(summary) ?? ''}</span>
    </td>
  );
}
