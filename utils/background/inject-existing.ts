/**
 * Tabs already open when the extension starts: Chrome runs declared content scripts only in documents loaded after
 * the extension was, so a tab open at install (or at an update or reload) would show and record nothing until it
 * is reloaded. On `runtime.onInstalled` we inject the manifest's own content scripts (file names read from the
 * built manifest, never hard-coded) into every open tab their match patterns cover. The freshly injected isolated
 * script then tags what the page holds: embedded data (extractFromPage) and DOM labels.
 *
 * The main-world capture script is injected only on install. After an update or reload the previous instance's
 * capture script is still running in each such tab: it is a plain page script with no extension API, so the
 * reload does not stop it, and it keeps posting every response (and replays its earlier ones to the new isolated
 * script). A second copy would wrap fetch twice and post everything twice. On install there is no earlier copy; the
 * injected one captures every later response but cannot replay fetches made before it ran.
 *
 * Firefox MV2 (no `scripting` API): `tabs.executeScript` has no main world, so only isolated scripts are injected.
 * Firefox also injects declared scripts into open tabs by itself; WXT's content-script context then retires the
 * older copy when ours starts (see utils/content/start.ts), so one copy runs.
 */
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

/** The fields of a manifest `content_scripts` entry used here. */
export interface DeclaredContentScript {
  matches?: string[];
  js?: string[];
  world?: string;
}

interface TabLike {
  id?: number;
  discarded?: boolean;
}

/** The parts of the browser API used here (tests pass fakes). */
export interface InjectApi {
  runtime: { getManifest(): { content_scripts?: DeclaredContentScript[] } };
  tabs: {
    query(query: { url: string[] }): Promise<TabLike[]>;
    executeScript?(tabId: number, details: { file: string }): Promise<unknown>;
  };
  scripting?: {
    executeScript(injection: { target: { tabId: number; allFrames: boolean }; files: ScriptPublicPath[]; world?: 'MAIN' | 'ISOLATED' }): Promise<unknown>;
  };
}

export interface InjectOptions {
  /** Also inject main-world scripts (only when no earlier copy can be running: on install). */
  mainWorld: boolean;
  log?: (message: string, detail?: unknown) => void;
}

export interface InjectReport {
  injected: number;
  failed: number;
}

export async function injectIntoExistingTabs(api: InjectApi, { mainWorld, log = console.warn }: InjectOptions): Promise<InjectReport> {
  const report: InjectReport = { injected: 0, failed: 0 };
  const scripting = api.scripting?.executeScript ? api.scripting : undefined;
  // Manifest order, one entry after the other: the capture script (listed first) is in a tab before the isolated one.
  for (const entry of api.runtime.getManifest().content_scripts ?? []) {
    const isMain = entry.world === 'MAIN';
    if (!entry.js?.length || !entry.matches?.length || (isMain && (!mainWorld || !scripting))) continue;
    let tabs: TabLike[];
    try {
      tabs = await api.tabs.query({ url: entry.matches });
    } catch (e) {
      log('[guangjie] inject: tabs.query failed', e);
      continue;
    }
    // A discarded tab reloads, and so gets the declared scripts, when it is next shown.
    const targets = tabs.filter((t): t is TabLike & { id: number } => typeof t.id === 'number' && !t.discarded);
    await Promise.all(
      targets.map(async (tab) => {
        try {
          await injectFiles(api, scripting, tab.id, entry.js!, isMain);
          report.injected++;
        } catch (e) {
          // Closed meanwhile, an error page, a page the browser keeps from extensions: skip it, keep the others.
          report.failed++;
          log(`[guangjie] inject: tab ${tab.id} skipped`, e instanceof Error ? e.message : e);
        }
      }),
    );
  }
  return report;
}

/** A manifest path from the extension root (`content-scripts/feed.js` → `/content-scripts/feed.js`); MV2 resolves
 *  a relative path against the page in Firefox. The manifest's own files are the extension's public scripts. */
const fromRoot = (file: string): ScriptPublicPath => (file.startsWith('/') ? file : `/${file}`) as ScriptPublicPath;

async function injectFiles(api: InjectApi, scripting: InjectApi['scripting'], tabId: number, declared: string[], isMain: boolean): Promise<void> {
  const files = declared.map(fromRoot);
  if (scripting) {
    await scripting.executeScript({ target: { tabId, allFrames: false }, files, ...(isMain ? { world: 'MAIN' as const } : {}) });
    return;
  }
  if (!api.tabs.executeScript) throw new Error('no script injection API');
  for (const file of files) await api.tabs.executeScript(tabId, { file });
}
