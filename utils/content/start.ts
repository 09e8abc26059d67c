/**
 * The isolated content script, wired: capture listener first (document_start), then — once the DOM and the
 * settings are there — page data, overlay, impressions, clicks, page visits and the layout-drift check.
 * Everything here is tied to `ctx`, so an extension update or reload leaves nothing running.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { platformForUrl } from '../platforms/registry';
import { activeItemNow } from './active-item';
import { trackClicks } from './clicks';
import { watchFeed } from './feed-watch';
import { guarded, log } from './guard';
import { trackImpressions } from './impressions';
import { ItemsOutbox } from './items-outbox';
import { watchMotion } from './motion';
import { watchLayoutDrift } from './layout-drift';
import { OverlayController } from './overlay-mount';
import { trackPageVisits } from './page-visits';
import { classifiedByWorker, listenForResponses, readPageData } from './responses';
import { createSession } from './session';
import { followSettings } from './settings-watch';
import { after } from './timers';

const domReady = (ctx: ContentScriptContext): Promise<void> =>
  document.readyState !== 'loading'
    ? Promise.resolve()
    : new Promise((resolve) => ctx.addEventListener(document, 'DOMContentLoaded', () => resolve(), { once: true }));

/**
 * Run once per page. The script can reach a page twice from one extension instance: declared, and injected into
 * tabs open at install or update (utils/background/inject-existing.ts), or (Firefox) injected by the browser too.
 * Such copies share this isolated world: WXT's context retires the older one when a newer one starts, and this
 * flag, which the page cannot reach, keeps a second copy from starting beside a valid one. A copy orphaned by an
 * update is another matter: Chromium (156) runs the re-injected script in a fresh isolated world, out of reach of
 * this flag; the orphan's WXT context invalidates itself and createShadowRootUi removes its overlay host
 * (checked by tests/e2e/existing-tabs.test.mjs: exactly one host after an update).
 */
const RUNNING_KEY = Symbol.for('guangjie.feed-content');

export function claimPage(ctx: ContentScriptContext, win: object = window): boolean {
  const slot = win as { [RUNNING_KEY]?: ContentScriptContext };
  const running = slot[RUNNING_KEY];
  if (running && running !== ctx && running.isValid) return false;
  slot[RUNNING_KEY] = ctx;
  ctx.onInvalidated(() => {
    if (slot[RUNNING_KEY] === ctx) delete slot[RUNNING_KEY];
  });
  return true;
}

export async function startFeedContent(ctx: ContentScriptContext): Promise<void> {
  if (!claimPage(ctx)) return;
  const platform = guarded('platformForUrl', () => platformForUrl(location.href), undefined);
  if (!platform) return;
  const session = createSession(ctx, platform);
  const outbox = new ItemsOutbox(
    (items) => browser.runtime.sendMessage({ type: 'cs-bg/items', items }),
    (fn, ms) => after(ctx, ms, fn),
    log,
  );
  // Items the worker classified are stored there already.
  session.store.onChange((item) => {
    if (!classifiedByWorker.has(item)) outbox.add(item);
  });
  listenForResponses(session, (message) => browser.runtime.sendMessage(message));
  // WXT reports from the Navigation API's `navigate` event: before `location` changes, and also for navigations
  // that will load a new document (whose own content script counts them). Act once the URL has really changed
  // in this document, i.e. only for same-document (SPA) navigations.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    const url = event.newUrl.href;
    after(ctx, 0, () => {
      if (location.href === url) session.navigated(url);
    });
  });

  const motion = watchMotion(ctx);
  const overlay = new OverlayController(session, motion);
  const refreshOverlay = (): void => {
    if (!session.settings.overlayEnabled) return overlay.hide();
    const active = activeItemNow(platform.dom);
    if (!active) return overlay.hide();
    void overlay.show(active.el, session.itemFor(active.el, active.id));
  };
  const settingsRead = followSettings(session, () => refreshOverlay());
  await domReady(ctx);
  await settingsRead;
  if (ctx.isInvalid) return;

  readPageData(session);
  session.onNavigate('arrive', () => readPageData(session));
  // JSON that arrives after a DOM guess upgrades the overlay in place.
  session.store.onChange((item) => {
    if (overlay.current.item?.id === item.id) overlay.update(item);
  });
  const impressions = trackImpressions(session, motion);
  const feed = watchFeed(session, { items: impressions.rescan, active: refreshOverlay, settled: impressions.narrow, moving: impressions.moving });
  session.onNavigate('arrive', feed.check);
  // The end of a motion settles the feed's changes read while it moved (feed-watch.ts, MOVING_CHECK_MS).
  motion.onChange((started) => {
    if (!started) feed.motionEnded();
  });
  // On grid pages the active item is the card under the pointer, and hovering changes no DOM: check on pointer moves
  // too (throttled by the watcher, so a sweep across the grid costs at most one check per FEED_CHECK_INTERVAL_MS).
  ctx.addEventListener(document, 'pointerover', () => feed.checkActive(), { passive: true });
  refreshOverlay();
  trackClicks(session);
  trackPageVisits(session);
  watchLayoutDrift(session);
  // Registered after the impression tracker's own pagehide handler, so the episodes it ends go out in this flush.
  ctx.addEventListener(window, 'pagehide', () => {
    session.sender.flushAll();
    outbox.flush();
  });
}
