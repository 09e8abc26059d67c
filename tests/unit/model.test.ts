import { describe, expect, it } from 'vitest';
import { TAG_IDS } from '../../utils/model/tags';

describe('tag vocabulary', () => {
  it('keeps the overlay tag ids the issue fixed', () => {
    expect([...TAG_IDS]).toEqual(['shop', 'ad', 'live', 'poi', 'field', 'alliance', 'campaign', 'top-kol']);
  });
});
