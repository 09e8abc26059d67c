/**
 * One content script's shared state on one tab: the platform, the item store, the touchpoint sender, the current
 * surface and navigation index, and the settings it obeys. The feature modules (responses, overlay, impressions,
 * clicks, page visits, layout drift) each take the session and tie their listeners to `session.ctx`.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Surface } from '../model/item';
import type { ClassifiedItem } from '../model/tags';
import type { Touchpoint, TouchpointType } from '../model/touchpoint';
import type { Diagnostic } from '../messages';
import type { Platform } from '../platforms/types';
import { classifyDom } from '../classify';
import { DEFINITIONS_VERSION } from '../definitions-version';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { guarded, log } from './guard';
import { ItemStore } from './item-store';
import { sanitizePageUrl } from '../journeys/privacy';
import { TouchpointSender } from './sender';
import { after, withTimeout } from './timers';
import { buildTouchpoint, type TouchpointBase } from './touchpoints';

export interface Session {
  ctx: ContentScriptContext;
  platform: Platform;
  store: ItemStore;
  /** A live room's URL number (web_rid) → the room item's id in the store (the room API keys rooms by id_str). */
  roomIdsByWebRid: Map<string, string>;
  /** On a live-room page, the last live item captured there: the room itself, when its data lacks the web_rid. */
  lastRoomItemId?: string;
  sender: TouchpointSender;
  settings: Settings;
  surface: Surface;
  /** The page URL as it was when the surface was last read: touchpoints of an ending page keep their own URL. */
  pageUrl: string;
  navIndex: number;
  /** Record a touchpoint (queued for the background), unless recording is off. */
  emit(type: TouchpointType, fields?: Partial<Touchpoint>, item?: ClassifiedItem): Touchpoint | null;
  diagnostic(kind: Diagnostic['kind'], detail: string): void;
  /** The item an element shows: its JSON classification when known, else what its DOM labels say. */
  itemFor(el: Element, id: string | null): ClassifiedItem;
  /**
   * SPA navigation: 'leave' listeners run first, while surface and pageUrl still describe the page being left
   * (to end impressions, a live-room visit); then the session moves on and 'arrive' listeners run.
   */
  onNavigate(phase: 'leave' | 'arrive', listener: () => void): void;
  /** `url`: where the page is going (the Navigation API reports before `location` changes). */
  navigated(url: string): void;
}

export function createSession(ctx: ContentScriptContext, platform: Platform): Session {
  const sender = new TouchpointSender(
    (touchpoints) => browser.runtime.sendMessage({ type: 'cs-bg/touchpoints', touchpoints }),
    // `after` (./timers.ts), not ctx.setTimeout: that leaves an abort listener behind per call, one per batch sent.
    { setTimeout: (fn, ms) => after(ctx, ms, fn), clearTimeout: (cancel) => { if (typeof cancel === 'function') cancel(); } },
    log,
  );
  const domIds = new WeakMap<Element, string>();
  let domCounter = 0;
  const navListeners = { leave: [] as Array<() => void>, arrive: [] as Array<() => void> };
  const extVersion = guarded('getManifest', () => browser.runtime.getManifest().version, '');
  const surfaceOf = (url: string): Surface => guarded('surfaceOf', () => platform.surfaceOf(url), null) ?? 'other';

  /** The room item of a live-room page: by the URL's room number, else the last room captured here. */
  const roomOnPage = (): string | null => {
    const webRid = guarded('urlFacts', () => platform.urlFacts?.(session.pageUrl).roomId, undefined);
    const id = (webRid && session.roomIdsByWebRid.get(webRid)) ?? session.lastRoomItemId;
    return id && session.store.get(id) ? id : null;
  };

  /**
   * The provenance every touchpoint of this page carries, made again only when the page changes: sanitising the
   * URL parses it, and a burst of clicks emits thousands of touchpoints on one page.
   */
  let base: TouchpointBase | null = null;
  let baseUrl = '';
  const touchpointBase = (): TouchpointBase => {
    if (base?.surface !== session.surface || base.navIndex !== session.navIndex || baseUrl !== session.pageUrl) {
      baseUrl = session.pageUrl;
      base = { platform: platform.id, surface: session.surface, pageUrl: sanitizePageUrl(session.pageUrl), extVersion, definitionsVersion: DEFINITIONS_VERSION, navIndex: session.navIndex };
    }
    return base;
  };

  const session: Session = {
    ctx,
    platform,
    store: new ItemStore(),
    roomIdsByWebRid: new Map(),
    sender,
    settings: { ...DEFAULT_SETTINGS },
    surface: surfaceOf(location.href),
    pageUrl: location.href,
    navIndex: 0,
    emit(type, fields, item) {
      if (!session.settings.consentGiven || !session.settings.recordingEnabled) return null;
      const tp = buildTouchpoint(touchpointBase(), type, fields, item);
      sender.enqueue(tp);
      return tp;
    },
    diagnostic(kind, detail) {
      const diagnostic: Diagnostic = { at: Date.now(), platform: platform.id, surface: session.surface, kind, detail };
      // Best effort: a diagnostic lost to a stopping worker costs nothing, so no retry; never wait forever.
      void withTimeout(browser.runtime.sendMessage({ type: 'cs-bg/diagnostic', diagnostic }), 3_000).catch((err) => log('diagnostic not sent', err));
    },
    itemFor(el, elementId) {
      // A live room's element names no id: the room is the one this page's room API described.
      const id = elementId ?? (session.surface === 'live-room' ? roomOnPage() : null);
      const known = id ? session.store.get(id) : undefined;
      if (known && known.source !== 'dom') return known;
      let key = id;
      if (!key) {
        key = domIds.get(el) ?? `dom:${++domCounter}`;
        domIds.set(el, key);
      }
      const signals = guarded('dom.signals', () => platform.dom.signals(el), { ad: [], shop: [], live: [], poi: [] });
      const guess = classifyDom(platform.id, key, signals);
      if (id) session.store.upsert(guess); // DOM-only for now; the JSON replaces it when it arrives
      return guess;
    },
    onNavigate(phase, listener) {
      navListeners[phase].push(listener);
    },
    navigated(url) {
      // A URL change that only touches tracking parameters is the same page, not a navigation.
      if (sanitizePageUrl(url) === sanitizePageUrl(session.pageUrl)) {
        session.pageUrl = url;
        return;
      }
      for (const listener of navListeners.leave) guarded('navigation leave listener', listener, undefined);
      session.surface = surfaceOf(url);
      session.pageUrl = url;
      session.navIndex++;
      for (const listener of navListeners.arrive) guarded('navigation arrive listener', listener, undefined);
    },
  };
  return session;
}
