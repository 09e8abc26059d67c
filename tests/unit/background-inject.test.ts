import { describe, expect, it, vi } from 'vitest';
import { injectIntoExistingTabs, type DeclaredContentScript, type InjectApi } from '../../utils/background/inject-existing';
import { injectOnInstalled } from '../../utils/background/install';

/** The built manifest's shape (.output/chrome-mv3/manifest.json): the main-world capture first, then the isolated script. */
const CONTENT_SCRIPTS: DeclaredContentScript[] = [
  { matches: ['https://www.example.com/*'], js: ['content-scripts/capture.js'], world: 'MAIN' },
  { matches: ['https://www.example.com/*', 'https://*.shop.example/*'], js: ['content-scripts/feed.js'] },
];

const TABS = [
  { id: 1, url: 'https://www.example.com/?recommend=1' },
  { id: 2, url: 'https://news.other.test/' },
  { id: 3, url: 'https://buy.shop.example/item' },
  { id: 4, url: 'https://www.example.com/video/1', discarded: true },
  { id: 5, url: 'https://www.example.com/' },
];

/** Match patterns as tabs.query applies them (scheme, host with a leading `*.`, path glob). */
const matches = (pattern: string, url: string) =>
  new RegExp(`^${pattern.replace(/[.?+^${}()|[\]\\]/g, '\\$&').replace('://\\*\\.', '://(?:[^/]+\\.)?').replace(/\*/g, '.*')}$`).test(url);

function fakeApi({ mv3 = true, failingTab }: { mv3?: boolean; failingTab?: number } = {}) {
  const calls: Array<{ tabId: number; files: string[]; world?: string }> = [];
  const record = (tabId: number, files: string[], world?: string) => {
    if (tabId === failingTab) return Promise.reject(new Error('Cannot access contents of the page'));
    calls.push({ tabId, files, ...(world ? { world } : {}) });
    return Promise.resolve([]);
  };
  const api: InjectApi = {
    runtime: { getManifest: () => ({ content_scripts: CONTENT_SCRIPTS }) },
    tabs: {
      query: vi.fn(async ({ url }: { url: string[] }) => TABS.filter((t) => url.some((p) => matches(p, t.url)))),
      ...(mv3 ? {} : { executeScript: (tabId: number, { file }: { file: string }) => record(tabId, [file]) }),
    },
    ...(mv3 ? { scripting: { executeScript: ({ target, files, world }) => record(target.tabId, files, world) } } : {}),
  };
  return { api, calls };
}

describe('injectIntoExistingTabs', () => {
  it('injects the manifest files into open matching tabs only: main world first, then the isolated script', async () => {
    const { api, calls } = fakeApi();
    const report = await injectIntoExistingTabs(api, { mainWorld: true, log: () => {} });
    expect(calls).toEqual([
      { tabId: 1, files: ['/content-scripts/capture.js'], world: 'MAIN' },
      { tabId: 5, files: ['/content-scripts/capture.js'], world: 'MAIN' },
      { tabId: 1, files: ['/content-scripts/feed.js'] },
      { tabId: 3, files: ['/content-scripts/feed.js'] },
      { tabId: 5, files: ['/content-scripts/feed.js'] },
    ]);
    expect(report).toEqual({ injected: 5, failed: 0 });
    // Queried by the manifest's own patterns, not by every tab (no `tabs` permission needed).
    expect(api.tabs.query).toHaveBeenCalledWith({ url: CONTENT_SCRIPTS[1].matches });
  });

  it('leaves main-world scripts out when an earlier copy may still run (update)', async () => {
    const { api, calls } = fakeApi();
    await injectIntoExistingTabs(api, { mainWorld: false, log: () => {} });
    expect(calls.every((c) => !c.world && c.files[0] === '/content-scripts/feed.js')).toBe(true);
    expect(calls.map((c) => c.tabId)).toEqual([1, 3, 5]);
  });

  it('survives a tab that throws: logs it, skips it, injects the others', async () => {
    const { api, calls } = fakeApi({ failingTab: 1 });
    const log = vi.fn();
    const report = await injectIntoExistingTabs(api, { mainWorld: true, log });
    expect(calls.map((c) => c.tabId)).toEqual([5, 3, 5]);
    expect(report).toEqual({ injected: 3, failed: 2 });
    expect(log).toHaveBeenCalledWith('[guangjie] inject: tab 1 skipped', 'Cannot access contents of the page');
  });

  it('survives tabs.query failing for one entry', async () => {
    const { api, calls } = fakeApi();
    api.tabs.query = vi.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValue([{ id: 9 }]);
    const report = await injectIntoExistingTabs(api, { mainWorld: true, log: () => {} });
    expect(calls).toEqual([{ tabId: 9, files: ['/content-scripts/feed.js'] }]);
    expect(report).toEqual({ injected: 1, failed: 0 });
  });

  it('MV2 (Firefox): tabs.executeScript from the extension root, isolated scripts only (no main world there)', async () => {
    const { api, calls } = fakeApi({ mv3: false });
    await injectIntoExistingTabs(api, { mainWorld: true, log: () => {} });
    expect(calls).toEqual([1, 3, 5].map((tabId) => ({ tabId, files: ['/content-scripts/feed.js'] })));
  });
});

describe('injectOnInstalled', () => {
  it('install: every script; update: isolated only; other reasons: nothing', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const worlds = async (reason: string) => {
      const { api, calls } = fakeApi();
      await injectOnInstalled(reason, api);
      return calls.map((c) => c.world ?? 'ISOLATED');
    };
    expect(await worlds('install')).toEqual(['MAIN', 'MAIN', 'ISOLATED', 'ISOLATED', 'ISOLATED']);
    expect(await worlds('update')).toEqual(['ISOLATED', 'ISOLATED', 'ISOLATED']);
    expect(await worlds('chrome_update')).toEqual([]);
    info.mockRestore();
  });
});
