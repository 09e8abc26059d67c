/**
 * Each journey as a timeline: its touchpoints as dots placed by time between the journey's first and last touch,
 * labelled with the touch type, tags marked by colour; the conversion (if any) last. Plain HTML and CSS.
 */
import type { Journey } from '../../utils/journeys/journeys';
import type { Touchpoint } from '../../utils/model/touchpoint';
import type { Translate } from '../popup/format';
import { CATEGORY_COLORS, keyOf } from './charts';
import { categoryOf } from '../../utils/dashboard/compute';

/** Journeys listed at most (newest first); the charts cover all. Count. */
export const JOURNEYS_SHOWN_MAX = 100;

const time = (at: number, locale?: string) =>
  new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(at);

/** "+3 min" style offset from the journey's first touch. */
function offset(ms: number, t: Translate): string {
  const min = ms / 60_000;
  if (min < 1) return t('dashOffsetSeconds', [String(Math.round(ms / 1000))]);
  if (min < 120) return t('dashOffsetMinutes', [String(Math.round(min))]);
  if (min < 48 * 60) return t('dashOffsetHours', [String(Math.round(min / 60))]);
  return t('dashOffsetDays', [String(Math.round(min / 1440))]);
}

function Step({ tp, first, t }: { tp: Touchpoint; first: number; t: Translate }) {
  const tags = tp.tags.map((x) => t(keyOf('tagName', x))).join(' · ');
  return (
    <li class="step" data-type={tp.type} title={tags}>
      <span class="dot" style={{ background: CATEGORY_COLORS[categoryOf(tp.tags)] }} />
      <span class="step-label">{t(keyOf('tpType', tp.type))}</span>
      {tags && <span class="step-tags">{tags}</span>}
      <span class="step-time">{offset(tp.at - first, t)}</span>
    </li>
  );
}

export function JourneyList({ journeys, t, locale }: { journeys: readonly Journey[]; t: Translate; locale?: string }) {
  const shown = journeys.slice(0, JOURNEYS_SHOWN_MAX);
  return (
    <div data-testid="dash-journeys" class="journeys">
      {shown.length === 0 && <p class="empty">{t('dashJourneysNone')}</p>}
      {journeys.length > shown.length && <p class="note">{t('dashJourneysShown', [String(shown.length), String(journeys.length)])}</p>}
      {shown.map((j) => {
        const span = Math.max(j.lastAt - j.firstAt, 1);
        return (
          <article key={j.id} class="journey" data-testid="dash-journey" data-journey-id={j.id} data-converted={String(j.converted)}>
            <header>
              <span class={`badge ${j.converted ? 'converted' : 'open'}`}>
                {j.converted ? t(keyOf('tpType', j.conversionType ?? 'product-view')) : t('dashJourneyOpen')}
              </span>
              <span class={`badge mode-${j.mode}`}>{t(`dashMode_${j.mode}`)}</span>
              <strong class="subject">{j.brand ?? j.productId ?? j.shopId ?? ''}</strong>
              <span class="when">{time(j.firstAt, locale)} → {time(j.lastAt, locale)}</span>
              <span class="count">{t('dashJourneyTouches', [String(j.touchpoints.length)])}</span>
            </header>
            {/* The track places each touch by time; the steps below read in order with their offsets. */}
            <div class="track" aria-hidden="true">
              {j.touchpoints.map((tp) => (
                <span key={tp.id} class="dot" style={{ left: `${(100 * (tp.at - j.firstAt)) / span}%`, background: CATEGORY_COLORS[categoryOf(tp.tags)] }} />
              ))}
            </div>
            <ol class="steps">
              {j.touchpoints.map((tp) => <Step key={tp.id} tp={tp} first={j.firstAt} t={t} />)}
            </ol>
          </article>
        );
      })}
    </div>
  );
}
