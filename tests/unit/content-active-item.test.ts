import { describe, expect, it } from 'vitest';
import { activeItemNow } from '@/utils/content/active-item';
import type { Platform } from '@/utils/platforms/types';

describe('the active item, read once per run of script', () => {
  it('asks the platform once within a run, again after a microtask checkpoint, and per platform', async () => {
    document.body.innerHTML = '<div id="a"></div><div id="b"></div>';
    let asked = 0;
    let id = 'a';
    const dom = { activeItem: (doc: Document) => (asked++, { el: doc.getElementById(id)!, id }) } as unknown as Platform['dom'];
    expect(activeItemNow(dom)?.id).toBe('a');
    id = 'b';
    expect(activeItemNow(dom)?.id).toBe('a'); // the same run: the page cannot have changed it
    expect(asked).toBe(1);
    const other = { activeItem: () => null } as unknown as Platform['dom'];
    expect(activeItemNow(other)).toBeNull(); // another platform's reader is its own
    await Promise.resolve();
    expect(activeItemNow(dom)?.id).toBe('b');
    expect(asked).toBe(2);
  });

  it('a platform that throws gives no active item, logged, and the page goes on', () => {
    const dom = { activeItem: () => { throw new Error('new layout'); } } as unknown as Platform['dom'];
    expect(activeItemNow(dom)).toBeNull();
  });
});
