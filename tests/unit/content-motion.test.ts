// Which elements move (utils/content/motion.ts): starts are told at once, ends a task later, a motion started
// again mid-way (a fast flick) is one motion, and one never seen to end is taken as ended after MOTION_MAX_MS.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MOTION_MAX_MS, watchMotion } from '@/utils/content/motion';
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

  it('a motion started again mid-way (a flick mid-slide) goes on: nothing is told, no timer is set per flick; a cancel is not an end', async () => {
    const { motion, told, $ } = setup();
    vi.useFakeTimers();
    try {
      transition('transitionrun', $('list'));
      const timers = vi.getTimerCount(); // the watchdog of motions never seen to end
      for (let flick = 0; flick < 5; flick++) {
        transition('transitioncancel', $('list'));
        transition('transitionrun', $('list'));
      }
      expect(vi.getTimerCount()).toBe(timers);
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

  it('a motion that ended and started again in the same frame has not ended', async () => {
    const { motion, told, $ } = setup();
    transition('transitionrun', $('list'));
    transition('transitionend', $('list'));
    transition('transitionrun', $('list'));
    await task();
    expect(told).toEqual(['list']);
    expect(motion.isMoving($('slide'))).toBe(true);
  });

  it('a motion never seen to end is taken as ended MOTION_MAX_MS after it last started; a late end is told again', async () => {
    const { motion, told, $ } = setup();
    vi.useFakeTimers();
    try {
      transition('transitionrun', $('list'));
      await vi.advanceTimersByTimeAsync(MOTION_MAX_MS / 2);
      transition('transitionrun', $('list')); // started again: the deadline moves
      await vi.advanceTimersByTimeAsync(MOTION_MAX_MS / 2 + 10);
      expect(motion.isMoving($('slide'))).toBe(true);
      await vi.advanceTimersByTimeAsync(MOTION_MAX_MS / 2);
      expect(told).toEqual(['list', null]);
      expect(motion.isMoving($('slide'))).toBe(false);
      expect(vi.getTimerCount()).toBe(0); // nothing moves: no watchdog left
      transition('transitionend', $('list')); // it was still moving after all
      expect(told).toEqual(['list', null, null]);
      transition('transitionend', $('list'));
      expect(told).toEqual(['list', null, null]); // told once
    } finally {
      vi.useRealTimers();
    }
  });

  it('one motion restarted does not hide that another ended', async () => {
    const { motion, told, $ } = setup();
    transition('transitionrun', $('list'));
    transition('transitionrun', $('other'));
    transition('transitionend', $('other'));
    transition('transitionend', $('list'));
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
