/**
 * Timers and animation frames tied to the script's life, that leave nothing behind once they have run.
 * WXT's `ctx.setTimeout` / `ctx.requestAnimationFrame` add an `abort` listener to `ctx.signal` per call and never
 * take it off: a feed check every few hundred milliseconds then grows the content script's heap (and Chromium's
 * listener count) with every item scrolled past. These take the listener off when the callback runs or is
 * cancelled. Each returns its cancel function.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Run `fn` once after `ms` milliseconds, unless cancelled or the context is invalidated first. */
export function after(ctx: ContentScriptContext, ms: number, fn: () => void): () => void {
  const off = ctx.onInvalidated(() => clearTimeout(id));
  const id = setTimeout(() => {
    off();
    if (ctx.isValid) fn();
  }, ms);
  return () => {
    off();
    clearTimeout(id);
  };
}

/**
 * Run `fn` in the next animation frame, before the browser computes style and layout for it: reads of layout there
 * cost only what the frame computes anyway, and writes land in the same frame. Never runs in a hidden tab (no
 * frames); it runs once the tab is shown again.
 */
export function inNextFrame(ctx: ContentScriptContext, fn: () => void): () => void {
  const off = ctx.onInvalidated(() => cancelAnimationFrame(id));
  const id = requestAnimationFrame(() => {
    off();
    if (ctx.isValid) fn();
  });
  return () => {
    off();
    cancelAnimationFrame(id);
  };
}
