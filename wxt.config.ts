import { defineConfig } from 'wxt';
import { allHostPermissions } from './utils/platforms/hosts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // GJ_OUT_DIR: build somewhere else than .output (parallel work on one machine; the e2e harness and the
  // benchmarks then read GJ_EXTENSION_DIR).
  outDir: process.env.GJ_OUT_DIR || '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Preact through Vite's own JSX transform: no extra plugin needed.
  vite: () => ({
    // GJ_NO_MINIFY=1: readable function names in CPU profiles (benchmark investigations only).
    build: process.env.GJ_NO_MINIFY ? { minify: false } : {},
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  }),
  // A function of the target: `scripting` (injecting into tabs open at install) exists in MV3 only; MV2 uses
  // tabs.executeScript, covered by the host permissions.
  manifest: ({ manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'downloads', 'idle', 'alarms', ...(manifestVersion === 3 ? ['scripting'] : [])],
    host_permissions: allHostPermissions,
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    browser_specific_settings: {
      gecko: {
        id: 'guangjie@research.local',
        // 128: the first Firefox that runs a content script in the page's main world (the response capture).
        strict_min_version: '128.0',
        // Nothing leaves the machine: records stay in the browser until the participant exports them.
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
});
