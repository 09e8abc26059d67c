import { describe, expect, it } from 'vitest';
import { PAGE_CHANNEL } from '@/utils/messages';
import { PageMessageGate } from '@/utils/content/page-messages';

const win = { location: { origin: 'https://www.douyin.com' } } as unknown as Window;
const good = (over: Record<string, unknown> = {}) => ({
  source: win,
  origin: 'https://www.douyin.com',
  data: { channel: PAGE_CHANNEL, type: 'page-cs/response', seq: 1, url: 'https://www.douyin.com/aweme/v1/web/tab/feed/', body: '{}', ...over },
});

describe('page message gate', () => {
  it('accepts a well-formed response from our own window', () => {
    const gate = new PageMessageGate(win, 100);
    expect(gate.check(good())).toEqual({ ok: true, response: { seq: 1, url: 'https://www.douyin.com/aweme/v1/web/tab/feed/', body: '{}' } });
  });

  it('silently ignores messages that are not ours, and replay requests', () => {
    const gate = new PageMessageGate(win, 100);
    expect(gate.check({ source: win, origin: '', data: 'hello' })).toEqual({ ok: false, ignored: true });
    expect(gate.check({ source: win, origin: '', data: { type: 'page-cs/response' } })).toEqual({ ok: false, ignored: true });
    expect(gate.check({ source: win, origin: '', data: { channel: PAGE_CHANNEL, type: 'page-cs/replay-request' } })).toEqual({ ok: false, ignored: true });
    expect(gate.rejected).toBe(0);
  });

  it.each([
    ['another window', { source: {} }],
    ['another origin', { origin: 'https://evil.example' }],
    ['an unknown type', { data: { channel: PAGE_CHANNEL, type: 'page-cs/steal', seq: 1, url: 'https://x/', body: '' } }],
    ['a string seq', { data: { channel: PAGE_CHANNEL, type: 'page-cs/response', seq: '1', url: 'https://x/', body: '' } }],
    ['a fractional seq', { data: { channel: PAGE_CHANNEL, type: 'page-cs/response', seq: 1.5, url: 'https://x/', body: '' } }],
    ['a non-string url', { data: { channel: PAGE_CHANNEL, type: 'page-cs/response', seq: 1, url: { href: 'x' }, body: '' } }],
    ['a javascript: url', { data: { channel: PAGE_CHANNEL, type: 'page-cs/response', seq: 1, url: 'javascript:alert(1)', body: '' } }],
    ['an object body', { data: { channel: PAGE_CHANNEL, type: 'page-cs/response', seq: 1, url: 'https://x/', body: { aweme_list: [] } } }],
    ['a body over the cap', { data: { channel: PAGE_CHANNEL, type: 'page-cs/response', seq: 1, url: 'https://x/', body: 'x'.repeat(101) } }],
  ])('rejects and counts a forged or malformed message: %s', (_name, over) => {
    const gate = new PageMessageGate(win, 100);
    const result = gate.check({ ...good(), ...over } as never);
    expect(result).toMatchObject({ ok: false, ignored: false, reason: expect.any(String) });
    expect(gate.rejected).toBe(1);
  });

  it('drops a replayed seq already handled, without counting it as rejected', () => {
    const gate = new PageMessageGate(win, 100);
    expect(gate.check(good({ seq: 7 })).ok).toBe(true);
    expect(gate.check(good({ seq: 7 }))).toEqual({ ok: false, ignored: true });
    expect(gate.check(good({ seq: 8 })).ok).toBe(true);
    expect(gate.rejected).toBe(0);
  });
});
