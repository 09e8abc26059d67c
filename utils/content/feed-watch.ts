/**
 * One MutationObserver on the feed container (childList + the platform's "active item" attributes), coalesced so a
 * burst of mutations triggers one check. No polling: nothing runs while the feed is still. Our own overlay host's
 * attribute changes are ignored so an update can't trigger itself.
 */
import { guarded } from './guard';
import type { Session } from './session';

/** Coalesce mutations for this long before checking the feed. Milliseconds. */
export const FEED_CHECK_DELAY_MS = 120;
const DEFAULT_ATTRIBUTES = ['class', 'id', 'hidden', 'aria-hidden'];
export const OVERLAY_HOST_ATTR = 'data-guangjie-item';

const isOurs = (node: Node): boolean => node instanceof Element && !!node.closest(`[${OVERLAY_HOST_ATTR}]`);

export function watchFeed(session: Session, onFeedChange: () => void): { check(): void } {
  const { ctx, platform } = session;
  let pending = false;
  let observed: Element | null = null;

  const check = (): void => {
    pending = false;
    if (ctx.isInvalid) return;
    reobserveIfReplaced();
    guarded('feed change handler', onFeedChange, undefined);
  };
  const schedule = (): void => {
    if (pending) return;
    pending = true;
    ctx.setTimeout(check, FEED_CHECK_DELAY_MS);
  };

  const observer = new MutationObserver((records) => {
    if (records.every((r) => isOurs(r.target) || [...r.addedNodes, ...r.removedNodes].every(isOurs))) return;
    schedule();
  });
  const attributeFilter = guarded('dom.watchedAttributes', () => platform.dom.watchedAttributes, undefined) ?? DEFAULT_ATTRIBUTES;

  // The feed container can be swapped out by a SPA route change; then watch the new one.
  function reobserveIfReplaced(): void {
    const container = guarded('dom.feedContainer', () => platform.dom.feedContainer?.(document), null) ?? document.body;
    if (!container || container === observed) return;
    observer.disconnect();
    observed = container;
    observer.observe(container, { childList: true, subtree: true, attributes: true, attributeFilter });
    // A body-level childList watch notices when a specific container is replaced.
    if (container !== document.body && document.body) observer.observe(document.body, { childList: true, subtree: true });
  }

  reobserveIfReplaced();
  ctx.onInvalidated(() => observer.disconnect());
  return { check: schedule };
}
