/**
 * Rows of the export tables made here (docs/DATA.md, "Export tables"): a journey without its touchpoint objects.
 * The attribution table's row is `Credit` (./attribution/types.ts); touchpoints and items export as stored.
 */
import type { PlatformId } from '../model/item';
import type { ConversionType } from './definitions';
import type { Journey } from './journeys';
import type { JourneyMode } from './mode';

/** The journeys export table's row. */
export interface JourneyRow {
  id: string;
  mode: JourneyMode;
  converted: boolean;
  conversionType: ConversionType | null;
  firstAt: number;
  lastAt: number;
  touchpointIds: string[];
  productId: string | null;
  shopId: string | null;
  brand: string | null;
  platform: PlatformId;
}

export const journeyRow = (j: Journey): JourneyRow => ({
  id: j.id,
  mode: j.mode,
  converted: j.converted,
  conversionType: j.conversionType,
  firstAt: j.firstAt,
  lastAt: j.lastAt,
  touchpointIds: j.touchpoints.map((tp) => tp.id),
  productId: j.productId ?? null,
  shopId: j.shopId ?? null,
  brand: j.brand ?? null,
  platform: j.platform,
});
