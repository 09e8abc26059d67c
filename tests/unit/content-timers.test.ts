import { describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { after, inFrame, stillValid, VALIDITY_RECHECK_MS } from '@/utils/content/timers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('timers tied to the script context', () => {
  it('run once, and a thousand of them add one abort listener in all (WXT ctx.setTimeout adds one each)', async () => {
    const ctx = new ContentScriptContext('timers-test');
    const add = vi.spyOn(ctx.signal, 'addEventListener');
    let ran = 0;
    for (let i = 0; i < 1000; i++) after(ctx, 0, () => ran++);
    inFrame(ctx, () => ran++);
    await sleep(50);
    expect(ran).toBe(1001);
    expect(add).toHaveBeenCalledTimes(1);
    ctx.abort();
  });

  it('are cancelled by their cancel function and by invalidation', async () => {
    const ctx = new ContentScriptContext('timers-test-2');
    const fn = vi.fn();
    const cancel = after(ctx, 10, fn);
    cancel();
    after(ctx, 10, fn);
    inFrame(ctx, fn);
    ctx.abort();
    await sleep(50);
    expect(fn).not.toHaveBeenCalled();
  });

  it('ask WXT whether the extension is still there at most once per VALIDITY_RECHECK_MS; an abort counts at once', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const ctx = new ContentScriptContext('timers-test-3');
      let reads = 0;
      const isValid = vi.spyOn(ctx, 'isValid', 'get').mockImplementation(() => (reads++, true));
      for (let i = 0; i < 50; i++) expect(stillValid(ctx)).toBe(true);
      expect(reads).toBe(1);
      vi.advanceTimersByTime(VALIDITY_RECHECK_MS);
      isValid.mockImplementation(() => (reads++, false)); // the extension was updated: this copy is orphaned
      expect(stillValid(ctx)).toBe(false);
      expect(reads).toBe(2);
      const other = new ContentScriptContext('timers-test-4');
      stillValid(other);
      other.abort();
      expect(stillValid(other)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
