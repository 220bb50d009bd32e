import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, mergeRules } from '../rules';
import { maturityScore, type MaturityInput } from './maturity';
import { MATURITY_PARTS } from './config';

const asOf = '2025-06-30';
const full: MaturityInput = {
  postLevel: '142',
  levelStartDate: '2020-06-30', // exactly 5 years
  career: [
    { start: '2008-07-01', end: '2012-12-31', orgName: '某某镇人民政府', postTitle: '科员' }, // 镇街 + 基层
    { start: '2013-01-01', end: '2016-12-31', orgName: '区发展和改革局', postTitle: '副科长' }, // 经济
    { start: '2017-01-01', end: null, orgName: '区委组织部', postTitle: '副科长' }, // 党建
  ],
  assessments: [
    { year: 2024, result: '优秀' },
    { year: 2023, result: '优秀' },
    { year: 2022, result: '称职' },
    { year: 2021, result: '称职' },
    { year: 2020, result: '称职' },
    { year: 2019, result: '不称职' }, // before the 5-year window
    { year: 2025, result: '不称职' }, // the current year is not complete: ignored
    { year: 2024, quarter: 2, result: '不称职' }, // quarterly: ignored
  ],
  trainings: [
    { startDate: '2024-03-04', endDate: '2024-03-10', hours: 56, mode: '脱产', isPolitical: true }, // 7 days
    { startDate: '2025-01-10', hours: 40, mode: '在职', isPolitical: false },
    { startDate: '2025-02-10', hours: 40, mode: '在线', isPolitical: false }, // online: not centralised
  ],
  keyMoments: [
    { date: '2023-08-01', rating: '突出' },
    { date: '2022-07-01', rating: '一般' },
    { date: '2019-01-01', rating: '突出' }, // older than 5 years
  ],
  fit: 80,
};

describe('maturityScore — hand case', () => {
  const r = maturityScore(full, { asOf });
  it('each part as computed by hand', () => {
    expect(r.parts.levelYears).toBe(100);
    // 镇街, 基层, 经济, 党建 = 4 kinds ≥ 4 = full (a 人民政府 unit is not 民政 work: the keyword is 民政局/民政办/民政科)
    expect(r.parts.experienceBreadth).toBe(100);
    // (100 + 100 + 70 + 70 + 70) / 5 = 82
    expect(r.parts.assessments).toBe(82);
    // political ok → 50; hours in the last 12 months: 56 (2024-03 is older than 12 months → 0) + 40 = 40 / 80 → 25
    expect(r.parts.training).toBe(75);
    // (1 + 0.4) / 3 → 46.7
    expect(r.parts.keyMoments).toBe(46.7);
    expect(r.parts.fit).toBe(80);
    const expected = 0.25 * 100 + 0.2 * 100 + 0.25 * 82 + 0.1 * 75 + 0.1 * (140 / 3) + 0.1 * 80;
    expect(r.score).toBe(Math.round(expected * 10) / 10);
  });
  it('explains every part in zh and en', () => {
    expect(r.factors).toHaveLength(6);
    const by = Object.fromEntries(r.factors.map((f) => [f.factor, f]));
    expect(by['任职年限'].detail).toBe('任现职级（副科） 5年 / 满分 5年');
    expect(by['经历广度'].detail).toBe('经历类型 4 种: 党建, 基层, 镇街, 经济 / 满分 4种');
    expect(by['考核结果'].detail).toBe('近5年考核 优秀×2 称职×3');
    expect(by['考核结果'].detailEn).toBe('annual results of the last 5 years: 优秀×2 称职×3');
    expect(by['关键时刻表现'].effect).toBe('=');
    expect(by['任职年限'].effect).toBe('+');
  });
  it('no target post: fit drops out and the rest is renormalised', () => {
    const n = maturityScore({ ...full, fit: null }, { asOf });
    expect(n.parts.fit).toBeNull();
    expect(n.weights.fit).toBe(0);
    const expected = (0.25 * 100 + 0.2 * 100 + 0.25 * 82 + 0.1 * 75 + 0.1 * (140 / 3)) / 0.9;
    expect(n.score).toBe(Math.round(expected * 10) / 10);
    expect(n.factors.find((f) => f.factor === '岗位适配')?.detail).toBe('无目标岗位，适配度不计入');
  });
  it('empty file → 0 with reasons', () => {
    const e = maturityScore({}, { asOf });
    expect(e.score).toBe(0);
    expect(e.factors.map((f) => f.effect)).toEqual(['-', '-', '-', '-', '-', '=']);
  });
  it('weights from the rules', () => {
    const rules = mergeRules({ reserve: { maturity: { weights: { levelYears: 1, experienceBreadth: 0, assessments: 0, training: 0, keyMoments: 0, fit: 0 } } } });
    expect(maturityScore({ levelStartDate: '2023-06-30' }, { asOf, rules }).score).toBe(40);
  });
});

const arbInput: fc.Arbitrary<MaturityInput> = fc.record({
  levelStartDate: fc.option(fc.integer({ min: 2000, max: 2026 }).map((y) => `${y}-03-15`), { nil: undefined }),
  assessments: fc.array(fc.record({ year: fc.integer({ min: 2015, max: 2026 }), result: fc.constantFrom('优秀', '称职', '基本称职', '不称职', '不定等次', null) }), { maxLength: 8 }),
  trainings: fc.array(
    fc.record({ startDate: fc.integer({ min: 2018, max: 2025 }).map((y) => `${y}-05-06`), hours: fc.integer({ min: 0, max: 200 }), mode: fc.constantFrom('脱产', '在线', '在职'), isPolitical: fc.boolean() }),
    { maxLength: 5 },
  ),
  keyMoments: fc.array(fc.record({ date: fc.integer({ min: 2016, max: 2025 }).map((y) => `${y}-09-01`), rating: fc.constantFrom('突出', '较好', '一般', '较差', null) }), { maxLength: 8 }),
  fit: fc.option(fc.double({ min: -10, max: 120, noNaN: true }), { nil: null }),
});

describe('maturityScore — properties', () => {
  it('every part and the score in 0–100, deterministic', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const a = maturityScore(input, { asOf, rules: DEFAULT_RULES });
        for (const p of MATURITY_PARTS) {
          const v = a.parts[p];
          if (v == null) continue;
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100);
        }
        expect(a.score).toBeGreaterThanOrEqual(0);
        expect(a.score).toBeLessThanOrEqual(100);
        expect(maturityScore(structuredClone(input), { asOf, rules: DEFAULT_RULES })).toEqual(a);
      }),
    );
  });
});
