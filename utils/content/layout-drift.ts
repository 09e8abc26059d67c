/**
 * Layout drift: once the page has settled, check that the selectors the platform expects on this kind of page
 * still match. Each missing one is reported once per page (surface + path) as a `selector-missing` diagnostic, so
 * the popup can say "detection may be incomplete here". JSON-based detection does not depend on any of this.
 */
import { guarded } from './guard';
import type { Session } from './session';
import { after } from './timers';

/** Wait this long after load or navigation before checking: feeds render their first items late. Milliseconds. */
export const DRIFT_SETTLE_MS = 5_000;

export function missingSelectors(root: ParentNode, expected: Array<{ name: string; selector: string }>): Array<{ name: string; selector: string }> {
  return expected.filter(({ selector }) => !guarded(`querySelector ${selector}`, () => root.querySelector(selector) !== null, false));
}

export function watchLayoutDrift(session: Session): void {
  const reported = new Set<string>();
  let cancel: (() => void) | null = null;

  const check = (): void => {
    cancel = null;
    const page = `${session.surface} ${new URL(session.pageUrl).pathname}`;
    const expected = guarded('dom.expected', () => session.platform.dom.expected(session.surface), []);
    for (const { name, selector } of missingSelectors(document, expected)) {
      const key = `${page}|${name}`;
      if (reported.has(key)) continue;
      reported.add(key);
      session.diagnostic('selector-missing', `${name}: ${selector}`);
    }
  };
  const schedule = (): void => {
    cancel?.();
    cancel = after(session.ctx, DRIFT_SETTLE_MS, check);
  };

  session.onNavigate('arrive', schedule);
  schedule();
}
