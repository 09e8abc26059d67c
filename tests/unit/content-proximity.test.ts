import { describe, expect, it } from 'vitest';
import { isNear, PROXIMITY_VIEWPORTS } from '@/utils/content/proximity';

const view = { width: 1000, height: 800 };
const box = (left: number, top: number, width: number, height: number) => ({ left, top, right: left + width, bottom: top + height });

describe('which items are near enough to watch', () => {
  it('slides of a vertical feed: the playing one and its neighbours are, those two screens away are not', () => {
    expect(PROXIMITY_VIEWPORTS).toBe(1);
    expect(isNear(box(0, 0, 1000, 800), view)).toBe(true); // playing
    expect(isNear(box(0, 800, 1000, 800), view)).toBe(true); // next
    expect(isNear(box(0, -800, 1000, 800), view)).toBe(true); // previous
    expect(isNear(box(0, 1600, 1000, 800), view)).toBe(false); // two down: its top is a viewport below the bottom
    expect(isNear(box(0, -1600, 1000, 800), view)).toBe(false); // two up
    expect(isNear(box(0, 1599, 1000, 800), view)).toBe(true); // a pixel less than that
  });

  it('sideways too, and an empty box (not rendered) never is', () => {
    expect(isNear(box(1999, 0, 300, 300), view)).toBe(true);
    expect(isNear(box(2000, 0, 300, 300), view)).toBe(false);
    expect(isNear(box(-1300, 0, 300, 300), view)).toBe(false);
    expect(isNear(box(10, 10, 0, 0), view)).toBe(false);
  });
});
