/**
 * Whether the machine is in use, as the background last said (utils/background/idle.ts). Attention stops counting
 * while it is idle or locked. Until told otherwise the machine is taken as active.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { IDLE_STATES, type IdleState } from '../messages';

/** The state carried by a `bg-cs/idle` message, or null for anything else (validated: the receiver decides). */
export function idleStateOf(message: unknown): IdleState | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  return m.type === 'bg-cs/idle' && (IDLE_STATES as readonly unknown[]).includes(m.state) ? (m.state as IdleState) : null;
}

export function watchMachineActive(ctx: ContentScriptContext, onChange: () => void): () => boolean {
  let active = true;
  const listener = (message: unknown): undefined => {
    const state = idleStateOf(message);
    if (state === null) return undefined;
    active = state === 'active';
    onChange();
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  return () => active;
}
