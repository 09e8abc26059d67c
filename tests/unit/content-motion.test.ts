// Which elements move (utils/content/motion.ts): starts are told at once, ends a task later, and a motion that
// was cancelled and started again before then (a fast flick) is no end.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchMotion } from '@/utils/content/motion';
import { transition } from './dom-events';

let ctx: ContentScriptContext | undefined;
afterEach(() => ctx?.abort());
const task = () => new Promise((r) => setTimeout(r, 5));

function setup() {
  document.body.innerHTML = '<div id="list"><div id="slide"></div></div><div id="other"></div>';
  ctx = new ContentScriptContext('motion-test');
  const motion = watchMotion(ctx);
  const told: Array<string | null> = [];
  motion.onChange((started) => told.push(started ? started.id : null));
  const $ = (id: string) => document.getElementById(id)!;
  return { motion, told, $ };
}

describe('motion', () => {
  it('tells a start at once and the end a task later; what is inside a moving element moves', async () => {
    const { motion, told, $ } = setup();
    transition('transitionrun', $('list'));
    expect(told).toEqual(['list']);
    expect(motion.isMoving($('slide'))).toBe(true);
    expect(motion.isMovingAny([$('other')])).toBe(false);
    transition('transitionend', $('list'));
    expect(told).toEqual(['list']);
    await task();
    expect(told).toEqual(['list', null]);
    expect(motion.isMoving($('slide'))).toBe(false);
  });

  it('a motion cancelled and started again in the same frame (a flick mid-slide) has not ended: nothing is told, no task waits', async () => {
    const { motion, told, $ } = setup();
    vi.useFakeTimers();
    try {
      transition('transitionrun', $('list'));
      transition('transitioncancel', $('list'));
      expect(vi.getTimerCount()).toBe(1); // the task that tells the end, unless it starts again first
      transition('transitionrun', $('list'));
      expect(vi.getTimerCount()).toBe(0);
      await vi.advanceTimersByTimeAsync(10);
      expect(told).toEqual(['list']); // one start, told once
      expect(motion.isMoving($('slide'))).toBe(true);
      transition('transitionend', $('list'));
      await vi.advanceTimersByTimeAsync(10);
      expect(told).toEqual(['list', null]);
      expect(motion.isMoving($('slide'))).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('one motion restarted does not hide that another ended', async () => {
    const { motion, told, $ } = setup();
    transition('transitionrun', $('list'));
    transition('transitionrun', $('other'));
    transition('transitionend', $('other'));
    transition('transitioncancel', $('list'));
    transition('transitionrun', $('list'));
    await task();
    expect(told).toEqual(['list', 'other', null]);
    expect(motion.isMoving($('slide'))).toBe(true);
    expect(motion.isMoving($('other'))).toBe(false);
  });

  it('an end is told when one of two motions ends, even if the other goes on', async () => {
    const { motion, told, $ } = setup();
    transition('transitionrun', $('list'));
    transition('transitionrun', $('other'));
    transition('transitionend', $('other'));
    await task();
    expect(told).toEqual(['list', 'other', null]);
    expect(motion.isMoving($('slide'))).toBe(true);
  });

  it('ignores transitions that move nothing (a colour)', async () => {
    const { motion, told, $ } = setup();
    transition('transitionrun', $('list'), 'background-color');
    expect(told).toEqual([]);
    expect(motion.isMoving($('slide'))).toBe(false);
  });
});
