/**
 * Attention excludes time when the machine is idle (no input for IDLE_DETECTION_S) or locked. Only the background
 * can read `browser.idle`, so it tells the content scripts of the platforms' tabs whenever the state changes.
 */
import { IDLE_DETECTION_S } from '../journeys/definitions';
import type { BackgroundToContent, IdleState } from '../messages';

/** The parts of `browser.idle` and `browser.tabs` used here (structural, so tests pass plain fakes). */
interface IdleApi {
  setDetectionInterval(seconds: number): void;
  onStateChanged: { addListener(listener: (state: string) => void): void };
}
interface TabsApi {
  query(filter: { url: string[] }): Promise<Array<{ id?: number }>>;
  sendMessage(tabId: number, message: BackgroundToContent): Promise<unknown>;
}

/** Register at the top of the background's main (synchronously, so a restarted worker still hears it). */
export function watchIdle(idle: IdleApi, tabs: TabsApi, patterns: string[]): void {
  try {
    idle.setDetectionInterval(IDLE_DETECTION_S);
  } catch (e) {
    console.warn('[guangjie] idle detection interval', e);
  }
  idle.onStateChanged.addListener((state) => {
    if (state === 'active' || state === 'idle' || state === 'locked') void broadcastIdle(tabs, patterns, state);
  });
}

/** Send the state to every open tab of the platforms; a tab without our content script just doesn't answer. */
export async function broadcastIdle(tabs: TabsApi, patterns: string[], state: IdleState): Promise<number> {
  const open = await tabs.query({ url: patterns }).catch((): Array<{ id?: number }> => []);
  const message: BackgroundToContent = { type: 'bg-cs/idle', state };
  const sent = await Promise.all(
    open.map((t) => (t.id === undefined ? false : tabs.sendMessage(t.id, message).then(() => true, () => false))),
  );
  return sent.filter(Boolean).length;
}
