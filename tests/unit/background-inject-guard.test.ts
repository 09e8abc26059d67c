import { describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { claimPage } from '../../utils/content/start';

/** An injected copy of the feed script and a declared one in the same page (same isolated world). */
describe('claimPage: the feed script runs once per page', () => {
  it('a second copy does not start while a valid one holds the page', () => {
    const win = {};
    const first = new ContentScriptContext('feed-a');
    const second = new ContentScriptContext('feed-b');
    expect(claimPage(first, win)).toBe(true);
    expect(claimPage(second, win)).toBe(false);
    first.notifyInvalidated();
    second.notifyInvalidated();
  });

  it('a copy starts once the holder is invalidated (WXT retires an older copy, or the extension was updated)', () => {
    const win = {};
    const old = new ContentScriptContext('feed');
    expect(claimPage(old, win)).toBe(true);
    // A newer context of the same script retires the older one as it is made (WXT's script-started event).
    const fresh = new ContentScriptContext('feed');
    expect(old.isInvalid).toBe(true);
    expect(claimPage(fresh, win)).toBe(true);
    fresh.notifyInvalidated();
  });

  it('claiming twice with the same context is harmless', () => {
    const win = {};
    const ctx = new ContentScriptContext('feed-same');
    expect(claimPage(ctx, win)).toBe(true);
    expect(claimPage(ctx, win)).toBe(true);
    ctx.notifyInvalidated();
  });
});
