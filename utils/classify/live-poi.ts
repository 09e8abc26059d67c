/** The `live` and `poi` tags. */
import type { FeedItem } from '../model/item';
import type { Evidence, TagHit } from '../model/tags';
import { ev, fromFact, hit } from './evidence';
import { CONFIDENCE } from './settings';

/** Room status meaning "live now" on Douyin and TikTok. */
export const LIVE_STATUS_ON_AIR = 2;
/** Administrative areas (provinces, cities, districts) have `type_code` 19xxxx: a place, not a shop. */
export const ADMIN_AREA_TYPE_CODE = /^19\d{4}$/;

/** A live card or a live room. The author merely being live elsewhere does not make the item live. */
export function liveTag(item: FeedItem): TagHit | undefined {
  if (!item.live && item.format !== 'live') return undefined;
  const live = item.live;
  const evidence: Evidence[] = [ev(item, 'format', 'live', item.rawType !== undefined ? `type ${item.rawType}` : 'a live room')];
  if (live?.roomId) evidence.push(ev(item, 'live.roomId', live.roomId, live.webRid ? `room number (web_rid) ${live.webRid}` : undefined));
  let confidence: number = CONFIDENCE.strong;
  if (live?.status !== undefined) {
    const onAir = live.status === LIVE_STATUS_ON_AIR;
    evidence.push(ev(item, 'live.status', live.status, onAir ? 'on air' : 'room not on air when captured'));
    confidence = onAir ? CONFIDENCE.certain : CONFIDENCE.medium;
  }
  return hit('live', confidence, evidence);
}

export function poiTag(item: FeedItem): TagHit | undefined {
  const poi = item.poi;
  if (!poi || (!poi.id && !poi.name && !poi.groupBuy)) return undefined;
  const evidence: Evidence[] = [ev(item, poi.field, poi.name ?? poi.id ?? 'place', poi.id ? `poi ${poi.id}` : undefined)];
  let kind: string | undefined;
  if (poi.typeCode) {
    kind = ADMIN_AREA_TYPE_CODE.test(poi.typeCode) ? 'place' : 'store';
    evidence.push(ev(item, 'poi.typeCode', poi.typeCode, kind === 'place' ? 'an administrative area: a place, not a shop' : 'a venue (shop, restaurant, attraction)'));
  }
  if (poi.groupBuy) evidence.push(fromFact(item, poi.groupBuy, 'group-buy deal'));
  return hit('poi', CONFIDENCE.certain, evidence, kind);
}
