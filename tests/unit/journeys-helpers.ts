// Small touchpoint factory for the journeys and attribution tests (not a test file itself).
import type { Touchpoint } from '../../utils/model/touchpoint';

export const MIN = 60_000;
export const DAY = 86_400_000;
/** A fixed conversion time, so offsets read as "days before the conversion". */
export const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);

let seq = 0;
export function tp(fields: Partial<Touchpoint> & Pick<Touchpoint, 'type' | 'at'>): Touchpoint {
  seq += 1;
  return {
    id: `tp${String(seq).padStart(4, '0')}`,
    platform: 'douyin',
    surface: 'recommend',
    pageUrl: 'https://www.douyin.com/',
    tags: [],
    ...fields,
  };
}
