/**
 * The tag chips on one feed item, and the evidence behind a chip on click. Props only: the content script decides
 * which item, where, and whether to show it at all.
 */
import { useState } from 'preact/hooks';
import { TAG_IDS, type AdKind, type ClassifiedItem, type TagHit, type TagId } from '@/utils/model/tags';
import { AD_KIND_WORD, CHIP, type OverlayLang } from './labels';

export interface OverlayProps {
  item: ClassifiedItem;
  /** Open the evidence panel above the chips (they sit low on the screen), else below them. */
  panelAbove?: boolean;
  /** Language of the chip words; the ad kind word stays Chinese, as researchers read it on Douyin. */
  lang?: OverlayLang;
  /** The platform's own words for ad kinds, over the neutral ones. */
  adWords?: Partial<Record<AdKind, string>>;
}

export function Overlay({ item, panelAbove = false, lang = 'en', adWords }: OverlayProps) {
  // The open chip belongs to one item: when the overlay moves on, the panel is closed without remounting the chips
  // (the next item's chips reuse the elements of the same tags).
  const [opened, setOpened] = useState<{ itemId: string; tag: TagId } | null>(null);
  const open = opened?.itemId === item.id ? opened.tag : null;
  const setOpen = (tag: TagId | null) => setOpened(tag ? { itemId: item.id, tag } : null);
  const hits = TAG_IDS.map((id) => item.tags.find((t) => t.id === id)).filter((t): t is TagHit => !!t);
  const openHit = hits.find((t) => t.id === open);
  return (
    <div class={panelAbove ? 'gj-overlay gj-panel-above' : 'gj-overlay'} data-item={item.id}>
      <div class="gj-chips">
        {hits.length ? <span class="gj-brand" title="Guangjie 逛街">逛街</span> : null}
        {hits.map((hit) => (
          <button
            key={hit.id}
            type="button"
            class={`gj-chip gj-chip-${hit.id}${hit.id === open ? ' gj-open' : ''}`}
            data-tag={hit.id}
            title={CHIP[hit.id].title}
            aria-expanded={hit.id === open}
            onClick={(e) => {
              e.stopPropagation(); // a chip click is ours, not the feed's (it must not pause the video)
              setOpen(hit.id === open ? null : hit.id);
            }}
          >
            <span class="gj-glyph">{CHIP[hit.id].glyph}</span>
            <span class="gj-word">{CHIP[hit.id].word[lang]}</span>
            {hit.id === 'ad' && item.adKind ? <span class="gj-kind">{adWords?.[item.adKind] ?? AD_KIND_WORD[item.adKind]}</span> : null}
          </button>
        ))}
      </div>
      {openHit ? <EvidencePanel hit={openHit} item={item} /> : null}
    </div>
  );
}

function EvidencePanel({ hit, item }: { hit: TagHit; item: ClassifiedItem }) {
  return (
    <div class="gj-panel" role="dialog" aria-label={`Evidence for ${hit.id}`} onClick={(e) => e.stopPropagation()}>
      <div class="gj-panel-head">
        <strong>{CHIP[hit.id].title}</strong>
        {hit.kind ? <span class="gj-sub"> · {hit.kind}</span> : null}
        <span class="gj-confidence"> · confidence {Math.round(hit.confidence * 100)}%</span>
      </div>
      <ul class="gj-evidence">
        {hit.evidence.map((ev, i) => (
          <li key={i}>
            <span class="gj-source">{ev.source}</span> <code>{ev.field}</code> = <span class="gj-value">{ev.value}</span>
            {ev.note ? <div class="gj-note">{ev.note}</div> : null}
          </li>
        ))}
      </ul>
      <div class="gj-foot">
        item {item.id} · from {item.source}
      </div>
    </div>
  );
}
