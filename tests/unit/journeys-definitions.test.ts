import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DEFINITIONS,
  DEFINITIONS_VERSION,
  IMPRESSION_MIN_MS,
  IMPRESSION_MIN_VISIBLE_RATIO,
  definitionsManifest,
  qualifiesAsImpression,
  withDefinitions,
} from '../../utils/journeys/definitions';

describe('definitions', () => {
  it('carries the thresholds issue #4 fixed, each as a setting', () => {
    expect(DEFAULT_DEFINITIONS).toMatchObject({
      version: 3,
      impressionMinVisibleRatio: 0.5,
      impressionMinMs: 2000,
      idleDetectionS: 60,
      sessionGapMin: 30,
      journeyLookbackDays: 7,
      timeDecayHalfLifeDays: 7,
      positionBasedFirstShare: 0.4,
      positionBasedMiddleShare: 0.2,
      positionBasedLastShare: 0.4,
    });
    expect(DEFINITIONS_VERSION).toBe(3);
  });

  it('counts an impression at exactly 50% for exactly 2000 ms, not a hair less of either', () => {
    expect(qualifiesAsImpression(IMPRESSION_MIN_VISIBLE_RATIO, IMPRESSION_MIN_MS)).toBe(true);
    expect(qualifiesAsImpression(0.49, 5000)).toBe(false);
    expect(qualifiesAsImpression(1, 1999)).toBe(false);
    expect(qualifiesAsImpression(0.3, 1000, withDefinitions({ impressionMinVisibleRatio: 0.25, impressionMinMs: 1000 }))).toBe(true);
  });

  it('writes a manifest for exports that names the changed settings', () => {
    const plain = definitionsManifest();
    expect(plain.definitionsVersion).toBe(3);
    expect(plain.changedFromDefault).toEqual([]);
    expect(plain.glossary.impression).toContain('impressionMinMs');
    const changed = definitionsManifest(withDefinitions({ sessionGapMin: 20, browseSurfaces: ['recommend'] }));
    expect(changed.changedFromDefault).toEqual(['sessionGapMin', 'browseSurfaces']);
    expect(changed.settings.sessionGapMin).toBe(20);
    // The manifest is plain JSON: it survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(changed))).toEqual(changed);
  });

  it('cannot be changed in place', () => {
    expect(Object.isFrozen(DEFAULT_DEFINITIONS)).toBe(true);
  });
});
