/** Consent page entry: load settings, render ConsentView, send what the participant chose to the background. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ConsentView, type ConsentForm, type ConsentViewProps } from '@/components/consent/ConsentView';
import { makeSalt, MIN_SALT_CHARS } from '@/utils/journeys/hash';
import { ask, loadSettings, saveSettings, t, uiLanguage } from '@/utils/dashboard/page-api';
import type { Settings } from '@/utils/settings';
import './style.css';

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<ConsentViewProps['status']>();
  useEffect(() => {
    document.documentElement.lang = uiLanguage();
    document.title = t('consentTitle');
    loadSettings().then(setSettings, () => setStatus('failed'));
  }, []);

  async function act(work: () => Promise<Settings | void>, done: ConsentViewProps['status']) {
    try {
      const next = await work();
      setSettings(next ?? (await loadSettings()));
      setStatus(done);
    } catch {
      setStatus('failed');
    }
  }
  const withSalt = (form: ConsentForm) =>
    form.pseudonymiseExports && (settings?.pseudonymSalt.length ?? 0) < MIN_SALT_CHARS ? { ...form, pseudonymSalt: makeSalt() } : form;

  if (!settings) return <main class="consent">{status === 'failed' ? t('popupLoadFailed') : ''}</main>;
  return (
    <ConsentView settings={settings} t={t} status={status}
      onAgree={(form) => act(() => saveSettings({ ...withSalt(form), consentGiven: true, recordingEnabled: true }), 'agreed')}
      onDecline={() => act(() => saveSettings({ consentGiven: false }), 'declined')}
      onSave={(form) => act(() => saveSettings(withSalt(form)), 'saved')}
      onPause={(paused) => act(() => saveSettings({ recordingEnabled: !paused }), 'saved')}
      onDeleteAll={() => act(async () => {
        const reply = await ask({ type: 'ui-bg/delete-all' });
        if (!reply.ok) throw new Error(reply.error);
      }, 'deleted')} />
  );
}

render(<App />, document.getElementById('app')!);
