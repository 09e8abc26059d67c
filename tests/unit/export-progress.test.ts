import { describe, expect, it } from 'vitest';
import { ExportProgress, PROGRESS_REPORT_MS } from '../../utils/export/files';

describe('export progress reports', () => {
  it('are spaced PROGRESS_REPORT_MS apart, and the last one (done = total) always goes out', () => {
    let now = 0;
    const seen: Array<[number, number]> = [];
    const progress = new ExportProgress((done, total) => seen.push([done, total]), () => now);
    progress.grow(1000);
    for (let i = 0; i < 100; i++) {
      now += PROGRESS_REPORT_MS / 10;
      progress.add(10);
    }
    // 100 pages over 10 report intervals: about one report per interval, not one per page
    expect(seen.length).toBeGreaterThanOrEqual(10);
    expect(seen.length).toBeLessThanOrEqual(12);
    expect(seen[seen.length - 1]).toEqual([1000, 1000]);
  });
});
