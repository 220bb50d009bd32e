import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, mergeRules } from '../rules';
import { parseQuarter, quarterlyLists, quarterOf, type QuarterMemberInput } from './quarterly';

const R = DEFAULT_RULES;
const A: QuarterMemberInput = {
  cadreId: 1,
  entryId: 11,
  name: '张三',
  warnings: [
    { color: 'red', reasons: ['上一年度考核为基本称职或不称职'], issuedOn: '2026-02-10' },
    { color: 'yellow', reasons: ['有负面信息'], issuedOn: '2025-11-01', resolvedOn: '2026-03-01' }, // resolved in the quarter
    { color: 'orange', reasons: ['x'], issuedOn: '2026-04-02' }, // after the quarter
  ],
  assessments: [
    { year: 2024, result: '优秀' },
    { year: 2025, result: '称职' },
    { year: 2025, quarter: 4, stars: 5 },
    { year: 2026, quarter: 1, stars: 4 },
  ],
  trainings: [
    { startDate: '2024-05-06', endDate: '2024-05-12', hours: 56, mode: '脱产', isPolitical: true },
    { startDate: '2026-01-15', hours: 30, mode: '脱产', isPolitical: false },
  ],
  keyMoments: [
    { date: '2026-02-20', event: '抗洪抢险', rating: '突出', performance: '靠前指挥' },
    { date: '2025-12-31', event: '上季度的事', rating: '突出' },
  ],
};
const B: QuarterMemberInput = {
  cadreId: 2,
  name: '李四',
  assessments: [
    { year: 2024, result: '基本称职' },
    { year: 2025, result: '优秀' },
  ],
  disciplines: [
    { date: '2025-10-01', kind: '警告', category: '党纪', reason: '违反工作纪律' },
    { date: '2024-01-01', kind: '警告', category: '党纪' }, // ended
  ],
};

describe('parseQuarter / quarterOf', () => {
  it('ranges', () => {
    expect(parseQuarter('2026Q3')).toEqual({ year: 2026, q: 3, from: '2026-07-01', to: '2026-09-30' });
    expect(parseQuarter('2024Q1').to).toBe('2024-03-31');
    expect(parseQuarter('2026Q4').to).toBe('2026-12-31');
    expect(() => parseQuarter('2026Q5')).toThrow(/无效季度「2026Q5」/);
    expect(() => parseQuarter('2026-3')).toThrow(RangeError);
    expect(quarterOf('2026-09-30')).toBe('2026Q3');
    expect(quarterOf('2026-10-01')).toBe('2026Q4');
  });
});

describe('quarterlyLists — hand case 2026Q1', () => {
  const l = quarterlyLists([A, B], '2026Q1', R);
  it('问题清单', () => {
    expect(l.problems.map((p) => [p.cadreId, p.kind, p.category])).toEqual([
      [1, 'warning', 'warning'],
      [1, 'assessment_slip', 'assessment'],
      [1, 'stars_slip', 'assessment'],
      [2, 'training_political', 'training'],
      [2, 'training_hours', 'training'],
      [2, 'discipline', 'discipline'],
    ]);
    expect(l.problems[0].zh).toBe('红色预警（2026-02-10）: 上一年度考核为基本称职或不称职');
    expect(l.problems[1].zh).toBe('2025年度考核「称职」，较上年「优秀」下滑');
    expect(l.problems[2].zh).toBe('本季度星级 4星，较上季度（2025Q4）5星下滑');
    expect(l.problems[5].zh).toBe('警告（2025-10-01）影响期内: 违反工作纪律');
    expect(l.problems[0]).toMatchObject({ key: '1:warning:0', entryId: 11, name: '张三' });
  });
  it('实绩清单', () => {
    expect(l.achievements.map((a) => [a.cadreId, a.kind, a.zh])).toEqual([
      [1, 'quarter_rating', '2026Q1 季度考核 4星'],
      [1, 'key_moment', '2026-02-20 抗洪抢险（突出）: 靠前指挥'],
      [2, 'annual_excellent', '2025年度考核「优秀」'],
    ]);
  });
  it('整改清单: one action per problem, owner by kind, due = quarter end + 30 days', () => {
    expect(l.rectifications).toHaveLength(l.problems.length);
    l.rectifications.forEach((r, i) => {
      expect(r.problemKey).toBe(l.problems[i].key);
      expect(r.dueDate).toBe('2026-04-30');
    });
    expect(l.rectifications.map((r) => r.ownerRole)).toEqual(['干部监督科', '所在单位党组织', '所在单位党组织', '干部教育科', '干部教育科', '干部监督科']);
    expect(l.rectifications[3].zh).toBe('列入下期脱产政治培训调训计划');
  });
  it('the same members in 2026Q2: the warning stays, the quarter-bound items go', () => {
    const q2 = quarterlyLists([A], '2026Q2', R);
    // the orange warning of 2026-04-02 is now in force too; no rating for Q2 → no stars item
    expect(q2.problems.map((p) => p.kind)).toEqual(['warning', 'warning', 'assessment_slip', 'training_hours']);
    expect(q2.achievements).toEqual([]);
    expect(q2.rectifications[0].dueDate).toBe('2026-07-30');
  });
  it('thresholds from the rules', () => {
    const rules = mergeRules({ reserve: { quarterly: { slippingDrop: 40, rectificationDueDays: 10, owners: { training: '组织科' } } } });
    const l2 = quarterlyLists([A, B], '2026Q1', rules);
    expect(l2.problems.some((p) => p.kind === 'assessment_slip')).toBe(false); // 100 → 70 is a drop of 30 < 40
    expect(l2.rectifications[0].dueDate).toBe('2026-04-10');
    expect(l2.rectifications.find((r) => r.kind === 'training_hours')?.ownerRole).toBe('组织科');
  });
  it('weak annual result is a problem of its own', () => {
    const c = quarterlyLists([{ cadreId: 3, name: '王五', assessments: [{ year: 2025, result: '不称职' }], trainings: [{ startDate: '2025-03-01', endDate: '2025-03-07', hours: 56, mode: '脱产', isPolitical: true }, { startDate: '2026-01-05', hours: 80, mode: '在职', isPolitical: false }] }], '2026Q1', R);
    expect(c.problems.map((p) => p.kind)).toEqual(['assessment_low']);
  });
});
