import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, validateItem, validateMessage, validateSettingsPatch, validateTouchpoint } from '../../utils/validate';
import { item, T0, tp } from './background-fixtures';

const NOW = T0 + 60_000;
const reasonOf = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason);

describe('touchpoint validation', () => {
  it('accepts a well-formed touchpoint and rebuilds it without unknown fields', () => {
    const r = validateTouchpoint({ ...tp(), extra: 'smuggled', sessionId: 'forged' }, NOW);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).not.toHaveProperty('extra');
      expect(r.value).not.toHaveProperty('sessionId'); // the background assigns sessions
    }
  });

  it.each([
    ['a string time', { at: '2025-03-01' }, 'at'],
    ['a time far in the future', { at: NOW + 2 * 86_400_000 }, 'at'],
    ['NaN dwell', { dwellMs: NaN }, 'dwellMs'],
    ['negative dwell', { dwellMs: -1 }, 'dwellMs'],
    ['an unknown type', { type: 'purchase-complete' }, 'type'],
    ['an unknown platform', { platform: 'kuaishou' }, 'platform'],
    ['an unknown tag', { tags: ['shop', 'evil'] }, 'tags'],
    ['tags not an array', { tags: 'shop' }, 'tags'],
    ['a huge id', { id: 'x'.repeat(LIMITS.idChars + 1) }, 'id'],
    ['a huge url', { pageUrl: 'https://www.douyin.com/?' + 'a'.repeat(LIMITS.urlChars) }, 'pageUrl'],
    ['an empty id', { id: '' }, 'id'],
    ['an object as itemId', { itemId: { toString: 'x' } }, 'itemId'],
    ['a fractional navIndex', { navIndex: 1.5 }, 'navIndex'],
  ])('rejects %s', (_, patch, field) => {
    expect(reasonOf(validateTouchpoint({ ...tp(), ...patch }, NOW))).toContain(field);
  });

  it('rejects an own __proto__ key (JSON.parse makes one) and class instances', () => {
    const hostile = JSON.parse(`{"__proto__":{"polluted":true},"id":"x","type":"impression","at":${T0},"platform":"douyin","surface":"recommend","pageUrl":"u","tags":[]}`);
    expect(reasonOf(validateTouchpoint(hostile, NOW))).toContain('__proto__');
    expect(reasonOf(validateTouchpoint(Object.assign(new (class X {})(), tp()), NOW))).toContain('plain object');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads no inherited field: null-prototype objects pass, other prototypes are refused', () => {
    const proto = { itemId: 'from-proto', dwellMs: 5 };
    const base = tp();
    delete base.itemId;
    delete base.dwellMs;
    const r = validateTouchpoint(Object.assign(Object.create(null), base), NOW);
    expect(r.ok).toBe(true);
    const inherited = Object.assign(Object.create(proto), base);
    expect(reasonOf(validateTouchpoint(inherited, NOW))).toContain('plain object');
  });

  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.anything(), (v) => { validateTouchpoint(v, NOW); validateMessage(v, NOW); }), { numRuns: 500 });
  });
});

describe('item validation', () => {
  it('accepts a classified item and truncates a long description', () => {
    const r = validateItem(item({ desc: 'd'.repeat(5000) }));
    expect(r.ok && r.value.desc!.length).toBe(LIMITS.descChars);
  });
  it('rejects confidence outside 0..1 and oversized evidence lists', () => {
    const bad = item();
    bad.tags[0].confidence = 2;
    expect(reasonOf(validateItem(bad))).toContain('confidence');
    const many = item();
    many.tags[0].evidence = Array.from({ length: LIMITS.evidencePerTag + 1 }, () => ({ source: 'api' as const, field: 'f', value: 'v' }));
    expect(reasonOf(validateItem(many))).toContain('evidence');
  });
});

describe('message validation', () => {
  it('rejects unknown types, non-objects and a type inherited from a prototype', () => {
    expect(reasonOf(validateMessage({ type: 'cs-bg/exfiltrate' }))).toContain('type');
    expect(validateMessage('cs-bg/touchpoints').ok).toBe(false);
    expect(validateMessage(null).ok).toBe(false);
    expect(validateMessage([{ type: 'ui-bg/stats' }]).ok).toBe(false);
    expect(validateMessage(Object.create({ type: 'ui-bg/stats' })).ok).toBe(false);
  });

  it('rejects a batch longer than the cap as a whole', () => {
    const huge = Array.from({ length: LIMITS.batchTouchpoints + 1 }, () => tp());
    expect(reasonOf(validateMessage({ type: 'cs-bg/touchpoints', touchpoints: huge }, NOW))).toContain('more than');
  });

  it('keeps the valid touchpoints of a batch and lists the rejected with index and id', () => {
    const good = tp();
    const r = validateMessage({ type: 'cs-bg/touchpoints', touchpoints: [{ ...tp({ id: 'bad-1' }), at: -1 }, good, 42] }, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.message.type !== 'cs-bg/touchpoints') return;
    expect(r.value.message.touchpoints.map((t) => t.id)).toEqual([good.id]);
    expect(r.value.rejected.map((x) => [x.index, x.id])).toEqual([[0, 'bad-1'], [2, undefined]]);
  });

  it('checks settings patches: known keys, right types, storageFull only cleared', () => {
    expect(validateSettingsPatch({ recordingEnabled: false, studyId: 'S1' }).ok).toBe(true);
    expect(reasonOf(validateSettingsPatch({ recordingEnabled: 'yes' }))).toContain('type');
    expect(reasonOf(validateSettingsPatch({ admin: true }))).toContain('unknown');
    expect(reasonOf(validateSettingsPatch({ storageFull: true }))).toContain('cleared');
    expect(reasonOf(validateSettingsPatch({ retentionDays: -3 }))).toContain('retentionDays');
    expect(reasonOf(validateSettingsPatch(JSON.parse('{"__proto__":{"consentGiven":true}}')))).toContain('__proto__');
    expect(reasonOf(validateSettingsPatch({ studyId: 'x'.repeat(LIMITS.settingsTextChars + 1) }))).toContain('long');
  });
});
