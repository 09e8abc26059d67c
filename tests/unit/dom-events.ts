/** Events happy-dom cannot make itself, for tests of code that listens for them. */

/** A transition event (`transitionrun`, `transitionend`, `transitioncancel`) of `propertyName` on `target`. */
export function transition(type: string, target: Element, propertyName = 'transform'): void {
  const e = new Event(type, { bubbles: true });
  Object.defineProperty(e, 'propertyName', { value: propertyName });
  target.dispatchEvent(e);
}
