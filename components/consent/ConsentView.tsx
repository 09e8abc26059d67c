/**
 * The first-run page (and later the privacy settings): says plainly what is recorded, what never is and where it
 * stays, then asks for consent. Props only; entrypoints/consent/main.tsx sends the settings to the background.
 */
import { useState } from 'preact/hooks';
import type { Settings } from '../../utils/settings';
import type { Translate } from '../popup/format';
import { DeleteAll } from './DeleteAll';

export interface ConsentForm {
  studyId: string;
  participantId: string;
  /** Days; 0 keeps everything. */
  retentionDays: number;
  pseudonymiseExports: boolean;
}

export interface ConsentViewProps {
  settings: Settings;
  t: Translate;
  /** What the last action did, shown as a status line. */
  status?: 'agreed' | 'declined' | 'saved' | 'deleted' | 'failed';
  onAgree(form: ConsentForm): void;
  onDecline(): void;
  /** Save the form without changing consent (after consent was given). */
  onSave(form: ConsentForm): void;
  onPause(paused: boolean): void;
  onDeleteAll(): void;
}

const RECORDED = ['consentRecordedItems', 'consentRecordedTouchpoints', 'consentRecordedTime', 'consentRecordedPages'];
const NOT_RECORDED = ['consentNotComments', 'consentNotMessages', 'consentNotQueries', 'consentNotAccount', 'consentNotOtherSites'];

export function ConsentView(p: ConsentViewProps) {
  const { t, settings } = p;
  const [form, setForm] = useState<ConsentForm>({
    studyId: settings.studyId,
    participantId: settings.participantId,
    retentionDays: settings.retentionDays,
    pseudonymiseExports: settings.pseudonymiseExports,
  });
  const set = <K extends keyof ConsentForm>(key: K, value: ConsentForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: keyof ConsentForm, testId: string, label: string) => (
    <label class="field">
      <span>{label}</span>
      <input type="text" data-testid={testId} value={form[key] as string} maxLength={200}
        onInput={(e) => set(key, (e.currentTarget as HTMLInputElement).value.trim())} />
    </label>
  );
  return (
    <main class="consent">
      <h1>{t('consentTitle')}</h1>
      <p class="lead">{t('consentIntro')}</p>
      <section class="lists">
        <div>
          <h2>{t('consentRecordedHeading')}</h2>
          <ul data-testid="consent-recorded">{RECORDED.map((k) => <li key={k}>{t(k)}</li>)}</ul>
        </div>
        <div>
          <h2>{t('consentNotRecordedHeading')}</h2>
          <ul data-testid="consent-not-recorded">{NOT_RECORDED.map((k) => <li key={k}>{t(k)}</li>)}</ul>
        </div>
      </section>
      <section>
        <h2>{t('consentWhereHeading')}</h2>
        <p>{t('consentWhere')}</p>
      </section>
      <section class="form">
        <h2>{t('consentStudyHeading')}</h2>
        {text('studyId', 'consent-study-id', t('consentStudyId'))}
        {text('participantId', 'consent-participant-id', t('consentParticipantId'))}
        <label class="field">
          <span>{t('consentRetention')}</span>
          <input type="number" min={0} max={3650} step={1} data-testid="consent-retention" value={form.retentionDays}
            onInput={(e) => set('retentionDays', Math.max(0, Math.min(3650, Math.floor(Number((e.currentTarget as HTMLInputElement).value) || 0))))} />
          <small>{t('consentRetentionHint')}</small>
        </label>
        <label class="check">
          <input type="checkbox" data-testid="consent-pseudonymise" checked={form.pseudonymiseExports}
            onChange={(e) => set('pseudonymiseExports', (e.currentTarget as HTMLInputElement).checked)} />
          <span>{t('consentPseudonymise')}<small>{t('consentPseudonymiseHint')}</small></span>
        </label>
      </section>
      {settings.consentGiven ? (
        <section class="actions">
          <button type="button" class="primary" data-testid="consent-save" onClick={() => p.onSave(form)}>{t('consentSave')}</button>
          <label class="check">
            <input type="checkbox" data-testid="consent-pause" checked={!settings.recordingEnabled}
              onChange={(e) => p.onPause((e.currentTarget as HTMLInputElement).checked)} />
            <span>{t('consentPause')}</span>
          </label>
        </section>
      ) : (
        <section class="actions">
          <button type="button" class="primary" data-testid="consent-agree" onClick={() => p.onAgree(form)}>{t('consentAgree')}</button>
          <button type="button" data-testid="consent-decline" onClick={p.onDecline}>{t('consentDecline')}</button>
        </section>
      )}
      <p class="status" role="status" data-testid="consent-status" data-state={settings.consentGiven ? (settings.recordingEnabled ? 'recording' : 'paused') : 'no-consent'}>
        {p.status ? t(`consentStatus_${p.status}`) + ' ' : ''}
        {settings.consentGiven ? (settings.recordingEnabled ? t('consentStateRecording') : t('consentStatePaused')) : t('consentStateNotRecording')}
      </p>
      <DeleteAll t={t} onDeleteAll={p.onDeleteAll} />
    </main>
  );
}
