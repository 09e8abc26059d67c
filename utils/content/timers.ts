/**
 * Timers and frames tied to the script's life, that leave nothing behind once they have run. WXT's
 * `ctx.setTimeout` / `ctx.requestAnimationFrame` add an `abort` listener to `ctx.signal` per call and never take it
 * off: a feed check per item then grows the content script's heap (and Chromium's listener count) with every item
 * scrolled past, and each new listener costs more to add. Here one listener per context cancels whatever is still
 * pending; a timer that has run is forgotten. Each function returns its cancel.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * How often `stillValid` asks whether the extension is still there. WXT's `ctx.isValid` reads `browser.runtime.id`
 * each time, through the polyfill, at ~15 µs a read: several per feed item. Milliseconds.
 */
export const VALIDITY_RECHECK_MS = 1_000;
const checkedAt = new WeakMap<ContentScriptContext, number>();

/**
 * Whether the context is still valid: aborted is known at once; an extension update or reload that orphaned the
 * script (which WXT notices only by asking) is noticed within VALIDITY_RECHECK_MS.
 */
export function stillValid(ctx: ContentScriptContext): boolean {
  if (ctx.signal.aborted) return false;
  const now = performance.now();
  const last = checkedAt.get(ctx);
  if (last !== undefined && now - last < VALIDITY_RECHECK_MS) return true;
  checkedAt.set(ctx, now);
  return ctx.isValid;
}

/** Cancels of the timers and frames still pending, per context. */
const pendingByCtx = new WeakMap<ContentScriptContext, Set<() => void>>();

function pendingOf(ctx: ContentScriptContext): Set<() => void> {
  let pending = pendingByCtx.get(ctx);
  if (!pending) {
    const set = new Set<() => void>();
    pendingByCtx.set(ctx, (pending = set));
    ctx.onInvalidated(() => {
      for (const cancel of [...set]) cancel();
    });
  }
  return pending;
}

/** Run `fn` once after `ms` milliseconds, unless cancelled or the context is invalidated first. */
export function after(ctx: ContentScriptContext, ms: number, fn: () => void): () => void {
  const pending = pendingOf(ctx);
  const id = setTimeout(() => {
    pending.delete(cancel);
    if (stillValid(ctx)) fn(); // also notices a script orphaned by an extension update
  }, ms);
  const cancel = (): void => {
    pending.delete(cancel);
    clearTimeout(id);
  };
  pending.add(cancel);
  return cancel;
}

/**
 * Run `fn` in the next animation frame, before the browser computes that frame's style and layout: DOM written
 * there is drawn in the same frame as the page change that prompted it, and asked for right after a page change it
 * costs no frame of its own (the change already needs one). In a hidden tab, which draws no frames, a plain task.
 */
export function inFrame(ctx: ContentScriptContext, fn: () => void): () => void {
  if (document.visibilityState !== 'visible') return after(ctx, 0, fn);
  const pending = pendingOf(ctx);
  const id = requestAnimationFrame(() => {
    pending.delete(cancel);
    if (stillValid(ctx)) fn();
  });
  const cancel = (): void => {
    pending.delete(cancel);
    cancelAnimationFrame(id);
  };
  pending.add(cancel);
  return cancel;
}

/** `p`, or undefined once `ms` have passed without it settling (a reply that may never come). */
export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([p, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);
}
