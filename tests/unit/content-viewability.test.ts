import { beforeEach, describe, expect, it } from 'vitest';
import { ImpressionTracker, type ImpressionRecord } from '@/utils/content/viewability';

/** A clock and environment the test drives by hand. */
function harness() {
  const state = { t: 0, visible: true, focused: true, playing: true, active: true };
  const out: ImpressionRecord[] = [];
  const tracker = new ImpressionTracker(
    { now: () => state.t, wallNow: () => 1_700_000_000_000 + state.t },
    { pageVisible: () => state.visible, windowFocused: () => state.focused, machineActive: () => state.active, isPlaying: () => state.playing },
    (r) => out.push(r),
  );
  const advance = (ms: number) => (state.t += ms);
  return { state, out, tracker, advance };
}

describe('impression tracker', () => {
  let h: ReturnType<typeof harness>;
  const el = document.createElement('div');
  beforeEach(() => (h = harness()));

  it('a 2.1 s view makes one impression with its dwell, emitted when the item leaves view', () => {
    h.tracker.setRatio(el, 1, 'a1');
    h.advance(2100);
    expect(h.out).toHaveLength(0);
    h.tracker.setRatio(el, 0.2, 'a1');
    expect(h.out).toEqual([{ el, itemId: 'a1', at: 1_700_000_000_000, dwellMs: 2100, attentionMs: 2100 }]);
  });

  it('an idle or locked machine keeps dwell but stops attention', () => {
    h.tracker.setRatio(el, 1, 'a1');
    h.advance(1000);
    h.state.active = false; // the background relayed browser.idle 'idle'
    h.tracker.refresh();
    h.advance(3000);
    h.state.active = true;
    h.tracker.refresh();
    h.advance(500);
    h.tracker.setRatio(el, 0, 'a1');
    expect(h.out).toEqual([{ el, itemId: 'a1', at: 1_700_000_000_000, dwellMs: 4500, attentionMs: 1500 }]);
  });

  it('a 1.5 s view makes none', () => {
    h.tracker.setRatio(el, 0.8, 'a1');
    h.advance(1500);
    h.tracker.setRatio(el, 0, 'a1');
    expect(h.out).toHaveLength(0);
  });

  it('less than half in view is not viewable', () => {
    h.tracker.setRatio(el, 0.49, 'a1');
    h.advance(5000);
    h.tracker.setRatio(el, 0, 'a1');
    expect(h.out).toHaveLength(0);
  });

  it('a hidden tab ends the episode and its hidden time never counts', () => {
    h.tracker.setRatio(el, 1, 'a1');
    h.advance(1000);
    h.state.visible = false;
    h.tracker.refresh();
    h.advance(60_000);
    h.state.visible = true;
    h.tracker.refresh();
    h.advance(1500);
    h.tracker.setRatio(el, 0, 'a1');
    expect(h.out).toHaveLength(0); // 1 s + 1.5 s, never 2 s in one run
  });

  it('two qualified episodes of one item make two impressions', () => {
    h.tracker.setRatio(el, 1, 'a1');
    h.advance(2500);
    h.state.visible = false;
    h.tracker.refresh();
    h.advance(10_000);
    h.state.visible = true;
    h.tracker.refresh();
    h.advance(3000);
    h.tracker.endAll();
    expect(h.out.map((r) => r.dwellMs)).toEqual([2500, 3000]);
    expect(h.out[1].at).toBe(1_700_000_000_000 + 12_500);
  });

  it('attention counts only focused, playing time', () => {
    h.tracker.setRatio(el, 1, 'a1');
    h.advance(1000);
    h.state.focused = false;
    h.tracker.refresh();
    h.advance(1000);
    h.state.focused = true;
    h.state.playing = false;
    h.tracker.refresh();
    h.advance(500);
    h.state.playing = true;
    h.tracker.refresh();
    h.advance(1000);
    h.tracker.endAll();
    expect(h.out[0]).toMatchObject({ dwellMs: 3500, attentionMs: 2000 });
  });

  it('a recycled element that starts showing another item ends the first item’s episode', () => {
    h.tracker.setRatio(el, 1, 'a1');
    h.advance(3000);
    h.tracker.setRatio(el, 1, 'b2');
    h.advance(2000);
    h.tracker.forget(el);
    expect(h.out.map((r) => [r.itemId, r.dwellMs])).toEqual([
      ['a1', 3000],
      ['b2', 2000],
    ]);
  });
});
