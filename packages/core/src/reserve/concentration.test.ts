import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, mergeRules } from '../rules';
import { concentration, latestConcentration } from './concentration';

describe('concentration', () => {
  it('is votes / voters', () => {
    expect(concentration(31, 62)).toBe(0.5);
    expect(concentration(0, 10)).toBe(0);
    expect(concentration(10, 10)).toBe(1);
  });
  it('rejects impossible inputs with a bilingual message', () => {
    expect(() => concentration(11, 10)).toThrow(/超过参加推荐人数 10 \/ votes 11 exceed/);
    expect(() => concentration(1, 0)).toThrow(/参加推荐人数必须为正整数/);
    expect(() => concentration(-1, 10)).toThrow(/得票数必须为非负整数/);
    expect(() => concentration(1.5, 10)).toThrow(RangeError);
  });
});

describe('latestConcentration', () => {
  const rounds = [
    { roundId: 1, date: '2023-06-30', votes: 40, voterCount: 50 },
    { roundId: 2, date: '2025-03-01', votes: 10, voterCount: 50 },
    { roundId: 3, date: '2025-03-01', votes: 20, voterCount: 50 },
    { roundId: 4, date: '2025-07-01', votes: 50, voterCount: 50 }, // after asOf
  ];
  it('latest round in the window wins, ties on date → higher id; later rounds ignored', () => {
    expect(latestConcentration(rounds, '2025-06-30', DEFAULT_RULES)).toEqual({ value: 0.4, roundId: 3, date: '2025-03-01', votes: 20, voterCount: 50 });
  });
  it('window start day counts, the day before does not (24 months)', () => {
    const r = [rounds[0]];
    expect(latestConcentration(r, '2025-06-30', DEFAULT_RULES)?.roundId).toBe(1);
    expect(latestConcentration(r, '2025-07-01', DEFAULT_RULES)).toBeNull();
  });
  it('window from the rules', () => {
    const rules = mergeRules({ reserve: { concentrationWindowMonths: 3 } });
    expect(latestConcentration(rounds.slice(0, 3), '2025-06-30', rules)).toBeNull();
    expect(latestConcentration(rounds.slice(0, 3), '2025-05-31', rules)?.roundId).toBe(3);
  });
  it('no rounds → null', () => {
    expect(latestConcentration([], '2025-06-30', DEFAULT_RULES)).toBeNull();
  });
});
