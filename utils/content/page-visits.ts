/**
 * Touchpoints for whole pages rather than feed items:
 *  - live room: 'live-enter' on arrival, 'live-leave' with dwellMs (time the room page was open) on leaving;
 *  - product page: 'product-view' on arrival ('order-page' on the order confirmation page);
 *  - search: 'search' with the keyword.
 * Re-checked after every SPA navigation, since one tab moves between these without reloading.
 */
import type { ClassifiedItem } from '../model/tags';
import { urlFacts } from './clicks';
import type { Session } from './session';
import { after } from './timers';

/** How long 'live-enter' waits for the room's own data (tags, shop) before going out without it. Milliseconds. */
export const ROOM_DATA_WAIT_MS = 3_000;

export function trackPageVisits(session: Session): void {
  let liveVisit: { roomId?: string; since: number; item?: ClassifiedItem; entered: boolean } | null = null;

  /** The room's classified data: stored under the room's id; the URL carries its web_rid (or the id itself). */
  const roomItem = (urlRoom: string | undefined): ClassifiedItem | undefined => {
    const byUrl = urlRoom ? session.store.get(session.roomIdsByWebRid.get(urlRoom) ?? urlRoom) : undefined;
    return byUrl ?? (session.lastRoomItemId ? session.store.get(session.lastRoomItemId) : undefined);
  };

  const enterRoom = (at: number): void => {
    if (!liveVisit || liveVisit.entered) return;
    liveVisit.entered = true;
    liveVisit.item ??= roomItem(liveVisit.roomId);
    session.emit('live-enter', { at, roomId: liveVisit.item?.roomId ?? liveVisit.roomId }, liveVisit.item);
  };

  const arrive = (): void => {
    const facts = urlFacts(session, session.pageUrl);
    if (session.surface === 'live-room') {
      const at = Date.now();
      const visit = { roomId: facts.roomId, since: performance.now(), item: roomItem(facts.roomId), entered: false };
      liveVisit = visit;
      if (visit.item) return enterRoom(at);
      // The room API response may still be on its way: wait for it briefly so the touchpoint carries the room's tags.
      const stop = session.store.onChange(() => {
        if (liveVisit !== visit || !roomItem(visit.roomId)) return;
        stop();
        enterRoom(at);
      });
      after(session.ctx, ROOM_DATA_WAIT_MS, () => {
        stop();
        if (liveVisit === visit) enterRoom(at);
      });
    } else if (session.surface === 'product-page') {
      session.emit(facts.orderPage ? 'order-page' : 'product-view', { productId: facts.productId });
    } else if (session.surface === 'search' && facts.query) {
      session.emit('search', { query: facts.query });
    }
  };

  const leave = (): void => {
    if (!liveVisit) return;
    const visit = liveVisit;
    enterRoom(Date.now()); // leaving before the room data came: the enter still goes first
    liveVisit = null;
    // The room as known now: its products (and so who sells) may have arrived after the enter.
    const item = roomItem(visit.roomId) ?? visit.item;
    session.emit('live-leave', { roomId: item?.roomId ?? visit.roomId, dwellMs: Math.round(performance.now() - visit.since) }, item);
  };

  session.onNavigate('leave', leave);
  session.onNavigate('arrive', arrive);
  session.ctx.addEventListener(window, 'pagehide', leave);
  session.ctx.addEventListener(window, 'pageshow', (e: PageTransitionEvent) => {
    if (e.persisted) arrive(); // restored from the back/forward cache: a new visit
  });
  arrive();
}
