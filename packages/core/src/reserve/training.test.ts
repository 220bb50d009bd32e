import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, mergeRules } from '../rules';
import { trainingCompliance, trainingDays, type TrainingRecord } from './training';

const R = DEFAULT_RULES; // ≥ 7 days every 3 years; 80 h a year
const pol = (startDate: string, endDate: string | null, hours = 56, mode = '脱产'): TrainingRecord => ({ name: '政治培训', startDate, endDate, hours, mode, isPolitical: true });

describe('trainingCompliance — political duty', () => {
  it('a 7-day off-job course ending exactly 3 years ago still counts; the next day it is overdue', () => {
    const t = [pol('2022-06-24', '2022-06-30')];
    const a = trainingCompliance(t, '2025-06-30', R);
    expect(a.political).toMatchObject({ ok: true, dueBy: '2025-06-30', overdueDays: 0, last: { days: 7, endDate: '2022-06-30' } });
    const b = trainingCompliance(t, '2025-07-01', R);
    expect(b.political).toMatchObject({ ok: false, overdueDays: 1 });
    expect(b.reasons[0].code).toBe('political_overdue');
    expect(b.reasons[0].zh).toContain('已逾期 1 天');
  });
  it('too short, not off-job, not political, or not finished by asOf does not count', () => {
    const t: TrainingRecord[] = [
      pol('2025-03-03', '2025-03-07'), // Mon–Fri: 5 days < 7
      pol('2025-01-01', '2025-01-10', 80, '在线'),
      { startDate: '2025-02-01', endDate: '2025-02-10', hours: 80, mode: '脱产', isPolitical: false },
      pol('2025-06-25', '2025-07-05'), // still running on asOf
    ];
    const a = trainingCompliance(t, '2025-06-30', R);
    expect(a.political.ok).toBe(false);
    expect(a.political.last).toBeNull();
    expect(a.reasons.map((r) => r.code)).toContain('political_missing');
    // a working-week rule is a rules change
    expect(trainingCompliance(t, '2025-06-30', mergeRules({ training: { poolPoliticalTrainingMinDays: 5 } })).political.ok).toBe(true);
  });
  it('without an end date the length is hours / 8', () => {
    expect(trainingDays({ startDate: '2025-01-01', hours: 56 }, R)).toBe(7);
    expect(trainingCompliance([pol('2024-01-01', null, 56)], '2025-06-30', R).political.ok).toBe(true);
    expect(trainingCompliance([pol('2024-01-01', null, 55)], '2025-06-30', R).political.ok).toBe(false);
  });
});

describe('trainingCompliance — centralised hours', () => {
  it('counts 脱产 and 在职 of this calendar year by start date; 在线 reported apart', () => {
    const t: TrainingRecord[] = [
      { startDate: '2024-12-28', endDate: '2025-01-05', hours: 40, mode: '脱产', isPolitical: false }, // started last year
      { startDate: '2025-01-06', hours: 30, mode: '在职', isPolitical: false },
      { startDate: '2025-02-01', hours: 25, mode: '在线', isPolitical: false },
      { startDate: '2025-12-30', endDate: '2026-01-03', hours: 40, mode: '脱产', isPolitical: false }, // after asOf
    ];
    const a = trainingCompliance(t, '2025-03-31', R);
    expect(a.hours).toMatchObject({ year: 2025, target: 80, done: 30, online: 25, short: 50, met: false });
    // pace on 31 March: 80 × 90 / 365 = 19.7
    expect(a.hours.pace).toBe(19.7);
    expect(a.hours.onPace).toBe(true);
    // the course over New Year counts for 2024, whole
    expect(trainingCompliance(t, '2024-12-31', R).hours).toMatchObject({ year: 2024, done: 40, pace: 80, onPace: false });
    // on 2025-12-31 the later course counts too
    expect(trainingCompliance(t, '2025-12-31', R).hours).toMatchObject({ done: 70, pace: 80, onPace: false, met: false });
  });
  it('behind reasons name the hours', () => {
    const a = trainingCompliance([pol('2025-01-02', '2025-01-08')], '2025-12-31', R);
    expect(a.behind).toBe(true);
    expect(a.reasons).toEqual([{ code: 'hours_behind', zh: '2025年集中培训 56 学时，低于进度 80 学时（全年要求 80 学时）', en: '56 centralised training hours in 2025, behind the pace of 80 h (annual target 80 h)' }]);
    const ok = trainingCompliance([pol('2025-01-02', '2025-01-08'), { startDate: '2025-05-01', hours: 24, mode: '在职', isPolitical: false }], '2025-12-31', R);
    expect(ok.behind).toBe(false);
    expect(ok.hours.met).toBe(true);
  });
  it('在线 can be made to count through the rules', () => {
    const rules = mergeRules({ reserve: { training: { centralisedModes: ['脱产', '在职', '在线'] } } });
    expect(trainingCompliance([{ startDate: '2025-02-01', hours: 25, mode: '在线', isPolitical: false }], '2025-03-31', rules).hours.done).toBe(25);
  });
});
