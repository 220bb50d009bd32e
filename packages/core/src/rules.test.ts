import { describe, expect, it } from 'vitest';
import { evaluateCadreWarnings, evaluateTeamIndicators } from './indicators';
import { DEFAULT_RULES, RulesConfigSchema, RulesValidationError, canSeeSensitive, checkRules, deepMerge, mergeRules, parseRules } from './rules';

describe('DEFAULT_RULES', () => {
  it('passes the schema', () => {
    expect(RulesConfigSchema.safeParse(DEFAULT_RULES).success).toBe(true);
    expect(parseRules(JSON.parse(JSON.stringify(DEFAULT_RULES)))).toEqual(DEFAULT_RULES);
  });
  it('holds the documented numbers', () => {
    const r = DEFAULT_RULES;
    expect(r.youngCadre.thresholds['142']).toBe(35);
    expect(r.youngCadre.thresholds['132']).toBe(40);
    expect(r.youngCadre.thresholds['131']).toBe(45);
    expect(r.rotation).toEqual({ shouldRotateYears: 5, mustRotateYears: 10 });
    expect(r.promotion).toEqual({ deputyToChiefSameLevelYears: 2, chiefToHigherDeputyYears: 3, countyLevelMinWorkYears: 5, countyLevelMinGrassrootsYears: 2 });
    expect(r.training).toEqual({ poolPoliticalTrainingEveryYears: 3, poolPoliticalTrainingMinDays: 7, annualCentralisedHours: 80 });
    expect(r.intake).toEqual({ youngUnderAge: 35, minYoungShare: 0.6 });
    expect(r.disciplineImpactMonths['警告']).toBe(12);
    expect(r.disciplineImpactMonths['严重警告']).toBe(18);
    expect(r.retirement.targetAge).toEqual({ male: 63, femaleCadre: 58, femaleWorker: 55 });
    expect(r.retirementHorizonYears).toBe(3);
    expect(r.rankMinYears['ZJ03']).toBe(3); // 一级调研员
    expect(r.rankMinYears['ZJ02']).toBe(4); // 二级巡视员
    expect(r.generations.map((g) => g.label)).toContain('95后');
    expect(r.teamColors.red).toBe('#cf1322');
  });
});

describe('parseRules / mergeRules', () => {
  it('rejects a negative threshold with its path', () => {
    let err: unknown;
    try {
      mergeRules({ youngCadre: { thresholds: { '141': -1 } } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RulesValidationError);
    const e = err as RulesValidationError;
    expect(e.issues.map((i) => i.path)).toEqual(['youngCadre.thresholds.141']);
    expect(e.message).toContain('youngCadre.thresholds.141');
  });
  it('lists every bad path, with array indexes', () => {
    const r = checkRules({ ...DEFAULT_RULES, rotation: { shouldRotateYears: 0, mustRotateYears: 'x' }, teamColors: { red: 'red', blue: '#1677ff', green: '#389e0d' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.issues.map((i) => i.path);
      expect(paths).toContain('rotation.shouldRotateYears');
      expect(paths).toContain('rotation.mustRotateYears');
      expect(paths).toContain('teamColors.red');
    }
    const bad = structuredClone(DEFAULT_RULES) as unknown as { teamIndicators: { color: string }[] };
    bad.teamIndicators[2]!.color = 'purple';
    const r2 = checkRules(bad);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.issues[0]!.path).toBe('teamIndicators[2].color');
  });
  it('rejects should > must rotation and retirement target below base', () => {
    expect(() => mergeRules({ rotation: { shouldRotateYears: 12 } })).toThrow(/rotation\.shouldRotateYears/);
    expect(() => mergeRules({ retirement: { targetAge: { femaleWorker: 45 } } })).toThrow(/retirement\.targetAge\.femaleWorker/);
  });
  it('deep-merges objects, replaces arrays, keeps the defaults intact', () => {
    const r = mergeRules({ rotation: { shouldRotateYears: 6 }, youngCadre: { thresholds: { '131': 48 } }, generations: [{ label: '80后', from: 1980, to: 1989 }] });
    expect(r.rotation).toEqual({ shouldRotateYears: 6, mustRotateYears: 10 });
    expect(r.youngCadre.thresholds['131']).toBe(48);
    expect(r.youngCadre.thresholds['132']).toBe(40);
    expect(r.generations).toHaveLength(1);
    expect(DEFAULT_RULES.rotation.shouldRotateYears).toBe(5);
    expect(DEFAULT_RULES.youngCadre.thresholds['131']).toBe(45);
    expect(mergeRules(undefined)).toEqual(DEFAULT_RULES);
    expect(deepMerge({ a: 1, b: { c: 2 } }, { b: { d: 3 } })).toEqual({ a: 1, b: { c: 2, d: 3 } });
  });
  it('sensitive access by role', () => {
    expect(canSeeSensitive('supervision', 'supervision')).toBe(true);
    expect(canSeeSensitive('cadre', 'supervision')).toBe(false);
    expect(canSeeSensitive('leader', 'idNumber')).toBe(false);
    expect(canSeeSensitive('unit_hr', 'family')).toBe(false);
    expect(canSeeSensitive('admin', 'nonexistent')).toBe(false);
  });
});

describe('indicators', () => {
  const ctx = { teamKind: '党政班子', unitKind: '镇街' };
  it('team is green when nothing applies', () => {
    const r = evaluateTeamIndicators({ womenCount: 1, youngCount: 2, nonPartyRequired: false, vacancyShare: 0.1, maxYearsInPost: 4, chiefWithoutGrassrootsCount: 0 }, ctx, DEFAULT_RULES);
    expect(r).toEqual({ color: 'green', hex: '#389e0d', hits: [] });
  });
  it('red beats blue; refs to other rules resolve', () => {
    const r = evaluateTeamIndicators({ womenCount: 0, youngCount: 1, maxYearsInPost: 10 }, ctx, DEFAULT_RULES);
    expect(r.color).toBe('red');
    expect(r.hits.map((h) => h.id)).toEqual(['no_woman', 'must_rotate']);
    const b = evaluateTeamIndicators({ womenCount: 1, youngCount: 1, nonPartyRequired: true, nonPartyDeputyCount: 0 }, ctx, DEFAULT_RULES);
    expect(b.color).toBe('blue');
    expect(b.hits.map((h) => h.id)).toEqual(['no_non_party']);
  });
  it('appliesTo limits rules by team kind', () => {
    const r = evaluateTeamIndicators({ womenCount: 0, youngCount: 1 }, { teamKind: '经营班子' }, DEFAULT_RULES);
    expect(r.color).toBe('green');
  });
  it('cadre warnings pick the most severe colour', () => {
    expect(evaluateCadreWarnings({ negativeInfoCount12m: 1 }, {}, DEFAULT_RULES).color).toBe('yellow');
    const r = evaluateCadreWarnings({ negativeInfoCount12m: 1, activeDisciplineCount: 1, lastAnnualBelowCompetent: true }, {}, DEFAULT_RULES);
    expect(r.color).toBe('red');
    expect(r.hex).toBe('#cf1322');
    expect(evaluateCadreWarnings({ yearsWithoutExcellent: 3, avgQuarterStars: 3.5 }, {}, DEFAULT_RULES).color).toBeNull();
    expect(evaluateCadreWarnings({ yearsWithoutExcellent: 3, avgQuarterStars: 2.5 }, {}, DEFAULT_RULES).color).toBe('yellow');
  });
});
