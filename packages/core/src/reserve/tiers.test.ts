import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, mergeRules } from '../rules';
import { nineBoxCell, suggestTier, tierFromName, tierRank, TIERS } from './tiers';

const R = DEFAULT_RULES; // readyNow 0.5 / 0.7, shortTerm 0.3 / 0.5

describe('suggestTier — hand cases', () => {
  it('exactly at the readyNow thresholds → readyNow', () => {
    const s = suggestTier(0.5, 70, R);
    expect(s.tier).toBe('readyNow');
    expect(s.basis).toBe('both');
    expect(s.reasons[0].zh).toBe('达到「随时能用」: 推荐集中度 50.0% ≥ 50.0%，成熟度 70 ≥ 70');
  });
  it('just below either readyNow threshold → shortTerm', () => {
    expect(suggestTier(0.49, 90, R).tier).toBe('shortTerm');
    const s = suggestTier(0.9, 69.9, R);
    expect(s.tier).toBe('shortTerm');
    expect(s.reasons.map((r) => r.zh)).toEqual([
      '未达到「随时能用」: 推荐集中度 90.0% ≥ 50.0%，成熟度 69.9 < 70',
      '达到「短期可用」: 推荐集中度 90.0% ≥ 30.0%，成熟度 69.9 ≥ 50',
    ]);
  });
  it('exactly at the shortTerm thresholds → shortTerm; just below → future', () => {
    expect(suggestTier(0.3, 50, R).tier).toBe('shortTerm');
    expect(suggestTier(0.29, 50, R).tier).toBe('future');
    expect(suggestTier(0.3, 49.9, R).tier).toBe('future');
    expect(suggestTier(0, 0, R).reasons).toHaveLength(2);
  });
  it('thresholds that are not exact in binary (0.57 × 100) still compare exactly', () => {
    const rules = mergeRules({ reserveTiers: { readyNow: { concentration: 0.57, maturity: 0.57 } } });
    expect(suggestTier(0.57, 57, rules).tier).toBe('readyNow');
  });
  it('no round: maturity alone (default policy)', () => {
    const s = suggestTier(null, 70, R);
    expect(s).toMatchObject({ tier: 'readyNow', basis: 'maturityOnly' });
    expect(s.reasons[0].zh).toContain('无民主推荐，仅按成熟度判断');
    expect(suggestTier(null, 55, R).tier).toBe('shortTerm');
    expect(suggestTier(null, 49, R).tier).toBe('future');
  });
  it("no round with policy 'future' → future whatever the maturity", () => {
    const rules = mergeRules({ reserve: { noRoundPolicy: 'future' } });
    expect(suggestTier(null, 100, rules)).toMatchObject({ tier: 'future', basis: 'noRound' });
    expect(suggestTier(0.8, 100, rules).tier).toBe('readyNow');
  });
  it('monotone: more concentration or maturity never lowers the tier', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }), (c, m, dc, dm) => {
        const a = tierRank(suggestTier(c, m, R).tier);
        const b = tierRank(suggestTier(Math.min(1, c + dc), Math.min(100, m + dm), R).tier);
        expect(b).toBeGreaterThanOrEqual(a);
      }),
    );
  });
  it('tier names', () => {
    expect(tierFromName('随时能用')).toBe('readyNow');
    expect(tierFromName('future')).toBe('future');
    expect(tierFromName('别的')).toBeUndefined();
    expect(TIERS).toHaveLength(3);
  });
});

describe('nineBoxCell', () => {
  it('bands from the tier thresholds by default, lower edges inclusive', () => {
    expect(nineBoxCell(0.5, 70, R)).toMatchObject({ row: 2, col: 2, noRound: false, label: { zh: '核心骨干' } });
    expect(nineBoxCell(0.3, 50, R)).toMatchObject({ row: 1, col: 1 });
    expect(nineBoxCell(0.29, 49.9, R)).toMatchObject({ row: 0, col: 0, label: { zh: '待观察' } });
    expect(nineBoxCell(0.9, 10, R)).toMatchObject({ row: 0, col: 2 });
  });
  it('no round → col 0, flagged', () => {
    const c = nineBoxCell(null, 80, R);
    expect(c).toMatchObject({ row: 2, col: 0, noRound: true });
    expect(c.label.zh).toBe('成熟待认可（无推荐）');
  });
  it('own cut points from rules.reserve.nineBox', () => {
    const rules = mergeRules({ reserve: { nineBox: { concentration: { low: 0.2, high: 0.4 }, maturity: { low: 0.6, high: 0.9 } } } });
    expect(nineBoxCell(0.4, 89, rules)).toMatchObject({ row: 1, col: 2 });
    expect(nineBoxCell(0.2, 60, rules)).toMatchObject({ row: 1, col: 1 });
  });
  it('agrees with the tiers on the default cuts: readyNow ⇔ cell (2,2)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (c, m) => {
        const cell = nineBoxCell(c, m, R);
        expect(suggestTier(c, m, R).tier === 'readyNow').toBe(cell.row === 2 && cell.col === 2);
      }),
    );
  });
});
