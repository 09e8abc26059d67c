/** Warnings at the top of the popup: storage full (recording paused), detection degraded on the active page. */
import type { Translate } from './format';

export interface BannersProps {
  storageFull: boolean;
  degraded: boolean;
  t: Translate;
  /** Try recording again (after the participant exported and deleted data, or freed disk space). */
  onResume?(): void;
}

export function Banners({ storageFull, degraded, t, onResume }: BannersProps) {
  return (
    <>
      {storageFull && (
        <div class="banner banner-error" role="alert" data-testid="banner-storage-full">
          <span>{t('popupBannerStorageFull')}</span>
          {onResume && (
            <button type="button" class="link" data-testid="resume-recording" onClick={onResume}>{t('popupResumeRecording')}</button>
          )}
        </div>
      )}
      {degraded && (
        <p class="banner banner-warn" role="status" data-testid="banner-degraded">{t('popupBannerDegraded')}</p>
      )}
    </>
  );
}
