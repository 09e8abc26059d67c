import { describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { after, inFrame } from '@/utils/content/timers';

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
});
