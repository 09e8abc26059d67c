/**
 * Attention excludes time when the machine is idle (no input for IDLE_DETECTION_S) or locked. Only the background
 * can read `browser.idle`, so it tells the content scripts of the platforms' tabs whenever the state changes.
 */
import type { Browser } from 'wxt/browser';
import { IDLE_DETECTION_S } from '../journeys/definitions';
import type { BackgroundToContent, IdleState } from '../messages';

type IdleApi = Pick<Browser['idle'], 'setDetectionInterval' | 'onStateChanged'>;
type TabsApi = Pick<Browser['tabs'], 'query' | 'sendMessage'>;

/** Register at the top of the background's main (synchronously, so a restarted worker still hears it). */
export function watchIdle(idle: IdleApi, tabs: TabsApi, patterns: string[]): void {
  try {
    idle.setDetectionInterval(IDLE_DETECTION_S);
  } catch (e) {
    console.warn('[guangjie] idle detection interval', e);
  }
  idle.onStateChanged.addListener((state) => void broadcastIdle(tabs, patterns, state as IdleState));
}

/** Send the state to every open tab of the platforms; a tab without our content script just doesn't answer. */
export async function broadcastIdle(tabs: TabsApi, patterns: string[], state: IdleState): Promise<number> {
  const open = await tabs.query({ url: patterns }).catch(() => []);
  const message: BackgroundToContent = { type: 'bg-cs/idle', state };
  const sent = await Promise.all(
    open.map((t) => (t.id === undefined ? false : tabs.sendMessage(t.id, message).then(() => true, () => false))),
  );
  return sent.filter(Boolean).length;
}
