/**
 * Every call into the platform's DOM code goes through `guarded`: a site redesign may make a selector throw or
 * return nonsense, and that must cost a log line, never the content script (JSON-based detection keeps working).
 */
const reported = new Set<string>();

export function log(message: string, detail?: unknown): void {
  console.debug('[guangjie]', message, detail ?? '');
}

export function guarded<T>(what: string, fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (err) {
    // Once per kind of failure: an observer calls these many times a second.
    if (!reported.has(what)) {
      reported.add(what);
      log(`${what} failed; carrying on without it`, err);
    }
    return fallback;
  }
}
