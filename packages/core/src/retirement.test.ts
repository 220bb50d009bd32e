import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromEpochDays, toEpochDays } from './dates';
import { formatRetirementAge, isPastRetirement, retirementAge, retirementDate, retiresWithin } from './retirement';
import { DEFAULT_RULES, mergeRules } from './rules';

const R = DEFAULT_RULES;
const age = (b: string, s: '1' | '2', k: 'cadre' | 'worker') => formatRetirementAge(retirementAge(b, s, k, R));

describe('retirement (2025 gradual raise, 人社部 对照表)', () => {
  it('men: 60 → 63, one month per four months from 2025-01', () => {
    expect(age('1964-12-20', '1', 'cadre')).toBe('60岁'); // before the reform
    expect(retirementDate('1964-12-20', '1', 'cadre', R)).toBe('2024-12-20');
    expect(age('1965-01-10', '1', 'cadre')).toBe('60岁1个月');
    expect(retirementDate('1965-01-10', '1', 'cadre', R)).toBe('2025-02-10');
    expect(age('1965-04-30', '1', 'cadre')).toBe('60岁1个月');
    expect(retirementDate('1965-04-30', '1', 'cadre', R)).toBe('2025-05-30');
    expect(age('1965-05-01', '1', 'cadre')).toBe('60岁2个月');
    expect(retirementDate('1965-05-01', '1', 'cadre', R)).toBe('2025-07-01');
    expect(age('1966-01-01', '1', 'cadre')).toBe('60岁4个月');
    expect(retirementDate('1966-01-01', '1', 'cadre', R)).toBe('2026-05-01');
    expect(age('1970-01-01', '1', 'cadre')).toBe('61岁4个月');
    expect(age('1976-08-31', '1', 'cadre')).toBe('62岁11个月');
    expect(age('1976-09-01', '1', 'cadre')).toBe('63岁');
    expect(age('1976-12-01', '1', 'worker')).toBe('63岁');
    expect(retirementDate('1990-03-15', '1', 'cadre', R)).toBe('2053-03-15');
  });
  it('women cadres: 55 → 58, one month per four months', () => {
    expect(age('1969-12-31', '2', 'cadre')).toBe('55岁');
    expect(age('1970-01-10', '2', 'cadre')).toBe('55岁1个月');
    expect(retirementDate('1970-01-10', '2', 'cadre', R)).toBe('2025-02-10');
    expect(age('1971-01-01', '2', 'cadre')).toBe('55岁4个月');
    expect(age('1981-08-01', '2', 'cadre')).toBe('57岁11个月');
    expect(age('1981-09-01', '2', 'cadre')).toBe('58岁');
  });
  it('women workers: 50 → 55, one month per two months', () => {
    expect(age('1974-12-01', '2', 'worker')).toBe('50岁');
    expect(age('1975-01-01', '2', 'worker')).toBe('50岁1个月');
    expect(age('1975-03-01', '2', 'worker')).toBe('50岁2个月');
    expect(retirementDate('1975-03-01', '2', 'worker', R)).toBe('2025-05-01');
    expect(age('1984-10-01', '2', 'worker')).toBe('54岁11个月');
    expect(age('1984-11-01', '2', 'worker')).toBe('55岁');
  });
  it('clamps the day for month ends', () => {
    // born 1965-01-31: 60y1m → 2025-02-28
    expect(retirementDate('1965-01-31', '1', 'cadre', R)).toBe('2025-02-28');
  });
  it('is configurable', () => {
    const r = mergeRules({ retirement: { targetAge: { male: 65 } } });
    expect(formatRetirementAge(retirementAge('1990-01-01', '1', 'cadre', r))).toBe('65岁');
  });
  it('never earlier for later births and stays within base..target (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toEpochDays('1950-01-01'), max: toEpochDays('2000-12-31') }).map(fromEpochDays),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom<['1' | '2', 'cadre' | 'worker']>(['1', 'cadre'], ['2', 'cadre'], ['2', 'worker']),
        (b, k, [s, kind]) => {
          const a1 = retirementAge(b, s, kind, R);
          const a2 = retirementAge(addDays(b, k), s, kind, R);
          const base = R.retirement.baseAge[a1.group] * 12;
          const target = R.retirement.targetAge[a1.group] * 12;
          return a1.totalMonths <= a2.totalMonths && a1.date <= a2.date && a1.totalMonths >= base && a1.totalMonths <= target;
        },
      ),
    );
  });
});

describe('retiresWithin', () => {
  it('counts retirements in (asOf, asOf + N years]', () => {
    // man born 1966-01-01 retires 2026-05-01
    expect(retiresWithin('1966-01-01', '1', 'cadre', '2025-06-01', 3, R)).toBe(true);
    expect(retiresWithin('1966-01-01', '1', 'cadre', '2023-05-01', 3, R)).toBe(true);
    expect(retiresWithin('1966-01-01', '1', 'cadre', '2023-04-30', 3, R)).toBe(false);
    expect(retiresWithin('1966-01-01', '1', 'cadre', '2026-05-01', 3, R)).toBe(false); // already retired
    expect(isPastRetirement('1966-01-01', '1', 'cadre', '2026-05-01', R)).toBe(true);
  });
});
