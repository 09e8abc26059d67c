/** chart.js configurations for the dashboard, from computed data and a translate function. Pure. */
import type { ChartConfiguration } from 'chart.js';
import type { DashboardData, TagCategory } from '../../utils/dashboard/compute';
import { FUNNEL_STEPS, TAG_CATEGORIES } from '../../utils/dashboard/compute';
import { ATTRIBUTION_MODEL_IDS } from '../../utils/journeys/attribution/types';
import type { RollupRow } from '../../utils/journeys/rollups';
import type { Translate } from '../popup/format';

export const CATEGORY_COLORS: Record<TagCategory, string> = { ad: '#e8483f', shop: '#f5a623', live: '#8e5bd6', poi: '#2e9e5b', other: '#b8b8c0' };
const SERIES = ['#e8483f', '#f5a623', '#8e5bd6', '#2e9e5b', '#2f80ed', '#00a3a3', '#b8b8c0', '#6b4e16', '#d63384', '#555'];

/** Message key of an id (message names allow only letters, digits and `_`). */
export const keyOf = (prefix: string, id: string) => `${prefix}_${id.replace(/-/g, '_')}`;

const shortDay = (day: string) => day.slice(5);
const pct = (n: number, d: number) => (d > 0 ? Math.round((1000 * n) / d) / 10 : 0);
const base = { responsive: true, maintainAspectRatio: false, animation: false } as const;

/** Tag mix per day: stacked bars of each category's share of the day's impressions (%). */
export function tagChart(data: DashboardData, t: Translate): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: data.days.map((d) => shortDay(d.day)),
      datasets: TAG_CATEGORIES.map((c) => ({
        label: t(keyOf('dashCategory', c)),
        data: data.days.map((d) => pct(d.byCategory[c], d.impressions)),
        backgroundColor: CATEGORY_COLORS[c],
        stack: 'tags',
      })),
    },
    options: { ...base, scales: { x: { stacked: true }, y: { stacked: true, min: 0, max: 100, title: { display: true, text: '%' } } } },
  };
}

/** Attention per day on commerce vs everything else, in minutes. */
export function attentionChart(data: DashboardData, t: Translate): ChartConfiguration {
  const minutes = (ms: number) => Math.round(ms / 600) / 100;
  return {
    type: 'line',
    data: {
      labels: data.days.map((d) => shortDay(d.day)),
      datasets: [
        { label: t('dashAttentionCommerce'), data: data.days.map((d) => minutes(d.commerceAttentionMs)), borderColor: '#e8483f', backgroundColor: '#e8483f', tension: 0 },
        { label: t('dashAttentionOther'), data: data.days.map((d) => minutes(d.otherAttentionMs)), borderColor: '#2f80ed', backgroundColor: '#2f80ed', tension: 0 },
      ],
    },
    options: { ...base, scales: { y: { min: 0, title: { display: true, text: t('dashMinutes') } } } },
  };
}

export function funnelChart(data: DashboardData, t: Translate): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: FUNNEL_STEPS.map((s) => t(keyOf('tpType', s))),
      datasets: [{ label: t('dashFunnelCount'), data: FUNNEL_STEPS.map((s) => data.funnel[s]), backgroundColor: ['#b8b8c0', '#f5a623', '#e8483f', '#8e1c14'] }],
    },
    options: { ...base, indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { type: 'linear', min: 0 } } },
  };
}

/** Grouped bars: one group per model, one bar per key (FACT role or ad kind), height = credit in conversions. */
export function rollupChart(rows: readonly RollupRow[], keyPrefix: string, t: Translate): ChartConfiguration {
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  const credit = (model: string, key: string) => rows.find((r) => r.model === model && r.key === key)?.credit ?? 0;
  return {
    type: 'bar',
    data: {
      labels: ATTRIBUTION_MODEL_IDS.map((m) => t(keyOf('dashModel', m))),
      datasets: keys.map((key, i) => ({
        label: t(keyOf(keyPrefix, key)),
        data: ATTRIBUTION_MODEL_IDS.map((m) => Math.round(credit(m, key) * 1000) / 1000),
        backgroundColor: SERIES[i % SERIES.length],
      })),
    },
    options: { ...base, scales: { y: { min: 0, title: { display: true, text: t('dashCreditUnit') } } } },
  };
}
