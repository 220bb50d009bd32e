import fc from 'fast-check';
import { munkres } from 'munkres';
import { describe, expect, it } from 'vitest';
import { AssignmentInputError, solveAssignment, topKOfRow, type AssignmentStats } from './hungarian';
import { solveWithTeamConstraints, type TeamCandidate, type TeamPost, type TeamSpec } from './ilp';

type Pair = [number, number];
const allowedCell = (v: number) => v === v && v !== -Infinity;

/** every partial matching respecting pins / forbidden, via callback */
function enumerate(scores: number[][], pinned: Pair[], forbidden: Pair[], visit: (a: number[]) => void) {
  const P = scores.length;
  const M = P ? scores[0].length : 0;
  const forb = new Set(forbidden.map(([p, c]) => p * 1000 + c));
  const pinOf = new Map(pinned.map(([p, c]) => [p, c]));
  const pinnedCands = new Set(pinned.map(([, c]) => c));
  const used = new Array(M).fill(false);
  const a = new Array(P).fill(-1);
  const rec = (p: number) => {
    if (p === P) return visit(a);
    const pin = pinOf.get(p);
    if (pin != null) {
      a[p] = pin;
      rec(p + 1);
      a[p] = -1;
      return;
    }
    rec(p + 1);
    for (let c = 0; c < M; c++) {
      if (used[c] || pinnedCands.has(c) || !allowedCell(scores[p][c]) || forb.has(p * 1000 + c)) continue;
      used[c] = true;
      a[p] = c;
      rec(p + 1);
      a[p] = -1;
      used[c] = false;
    }
  };
  for (const c of pinnedCands) used[c] = true;
  rec(0);
}
const totalOf = (scores: number[][], a: ArrayLike<number>) => {
  let s = 0;
  for (let p = 0; p < a.length; p++) if (a[p] >= 0) s += scores[p][a[p]];
  return s;
};

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -5, max: 30 }) },
  { weight: 1, arbitrary: fc.constant(Number.NaN) },
  { weight: 1, arbitrary: fc.constant(-Infinity) },
);
const instance = fc
  .record({ P: fc.integer({ min: 1, max: 7 }), M: fc.integer({ min: 1, max: 7 }) })
  .chain(({ P, M }) =>
    fc.record({
      scores: fc.array(fc.array(cell, { minLength: M, maxLength: M }), { minLength: P, maxLength: P }),
      forbidden: fc.array(fc.tuple(fc.integer({ min: 0, max: P - 1 }), fc.integer({ min: 0, max: M - 1 })), { maxLength: 4 }),
      pinSeed: fc.array(fc.tuple(fc.integer({ min: 0, max: P - 1 }), fc.integer({ min: 0, max: M - 1 })), { maxLength: 2 }),
    }),
  )
  .map(({ scores, forbidden, pinSeed }) => {
    // keep only valid, non-conflicting pins
    const pinned: Pair[] = [];
    const forb = new Set(forbidden.map(([p, c]) => `${p},${c}`));
    for (const [p, c] of pinSeed) {
      if (!allowedCell(scores[p][c]) || forb.has(`${p},${c}`)) continue;
      if (pinned.some(([q, d]) => q === p || d === c)) continue;
      pinned.push([p, c]);
    }
    return { scores, forbidden: forbidden as Pair[], pinned };
  });

describe('solveAssignment (shortest augmenting path, top-K pruned)', () => {
  it('hand case: 3 posts × 4 candidates', () => {
    const s = [
      [10, 9, 1, 0],
      [9, 1, 0, 0],
      [8, 7, 6, NaN],
    ];
    const r = solveAssignment({ scores: s });
    expect(Array.from(r.assignment)).toEqual([1, 0, 2]);
    expect(r.total).toBe(24);
  });
  it('leaves a post empty when it has no allowed candidate left; negative scores stay empty', () => {
    const r = solveAssignment({ scores: [[5, NaN], [4, -Infinity], [-3, -1]] });
    expect(r.total).toBe(5);
    expect(Array.from(r.assignment)).toEqual([0, -1, -1]);
  });
  it('honours pins and forbidden pairs, rejects bad pins', () => {
    const s = [
      [10, 1],
      [9, 8],
    ];
    expect(Array.from(solveAssignment({ scores: s, pinned: [[0, 1]] }).assignment)).toEqual([1, 0]);
    expect(Array.from(solveAssignment({ scores: s, forbidden: [[0, 0]] }).assignment)).toEqual([1, 0]);
    expect(() => solveAssignment({ scores: s, pinned: [[0, 0]], forbidden: [[0, 0]] })).toThrow(AssignmentInputError);
    expect(() => solveAssignment({ scores: s, pinned: [[0, 0], [1, 0]] })).toThrow(AssignmentInputError);
  });
  it('topKOfRow keeps the k best allowed, ties to the lower index', () => {
    const vals = new Float64Array(3);
    const idx = new Int32Array(3);
    const k = topKOfRow([5, 7, NaN, 7, 1, 9, 5], 7, 3, null, null, 0, vals, idx);
    expect(k).toBe(3);
    expect(Array.from(idx).sort()).toEqual([1, 3, 5]);
    topKOfRow([5, 5, 5, 5], 4, 2, null, null, 0, vals, idx);
    expect(Array.from(idx.subarray(0, 2)).sort()).toEqual([0, 1]);
  });
  it('property: optimum equals brute force (≤ 7×7, forbidden cells, pins, rectangular)', () => {
    fc.assert(
      fc.property(instance, ({ scores, forbidden, pinned }) => {
        let best = -Infinity;
        enumerate(scores, pinned, forbidden, (a) => {
          const t = totalOf(scores, a);
          if (t > best) best = t;
        });
        const r = solveAssignment({ scores, pinned, forbidden });
        expect(r.total).toBeCloseTo(best, 9);
        // the plan itself is valid
        const forb = new Set(forbidden.map(([p, c]) => `${p},${c}`));
        const seen = new Set<number>();
        r.assignment.forEach((c, p) => {
          if (c < 0) return;
          expect(allowedCell(scores[p][c])).toBe(true);
          expect(forb.has(`${p},${c}`)).toBe(false);
          expect(seen.has(c)).toBe(false);
          seen.add(c);
        });
        for (const [p, c] of pinned) expect(r.assignment[p]).toBe(c);
        expect(totalOf(scores, r.assignment)).toBeCloseTo(r.total, 9);
      }),
      { numRuns: 400, seed: 20250501 },
    );
  });
});

describe('solveAssignment: lazy lists certified by the dual check', () => {
  const newStats = (): AssignmentStats => ({ rounds: 0, edges: 0, columns: 0, fallback: false });
  // rectangular (few posts, more candidates), many ties, excluded cells, forbidden pairs, pins
  const rectInstance = fc
    .record({ P: fc.integer({ min: 1, max: 4 }), M: fc.integer({ min: 1, max: 10 }), coarse: fc.boolean() })
    .chain(({ P, M, coarse }) =>
      fc.record({
        scores: fc.array(
          fc.array(
            fc.oneof(
              { weight: 8, arbitrary: coarse ? fc.integer({ min: 0, max: 4 }) : fc.integer({ min: -5, max: 60 }) },
              { weight: 1, arbitrary: fc.constant(Number.NaN) },
              { weight: 1, arbitrary: fc.constant(-Infinity) },
            ),
            { minLength: M, maxLength: M },
          ),
          { minLength: P, maxLength: P },
        ),
        forbidden: fc.array(fc.tuple(fc.integer({ min: 0, max: P - 1 }), fc.integer({ min: 0, max: M - 1 })), { maxLength: 6 }),
        pinSeed: fc.array(fc.tuple(fc.integer({ min: 0, max: P - 1 }), fc.integer({ min: 0, max: M - 1 })), { maxLength: 1 }),
      }),
    )
    .map(({ scores, forbidden, pinSeed }) => {
      const forb = new Set(forbidden.map(([p, c]) => `${p},${c}`));
      const pinned = pinSeed.filter(([p, c]) => allowedCell(scores[p][c]) && !forb.has(`${p},${c}`)) as Pair[];
      return { scores, forbidden: forbidden as Pair[], pinned };
    });
  it('property: every initial list length gives the brute-force optimum (rectangular, forbidden, pins)', () => {
    let multiRound = 0;
    let fallbacks = 0;
    fc.assert(
      fc.property(rectInstance, ({ scores, forbidden, pinned }) => {
        let best = -Infinity;
        enumerate(scores, pinned, forbidden, (a) => {
          const t = totalOf(scores, a);
          if (t > best) best = t;
        });
        const forb = new Set(forbidden.map(([p, c]) => `${p},${c}`));
        for (const initialKeep of [1, 2, undefined]) {
          const st = newStats();
          const r = solveAssignment({ scores, pinned, forbidden, initialKeep }, st);
          expect(r.total).toBeCloseTo(best, 9);
          const seen = new Set<number>();
          r.assignment.forEach((c, p) => {
            if (c < 0) return;
            expect(allowedCell(scores[p][c]) && !forb.has(`${p},${c}`)).toBe(true);
            expect(seen.has(c)).toBe(false);
            seen.add(c);
          });
          for (const [p, c] of pinned) expect(r.assignment[p]).toBe(c);
          if (st.rounds > 1) multiRound++;
          if (st.fallback) fallbacks++;
        }
      }),
      { numRuns: 600, seed: 20250504 },
    );
    // the growth and the top-K fallback really ran
    expect(multiRound).toBeGreaterThan(20);
    expect(fallbacks).toBeGreaterThan(0);
  });

  /** correlated rows (a strong candidate is strong everywhere, as with fit scores), coarse values */
  function medium(seed: number, P: number, M: number, forbidShare: number) {
    let x = seed;
    const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
    const quality = Array.from({ length: M }, () => rnd() * 60);
    const kinds = 1 + Math.floor(rnd() * 4);
    const kindBias = Array.from({ length: kinds }, () => Array.from({ length: M }, () => rnd() * 20));
    const scores = Array.from({ length: P }, (_, p) =>
      Array.from({ length: M }, (_, c) => (rnd() < forbidShare ? Number.NaN : Math.round(2 * (5 + quality[c] + kindBias[p % kinds][c] + rnd() * 6)) / 2)),
    );
    return scores;
  }
  it('equals npm munkres on medium instances (up to 40 × 600, correlated rows, ties, excluded cells)', () => {
    const BIG = 1e6; // munkres needs a finite cost: an excluded cell costs more than any plan
    let multiRound = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const P = 5 + (seed % 8) * 5;
      const M = P + 20 + ((seed * 37) % 560);
      const scores = medium(seed, P, M, seed % 3 === 0 ? 0.2 : 0);
      const maxV = Math.max(...scores.flat().filter(allowedCell));
      const cost = scores.map((row) => row.map((v) => (allowedCell(v) ? maxV - v : BIG)));
      const ref = munkres(cost).reduce((s, [p, c]) => s + scores[p][c], 0);
      // every row has ≥ P allowed cells here, so munkres never needs an excluded one
      expect(ref).toBeGreaterThan(0);
      expect(ref).toBeLessThan(BIG / 2);
      for (const initialKeep of [1, 4, undefined]) {
        const st = newStats();
        const r = solveAssignment({ scores, initialKeep }, st);
        expect(r.total).toBeCloseTo(ref, 6);
        expect(r.pairs.length).toBe(P);
        if (st.rounds > 1) multiRound++;
      }
    }
    expect(multiRound).toBeGreaterThan(10);
  });
  it('identical rows (every post wants the same candidates): exact, through the top-K fallback', () => {
    const row = Array.from({ length: 300 }, (_, c) => ((c * 7919) % 301) / 3);
    const scores = Array.from({ length: 25 }, () => row);
    const sorted = [...row].sort((a, b) => b - a);
    const best = sorted.slice(0, 25).reduce((s, v) => s + v, 0);
    const st = newStats();
    const r = solveAssignment({ scores, initialKeep: 2 }, st);
    expect(r.total).toBeCloseTo(best, 9);
    expect(st.rounds).toBeGreaterThan(1);
    expect(solveAssignment({ scores }).total).toBeCloseTo(best, 9);
  });
  it('rejects a bad initialKeep', () => {
    expect(() => solveAssignment({ scores: [[1]], initialKeep: 0 })).toThrow(AssignmentInputError);
    expect(() => solveAssignment({ scores: [[1]], initialKeep: 1.5 })).toThrow(AssignmentInputError);
  });
});

// ───────────────────────────── ILP ─────────────────────────────
type TeamInstance = {
  scores: number[][];
  posts: TeamPost[];
  candidates: TeamCandidate[];
  teams: TeamSpec[];
  pinned: Pair[];
  forbidden: Pair[];
  requireFill: boolean;
};

/**
 * Independent reference semantics: a plan is feasible when, for every team, the counts after
 * the plan meet the requirements (or a requirement is unsatisfiable: no allowed supplier and
 * current 0 → ignored) and no unit count rises above max(cap, today).
 */
function feasible(inst: TeamInstance, a: number[]): boolean {
  const { scores, posts, candidates, teams, forbidden } = inst;
  const forb = new Set(forbidden.map(([p, c]) => p * 1000 + c));
  const allowed = (p: number, c: number) => allowedCell(scores[p][c]) && !forb.has(p * 1000 + c);
  for (const t of teams) {
    const myPosts = posts.map((p, i) => (p.teamId === t.id ? i : -1)).filter((i) => i >= 0);
    const leaving = (c: number) => candidates[c].teamId === t.id && a.some((cc, p) => cc === c && posts[p].teamId !== t.id);
    const joining = (c: number) => a.some((cc, p) => cc === c && posts[p].teamId === t.id);
    for (const [req, cur, attr] of [
      ['requireWoman', 'currentWomen', 'female'],
      ['requireYoung', 'currentYoung', 'young'],
      ['requireNonParty', 'currentNonParty', 'nonParty'],
    ] as const) {
      if (!t[req]) continue;
      const current = t[cur] ?? 0;
      const supplier = myPosts.some((p) => candidates.some((c, ci) => c[attr] && allowed(p, ci)));
      if (!supplier && current < 1) continue; // unsatisfiable: reported and ignored
      let after = current;
      candidates.forEach((c, ci) => {
        if (!c[attr]) return;
        if (joining(ci)) after++;
        if (leaving(ci)) after--;
      });
      if (after < 1) return false;
    }
    if (t.maxFromOneUnit != null) {
      const units = new Set(candidates.map((c) => c.unitId).filter((u) => u != null));
      for (const u of units) {
        let delta = 0;
        candidates.forEach((c, ci) => {
          if (c.unitId !== u) return;
          if (joining(ci)) delta++;
          if (leaving(ci)) delta--;
        });
        const cur = t.currentFromUnit?.[String(u)] ?? 0;
        if (delta > Math.max(t.maxFromOneUnit - cur, 0)) return false;
      }
    }
  }
  return true;
}

function bruteTeam(inst: TeamInstance): { best: number; feasible: boolean } {
  let best = -Infinity;
  let bestFilled = -Infinity;
  enumerate(inst.scores, inst.pinned, inst.forbidden, (a) => {
    if (!feasible(inst, a)) return;
    const t = totalOf(inst.scores, a);
    if (t > best) best = t;
    if (a.every((c) => c >= 0) && t > bestFilled) bestFilled = t;
  });
  if (inst.requireFill && bestFilled > -Infinity) return { best: bestFilled, feasible: true };
  return { best, feasible: best > -Infinity };
}

const teamInstance: fc.Arbitrary<TeamInstance> = fc
  .record({ P: fc.integer({ min: 1, max: 7 }), M: fc.integer({ min: 1, max: 7 }), T: fc.integer({ min: 1, max: 3 }) })
  .chain(({ P, M, T }) =>
    fc.record({
      scores: fc.array(fc.array(cell, { minLength: M, maxLength: M }), { minLength: P, maxLength: P }),
      posts: fc.array(fc.record({ teamId: fc.integer({ min: 0, max: T - 1 }) }), { minLength: P, maxLength: P }),
      candidates: fc.array(
        fc.record({
          female: fc.boolean(),
          young: fc.boolean(),
          nonParty: fc.boolean(),
          unitId: fc.option(fc.constantFrom('u1', 'u2', 'u3'), { nil: null }),
          teamId: fc.option(fc.integer({ min: 0, max: T - 1 }), { nil: null, freq: 2 }),
        }),
        { minLength: M, maxLength: M },
      ),
      teams: fc.tuple(
        ...Array.from({ length: T }, (_, id) =>
          fc.record({
            id: fc.constant(id),
            currentWomen: fc.integer({ min: 0, max: 2 }),
            currentYoung: fc.integer({ min: 0, max: 1 }),
            currentNonParty: fc.integer({ min: 0, max: 1 }),
            requireWoman: fc.boolean(),
            requireYoung: fc.boolean(),
            requireNonParty: fc.boolean(),
            maxFromOneUnit: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
            currentFromUnit: fc.record({ u1: fc.integer({ min: 0, max: 2 }), u2: fc.integer({ min: 0, max: 1 }) }),
          }),
        ),
      ),
      forbidden: fc.array(fc.tuple(fc.integer({ min: 0, max: P - 1 }), fc.integer({ min: 0, max: M - 1 })), { maxLength: 3 }),
      pinSeed: fc.array(fc.tuple(fc.integer({ min: 0, max: P - 1 }), fc.integer({ min: 0, max: M - 1 })), { maxLength: 1 }),
      requireFill: fc.boolean(),
    }),
  )
  .map((r) => {
    const pinned: Pair[] = [];
    const forb = new Set(r.forbidden.map(([p, c]) => `${p},${c}`));
    for (const [p, c] of r.pinSeed) if (allowedCell(r.scores[p][c]) && !forb.has(`${p},${c}`)) pinned.push([p, c]);
    return { scores: r.scores, posts: r.posts, candidates: r.candidates, teams: [...r.teams], forbidden: r.forbidden as Pair[], pinned, requireFill: r.requireFill };
  });

describe('solveWithTeamConstraints (HiGHS ILP)', () => {
  it('hand case: the woman requirement moves the best woman in; binding is reported', async () => {
    // 2 posts in team A (needs a woman, has none), candidates 0,1 men (best), 2 woman
    const r = await solveWithTeamConstraints({
      scores: [
        [90, 80, 70],
        [85, 88, 60],
      ],
      posts: [{ teamId: 'A' }, { teamId: 'A' }],
      candidates: [{ female: false }, { female: false }, { female: true }],
      teams: [{ id: 'A', currentWomen: 0, requireWoman: true }],
    });
    expect(r.status).toBe('optimal');
    expect(r.gap).toBe(0);
    expect(r.unconstrainedObjective).toBe(178);
    expect(Array.from(r.assignment)).toEqual([2, 1]);
    expect(r.objective).toBe(158);
    const w = r.constraints.find((c) => c.kind === 'woman')!;
    expect(w).toMatchObject({ tight: true, binding: true, after: 1, objectiveWithout: 178 });
  });
  it('unit cap and leaving members count; unsatisfiable requirements are reported', async () => {
    const r = await solveWithTeamConstraints({
      scores: [
        [50, 49, 10],
        [48, 47, 10],
      ],
      posts: [{ teamId: 'A' }, { teamId: 'A' }],
      candidates: [{ unitId: 'U' }, { unitId: 'U' }, { unitId: 'V' }],
      teams: [{ id: 'A', maxFromOneUnit: 1, requireYoung: true, currentYoung: 0 }],
    });
    expect(r.status).toBe('optimal');
    expect(r.objective).toBe(60); // only one from U
    expect(r.unsatisfiable.map((u) => u.kind)).toEqual(['young']);
    expect(r.constraints.find((c) => c.kind === 'unitCap')?.binding).toBe(true);
  });
  it('property: optimum equals brute force (≤ 7×7, team constraints, pins, forbidden, fill)', async () => {
    await fc.assert(
      fc.asyncProperty(teamInstance, async (inst) => {
        const ref = bruteTeam(inst);
        // the default path (pruned, plain MIP at this size), the pricing path on the pruned and on
        // the unpruned universe (LP by column generation, proven bound, reduced-cost fixing)
        for (const opts of [{}, { method: 'pricing' as const }, { method: 'pricing' as const, prune: false }]) {
          const r = await solveWithTeamConstraints({ ...inst, ...opts, analyseBinding: false });
          if (!ref.feasible) {
            expect(r.status).toBe('infeasible');
            continue;
          }
          expect(r.status).toBe('optimal');
          expect(r.gap).toBe(0);
          expect(r.bound).toBeGreaterThanOrEqual(r.objective - 1e-6);
          expect(r.objective).toBeCloseTo(ref.best, 6);
          expect(feasible(inst, Array.from(r.assignment))).toBe(true);
          for (const [p, c] of inst.pinned) expect(r.assignment[p]).toBe(c);
          const forb = new Set(inst.forbidden.map(([p, c]) => `${p},${c}`));
          r.assignment.forEach((c, p) => {
            if (c >= 0) {
              expect(allowedCell(inst.scores[p][c])).toBe(true);
              expect(forb.has(`${p},${c}`)).toBe(false);
            }
          });
        }
      }),
      { numRuns: 150, seed: 20250502 },
    );
  });
  it('pruning keeps the optimum (same result with and without)', async () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const P = 6;
    const M = 400;
    const scores = Array.from({ length: P }, () => Array.from({ length: M }, () => Math.round(rnd() * 1000) / 10));
    const posts = Array.from({ length: P }, (_, p) => ({ teamId: p % 3 }));
    const candidates = Array.from({ length: M }, () => ({ female: rnd() < 0.1, young: rnd() < 0.2, unitId: `u${Math.floor(rnd() * 5)}` }));
    const teams = [0, 1, 2].map((id) => ({ id, currentWomen: 0, requireWoman: true, requireYoung: id === 1, maxFromOneUnit: 1, currentFromUnit: { u0: 1 } }));
    const a = await solveWithTeamConstraints({ scores, posts, candidates, teams, analyseBinding: false });
    const b = await solveWithTeamConstraints({ scores, posts, candidates, teams, analyseBinding: false, prune: false });
    expect(a.pruned).toBe(true);
    expect(a.variables).toBeLessThan(b.variables);
    expect(a.objective).toBeCloseTo(b.objective, 9);
  });
  // medium instances: too big for brute force, so the exact reductions are checked against
  // each other — dominance pruning (incl. the unit-cap counting and members leaving their team)
  // against the unpruned model, and the pricing path against the plain MIP
  const mediumInstance = fc
    .record({ P: fc.integer({ min: 3, max: 9 }), M: fc.integer({ min: 20, max: 70 }), T: fc.integer({ min: 1, max: 4 }), U: fc.integer({ min: 1, max: 12 }), seed: fc.integer({ min: 1, max: 2 ** 30 }) })
    .map(({ P, M, T, U, seed }) => {
      let x = seed;
      const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
      const scores = Array.from({ length: P }, () =>
        Array.from({ length: M }, () => {
          const r = rnd();
          // coarse values: many ties, which stress the tie-breaking of the dominance order
          return r < 0.1 ? Number.NaN : Math.round(rnd() * 20) / 2;
        }),
      );
      const posts = Array.from({ length: P }, () => ({ teamId: Math.floor(rnd() * T) }));
      const candidates = Array.from({ length: M }, () => ({
        female: rnd() < 0.25,
        young: rnd() < 0.3,
        nonParty: rnd() < 0.15,
        unitId: rnd() < 0.1 ? null : `u${Math.floor(rnd() * U)}`,
        teamId: rnd() < 0.15 ? Math.floor(rnd() * T) : null,
      }));
      const teams = Array.from({ length: T }, (_, id) => ({
        id,
        currentWomen: rnd() < 0.6 ? 0 : 1,
        currentYoung: rnd() < 0.6 ? 0 : 1,
        currentNonParty: rnd() < 0.7 ? 0 : 1,
        requireWoman: rnd() < 0.8,
        requireYoung: rnd() < 0.6,
        requireNonParty: rnd() < 0.3,
        maxFromOneUnit: rnd() < 0.6 ? Math.floor(rnd() * 3) : null,
        currentFromUnit: { u0: Math.floor(rnd() * 2), u1: Math.floor(rnd() * 2) },
      }));
      const pinned: Pair[] = [];
      const forbidden: Pair[] = [];
      for (let k = 0; k < 3; k++) forbidden.push([Math.floor(rnd() * P), Math.floor(rnd() * M)]);
      if (rnd() < 0.4) {
        const p = Math.floor(rnd() * P);
        const c = Math.floor(rnd() * M);
        if (allowedCell(scores[p][c]) && !forbidden.some(([a, b]) => a === p && b === c)) pinned.push([p, c]);
      }
      return { scores, posts, candidates, teams, pinned, forbidden, requireFill: rnd() < 0.3 };
    });
  it('property: pruned == unpruned optimum, pricing == plain MIP (medium random instances)', async () => {
    await fc.assert(
      fc.asyncProperty(mediumInstance, async (inst) => {
        const full = await solveWithTeamConstraints({ ...inst, analyseBinding: false, prune: false, method: 'direct' });
        const pruned = await solveWithTeamConstraints({ ...inst, analyseBinding: false, method: 'direct' });
        const priced = await solveWithTeamConstraints({ ...inst, analyseBinding: false, method: 'pricing' });
        expect(pruned.status).toBe(full.status);
        expect(priced.status).toBe(full.status);
        expect(pruned.variables).toBeLessThanOrEqual(full.variables);
        if (full.status !== 'optimal') return;
        expect(pruned.objective).toBeCloseTo(full.objective, 6);
        expect(priced.objective).toBeCloseTo(full.objective, 6);
        expect(priced.gap).toBe(0);
        expect(pruned.fillRelaxed).toBe(full.fillRelaxed);
        expect(feasible(inst, Array.from(pruned.assignment))).toBe(true);
        expect(feasible(inst, Array.from(priced.assignment))).toBe(true);
      }),
      { numRuns: 60, seed: 20250503 },
    );
  });
  it('binding analysis is the same on the pricing path', async () => {
    let seed = 5;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const P = 6;
    const M = 60;
    const scores = Array.from({ length: P }, () => Array.from({ length: M }, () => Math.round(rnd() * 1000) / 10));
    const posts = Array.from({ length: P }, (_, p) => ({ teamId: p % 3 }));
    const candidates = Array.from({ length: M }, () => ({ female: rnd() < 0.15, young: rnd() < 0.2, unitId: `u${Math.floor(rnd() * 4)}` }));
    const teams = [0, 1, 2].map((id) => ({ id, currentWomen: 0, requireWoman: true, requireYoung: id === 1, maxFromOneUnit: 1, currentFromUnit: { u0: 1 } }));
    const a = await solveWithTeamConstraints({ scores, posts, candidates, teams, method: 'direct' });
    const b = await solveWithTeamConstraints({ scores, posts, candidates, teams, method: 'pricing' });
    expect(b.objective).toBeCloseTo(a.objective, 9);
    expect(a.constraints.some((c) => c.binding)).toBe(true);
    expect(b.constraints.map((c) => [c.id, c.binding])).toEqual(a.constraints.map((c) => [c.id, c.binding]));
    for (let k = 0; k < a.constraints.length; k++) {
      if (a.constraints[k].objectiveWithout != null) expect(b.constraints[k].objectiveWithout).toBeCloseTo(a.constraints[k].objectiveWithout!, 9);
    }
  });
  it('pruning: dominators from a unit with no room do not count (hand case)', async () => {
    // team A (2 posts) may take nobody more from any unit (cap 0); only the unit-less candidates
    // 6 and 7 can serve, although six better candidates from u1..u3 "dominate" them on score
    const scores = [
      [90, 89, 88, 87, 86, 85, 20, 19],
      [90, 89, 88, 87, 86, 85, 18, 17],
    ];
    const candidates = ['u1', 'u1', 'u2', 'u2', 'u3', 'u3', null, null].map((unitId) => ({ unitId }));
    const base = { scores, posts: [{ teamId: 'A' }, { teamId: 'A' }], candidates, teams: [{ id: 'A', maxFromOneUnit: 0 }], analyseBinding: false };
    const full = await solveWithTeamConstraints({ ...base, prune: false, method: 'direct' });
    const pruned = await solveWithTeamConstraints({ ...base, method: 'direct' });
    expect(full.objective).toBe(37);
    expect(pruned.objective).toBe(37);
    expect(Array.from(pruned.assignment).sort()).toEqual([6, 7]);
  });
  it('pruning: the other posts of the team may fill one unit each (hand case)', async () => {
    // team A (3 posts), at most 1 per unit: five strong candidates from u1, five from u2, and the
    // weaker z from u3 — z has 10 better "dominators" but the two other posts can block both units
    const row = [100, 99, 98, 97, 96, 95, 94, 93, 92, 91, 10];
    const scores = [row, row.map((v) => v - 1), row.map((v) => v - 2)];
    const candidates = [...Array(5).fill('u1'), ...Array(5).fill('u2'), 'u3'].map((unitId) => ({ unitId }));
    const base = { scores, posts: [{ teamId: 'A' }, { teamId: 'A' }, { teamId: 'A' }], candidates, teams: [{ id: 'A', maxFromOneUnit: 1 }], analyseBinding: false };
    const full = await solveWithTeamConstraints({ ...base, prune: false, method: 'direct' });
    const pruned = await solveWithTeamConstraints({ ...base, method: 'direct' });
    expect(Array.from(full.assignment)).toContain(10);
    expect(pruned.objective).toBeCloseTo(full.objective, 9);
    expect(Array.from(pruned.assignment)).toContain(10);
  });
});
