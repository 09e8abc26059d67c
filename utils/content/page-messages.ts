/**
 * The isolated script's gate for `page-cs/…` window messages. The page can post anything to its own window, so
 * every message is checked before a byte of it is parsed: our channel, a known type, a numeric seq, a string URL,
 * a string body under the cap. A replayed seq already handled is dropped, so a replay never double-counts.
 */
import { PAGE_CHANNEL } from '../messages';
import { MAX_BODY_CHARS } from '../capture/observer';

export interface CapturedBody {
  seq: number;
  url: string;
  body: string;
}

export type GateResult =
  | { ok: true; response: CapturedBody }
  /** Not ours (no channel) or one of our own requests: ignored silently. */
  | { ok: false; ignored: true }
  | { ok: false; ignored: false; reason: string };

/** Seqs remembered to drop replays. Count; a replay re-posts at most the last 30. */
const SEEN_SEQ_MAX = 2_000;

export class PageMessageGate {
  rejected = 0;
  private seen = new Set<number>();

  constructor(
    private readonly win: Window,
    private readonly maxBodyChars = MAX_BODY_CHARS,
  ) {}

  check(event: Pick<MessageEvent, 'source' | 'data' | 'origin'>): GateResult {
    const data = event.data as Record<string, unknown> | null;
    if (!data || typeof data !== 'object' || data.channel !== PAGE_CHANNEL) return { ok: false, ignored: true };
    if (data.type === 'page-cs/replay-request') return { ok: false, ignored: true };
    const reason = this.problem(event, data);
    if (reason) {
      this.rejected++;
      return { ok: false, ignored: false, reason };
    }
    const seq = data.seq as number;
    if (this.seen.has(seq)) return { ok: false, ignored: true };
    this.remember(seq);
    return { ok: true, response: { seq, url: data.url as string, body: data.body as string } };
  }

  private problem(event: Pick<MessageEvent, 'source' | 'origin'>, data: Record<string, unknown>): string | null {
    if (event.source !== this.win) return 'not from this window';
    if (event.origin && event.origin !== this.win.location.origin) return `origin ${event.origin}`;
    if (data.type !== 'page-cs/response') return `unknown type ${String(data.type).slice(0, 40)}`;
    if (typeof data.seq !== 'number' || !Number.isSafeInteger(data.seq) || data.seq < 1) return 'bad seq';
    if (typeof data.url !== 'string' || !/^https:\/\//.test(data.url)) return 'bad url';
    if (typeof data.body !== 'string') return 'body not a string';
    if (data.body.length > this.maxBodyChars) return `body over ${this.maxBodyChars} characters`;
    return null;
  }

  private remember(seq: number): void {
    this.seen.add(seq);
    if (this.seen.size > SEEN_SEQ_MAX) this.seen.delete(this.seen.values().next().value as number);
  }
}
