import { describe, expect, it } from 'vitest';
import { all, outermost, type Sel } from '../../utils/platforms/kit/selectors';

const sel = (selector: string): Sel => ({ selector, seen: 'test' });

function page(): HTMLElement {
  const root = document.createElement('main');
  root.innerHTML = `
    <section id="s1" class="slide"><div id="v1" data-e2e="feed-video"></div></section>
    <div id="v2" data-e2e="feed-video"></div>
    <section id="s3" class="slide"><div><div id="v3" data-e2e="feed-video"></div></div></section>
    <article id="a4" data-aweme-id="4"></article>`;
  return root;
}
const ids = (els: Element[]) => els.map((e) => e.id);

describe('platform kit: selector fallbacks', () => {
  it('all: every match of any fallback, once each, in document order', () => {
    const root = page();
    const sels = [sel('[data-e2e="feed-video"]'), sel('.slide'), sel('[data-aweme-id]'), sel('section')];
    expect(ids(all(root, sels))).toEqual(['s1', 'v1', 'v2', 's3', 'v3', 'a4']);
  });

  it('all: a fallback this engine cannot parse is skipped, the rest still found in document order', () => {
    const root = page();
    const sels = [sel('[data-e2e="feed-video"]'), sel('div:::nonsense('), sel('.slide')];
    expect(ids(all(root, sels))).toEqual(['s1', 'v1', 'v2', 's3', 'v3']);
  });

  it('outermost: a match inside another match is the same item', () => {
    const root = page();
    const sels = [sel('[data-e2e="feed-video"]'), sel('.slide'), sel('[data-aweme-id]')];
    expect(ids(outermost(root, sels))).toEqual(['s1', 'v2', 's3', 'a4']);
    expect(ids(outermost(root, [sel('div:::nonsense('), ...sels]))).toEqual(['s1', 'v2', 's3', 'a4']);
  });
});
