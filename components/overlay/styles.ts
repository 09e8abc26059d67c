/**
 * Styles for the shadow root. The host itself gets `all: initial` from WXT (STYLE trap), so the host is never
 * styled: the controller positions the shadow root's `<html>` box (utils/content/overlay-mount.tsx), and the rest is
 * on the inner `.gj-overlay` wrapper. The wrapper lets clicks through to the video; only chips and panel catch them.
 */
export const OVERLAY_CSS = `
.gj-overlay { font: 12px/1.4 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; color: #fff;
  pointer-events: none; max-width: 360px; position: relative; }
/* The UA's 8px body margin would move the chips off their place (utils/content/overlay-position.ts). */
body { margin: 0; }
/* The panel never covers the chips: below them in the viewport's upper half, above them in its lower half. */
.gj-panel { position: absolute; left: 0; width: 340px; }
.gj-overlay:not(.gj-panel-above) .gj-panel { top: 100%; }
.gj-panel-above .gj-panel { bottom: 100%; margin: 0 0 6px; }
.gj-chips { display: flex; gap: 4px; flex-wrap: wrap; }
.gj-chip { pointer-events: auto; cursor: pointer; border: 1px solid rgba(255,255,255,.35); border-radius: 10px;
  background: rgba(0,0,0,.62); color: #fff; padding: 2px 8px; font: inherit; font-size: 13px; font-weight: 600; min-width: 22px; }
.gj-chip:hover, .gj-open { background: rgba(0,0,0,.85); border-color: #fff; }
.gj-chip-ad { background: rgba(190,40,40,.8); }
.gj-kind { margin-left: 4px; font-weight: 400; }
.gj-glyph { margin-right: 3px; }
.gj-brand { align-self: center; font-size: 10px; color: #fff; background: #fe2c55; border-radius: 4px; padding: 0 4px; opacity: .9; }
.gj-chip-field, .gj-chip-alliance, .gj-chip-campaign, .gj-chip-top-kol { background: rgba(40,70,160,.78); }
.gj-chip-shop { background: rgba(200,120,0,.82); }
.gj-panel { pointer-events: auto; margin-top: 6px; background: rgba(20,20,20,.94); border-radius: 8px; padding: 8px 10px;
  box-shadow: 0 2px 10px rgba(0,0,0,.5); max-height: 50vh; overflow: auto; }
.gj-evidence { margin: 6px 0; padding-left: 16px; }
.gj-evidence li { margin: 2px 0; word-break: break-all; }
.gj-source { color: #9cf; } .gj-note { color: #bbb; } code { color: #fc9; }
.gj-foot, .gj-sub, .gj-confidence { color: #aaa; }
`;
