// Which elements move (utils/content/motion.ts): starts are told at once, ends a task later, and a motion that
// was cancelled and started again before then (a fast flick) is no end.
import { afterEach, describe, expect, it } from 'vitest';
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

  it('a motion cancelled and started again in the same frame has not ended: no end is told until it does', async () => {
    const { motion, told, $ } = setup();
    transition('transitionrun', $('list'));
    transition('transitioncancel', $('list'));
    transition('transitionrun', $('list'));
    await task();
    expect(told).toEqual(['list', 'list']);
    expect(motion.isMoving($('slide'))).toBe(true);
    transition('transitionend', $('list'));
    await task();
    expect(told).toEqual(['list', 'list', null]);
  });

  it('a cancel whose replacement already runs (as browsers tell a flick mid-slide) is no end: nothing is told, no task waits', async () => {
    const { motion, told, $ } = setup();
    const list = $('list');
    let running: Array<Partial<CSSTransition>> = [];
    list.getAnimations = () => running as Animation[];
    transition('transitionrun', list);
    running = [{ transitionProperty: 'transform', playState: 'running' }]; // the new slide's transition
    transition('transitioncancel', list);
    transition('transitionrun', list);
    await task();
    expect(told).toEqual(['list']); // one start, told once
    expect(motion.isMoving($('slide'))).toBe(true);
    running = [{ transitionProperty: 'opacity', playState: 'running' }]; // another property's does not carry it on
    transition('transitioncancel', list);
    await task();
    expect(told).toEqual(['list', null]);
    expect(motion.isMoving($('slide'))).toBe(false);
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
