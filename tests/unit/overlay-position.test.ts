import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHIP_ROW_PX, GAP_PX, INSET_PX, MIN_VISIBLE_PX, placeOverlay, samePlacement } from '@/utils/content/overlay-position';

const view = { width: 1280, height: 800 };
const box = (left: number, top: number, width: number, height: number) => ({ left, top, right: left + width, bottom: top + height });

describe('overlay placement', () => {
  it('sits just above the anchor, at its left edge', () => {
    expect(placeOverlay(box(168, 64, 964, 720), box(192, 620, 400, 40), view)).toEqual({ x: 192, y: 620 - GAP_PX - CHIP_ROW_PX, panelAbove: true });
  });

  it('without an anchor, or no room above it, sits inside the visible top-left corner', () => {
    expect(placeOverlay(box(100, 50, 400, 600), null, view)).toEqual({ x: 100 + INSET_PX, y: 50 + INSET_PX, panelAbove: false });
    // The anchor is at the very top of the item: no room above it.
    expect(placeOverlay(box(100, 50, 400, 600), box(120, 52, 200, 30), view)).toEqual({ x: 100 + INSET_PX, y: 50 + INSET_PX, panelAbove: false });
    // Scrolled half out at the top: the corner is the viewport's.
    expect(placeOverlay(box(100, -300, 400, 600), null, view)).toEqual({ x: 100 + INSET_PX, y: INSET_PX, panelAbove: false });
  });

  it('shows nothing for an item (nearly) out of view', () => {
    expect(placeOverlay(box(0, 800, 600, 400), null, view)).toBeNull(); // still sliding in from below
    expect(placeOverlay(box(0, 800 - MIN_VISIBLE_PX + 1, 600, 400), null, view)).toBeNull();
    expect(placeOverlay(box(-595, 0, 600, 400), null, view)).toBeNull();
  });

  it('always keeps the chip row inside the visible part of the item (property)', () => {
    const n = fc.integer({ min: -2000, max: 2000 });
    const size = fc.integer({ min: 0, max: 2000 });
    fc.assert(
      fc.property(n, n, size, size, fc.option(fc.tuple(n, n, size, size)), (l, t, w, h, a) => {
        const item = box(l, t, w, h);
        const p = placeOverlay(item, a ? box(...a) : null, view);
        if (!p) return;
        const seen = { left: Math.max(l, 0), top: Math.max(t, 0), right: Math.min(l + w, view.width), bottom: Math.min(t + h, view.height) };
        expect(p.x).toBeGreaterThanOrEqual(seen.left);
        expect(p.x).toBeLessThan(seen.right);
        expect(p.y).toBeGreaterThanOrEqual(seen.top);
        expect(p.y).toBeLessThanOrEqual(seen.bottom);
        expect(p.panelAbove).toBe(p.y > view.height / 2);
      }),
    );
  });

  it('compares placements to the pixel', () => {
    expect(samePlacement({ x: 10.2, y: 5, panelAbove: false }, { x: 9.9, y: 5.4, panelAbove: false })).toBe(true);
    expect(samePlacement({ x: 10, y: 5, panelAbove: false }, { x: 11, y: 5, panelAbove: false })).toBe(false);
    expect(samePlacement(null, null)).toBe(true);
    expect(samePlacement(null, { x: 0, y: 0, panelAbove: false })).toBe(false);
  });
});
