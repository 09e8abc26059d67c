/** Site-neutral DOM helpers shared by the platform folders. */

/** Whether the item's own <video> plays; an item without one (an image post, a live card) counts as playing. */
export function videoPlaying(el: Element): boolean {
  const video = el.querySelector('video');
  return video ? !video.paused : true;
}

/**
 * The clicked button or link and its words, for buttons known only by what they say (买 / 加入购物车): spaced
 * (runs of white space as one space), or with no white space at all (Chinese words, where spacing means nothing).
 */
export function clickedButtonWords(target: Element, spacing: 'spaced' | 'none' = 'spaced'): { button: Element | null; words: string } {
  const button = target.closest('button, [role="button"], a');
  const text = button?.textContent ?? '';
  return { button, words: spacing === 'none' ? text.replace(/\s+/g, '') : text.replace(/\s+/g, ' ').trim() };
}
