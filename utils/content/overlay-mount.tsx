/**
 * The one overlay on the active feed item: a single WXT shadow-root UI, created once and moved from item to item
 * (a UI per item would leave one invalidation callback, and its detached host, behind for every item scrolled
 * past; one UI also means its stylesheet is parsed once). It is anchored at the top of the item
 * (`platform.dom.overlayAnchor`, prepended, never over the bottom controls). The host carries `data-guangjie-item`,
 * `data-guangjie-tags` (TAG_IDS order) and, for ads, `data-guangjie-ad-kind`, so tests and researchers can read what
 * was shown. Only the host's attributes are set on the page; layout lives inside the shadow root.
 *
 * Per item this costs one move of the host and one small Preact render: the host is taken off the page, rendered
 * there (no unmount: Preact patches the chips) and mounted again; the shadow root is rendered only when what it
 * shows changed, attributes are written only when their value changed, and the anchor's computed position is read
 * once per kind of anchor.
 */
import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Overlay } from '@/components/overlay/Overlay';
import { OVERLAY_CSS } from '@/components/overlay/styles';
import { overlayLang } from '@/components/overlay/labels';
import { browser } from 'wxt/browser';
import type { ClassifiedItem } from '../model/tags';
import { guarded, log } from './guard';
import type { Session } from './session';
import { orderedTagIds } from './touchpoints';

type Ui = ShadowRootContentScriptUi<void>;

/** Kinds of anchor whose position is remembered; a page with more (inline styles per item) starts over. Count. */
const ANCHOR_KINDS_MAX = 50;

/** Chip words follow the browser's UI language. */
const LANG = overlayLang(guarded('i18n.getUILanguage', () => browser.i18n.getUILanguage(), navigator.language));

/** Whether two classifications of one item show the same overlay (a DOM guess is made anew on every feed check). */
export function sameOverlay(a: ClassifiedItem, b: ClassifiedItem): boolean {
  return a === b || (a.id === b.id && a.source === b.source && a.adKind === b.adKind && JSON.stringify(a.tags) === JSON.stringify(b.tags));
}

function setAttribute(el: Element, name: string, value: string | null): void {
  if (el.getAttribute(name) === value) return;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

export class OverlayController {
  private ui: Promise<Ui | null> | null = null;
  /** The UI once created, for synchronous hide/update. */
  private created: Ui | null = null;
  private mounted = false;
  /** A show() is waiting for the UI to exist; a second show() of the same element only updates the item. */
  private mounting = false;
  private el: Element | null = null;
  private anchor: Element | null = null;
  private item: ClassifiedItem | null = null;
  private floating = true;
  /** What the shadow root shows now. */
  private rendered: { item: ClassifiedItem; floating: boolean } | null = null;
  /**
   * Whether anchors are positioned, by kind of anchor (tag and class list): every item of a feed has the same kind
   * of anchor, so the style read (which would compute the page's pending style changes first) is done once a page,
   * not once an item.
   */
  private positioned = new Map<string, boolean>();

  constructor(private readonly session: Session) {}

  /** Show `item` on element `el`: update in place when it's the same element, else move the overlay there. */
  async show(el: Element, item: ClassifiedItem): Promise<void> {
    if (this.el === el && (this.mounting || this.isMounted())) return this.update(item);
    this.el = el;
    this.item = item;
    this.mounting = true;
    const created = await this.ensureUi();
    // A newer show() or a hide() ran while we waited: it owns the overlay now.
    if (this.el !== el) return;
    this.mounting = false;
    if (!created || this.session.ctx.isInvalid) return;
    this.anchor = guarded('dom.overlayAnchor', () => this.session.platform.dom.overlayAnchor(el), el) ?? el;
    this.floating = this.isPositioned(this.anchor);
    this.setHostAttributes(created, this.item!); // before insertion, so the feed watcher sees the host as ours
    // Render the next item while the host is off the page (DOM changes there cost no style or layout
    // invalidation), then insert it once; mount() below finds it rendered.
    created.shadowHost.remove();
    this.renderInto(created.uiContainer);
    try {
      created.mount();
      this.mounted = true;
    } catch (err) {
      this.mounted = false;
      log('overlay could not be mounted', err);
    }
  }

  /** The same element's classification changed (JSON arrived after a DOM guess). */
  update(item: ClassifiedItem): void {
    this.item = item;
    const ui = this.created;
    if (!ui || !this.mounted) return;
    this.setHostAttributes(ui, item);
    this.renderInto(ui.uiContainer);
  }

  hide(): void {
    this.el = null;
    this.item = null;
    this.mounted = false;
    this.mounting = false;
    if (this.created?.shadowHost.isConnected) this.created.remove();
  }

  get current(): { el: Element | null; item: ClassifiedItem | null } {
    return { el: this.el, item: this.item };
  }

  private isMounted(): boolean {
    return this.mounted && !!this.created?.shadowHost.isConnected;
  }

  private isPositioned(anchor: Element): boolean {
    const kind = `${anchor.tagName} ${anchor.getAttribute('class') ?? ''} ${anchor.getAttribute('style') ?? ''}`;
    let known = this.positioned.get(kind);
    if (known === undefined) {
      known = guarded('computed position', () => getComputedStyle(anchor).position !== 'static', false);
      if (this.positioned.size >= ANCHOR_KINDS_MAX) this.positioned.clear();
      this.positioned.set(kind, known);
    }
    return known;
  }

  private ensureUi(): Promise<Ui | null> {
    this.ui ??= createShadowRootUi<void>(this.session.ctx, {
      name: 'guangjie-overlay',
      position: 'inline',
      // A function, so every mount() re-reads where the active item's anchor is now.
      anchor: () => this.anchor,
      append: 'first',
      css: OVERLAY_CSS,
      isolateEvents: ['click', 'keydown', 'keyup', 'keypress'],
      onMount: (container) => this.renderInto(container),
      onRemove: () => {
        if (this.created) render(null, this.created.uiContainer);
        this.rendered = null;
      },
    }).then((ui) => (this.created = ui), (err) => {
      log('overlay could not be created', err);
      return null;
    });
    return this.ui;
  }

  private renderInto(container: HTMLElement): void {
    const item = this.item;
    if (!item) return;
    const was = this.rendered;
    if (was && was.floating === this.floating && sameOverlay(was.item, item)) return;
    this.rendered = { item, floating: this.floating };
    // Not keyed by item: Preact patches the chips in place, and the component closes an open panel itself.
    render(<Overlay item={item} floating={this.floating} lang={LANG} adWords={this.session.platform.adKindWords} />, container);
  }

  private setHostAttributes(ui: Ui, item: ClassifiedItem): void {
    const host = ui.shadowHost;
    setAttribute(host, 'data-guangjie-item', item.id);
    setAttribute(host, 'data-guangjie-tags', orderedTagIds(item).join(' '));
    setAttribute(host, 'data-guangjie-ad-kind', item.adKind && item.tags.some((t) => t.id === 'ad') ? item.adKind : null);
  }
}
