/**
 * Where the overlay's chips go on screen: a pure function of the active item's box, the box the platform anchors
 * the overlay to inside it (`platform.dom.overlayAnchor`), and the viewport. All in CSS pixels, viewport
 * coordinates (what `getBoundingClientRect()` gives).
 *
 * - The item's VISIBLE BOX is its box clipped to the viewport. An item with less than MIN_VISIBLE_PX of it in view
 *   each way (one still sliding in, one scrolled away) shows no overlay.
 * - With an anchor inside the item (Douyin: the product-anchor row or the description block), the chip row sits
 *   just ABOVE the anchor, at its left edge, GAP_PX clear of it: never over the anchor, the description or the
 *   player's controls below them. When that row would leave the visible box, or the anchor is the item itself
 *   (TikTok), the chips sit INSET_PX inside the visible box's top-left corner.
 * - The evidence panel opens towards the larger part of the viewport: below chips in its upper half, above chips
 *   in its lower half.
 * The chip row's height is a constant, not measured: reading our own layout would force a layout per item.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface OverlayPlacement {
  /** Top-left corner of the chip row. CSS px, viewport coordinates. */
  x: number;
  y: number;
  /** The evidence panel opens above the chips (they sit in the lower half of the viewport). */
  panelAbove: boolean;
}

/** Inset of the chips from the visible box's corner. CSS px. */
export const INSET_PX = 8;
/** Room left between the chip row and the anchor below it. CSS px. */
export const GAP_PX = 6;
/** Height of one row of chips (13 px text, 2 px padding, 1 px border, line height 1.4). CSS px. */
export const CHIP_ROW_PX = 24;
/** Less of the item than this in view, either way, and no overlay is shown. CSS px. */
export const MIN_VISIBLE_PX = 48;

const clip = (box: Box, view: { width: number; height: number }): Box => ({
  left: Math.max(box.left, 0),
  top: Math.max(box.top, 0),
  right: Math.min(box.right, view.width),
  bottom: Math.min(box.bottom, view.height),
});

/** Where the chips go, or null when too little of the item is in view to show them. */
export function placeOverlay(item: Box, anchor: Box | null, view: { width: number; height: number }): OverlayPlacement | null {
  const seen = clip(item, view);
  if (seen.right - seen.left < MIN_VISIBLE_PX || seen.bottom - seen.top < MIN_VISIBLE_PX) return null;
  const panelAbove = (y: number): boolean => y > view.height / 2;
  if (anchor) {
    const y = anchor.top - GAP_PX - CHIP_ROW_PX;
    const x = Math.max(anchor.left, seen.left + INSET_PX);
    if (y >= seen.top + INSET_PX && y + CHIP_ROW_PX <= seen.bottom && x < seen.right - INSET_PX) return { x, y, panelAbove: panelAbove(y) };
  }
  const x = seen.left + INSET_PX;
  const y = seen.top + INSET_PX;
  return { x, y, panelAbove: panelAbove(y) };
}

/** Two placements that put the chips at the same spot (sub-pixel differences ignored) with the panel the same way. */
export function samePlacement(a: OverlayPlacement | null, b: OverlayPlacement | null): boolean {
  if (!a || !b) return a === b;
  return Math.round(a.x) === Math.round(b.x) && Math.round(a.y) === Math.round(b.y) && a.panelAbove === b.panelAbove;
}
