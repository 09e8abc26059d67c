/**
 * The last captured responses, kept in the main world so that an isolated content script that started after the
 * page's first feed responses can still get them (STYLE: "the page may draw its first items before an isolated
 * content script is listening"). Bounded both in count and in characters so a long scroll levels off.
 */
export interface CapturedResponse {
  seq: number;
  url: string;
  body: string;
}

/** Responses kept for replay. Count. */
export const REPLAY_MAX_RESPONSES = 30;
/** Body characters kept for replay, all responses together (≈ 16 MB of ASCII JSON). Characters. */
export const REPLAY_MAX_CHARS = 16 * 1024 * 1024;

export class ReplayBuffer {
  private items: CapturedResponse[] = [];
  private chars = 0;

  constructor(
    private readonly maxResponses = REPLAY_MAX_RESPONSES,
    private readonly maxChars = REPLAY_MAX_CHARS,
  ) {}

  add(entry: CapturedResponse): void {
    this.items.push(entry);
    this.chars += entry.body.length;
    while (this.items.length > this.maxResponses || (this.chars > this.maxChars && this.items.length > 0)) {
      const dropped = this.items.shift()!;
      this.chars -= dropped.body.length;
    }
  }

  /** Oldest first, so a replay arrives in the order the page received it. */
  all(): readonly CapturedResponse[] {
    return this.items;
  }

  get size(): number {
    return this.items.length;
  }
}
