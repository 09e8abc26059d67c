/**
 * The one overlay on the active feed item: a single WXT shadow-root UI, created once, mounted once at the end of
 * the document (outside the page's feed) and never moved. Its shadow root's `<html>` box is `position: fixed` and is
 * put over the active item with a `transform` (overlay-position.ts says where), in a compositing layer of its own.
 *
 * Why not inside the item, where it would move with it for free: an item is a new element every time, so the host
 * had to be taken out of one item and put into the next, per item. Measured on the replica feed
 * (docs/PERFORMANCE.md, "Overlay, outside the feed"), that move alone cost ~0.8 ms of main-thread time per item: the
 * removal and insertion themselves, restyling the shadow tree, and relaying out and repainting the page's own info
 * block around it. Placed from outside, an item costs one box read, one transform and a Preact patch of the chips that changed.
 * The patch waits until the chips are in view: hidden while the feed moves, they are not drawn, and a fast flick
 * past items shows most of them never.
 *
 * Following the feed as it moves: every feed check places the overlay again (a check follows each page change,
 * and a settle check comes after it); while a transition of the item's position runs on the item or an ancestor
 * (a slide) the chips are hidden and placed when it ends; a scroll or a resize places them again. Hidden is
 * `display: none`, not only `visibility: hidden`: an invisible box still kept its compositing layer, which cost the
 * page every frame of every slide (~0.15 ms per item on the replica, docs/PERFORMANCE.md).
 *
 * The host carries `data-guangjie-item`, `data-guangjie-tags` (TAG_IDS order) and, for ads,
 * `data-guangjie-ad-kind`, so tests and researchers can read what is shown.
 */
import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Overlay } from '@/components/overlay/Overlay';
import { OVERLAY_CSS } from '@/components/overlay/styles';
import { overlayLang } from '@/components/overlay/labels';
import { browser } from 'wxt/browser';
import type { ClassifiedItem } from '../model/tags';
import { guarded, log } from './guard';
import type { Motion } from './motion';
import { placeOverlay, samePlacement, type OverlayPlacement } from './overlay-position';
import type { Session } from './session';
import { orderedTagIds } from './touchpoints';
import { stillValid } from './timers';

type Ui = ShadowRootContentScriptUi<void>;

/** Chip words follow the browser's UI language. */
const LANG = overlayLang(guarded('i18n.getUILanguage', () => browser.i18n.getUILanguage(), navigator.language));


/** The box placed over the page: fixed, its own layer, transparent to the pointer but for chips and panel. */
const BOX_STYLE = 'position:fixed;left:0;top:0;margin:0;z-index:2147483000;will-change:transform;contain:layout style;pointer-events:none;visibility:hidden;display:none';

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
  private el: Element | null = null;
  private item: ClassifiedItem | null = null;
  /** Where the chips are now; null while hidden. */
  private placement: OverlayPlacement | null = null;
  /** The item the host's data attributes describe. */
  private attributesOf: ClassifiedItem | null = null;
  /** What the shadow root shows now. */
  private rendered: { item: ClassifiedItem; panelAbove: boolean } | null = null;
  constructor(
    private readonly session: Session,
    /** Running motions of the page (motion.ts): the chips wait for those carrying the active item. */
    private readonly motion: Motion,
  ) {}

  /** Show `item` on element `el`: the same element is updated and placed again, another one takes the overlay over. */
  async show(el: Element, item: ClassifiedItem): Promise<void> {
    this.el = el;
    this.item = item;
    const ui = this.created ?? (await this.ensureUi());
    // A newer show() or a hide() ran while we waited: it owns the overlay now.
    if (this.el !== el || this.item !== item || !ui || !stillValid(this.session.ctx)) return;
    this.setHostAttributes(ui, item);
    if (!ui.shadowHost.isConnected) {
      try {
        ui.mount(); // renders through onMount
      } catch (err) {
        log('overlay could not be mounted', err);
        return;
      }
    }
    this.place(); // renders the chips when they are in view; hidden ones wait (a fast flick shows most items never)
  }

  /** The same element's classification changed (JSON arrived after a DOM guess). */
  update(item: ClassifiedItem): void {
    this.item = item;
    const ui = this.created;
    if (!ui || !ui.shadowHost.isConnected) return;
    this.setHostAttributes(ui, item);
    if (this.placement) this.renderInto(ui.uiContainer);
  }

  hide(): void {
    this.el = null;
    this.item = null;
    this.placement = null;
    if (this.created?.shadowHost.isConnected) this.created.remove();
  }

  get current(): { el: Element | null; item: ClassifiedItem | null } {
    return { el: this.el, item: this.item };
  }

  /** Put the chips over the active item as it is on screen now, or hide them while it moves or is out of view. */
  private place(): void {
    const el = this.el;
    if (!el || !this.created?.shadowHost.isConnected) return;
    this.apply(this.motion.isMoving(el) ? null : guarded('overlay placement', () => this.measure(el), null));
  }

  private measure(el: Element): OverlayPlacement | null {
    const anchor = guarded('dom.overlayAnchor', () => this.session.platform.dom.overlayAnchor(el), el) ?? el;
    const view = { width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight };
    return placeOverlay(el.getBoundingClientRect(), anchor !== el ? anchor.getBoundingClientRect() : null, view);
  }

  private apply(next: OverlayPlacement | null): void {
    const ui = this.created;
    if (!ui) return;
    if (!samePlacement(next, this.placement)) {
      this.placement = next;
      const box = ui.uiContainer.parentElement as HTMLElement;
      if (!next) {
        box.style.visibility = 'hidden';
        box.style.display = 'none'; // out of the frame altogether: hidden, its layer still cost every frame of a slide
        return;
      }
      box.style.transform = `translate(${Math.round(next.x)}px, ${Math.round(next.y)}px)`;
      box.style.display = '';
      box.style.visibility = 'visible';
    }
    // In view: the chips of the item now (renderInto does nothing when they already show it, panel side and all).
    if (next) this.renderInto(ui.uiContainer);
  }

  private ensureUi(): Promise<Ui | null> {
    this.ui ??= createShadowRootUi<void>(this.session.ctx, {
      name: 'guangjie-overlay',
      position: 'inline',
      anchor: () => document.documentElement,
      append: 'last',
      css: OVERLAY_CSS,
      isolateEvents: ['click', 'keydown', 'keyup', 'keypress'],
      onMount: (container) => this.renderInto(container),
      onRemove: () => {
        if (this.created) render(null, this.created.uiContainer);
        this.rendered = null;
        this.attributesOf = null;
      },
    }).then((ui) => {
      (ui.uiContainer.parentElement as HTMLElement).style.cssText = BOX_STYLE;
      this.follow();
      return (this.created = ui);
    }, (err) => {
      log('overlay could not be created', err);
      return null;
    });
    return this.ui;
  }

  /** Place the chips again when the page moves the active item without a DOM change: motions, scrolls, resizes. */
  private follow(): void {
    const { ctx } = this.session;
    this.motion.onChange((started) => {
      if (!started) this.place();
      else if (this.el && started.contains(this.el)) this.apply(null);
    });
    ctx.addEventListener(document, 'scroll', (e) => {
      if (e.target === document || (this.el && e.target instanceof Element && e.target.contains(this.el))) this.place();
    }, { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', () => this.place(), { passive: true });
  }

  private renderInto(container: HTMLElement): void {
    const item = this.item;
    if (!item) return;
    const panelAbove = this.placement?.panelAbove ?? false;
    const was = this.rendered;
    if (was && was.panelAbove === panelAbove && sameOverlay(was.item, item)) return;
    this.rendered = { item, panelAbove };
    // Not keyed by item: Preact patches the chips in place, and the component closes an open panel itself.
    render(<Overlay item={item} panelAbove={panelAbove} lang={LANG} adWords={this.session.platform.adKindWords} />, container);
  }

  private setHostAttributes(ui: Ui, item: ClassifiedItem): void {
    if (this.attributesOf === item) return; // every feed check shows the active item again
    this.attributesOf = item;
    const host = ui.shadowHost;
    setAttribute(host, 'data-guangjie-item', item.id);
    setAttribute(host, 'data-guangjie-tags', orderedTagIds(item).join(' '));
    setAttribute(host, 'data-guangjie-ad-kind', item.adKind && item.tags.some((t) => t.id === 'ad') ? item.adKind : null);
  }
}
