/**
 * The one overlay on the active feed item: a single WXT shadow-root UI, created once and moved from item to item
 * (a UI per item would leave one invalidation callback, and its detached host, behind for every item scrolled
 * past). It is anchored at the top of the item (`platform.dom.overlayAnchor`, prepended, never over the bottom
 * controls). The host carries `data-guangjie-item`, `data-guangjie-tags` (TAG_IDS order) and, for ads,
 * `data-guangjie-ad-kind`, so tests and researchers can read what was shown. Only the host's attributes are set on
 * the page; layout lives inside the shadow root.
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

/** Chip words follow the browser's UI language. */
const LANG = overlayLang(guarded('i18n.getUILanguage', () => browser.i18n.getUILanguage(), navigator.language));

export class OverlayController {
  private ui: Promise<Ui | null> | null = null;
  /** The UI once created, for synchronous hide/update. */
  private created: Ui | null = null;
  private container: HTMLElement | null = null;
  private mounted = false;
  private el: Element | null = null;
  private anchor: Element | null = null;
  private item: ClassifiedItem | null = null;
  private floating = true;

  constructor(private readonly session: Session) {}

  /** Show `item` on element `el`: update in place when it's the same element, else move the overlay there. */
  async show(el: Element, item: ClassifiedItem): Promise<void> {
    if (this.created && this.mounted && this.el === el && this.created.shadowHost.isConnected) {
      if (this.item !== item) this.update(item);
      return;
    }
    this.el = el;
    this.item = item;
    this.anchor = guarded('dom.overlayAnchor', () => this.session.platform.dom.overlayAnchor(el), el) ?? el;
    this.floating = guarded('computed position', () => getComputedStyle(this.anchor!).position !== 'static', false);
    const created = await this.ensureUi();
    // A newer show() or a hide() ran while we waited: it owns the overlay now.
    if (!created || this.el !== el || this.session.ctx.isInvalid) return;
    if (created.shadowHost.isConnected) created.remove();
    this.mounted = false;
    this.setHostAttributes(created, item); // before insertion, so the feed watcher sees the host as ours
    try {
      created.mount();
      this.mounted = true;
    } catch (err) {
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
    if (this.created?.shadowHost.isConnected) this.created.remove();
  }

  get current(): { el: Element | null; item: ClassifiedItem | null } {
    return { el: this.el, item: this.item };
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
      onMount: (container) => {
        this.container = container;
        this.renderInto(container);
      },
      onRemove: () => {
        if (this.container) render(null, this.container);
      },
    }).then((ui) => (this.created = ui), (err) => {
      log('overlay could not be created', err);
      return null;
    });
    return this.ui;
  }

  private renderInto(container: HTMLElement): void {
    if (!this.item) return;
    // Keyed by item, so an open evidence panel closes when the overlay moves on.
    render(<Overlay key={this.item.id} item={this.item} floating={this.floating} lang={LANG} adWords={this.session.platform.adKindWords} />, container);
  }

  private setHostAttributes(ui: Ui, item: ClassifiedItem): void {
    const host = ui.shadowHost;
    host.setAttribute('data-guangjie-item', item.id);
    host.setAttribute('data-guangjie-tags', orderedTagIds(item).join(' '));
    if (item.adKind && item.tags.some((t) => t.id === 'ad')) host.setAttribute('data-guangjie-ad-kind', item.adKind);
    else host.removeAttribute('data-guangjie-ad-kind');
  }
}
