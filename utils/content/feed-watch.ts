/**
 * One MutationObserver on the feed container (childList + the platform's "active item" attributes), coalesced so a
 * burst of mutations triggers one check. No polling: nothing runs while the feed is still. Our own overlay host's
 * attribute changes are ignored so an update can't trigger itself, and so is text churn (a player's clock rewrites
 * its text several times a second; text edited in place, `characterData`, is not watched either).
 * The check itself runs in an animation frame: what it reads (the platform may measure where items are) costs only
 * the style and layout that frame computes anyway, and the overlay it moves is drawn in that same frame.
 */
import { guarded } from './guard';
import type { Session } from './session';
import { after, inNextFrame } from './timers';

/** Coalesce mutations for this long before checking the feed. Milliseconds. */
export const FEED_CHECK_DELAY_MS = 120;
const DEFAULT_ATTRIBUTES = ['class', 'id', 'hidden', 'aria-hidden'];
export const OVERLAY_HOST_ATTR = 'data-guangjie-item';

const isOurs = (node: Node): boolean => node instanceof Element && !!node.closest(`[${OVERLAY_HOST_ATTR}]`);
const isPageElement = (node: Node): boolean => node instanceof Element && !isOurs(node);

/** Whether a mutation can add, remove or (re)activate a feed item: a page element in or out, or a watched attribute. */
export function mayChangeFeed(record: Pick<MutationRecord, 'type' | 'target' | 'addedNodes' | 'removedNodes'>): boolean {
  if (record.type === 'attributes') return !isOurs(record.target);
  for (const node of record.addedNodes) if (isPageElement(node)) return true;
  for (const node of record.removedNodes) if (isPageElement(node)) return true;
  return false;
}

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
    after(ctx, FEED_CHECK_DELAY_MS, () => inNextFrame(ctx, check));
  };

  const observer = new MutationObserver((records) => {
    if (!pending && records.some(mayChangeFeed)) schedule();
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
