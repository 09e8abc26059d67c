/** "Delete everything", in two steps so one slip of the mouse can't erase a study's data. */
import { useState } from 'preact/hooks';
import type { Translate } from '../popup/format';

export function DeleteAll({ t, onDeleteAll }: { t: Translate; onDeleteAll(): void }) {
  const [asking, setAsking] = useState(false);
  return (
    <section class="danger">
      <h2>{t('consentDeleteHeading')}</h2>
      <p>{t('consentDeleteText')}</p>
      {asking ? (
        <div class="row">
          <button type="button" class="destructive" data-testid="consent-delete-confirm" onClick={() => { setAsking(false); onDeleteAll(); }}>
            {t('consentDeleteConfirm')}
          </button>
          <button type="button" data-testid="consent-delete-cancel" onClick={() => setAsking(false)}>{t('consentDeleteCancel')}</button>
        </div>
      ) : (
        <button type="button" class="destructive" data-testid="consent-delete-all" onClick={() => setAsking(true)}>{t('consentDeleteAll')}</button>
      )}
    </section>
  );
}
