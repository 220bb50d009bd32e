import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears } from '../dates';
import { DEFAULT_RULES } from '../rules';
import { benchStrength, type KeyPostInput, type SuccessorInput } from './bench';
import { tierRank, TIERS, type Tier } from './tiers';

const R = DEFAULT_RULES; // retirementHorizonYears 3
const asOf = '2025-06-30';

const posts: KeyPostInput[] = [
  // A: 镇党委书记, incumbent retires exactly asOf + 3 years (given date) → within the horizon
  { positionId: 1, title: '甲镇党委书记', level: '141', isChief: true, isKey: true, orgUnitId: 10, orgName: '甲镇', unitKind: '镇街', incumbents: [{ cadreId: 100, name: '老甲', birthDate: '1966-01-01', sex: '1', retirementDate: addYears(asOf, 3) }] },
  // B: key deputy post, vacant, nobody → urgent, high risk
  { positionId: 2, title: '区发改局副局长', level: '142', isChief: false, isKey: true, orgUnitId: 20, orgName: '区发改局', unitKind: '党政机关', incumbents: [] },
  // C: chief in a 党政机关, incumbent retires one day after the horizon
  { positionId: 3, title: '区发改局局长', level: '141', isChief: true, isKey: false, orgUnitId: 20, orgName: '区发改局', unitKind: '党政机关', incumbents: [{ cadreId: 101, name: '老丙', birthDate: '1970-01-01', sex: '1', retirementDate: addDays(addYears(asOf, 3), 1) }] },
  // D: neither chief nor key: only with keyOnly false
  { positionId: 4, title: '某科科长', level: '142', isChief: false, isKey: false, orgUnitId: 20, unitKind: '党政机关', incumbents: [] },
  // E: chief with an incumbent past retirement (computed from birth date: man born 1960 → 60 in 2020)
  { positionId: 5, title: '乙镇镇长', level: '141', isChief: true, isKey: true, orgUnitId: 11, orgName: '乙镇', unitKind: '镇街', incumbents: [{ cadreId: 102, name: '老戊', birthDate: '1960-03-01', sex: '1' }] },
];
const e = (x: Partial<SuccessorInput> & Pick<SuccessorInput, 'entryId' | 'cadreId'>): SuccessorInput => ({ name: `人${x.cadreId}`, stage: 'admitted', ...x });
const successors: SuccessorInput[] = [
  e({ entryId: 1, cadreId: 1, targetPositionId: 1, confirmedTier: 'shortTerm', suggestedTier: 'readyNow', maturity: 60 }),
  // 正职后备库 at 141, any unit kind: successor of A, C, E (chief posts at 141)
  e({ entryId: 2, cadreId: 2, poolKind: '正职后备库', targetLevel: '141', suggestedTier: 'readyNow', maturity: 80 }),
  // 141 chief, 镇街 only: A and E, not C
  e({ entryId: 3, cadreId: 3, targetLevel: '正科', targetChief: true, unitKind: '镇街', confirmedTier: 'readyNow', maturity: 75 }),
  // not admitted: ignored
  e({ entryId: 4, cadreId: 4, stage: 'compared', targetLevel: '141', targetChief: true, confirmedTier: 'readyNow' }),
  // admitted without a tier: unrated
  e({ entryId: 5, cadreId: 5, targetLevel: '141' }),
  // cadre 3 again, targeting E with a confirmed future: the position match wins for E
  e({ entryId: 6, cadreId: 3, targetPositionId: 5, confirmedTier: 'future' }),
  // no target at all: unmapped
  e({ entryId: 7, cadreId: 7, confirmedTier: 'future' }),
  // deputy reserve at 142 for 党政机关: B (key) and D
  e({ entryId: 8, cadreId: 8, targetLevel: '142', targetChief: false, unitKind: '党政机关', confirmedTier: 'future' }),
];

describe('benchStrength — hand case', () => {
  const { rows, summary } = benchStrength(posts, successors, { asOf, rules: R });
  const row = (id: number) => rows.find((r) => r.positionId === id)!;

  it('key posts only, 正职 first, then key posts', () => {
    expect(rows.map((r) => r.positionId)).toEqual([1, 5, 3, 2]);
  });
  it('A: position-targeted confirmed tier + level-matched suggestions; retiring exactly at the horizon', () => {
    const a = row(1);
    expect(a.counts).toEqual({ readyNow: 2, shortTerm: 1, future: 0 });
    expect(a.successors.readyNow.map((s) => [s.cadreId, s.suggestedOnly, s.match])).toEqual([
      [3, false, 'level'], // confirmed before suggested
      [2, true, 'level'],
    ]);
    expect(a.successors.shortTerm[0]).toMatchObject({ cadreId: 1, match: 'position', suggestedOnly: false, tier: 'shortTerm' });
    expect(a.suggestedOnly).toBe(1);
    expect(a.urgent).toBe(false);
    expect(a.incumbents[0]).toMatchObject({ retirementDate: '2028-06-30', retiringWithinHorizon: true, pastRetirement: false, age: 59 });
    expect(a.retiringWithinHorizon).toBe(true);
    expect(a.risk).toBe('low');
  });
  it('B: vacant with nobody → 急用现找, high risk', () => {
    const b = row(2);
    expect(b.counts).toEqual({ readyNow: 0, shortTerm: 0, future: 1 });
    expect(b.urgent).toBe(true);
    expect(b.vacant).toBe(true);
    expect(b.risk).toBe('high');
    expect(b.reasons.map((r) => r.zh)).toEqual(['无「随时能用」后备人选（急用现找）', '岗位空缺']);
  });
  it('C: unit kind restricts the level match; one day past the horizon is not retiring', () => {
    const c = row(3);
    expect(c.successors.readyNow.map((s) => s.cadreId)).toEqual([2]);
    expect(c.counts.readyNow).toBe(1);
    expect(c.urgent).toBe(false);
    expect(c.incumbents[0].retiringWithinHorizon).toBe(false);
    expect(c.retiringWithinHorizon).toBe(false);
  });
  it('E: the same cadre targeting the post counts once, with the position entry', () => {
    const r = row(5);
    expect(r.counts).toEqual({ readyNow: 1, shortTerm: 0, future: 1 });
    expect(r.successors.future[0]).toMatchObject({ cadreId: 3, match: 'position' });
    expect(r.successors.readyNow.map((s) => s.cadreId)).toEqual([2]);
    expect(r.suggestedOnly).toBe(1);
    expect(r.incumbents[0]).toMatchObject({ pastRetirement: true, retiringWithinHorizon: false });
    expect(r.retiringWithinHorizon).toBe(true);
  });
  it('summary', () => {
    expect(summary).toMatchObject({
      keyPosts: 4,
      chiefPosts: 3,
      urgent: 1,
      urgentHighRisk: 1,
      vacant: 1,
      retiringWithinHorizon: 2,
      withReadyNow: 3,
      withoutSuccessor: 0,
      successors: { readyNow: 2, shortTerm: 1, future: 1 }, // cadres 2, 3 ready; 1 short; 8 future
      suggestedOnly: 1,
      unrated: 1,
      unmapped: 1,
      horizonYears: 3,
    });
  });
  it('keyOnly false adds the other posts after the key ones; maxPerTier limits the lists, not the counts', () => {
    const all = benchStrength(posts, successors, { asOf, rules: R, keyOnly: false, maxPerTier: 1 });
    expect(all.rows.map((r) => r.positionId)).toEqual([1, 5, 3, 2, 4]);
    const a = all.rows[0];
    expect(a.successors.readyNow).toHaveLength(1);
    expect(a.counts.readyNow).toBe(2);
  });
  it('without successors every key post is urgent', () => {
    const r = benchStrength(posts, [], { asOf, rules: R });
    expect(r.rows.every((x) => x.urgent && x.total === 0)).toBe(true);
    expect(r.rows[0].reasons[0].zh).toBe('无后备人选（急用现找）');
  });
});

// ── brute force reference: posts × entries, the documented mapping rule
function bruteCounts(p: KeyPostInput, list: SuccessorInput[]): Record<Tier, number> {
  const best = new Map<number, { pos: boolean; confirmed: boolean; tier: Tier }>();
  for (const s of list) {
    if (s.stage !== 'admitted') continue;
    const tier = s.confirmedTier ?? s.suggestedTier;
    if (!tier) continue;
    let pos = false;
    if (s.targetPositionId != null) {
      if (s.targetPositionId !== p.positionId) continue;
      pos = true;
    } else {
      if (s.targetLevel !== p.level) continue;
      const chief = s.targetChief ?? (s.poolKind === '正职后备库' ? true : null);
      if (chief != null && chief !== p.isChief) continue;
      if (s.unitKind != null && s.unitKind !== p.unitKind) continue;
    }
    const cand = { pos, confirmed: !!s.confirmedTier, tier };
    const prev = best.get(s.cadreId);
    const better =
      !prev ||
      (cand.pos !== prev.pos ? cand.pos : cand.confirmed !== prev.confirmed ? cand.confirmed : tierRank(cand.tier) > tierRank(prev.tier));
    if (better) best.set(s.cadreId, cand);
  }
  const c = { readyNow: 0, shortTerm: 0, future: 0 };
  for (const b of best.values()) c[b.tier]++;
  return c;
}

describe('benchStrength — agrees with the posts × entries reference', () => {
  it('random boards', () => {
    const tierArb = fc.option(fc.constantFrom(...TIERS), { nil: null });
    const postArb = fc.record({
      level: fc.constantFrom('141', '142'),
      isChief: fc.boolean(),
      unitKind: fc.option(fc.constantFrom('镇街', '党政机关'), { nil: null }),
    });
    const entryArb = fc.record({
      cadreId: fc.integer({ min: 1, max: 12 }),
      stage: fc.constantFrom('admitted', 'admitted', 'compared'),
      targetPositionId: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null, freq: 3 }),
      targetLevel: fc.option(fc.constantFrom('141', '142'), { nil: null, freq: 5 }),
      targetChief: fc.option(fc.boolean(), { nil: null }),
      poolKind: fc.constantFrom('正职后备库', '优秀年轻干部库'),
      unitKind: fc.option(fc.constantFrom('镇街', '党政机关'), { nil: null }),
      confirmedTier: tierArb,
      suggestedTier: tierArb,
    });
    fc.assert(
      fc.property(fc.array(postArb, { minLength: 1, maxLength: 6 }), fc.array(entryArb, { maxLength: 25 }), (ps, es) => {
        const P: KeyPostInput[] = ps.map((p, i) => ({ ...p, positionId: i + 1, title: `P${i + 1}`, isKey: true, orgUnitId: 1 }));
        const E: SuccessorInput[] = es.map((x, i) => ({ ...x, entryId: i + 1, name: `C${x.cadreId}`, stage: x.stage as SuccessorInput['stage'] }));
        const { rows } = benchStrength(P, E, { asOf, rules: R, maxPerTier: 100 });
        for (const r of rows) {
          const p = P.find((x) => x.positionId === r.positionId)!;
          expect(r.counts).toEqual(bruteCounts(p, E));
          for (const t of TIERS) expect(r.successors[t]).toHaveLength(r.counts[t]);
          expect(r.urgent).toBe(r.counts.readyNow === 0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('benchStrength — scale', () => {
  it('10,000 posts × 4,000 pool entries: every post gets a row (timing is in npm run bench, not here)', () => {
    const unitKinds = ['镇街', '党政机关', '事业单位', '国有企业'];
    const P: KeyPostInput[] = [];
    for (let t = 0; t < 5000; t++) {
      const unitKind = unitKinds[t % 4];
      for (const chief of [true, false]) {
        P.push({
          positionId: P.length + 1,
          title: chief ? '正职' : '副职',
          level: t % 3 === 0 ? '131' : chief ? '141' : '142',
          isChief: chief,
          isKey: true,
          orgUnitId: t + 1,
          unitKind,
          incumbents: [{ cadreId: 1_000_000 + P.length, name: 'x', birthDate: `19${60 + (t % 30)}-0${1 + (t % 9)}-15`, sex: t % 5 ? '1' : '2' }],
        });
      }
    }
    const E: SuccessorInput[] = [];
    const tiers = ['readyNow', 'shortTerm', 'future'] as const;
    for (let i = 0; i < 4000; i++) {
      const targeted = i % 4 === 0;
      E.push({
        entryId: i + 1,
        cadreId: 1 + (i % 3500),
        name: 'y',
        stage: i % 10 === 0 ? 'compared' : 'admitted',
        poolKind: i % 2 ? '正职后备库' : '优秀年轻干部库',
        targetPositionId: targeted ? 1 + ((i * 7) % P.length) : null,
        targetLevel: targeted ? null : ['131', '141', '142'][i % 3],
        unitKind: i % 3 === 0 ? null : unitKinds[i % 4],
        confirmedTier: i % 5 ? tiers[i % 3] : null,
        suggestedTier: tiers[(i + 1) % 3],
        maturity: i % 100,
      });
    }
    const r = benchStrength(P, E, { asOf, rules: R });
    expect(r.rows).toHaveLength(10_000);
    expect(r.summary.keyPosts).toBe(10_000);
    // every admitted position-targeted entry shows up on its own post
    for (const e of E.filter((x) => x.targetPositionId !== null && x.stage === 'admitted').slice(0, 200)) {
      const row = r.rows.find((x) => x.positionId === e.targetPositionId)!;
      const all = [...row.successors.readyNow, ...row.successors.shortTerm, ...row.successors.future];
      expect(row.total).toBeGreaterThanOrEqual(1);
      expect(all.some((s) => s.cadreId === e.cadreId)).toBe(true);
    }
  });
});
