/** Site-neutral DOM helpers shared by the platform folders. */

/** Whether the item's own <video> plays; an item without one (an image post, a live card) counts as playing. */
export function videoPlaying(el: Element): boolean {
  const video = el.querySelector('video');
  return video ? !video.paused : true;
}

/** The clicked button or link and its words, for buttons known only by what they say (买 / 加入购物车). */
export function clickedButtonWords(target: Element): { button: Element | null; words: string } {
  const button = target.closest('button, [role="button"], a');
  return { button, words: (button?.textContent ?? '').replace(/\s+/g, ' ').trim() };
}
