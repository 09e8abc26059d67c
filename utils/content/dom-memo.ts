/**
 * A value read off the document (which feed items it holds), shared by the calls of one synchronous run of
 * script while the document stays as it was: a page script that clicks 500 times in a loop looks the items up
 * once, not 500 times. A user's clicks each come in their own task, so each still does its own look-up.
 *
 * Never stale. The value is dropped, and computed afresh on the next call, as soon as
 *  - any change to the document's tree, attributes or text has been recorded (a MutationObserver; its pending
 *    records are read synchronously with takeRecords(), so a change made between two calls of the same run
 *    counts even though the observer's callback would only run after it),
 *  - the URL differs (an item id can come from the URL), or
 *  - the run ends (the first microtask checkpoint after the value was computed).
 * The observer is connected only while a value is held, so a page pays for it during that run only.
 * Only for values computed from the DOM tree and the URL: not from layout, scroll position or `:hover`.
 */

const WATCH: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };

export class DomMemo<T> {
  private held: { value: T; url: string } | null = null;
  private observer: MutationObserver | null = null;
  /** How many times the value was computed (tests). Count. */
  computed = 0;

  constructor(
    private readonly doc: Document,
    private readonly compute: () => T,
  ) {}

  get(): T {
    const url = this.doc.URL;
    if (this.held && this.held.url === url && this.observer!.takeRecords().length === 0) return this.held.value;
    this.drop();
    const value = this.compute();
    this.computed++;
    this.observer ??= new MutationObserver(() => this.drop());
    this.observer.observe(this.doc, WATCH);
    this.held = { value, url };
    queueMicrotask(() => this.drop());
    return value;
  }

  drop(): void {
    this.held = null;
    this.observer?.disconnect();
  }
}
