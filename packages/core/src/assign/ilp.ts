/**
 * 调整方案 with team-structure constraints: an integer programme solved exactly with HiGHS (WASM,
 * npm `highs`, loaded once, lazily).
 *
 *   maximise   Σ score[p][c] · x[p][c]            x binary, only for allowed pairs
 *   post p     Σ_c x[p][c] ≤ 1                      (= 1 with requireFill, when feasible)
 *   cand c     Σ_p x[p][c] ≤ 1
 *   team t, attribute a ∈ {female, young, nonParty} required by t:
 *              current_a(t) + Σ_{p∈t, a(c)} x[p][c] − Σ_{p∉t, a(c), team(c)=t} x[p][c] ≥ 1
 *              (a candidate who is a member of t and moves to a post elsewhere leaves t)
 *   team t with maxFromOneUnit N, source unit u:
 *              Σ_{p∈t, unit(c)=u} x[p][c] − Σ_{p∉t, unit(c)=u, team(c)=t} x[p][c] ≤ max(N − current_u(t), 0)
 *              (the plan never makes the count from one unit exceed N, or worse than today)
 *   pinned pairs: x = 1; forbidden / excluded (NaN, -Infinity) pairs: no variable.
 * A requirement no allowed pair can ever meet (no supplier at all and current 0) is dropped and
 * reported in `unsatisfiable`; rows that can never be violated are not created.
 *
 * Everything below is exact: each step either keeps at least one optimal plan or proves a bound.
 *
 * 0. Shortcut. The team rows only remove plans, so when the unconstrained optimum
 *    (solveAssignment) satisfies them all (and fills every post under requireFill) it is optimal.
 *
 * 1. Dominance pruning (the "universe" of pair variables). Write col(p,c) for the coefficients
 *    of x[p][c] in the team rows, T = team(p), and split it into the entry in T's own cap row of
 *    c's unit (if any: the "cap unit" of c at p) and the rest σ(p,c). For a post p, c' ⪰ c when
 *    score(p,c') ≥ score(p,c) and σ(p,c') is at least as good as σ(p,c) row by row (≥ on
 *    requirement rows, ≤ on cap rows). Refine it into a strict partial order ≻ by breaking
 *    equivalences by candidate index (lower first); candidates are scanned in order of score
 *    (desc) and index (asc), so every earlier candidate with a covering σ is a ≻-dominator.
 *    Claim: let K = number of free posts and m = (posts of T) − 1. If, after removing the
 *    dominators whose cap unit (≠ c's) has no room (room = the cap row's bound = 0) and then the
 *    m largest groups of dominators sharing a cap unit (≠ c's), at least K dominators remain,
 *    then some optimal plan does not use (p,c). Proof: take a feasible plan with x[p][c] = 1.
 *    The other K − 1 free posts hold at most K − 1 of the remaining dominators. A cap unit u' with
 *    room ≥ 1 can be "full without p" only when activity − (p's part) ≥ room ≥ 1, which needs a
 *    joiner from u' at another post of T; there are m such posts, so at most m units are full and
 *    their dominators were removed above. Hence some dominator c' is free and its cap unit is
 *    absent, equal to c's, or has room. Move p from c to c': the post row is unchanged, c's row
 *    drops, c' was free; every row outside T's cap rows changes by σ(p,c') − σ(p,c), which is ≥ 0
 *    on requirement rows and ≤ 0 on cap rows; T's cap row of c's unit drops by one and that of
 *    c''s unit rises by one only when it has room. The plan stays feasible (pins untouched) and
 *    does not lose value. Each such move takes p strictly up in ≻ and leaves the other posts
 *    alone, so repeating ends, in a feasible plan at least as good that uses only kept pairs.
 *    Applied to an optimal plan: the pruned model has the same optimum (and is feasible iff the
 *    full one is). The argument only uses the rows to restrict dominators, so a universe pruned
 *    with all rows is also valid when rows are dropped (binding analysis) or requireFill is off.
 *
 * 2. The universe: for small instances (≤ EAGER_PRUNE_MAX_PAIRS cells) the pruned pairs, and
 *    with ≤ DIRECT_MAX_VARIABLES of them the plain HiGHS MIP over it. Large instances work on all
 *    allowed pairs (pricing needs no pruning); the pruned universe is built only if the plain MIP
 *    becomes necessary (no incumbent, numerical trouble).
 *
 * 3. The LP relaxation by column generation. Start from a few columns per post (best overall,
 *    best per attribute class, the unconstrained optimum's pairs), solve the LP (HiGHS simplex,
 *    columns added to the same model, so each round is warm-started), price every universe pair
 *    with the duals y and add the best positive reduced costs per post, until none is left.
 *    From any y with the right signs (y ≥ 0 on ≤ rows, ≤ 0 on ≥ rows, free on the post rows
 *    only under requireFill) weak duality gives, for every feasible integer plan x,
 *        score·x = Σ_rows y_r·(Ax)_r + Σ_pairs rc·x ≤ Σ_rows y_r·b_r + Σ_p max(0, max_c rc(p,c)) =: B
 *    (each post holds at most one pair; a pinned post exactly its pinned pair, so its term is
 *    that pair's rc). B is recomputed here in JS from the clipped duals over the whole universe,
 *    so it is a valid upper bound whatever the LP's tolerances.
 *
 * 4. A plan worth B, when there is one: the LP optimum itself if integral; else the MIP on the
 *    pairs whose reduced cost is maximal for their post (the only pairs a plan worth B can use),
 *    first with the posts the LP fills integrally fixed, then without. Every plan found is checked
 *    independently (each candidate once, pins, fill, team rows); if B − value ≤ 1e-9·max(1, |value|)
 *    it is optimal: gap 0, proven by B, not by the restricted MIP.
 *
 * 5. Otherwise the MIP on the LP's columns gives an incumbent LB, and reduced-cost fixing: a
 *    plan using pair (p,c) is worth at most B − max(0, max rc(p,·)) + rc(p,c), so every pair with
 *    that below LB (with a 1e-7 relative tolerance in the safe direction) is in no plan at least as
 *    good as the incumbent, hence in no optimal plan. The final MIP over the surviving pairs (plus
 *    the LP's columns), started from the incumbent, has the true optimum; its dual bound (capped
 *    by B) and gap are real. Without an incumbent: the plain MIP over the pruned universe.
 *
 * Binding constraints: the plan is compared with the unconstrained optimum (solveAssignment);
 * if they are equal no team constraint binds. Otherwise each team row is re-solved without it
 * (the unconstrained optimum when it meets all the other rows, else by the same exact procedure,
 * seeded with the main solve's columns and plan) (tight rows first, up to bindingResolveLimit, within
 * bindingTimeBudgetMs); binding = removing it raises the optimum, with the objective gain as
 * its cost.
 */
import type { Highs, Model } from 'highs';
import { isAllowedScore, preparePairs, solveAssignment, topKOfRow, type PostCand } from './hungarian';

export type Id = string | number;

export interface TeamPost {
  teamId: Id;
}
export interface TeamCandidate {
  female?: boolean;
  young?: boolean;
  nonParty?: boolean;
  /** source unit (for maxFromOneUnit) */
  unitId?: Id | null;
  /** the team the candidate is a member of today (moving elsewhere leaves it) */
  teamId?: Id | null;
}
export interface TeamSpec {
  id: Id;
  /** counts among the members who stay (the vacated posts' incumbents excluded) */
  currentWomen?: number;
  currentYoung?: number;
  currentNonParty?: number;
  requireWoman?: boolean;
  requireYoung?: boolean;
  requireNonParty?: boolean;
  /** at most N members from one source unit; null/absent = no cap */
  maxFromOneUnit?: number | null;
  /** staying members per source unit */
  currentFromUnit?: Record<string, number>;
}

export interface TeamAssignmentInput {
  scores: readonly ArrayLike<number>[];
  posts: readonly TeamPost[];
  candidates: readonly TeamCandidate[];
  teams: readonly TeamSpec[];
  pinned?: readonly PostCand[];
  forbidden?: readonly PostCand[];
  /** every post must be filled when that is feasible (else falls back to ≤ 1, fillRelaxed) */
  requireFill?: boolean;
  /** re-solve without constraints to tell which bind (default true) */
  analyseBinding?: boolean;
  bindingResolveLimit?: number;
  /** stop the binding re-solves after this many ms (default 5000); the rest stay binding: null */
  bindingTimeBudgetMs?: number;
  /** exact dominance pruning of the pair variables (default true) */
  prune?: boolean;
  /**
   * 'auto' (default): the plain MIP for small models, LP pricing + bound + reduced-cost fixing
   * for large ones; 'direct' / 'pricing' force one of them (tests).
   */
  method?: 'auto' | 'direct' | 'pricing';
  timeLimitSeconds?: number;
}

export type ConstraintKind = 'woman' | 'young' | 'nonParty' | 'unitCap' | 'fill';

export interface ConstraintReport {
  id: string;
  kind: ConstraintKind;
  teamId?: Id;
  unitId?: Id;
  /** team count after the plan (requirements, caps) */
  after?: number;
  bound: number;
  /** slack at the solution (0 = tight) */
  slack: number;
  tight: boolean;
  /** true: removing it raises the optimum; false: it does not; null: not analysed */
  binding: boolean | null;
  /** optimum without this constraint (when analysed) */
  objectiveWithout?: number;
  zh: string;
  en: string;
}

export type PlanStatus = 'optimal' | 'infeasible' | 'time_limit' | 'error';

export interface TeamAssignmentResult {
  status: PlanStatus;
  /** post → candidate, -1 = empty */
  assignment: Int32Array;
  objective: number;
  /** proven upper bound on the optimum and relative gap (0 only when proven optimal) */
  bound: number;
  gap: number;
  /** optimum without team constraints (solveAssignment) */
  unconstrainedObjective: number;
  constraints: ConstraintReport[];
  unsatisfiable: { teamId: Id; kind: ConstraintKind; zh: string; en: string }[];
  fillRelaxed: boolean;
  /** pair variables after exact pruning (the model the optimum is taken over) */
  variables: number;
  /** rows of the last MIP solved */
  rows: number;
  pruned: boolean;
  /**
   * how optimality was reached: 'unconstrained' (the Hungarian optimum meets every team row),
   * 'lp-bound' (incumbent = proven LP bound), 'reduced-cost' (final MIP after fixing), 'direct'
   * (plain MIP over all pair variables)
   */
  method: 'unconstrained' | 'lp-bound' | 'reduced-cost' | 'direct';
  /** columns of the last MIP solved */
  mipColumns: number;
  /** LP pricing rounds (0 on the direct path) */
  lpRounds: number;
  solveMs: number;
  analysisMs: number;
}

// ───────────────────────────── HiGHS loading ─────────────────────────────
let highsPromise: Promise<Highs> | null = null;
/** Load the HiGHS WASM runtime once (Node: the .wasm beside the package). */
export function loadHighsOnce(): Promise<Highs> {
  if (!highsPromise) {
    highsPromise = import('highs').then((m) => {
      const loader = (m as unknown as { default: (o?: unknown) => Promise<Highs> }).default;
      return loader();
    });
    highsPromise.catch(() => {
      highsPromise = null;
    });
  }
  return highsPromise;
}

// ───────────────────────────── model building ─────────────────────────────
/** a team row (requirement ≥ lower, or unit cap ≤ upper) */
type Row = { id: string; kind: ConstraintKind; teamId?: Id; unitId?: Id; lower: number; upper: number; current: number };

const ATTRS = [
  { key: 'female', kind: 'woman', req: 'requireWoman', cur: 'currentWomen', zh: '女干部', en: 'woman' },
  { key: 'young', kind: 'young', req: 'requireYoung', cur: 'currentYoung', zh: '年轻干部', en: 'young member' },
  { key: 'nonParty', kind: 'nonParty', req: 'requireNonParty', cur: 'currentNonParty', zh: '党外干部', en: 'non-CPC member' },
] as const;

const key = (v: Id | null | undefined) => (v == null ? '' : `${typeof v}:${v}`);

/** instances up to this many pairs are pruned eagerly (else only when the plain MIP is needed) */
const EAGER_PRUNE_MAX_PAIRS = 200_000;
/** above this many pair variables (after exact pruning) the pricing method is used */
const DIRECT_MAX_VARIABLES = 1500;
/** initial LP columns per post: the best few overall and per class */
const SEED_TOP = 8;
const SEED_PER_CLASS = 3;
/** columns added per post and pricing round */
const ADD_PER_POST = 8;
/** the MIP on the LP-tight pairs is tried when there are at most this many */
const TIGHT_MIP_MAX = 5000;
/** reduced-cost tolerance of the pricing loop (it only decides when to stop; bounds are recomputed) */
const PRICE_TOL = 1e-9;

type SolveOutcome = {
  status: PlanStatus;
  assignment: Int32Array | null;
  objective: number;
  /** proven upper bound on the optimum */
  bound: number;
  gap: number;
  /** (post, candidate) pairs of the last model (p·cands + c), reused as the next seed */
  pairs: Int32Array | null;
  mipColumns: number;
  mipRows: number;
  lpRounds: number;
  fixedBy: 'lp-bound' | 'reduced-cost' | 'direct';
};

export async function solveWithTeamConstraints(input: TeamAssignmentInput): Promise<TeamAssignmentResult> {
  const t0 = performance.now();
  const { scores, posts: postList, candidates: candList, teams } = input;
  const { posts, cands, forbiddenSet, pinPost, pinCand } = preparePairs(scores, input.pinned, input.forbidden);
  if (postList.length !== posts) throw new Error(`posts.length ${postList.length} ≠ score rows ${posts}`);
  if (candList.length !== cands) throw new Error(`candidates.length ${candList.length} ≠ score columns ${cands}`);
  const teamByKey = new Map<string, TeamSpec>();
  for (const t of teams) teamByKey.set(key(t.id), t);
  const postTeam = postList.map((p) => key(p.teamId));
  const candTeam = candList.map((c) => key(c.teamId));
  const candUnit = candList.map((c) => key(c.unitId));
  const allowed = (p: number, c: number) => isAllowedScore(scores[p][c]) && !forbiddenSet.has(p * cands + c);
  const unconstrained = solveAssignment({ scores, pinned: input.pinned, forbidden: input.forbidden });
  const deadline = input.timeLimitSeconds ? t0 + input.timeLimitSeconds * 1000 : Infinity;

  // ── which team rows can matter (computed on all allowed pairs) ──
  const postsOfTeam = new Map<string, number[]>();
  postTeam.forEach((t, p) => {
    let l = postsOfTeam.get(t);
    if (!l) postsOfTeam.set(t, (l = []));
    l.push(p);
  });
  const membersOf = new Map<string, number[]>(); // team key → candidates who are its members
  candTeam.forEach((t, c) => {
    if (t === '') return;
    let l = membersOf.get(t);
    if (!l) membersOf.set(t, (l = []));
    l.push(c);
  });
  const unsatisfiable: TeamAssignmentResult['unsatisfiable'] = [];
  const attrRows = new Map<string, number[]>(); // team key → attribute indices needing a row
  for (const t of teams) {
    const tk = key(t.id);
    const myPosts = postsOfTeam.get(tk) ?? [];
    ATTRS.forEach((a, ai) => {
      if (!t[a.req]) return;
      const cur = t[a.cur] ?? 0;
      let suppliers = false;
      for (const p of myPosts) {
        for (let c = 0; c < cands && !suppliers; c++) if (candList[c][a.key] && allowed(p, c)) suppliers = true;
        if (suppliers) break;
      }
      // members of t with the attribute who could leave for a post elsewhere
      let leavers = 0;
      for (const c of membersOf.get(tk) ?? []) {
        if (!candList[c][a.key]) continue;
        for (let p = 0; p < posts; p++) {
          if (postTeam[p] !== tk && allowed(p, c)) {
            leavers++;
            break;
          }
        }
      }
      if (cur - leavers >= 1) return; // can never be violated
      if (!suppliers && cur < 1) {
        unsatisfiable.push({
          teamId: t.id,
          kind: a.kind,
          zh: `班子${t.id}要求配备${a.zh}，但没有可用的${a.zh}人选`,
          en: `team ${t.id} needs a ${a.en} but no allowed candidate is one`,
        });
        return;
      }
      let l = attrRows.get(tk);
      if (!l) attrRows.set(tk, (l = []));
      l.push(ai);
    });
  }
  // unit caps: (team, unit) pairs that could exceed the cap
  const capRows = new Map<string, Set<string>>(); // team key → units
  for (const t of teams) {
    if (t.maxFromOneUnit == null) continue;
    const tk = key(t.id);
    const myPosts = postsOfTeam.get(tk) ?? [];
    if (!myPosts.length) continue;
    const perUnit = new Map<string, number>();
    for (let c = 0; c < cands; c++) {
      const u = candUnit[c];
      if (!u) continue;
      let n = 0;
      for (const p of myPosts) if (allowed(p, c)) n++;
      if (n) perUnit.set(u, (perUnit.get(u) ?? 0) + 1);
    }
    for (const [u, nCands] of perUnit) {
      const cur = t.currentFromUnit?.[String(u.slice(u.indexOf(':') + 1))] ?? 0;
      const room = Math.max(t.maxFromOneUnit - cur, 0);
      if (Math.min(myPosts.length, nCands) <= room) continue;
      let s = capRows.get(tk);
      if (!s) capRows.set(tk, (s = new Set()));
      s.add(u);
    }
  }

  // ── team rows, indexed ──
  const rows: Row[] = [];
  const attrRowOf = new Map<string, Int32Array>(); // team key → row per attribute (−1: none)
  const capRowOf = new Map<string, Map<string, number>>(); // team key → unit key → row
  const teamSpecOf = (tk: string) => teamByKey.get(tk)!;
  for (const [tk, ais] of attrRows) {
    const t = teamSpecOf(tk);
    const arr = new Int32Array(3).fill(-1);
    for (const ai of ais) {
      const a = ATTRS[ai];
      const cur = t[a.cur] ?? 0;
      arr[ai] = rows.length;
      rows.push({ id: `${a.kind}:${tk}`, kind: a.kind, teamId: t.id, lower: 1 - cur, upper: Infinity, current: cur });
    }
    attrRowOf.set(tk, arr);
  }
  const unitIdOfKey = new Map<string, Id>();
  if (capRows.size) for (const c of candList) if (c.unitId != null && !unitIdOfKey.has(key(c.unitId))) unitIdOfKey.set(key(c.unitId), c.unitId);
  for (const [tk, units] of capRows) {
    const t = teamSpecOf(tk);
    const m = new Map<string, number>();
    for (const u of units) {
      const rawUnit = u.slice(u.indexOf(':') + 1);
      const unitId = unitIdOfKey.get(u) ?? rawUnit;
      const cur = t.currentFromUnit?.[rawUnit] ?? 0;
      m.set(u, rows.length);
      rows.push({ id: `unitCap:${tk}:${u}`, kind: 'unitCap', teamId: t.id, unitId, lower: -Infinity, upper: Math.max(t.maxFromOneUnit! - cur, 0), current: cur });
    }
    capRowOf.set(tk, m);
  }
  const R = rows.length;
  const isCap = Uint8Array.from(rows, (r) => (r.kind === 'unitCap' ? 1 : 0));
  const flagMask = Int32Array.from(candList, (c) => (c.female ? 1 : 0) | (c.young ? 2 : 0) | (c.nonParty ? 4 : 0));

  /**
   * Coefficients of x[p][c] in the team rows, written to (eRowBuf, eValBuf)[0..n): +1 in the
   * post's team rows for the attributes c has and for c's unit; −1 in the rows of c's own team
   * when the post is elsewhere (c leaves it). At most 3 + 3 + 1 + 1 entries.
   */
  const eRowBuf = new Int32Array(8);
  const eValBuf = new Float64Array(8);
  function colEntries(p: number, c: number): number {
    const T = postTeam[p];
    const S = candTeam[c];
    const f = flagMask[c];
    let n = 0;
    const ta = attrRowOf.get(T);
    if (ta) {
      for (let a = 0; a < 3; a++) {
        if (ta[a] >= 0 && f & (1 << a)) {
          eRowBuf[n] = ta[a];
          eValBuf[n++] = 1;
        }
      }
    }
    const leaves = S !== '' && S !== T;
    if (leaves) {
      const sa = attrRowOf.get(S);
      if (sa) {
        for (let a = 0; a < 3; a++) {
          if (sa[a] >= 0 && f & (1 << a)) {
            eRowBuf[n] = sa[a];
            eValBuf[n++] = -1;
          }
        }
      }
    }
    const u = candUnit[c];
    if (u !== '') {
      const tr = capRowOf.get(T)?.get(u);
      if (tr !== undefined) {
        eRowBuf[n] = tr;
        eValBuf[n++] = 1;
      }
      if (leaves) {
        const sr = capRowOf.get(S)?.get(u);
        if (sr !== undefined) {
          eRowBuf[n] = sr;
          eValBuf[n++] = -1;
        }
      }
    }
    return n;
  }
  /** team-row activities of a plan */
  const activities = (assign: Int32Array): Float64Array => {
    const act = new Float64Array(R);
    for (let p = 0; p < posts; p++) {
      const c = assign[p];
      if (c < 0) continue;
      const n = colEntries(p, c);
      for (let k = 0; k < n; k++) act[eRowBuf[k]] += eValBuf[k];
    }
    return act;
  };
  const satisfies = (act: Float64Array, active: Uint8Array) => {
    for (let r = 0; r < R; r++) if (active[r] && (act[r] < rows[r].lower - 1e-9 || act[r] > rows[r].upper + 1e-9)) return false;
    return true;
  };

  // ── variables: allowed pairs, exact dominance pruning per post (see the module comment) ──
  const freeCount = posts - pinPost.reduce((s, c) => s + (c >= 0 ? 1 : 0), 0);
  const K = freeCount;
  const doPrune = input.prune !== false && K > 0;
  // the part of a candidate's column in the rows of its own team (when it leaves it), as an id
  const sPartId = new Int32Array(cands);
  {
    const ids = new Map<string, number>();
    for (let c = 0; c < cands; c++) {
      const S = candTeam[c];
      if (S === '') continue;
      const sa = attrRowOf.get(S);
      const sr = candUnit[c] !== '' ? capRowOf.get(S)?.get(candUnit[c]) : undefined;
      const bits = sa ? (sa[0] >= 0 ? flagMask[c] & 1 : 0) | (sa[1] >= 0 ? flagMask[c] & 2 : 0) | (sa[2] >= 0 ? flagMask[c] & 4 : 0) : 0;
      if (!bits && sr === undefined) continue;
      const k = `${S}|${bits}|${sr ?? ''}`;
      let id = ids.get(k);
      if (id === undefined) ids.set(k, (id = ids.size + 1));
      sPartId[c] = id;
    }
  }
  /** σ ⪰ τ on the rows outside the post's own cap rows: ≥ on requirement rows, ≤ on cap rows */
  const covers = (aRow: number[], aVal: number[], bRow: number[], bVal: number[]) => {
    for (let i = 0; i < aRow.length; i++) {
      const j = bRow.indexOf(aRow[i]);
      const bv = j >= 0 ? bVal[j] : 0;
      if (isCap[aRow[i]] ? aVal[i] > bv : aVal[i] < bv) return false;
    }
    for (let j = 0; j < bRow.length; j++) {
      if (aRow.includes(bRow[j])) continue;
      if (isCap[bRow[j]] ? 0 > bVal[j] : 0 < bVal[j]) return false;
    }
    return true;
  };
  // integer ids for the per-post lookups
  const unitIdxOf = new Map<string, number>();
  const candUnitIdx = Int32Array.from(candUnit, (u) => {
    if (u === '') return -1;
    let i = unitIdxOf.get(u);
    if (i === undefined) unitIdxOf.set(u, (i = unitIdxOf.size));
    return i;
  });
  const nUnits = unitIdxOf.size;
  const anyPinned = pinCand.some((p) => p >= 0);
  const forb = forbiddenSet.size > 0 ? forbiddenSet : null;
  const selMark = new Uint8Array(cands);
  const SEL_EXTRA = 16;
  /**
   * The universe of pair variables: per post, its allowed candidates (pinned pairs: only the
   * pinned candidate), either all of them (index order) or after the exact dominance pruning
   * (score order).
   */
  type Universe = { n: number; post: Int32Array; cand: Int32Array; score: Float64Array; cls: Int32Array; pinned: Uint8Array; postStart: Int32Array; pruned: boolean };
  function buildUniverse(prune: boolean): Universe {
    let cap = Math.max(64, posts * 64);
    let n = 0;
    let bPost = new Int32Array(cap);
    let bCand = new Int32Array(cap);
    let bCls = new Int32Array(cap);
    let bPin = new Uint8Array(cap);
    let bScore = new Float64Array(cap);
    const postStart = new Int32Array(posts + 1);
    const pushCol = (p: number, c: number, cls: number, pinned: boolean) => {
      if (n === cap) {
        cap *= 2;
        const i32 = (a: Int32Array) => {
          const b = new Int32Array(cap);
          b.set(a);
          return b;
        };
        bPost = i32(bPost);
        bCand = i32(bCand);
        bCls = i32(bCls);
        const pin = new Uint8Array(cap);
        pin.set(bPin);
        bPin = pin;
        const sc = new Float64Array(cap);
        sc.set(bScore);
        bScore = sc;
      }
      bPost[n] = p;
      bCand[n] = c;
      bCls[n] = cls;
      bPin[n] = pinned ? 1 : 0;
      bScore[n] = scores[p][c];
      n++;
    };
    for (let p = 0; p < posts; p++) {
      postStart[p] = n;
      if (pinPost[p] >= 0) {
        pushCol(p, pinPost[p], 0, true);
        continue;
      }
      const row = scores[p];
      if (!prune) {
        for (let c = 0; c < cands; c++) {
          if (anyPinned && pinCand[c] >= 0) continue;
          const v = row[c];
          if (v !== v || v === -Infinity || (forb !== null && forb.has(p * cands + c))) continue;
          pushCol(p, c, flagMask[c], false);
        }
        continue;
      }
      const T = postTeam[p];
      const ta = attrRowOf.get(T);
      const tMask = ta ? (ta[0] >= 0 ? 1 : 0) | (ta[1] >= 0 ? 2 : 0) | (ta[2] >= 0 ? 4 : 0) : 0;
      const capT = capRowOf.get(T);
      // local index q of the post team's cap rows, by unit; Q = "no cap row"
      const capRowsT: number[] = [];
      const qOfUnit = new Int32Array(nUnits);
      const Q = capT ? capT.size : 0;
      qOfUnit.fill(Q);
      if (capT) {
        for (const [u, r] of capT) {
          qOfUnit[unitIdxOf.get(u)!] = capRowsT.length;
          capRowsT.push(r);
        }
      }
      const room = Int32Array.from(capRowsT, (r) => rows[r].upper);
      const mT = (postsOfTeam.get(T)?.length ?? 1) - 1;
      const groupOf = new Map<number, number>();
      const gRow: number[][] = [];
      const gVal: number[][] = [];
      const down: number[][] = []; // down[h] = classes g with σ_h ⪰ σ_g (h included)
      const up: number[][] = []; // up[g] = classes h with σ_h ⪰ σ_g (g included)
      const own: Int32Array[] = []; // per class: processed members per q (index Q: no cap row)
      const agg: Int32Array[] = []; // per class: processed members of classes covering it, per q
      const aggTotal: number[] = [];
      const top = new Int32Array(Math.max(mT, 1));
      const qOf = (c: number) => (candUnitIdx[c] >= 0 ? qOfUnit[candUnitIdx[c]] : Q);
      const groupFor = (c: number): number => {
        const gk = (flagMask[c] & tMask) + 8 * (candTeam[c] !== '' && candTeam[c] !== T ? sPartId[c] : 0);
        let g = groupOf.get(gk);
        if (g !== undefined) return g;
        g = gRow.length;
        groupOf.set(gk, g);
        const q = qOf(c);
        const capRow = q < Q ? capRowsT[q] : -1;
        const n = colEntries(p, c);
        const rr: number[] = [];
        const vv: number[] = [];
        for (let k = 0; k < n; k++) {
          if (eRowBuf[k] === capRow && eValBuf[k] > 0) continue; // the post team's own cap row: handled by the unit count
          rr.push(eRowBuf[k]);
          vv.push(eValBuf[k]);
        }
        gRow.push(rr);
        gVal.push(vv);
        down.push([g]);
        up.push([g]);
        own.push(new Int32Array(Q + 1));
        const a = new Int32Array(Q + 1);
        let tot = 0;
        for (let h = 0; h < g; h++) {
          if (covers(rr, vv, gRow[h], gVal[h])) {
            down[g].push(h);
            up[h].push(g);
          }
          if (covers(gRow[h], gVal[h], rr, vv)) {
            down[h].push(g);
            up[g].push(h);
            for (let q2 = 0; q2 <= Q; q2++) {
              a[q2] += own[h][q2];
              tot += own[h][q2];
            }
          }
        }
        agg.push(a);
        aggTotal.push(tot);
        return g;
      };
      /**
       * dominators of a member of class g whose cap unit is q, after dropping those of units with
       * no room and the mT largest unit groups other than q (q = Q: drop the mT largest of all)
       */
      const effective = (g: number, q: number): number => {
        let d = aggTotal[g];
        if (Q === 0) return d;
        const a = agg[g];
        let nTop = 0;
        for (let qq = 0; qq < Q; qq++) {
          if (qq === q) continue; // same unit as c: the swap leaves that cap row unchanged
          const v = a[qq];
          if (v === 0) continue;
          if (room[qq] <= 0) {
            d -= v; // a unit with no room may always be full
            continue;
          }
          if (mT === 0) continue;
          if (nTop < mT || v > top[mT - 1]) {
            let i = nTop < mT ? nTop++ : mT - 1;
            while (i > 0 && top[i - 1] < v) {
              top[i] = top[i - 1];
              i--;
            }
            top[i] = v;
          }
        }
        for (let i = 0; i < nTop; i++) d -= top[i];
        return d;
      };
      const visit = (c: number) => {
        const g = groupFor(c);
        const q = qOf(c);
        if (aggTotal[g] < K || effective(g, q) < K) pushCol(p, c, g, false);
        own[g][q]++;
        for (const h of down[g]) {
          agg[h][q]++;
          aggTotal[h]++;
        }
      };
      const byOrder = (a: number, b: number) => row[b] - row[a] || a - b;
      // phase 1: the L best (score desc, index asc: exactly the first L of the scan order)
      const L = Math.min(cands, 4 * K + SEL_EXTRA);
      const vbuf = new Float64Array(L);
      const ibuf = new Int32Array(L);
      const nSel = topKOfRow(row, cands, L, anyPinned ? pinCand : null, forb, p * cands, vbuf, ibuf);
      const sel = Array.from(ibuf.subarray(0, nSel)).sort(byOrder);
      for (const c of sel) visit(c);
      if (nSel < L) continue; // that was every allowed candidate
      // phase 2: every later candidate of a class that already has ≥ K effective dominators
      // (monotone in the scan) is pruned; the rest, with every class covering such a class, are
      // scanned in order
      for (const c of sel) selMark[c] = 1;
      const rest: number[] = [];
      const restGroup: number[] = [];
      for (let c = 0; c < cands; c++) {
        if (selMark[c] || (anyPinned && pinCand[c] >= 0)) continue;
        const v = row[c];
        if (v !== v || v === -Infinity || (forb !== null && forb.has(p * cands + c))) continue;
        rest.push(c);
        restGroup.push(groupFor(c));
      }
      for (const c of sel) selMark[c] = 0;
      const G = gRow.length;
      const needed = new Uint8Array(G);
      for (let g = 0; g < G; g++) if (effective(g, Q) < K) for (const h of up[g]) needed[h] = 1;
      const z: number[] = [];
      for (let i = 0; i < rest.length; i++) if (needed[restGroup[i]]) z.push(rest[i]);
      z.sort(byOrder);
      for (const c of z) visit(c);
    }
    postStart[posts] = n;
    return {
      n,
      post: bPost.slice(0, n),
      cand: bCand.slice(0, n),
      score: bScore.slice(0, n),
      cls: bCls.slice(0, n),
      pinned: bPin.slice(0, n),
      postStart,
      pruned: prune,
    };
  }
  const method = input.method ?? 'auto';
  // small instances: prune eagerly (cheap) and maybe solve the MIP directly; large ones price
  // over all allowed pairs and build the pruned universe only if the plain MIP is needed
  let U = buildUniverse(doPrune && (method === 'direct' || posts * cands <= EAGER_PRUNE_MAX_PAIRS));
  const hasAllowed = new Uint8Array(posts);
  for (let j = 0; j < U.n; j++) hasAllowed[U.post[j]] = 1;

  const highs = await loadHighsOnce();
  const inf = highs.infinity;
  const mstat = highs.constants.modelStatus;
  const result: TeamAssignmentResult = {
    status: 'error',
    assignment: new Int32Array(posts).fill(-1),
    objective: NaN,
    bound: NaN,
    gap: NaN,
    unconstrainedObjective: unconstrained.total,
    constraints: [],
    unsatisfiable,
    fillRelaxed: false,
    variables: U.n,
    rows: 0,
    pruned: U.pruned,
    method: 'unconstrained',
    mipColumns: 0,
    lpRounds: 0,
    solveMs: 0,
    analysisMs: 0,
  };
  const allActive = new Uint8Array(R).fill(1);
  if (U.n === 0) {
    result.status = rows.some((r) => r.lower > 0) ? 'infeasible' : 'optimal';
    if (result.status === 'optimal') {
      result.objective = 0;
      result.bound = 0;
      result.gap = 0;
    }
    result.constraints = rows.map((r) => report(r, 0, null));
    result.solveMs = performance.now() - t0;
    return result;
  }

  // ── HiGHS models over a subset of the universe ──
  const postRow = new Int32Array(posts);
  const candRow = new Int32Array(cands);
  const teamRow = new Int32Array(R);
  const candCount = new Int32Array(cands);
  const timeLeft = () => Math.max(0.05, (deadline - performance.now()) / 1000);
  let lastRows = 0;
  let allCols = Int32Array.from({ length: U.n }, (_, j) => j);
  const setUniverse = (u: Universe) => {
    U = u;
    allCols = Int32Array.from({ length: U.n }, (_, j) => j);
    result.variables = U.n;
    result.pruned = U.pruned;
  };
  /** universe columns of a set of (post, candidate) pairs (codes p·cands + c), where present */
  function colsOfPairs(codes: Int32Array | null): number[] {
    if (!codes || !codes.length) return [];
    const out: number[] = [];
    const want = new Set<number>(codes);
    for (let j = 0; j < U.n; j++) if (want.has(U.post[j] * cands + U.cand[j])) out.push(j);
    return out;
  }
  /**
   * Row layout: post rows, candidate rows, active team rows. With allRows the post and
   * candidate rows cover the whole universe (so columns can be added later), else only the
   * given columns (a candidate row only for ≥ 2 columns).
   */
  function layoutRows(cols: Int32Array, active: Uint8Array, fill: boolean, allRows: boolean) {
    postRow.fill(-1);
    candRow.fill(-1);
    teamRow.fill(-1);
    candCount.fill(0);
    const lower: number[] = [];
    const upper: number[] = [];
    const src = allRows ? allCols : cols;
    for (const j of src) candCount[U.cand[j]]++;
    for (const j of src) {
      const p = U.post[j];
      if (postRow[p] < 0) {
        postRow[p] = lower.length;
        lower.push(fill ? 1 : -inf);
        upper.push(1);
      }
    }
    for (let c = 0; c < cands; c++) {
      if (candCount[c] < 2) continue;
      candRow[c] = lower.length;
      lower.push(-inf);
      upper.push(1);
    }
    for (let r = 0; r < R; r++) {
      if (!active[r]) continue;
      teamRow[r] = lower.length;
      lower.push(rows[r].lower === -Infinity ? -inf : rows[r].lower);
      upper.push(rows[r].upper === Infinity ? inf : rows[r].upper);
    }
    lastRows = lower.length;
    return { lower: Float64Array.from(lower), upper: Float64Array.from(upper) };
  }
  /** CSC data of the given universe columns under the current row layout */
  function columnData(cols: Int32Array) {
    const n = cols.length;
    const starts = new Int32Array(n + 1);
    const idx: number[] = [];
    const val: number[] = [];
    const tmp: [number, number][] = [];
    for (let k = 0; k < n; k++) {
      const j = cols[k];
      starts[k] = idx.length;
      tmp.length = 0;
      tmp.push([postRow[U.post[j]], 1]);
      if (candRow[U.cand[j]] >= 0) tmp.push([candRow[U.cand[j]], 1]);
      const ne = colEntries(U.post[j], U.cand[j]);
      for (let e = 0; e < ne; e++) if (teamRow[eRowBuf[e]] >= 0) tmp.push([teamRow[eRowBuf[e]], eValBuf[e]]);
      tmp.sort((a, b) => a[0] - b[0]);
      for (const [r, v] of tmp) {
        idx.push(r);
        val.push(v);
      }
    }
    starts[n] = idx.length;
    return {
      cost: Float64Array.from(cols, (j) => U.score[j]),
      lower: Float64Array.from(cols, (j) => U.pinned[j]),
      upper: new Float64Array(n).fill(1),
      matrix: { format: 'csc' as const, numRows: lastRows, numCols: n, starts, indices: Int32Array.from(idx), values: Float64Array.from(val) },
    };
  }
  function buildModel(cols: Int32Array, active: Uint8Array, fill: boolean, integer: boolean, allRows = false) {
    const rl = layoutRows(cols, active, fill, allRows);
    const cd = columnData(cols);
    const n = cols.length;
    const m = highs.createModel({
      numCols: n,
      numRows: lastRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: cd.cost,
      colLower: cd.lower,
      colUpper: cd.upper,
      rowLower: rl.lower,
      rowUpper: rl.upper,
      matrix: cd.matrix,
      ...(integer ? { integrality: new Int32Array(n).fill(highs.constants.variableType.integer) } : {}),
    });
    m.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9, ...(deadline === Infinity ? {} : { time_limit: timeLeft() }) });
    return m;
  }
  type Run = { status: PlanStatus; x: Float64Array | null; dualBound: number; mipGap: number };
  function runModel(m: Model, cols: Int32Array, start: Int32Array | null): Run {
    if (start) {
      const x = new Float64Array(cols.length);
      let hit = 0;
      cols.forEach((j, k) => {
        if (start[U.post[j]] === U.cand[j]) {
          x[k] = 1;
          hit++;
        }
      });
      let filled = 0;
      for (let p = 0; p < posts; p++) if (start[p] >= 0) filled++;
      if (hit === filled) m.setSolution({ colValue: x });
    }
    m.run();
    const st = m.getModelStatus();
    const info = () => ({ dualBound: Number(m.info.get('mip_dual_bound')), mipGap: Number(m.info.get('mip_gap')) });
    if (st === mstat.optimal) return { status: 'optimal', x: m.getSolution().colValue, ...info() };
    if (st === mstat.infeasible || st === mstat.unboundedOrInfeasible) return { status: 'infeasible', x: null, dualBound: NaN, mipGap: NaN };
    if (st === mstat.timeLimit || st === mstat.interrupted || st === mstat.solutionLimit) {
      let x: Float64Array | null = null;
      try {
        const sol = m.getSolution();
        if (sol.colValue.length === cols.length && Number(m.info.get('primal_solution_status')) === 2) x = sol.colValue;
      } catch {
        x = null;
      }
      return { status: 'time_limit', x, ...info() };
    }
    return { status: 'error', x: null, dualBound: NaN, mipGap: NaN };
  }
  const planOf = (cols: Int32Array, x: Float64Array) => {
    const a = new Int32Array(posts).fill(-1);
    cols.forEach((j, k) => {
      if (x[k] > 0.5) a[U.post[j]] = U.cand[j];
    });
    return a;
  };
  const totalOf = (a: Int32Array) => {
    let s = 0;
    for (let p = 0; p < posts; p++) if (a[p] >= 0) s += scores[p][a[p]];
    return s;
  };
  const pairCodes = (cols: Int32Array) => Int32Array.from(cols, (j) => U.post[j] * cands + U.cand[j]);
  /** an independent feasibility check of a plan (each candidate once, pins, fill, team rows) */
  function isFeasiblePlan(a: Int32Array, active: Uint8Array, fill: boolean): boolean {
    const seen = new Set<number>();
    for (let p = 0; p < posts; p++) {
      const c = a[p];
      if (pinPost[p] >= 0 && c !== pinPost[p]) return false;
      if (c < 0) {
        if (fill && hasAllowed[p]) return false;
        continue;
      }
      if (seen.has(c) || !allowed(p, c) || (pinCand[c] >= 0 && pinCand[c] !== p)) return false;
      seen.add(c);
    }
    return satisfies(activities(a), active);
  }

  /** MIP over the given columns (they contain an optimal plan): HiGHS' own bound is valid */
  function solveMip(cols: Int32Array, active: Uint8Array, fill: boolean, start: Int32Array | null, upper: number, fixedBy: SolveOutcome['fixedBy'], lpRounds: number): SolveOutcome {
    const m = buildModel(cols, active, fill, true);
    try {
      const r = runModel(m, cols, start);
      const out: SolveOutcome = { status: r.status, assignment: null, objective: NaN, bound: NaN, gap: NaN, pairs: pairCodes(cols), mipColumns: cols.length, mipRows: lastRows, lpRounds, fixedBy };
      if (!r.x) return out;
      out.assignment = planOf(cols, r.x);
      out.objective = totalOf(out.assignment);
      const hb = Number.isFinite(r.dualBound) ? r.dualBound : Infinity;
      out.bound = Math.min(upper, hb);
      if (r.status === 'optimal') {
        out.gap = Number.isFinite(r.mipGap) ? Math.max(0, r.mipGap) : 0;
        if (!Number.isFinite(out.bound)) out.bound = out.objective;
      } else out.gap = Number.isFinite(out.bound) ? Math.max(0, out.bound - out.objective) / Math.max(1, Math.abs(out.objective)) : NaN;
      return out;
    } finally {
      m.dispose();
    }
  }
  /** the plain MIP over the (pruned) universe */
  function solveDirect(active: Uint8Array, fill: boolean, start: Int32Array | null, upper: number, lpRounds: number): SolveOutcome {
    if (doPrune && !U.pruned) setUniverse(buildUniverse(true));
    return solveMip(allCols, active, fill, start, upper, 'direct', lpRounds);
  }

  // integer team ids and per-team row tables for fast pricing
  const teamIdx = new Map<string, number>();
  for (const t of teams) if (!teamIdx.has(key(t.id))) teamIdx.set(key(t.id), teamIdx.size);
  const nTeamIdx = teamIdx.size;
  const postTeamIdx = Int32Array.from(postTeam, (t) => teamIdx.get(t) ?? -1);
  const candTeamIdx = Int32Array.from(candTeam, (t) => (t === '' ? -1 : (teamIdx.get(t) ?? -1)));
  const attrRowT = new Int32Array(nTeamIdx * 3).fill(-1);
  const capRowsByTeam: (Int32Array | null)[] = new Array(nTeamIdx).fill(null);
  for (const [tk, arr] of attrRowOf) attrRowT.set(arr, teamIdx.get(tk)! * 3);
  for (const [tk, m] of capRowOf) {
    const a = new Int32Array(nUnits).fill(-1);
    for (const [u, r] of m) a[unitIdxOf.get(u)!] = r;
    capRowsByTeam[teamIdx.get(tk)!] = a;
  }

  /**
   * Exact optimum over the universe with the given team rows active. See the module comment:
   * LP relaxation by pricing, a proven bound B from its duals, an integral LP optimum or the MIP
   * on the LP's columns for an incumbent, and reduced-cost fixing against it for the final MIP.
   */
  function solveExact(active: Uint8Array, fill: boolean, seed: Int32Array | null, start: Int32Array | null): SolveOutcome {
    if (method === 'direct' || (method === 'auto' && U.n <= DIRECT_MAX_VARIABLES)) return solveDirect(active, fill, start, Infinity, 0);
    const nU = U.n;
    const postStart = U.postStart;
    // initial columns: the seed pairs, the start plan and the unconstrained optimum, and per post
    // the best few overall and per class
    const inCore = new Uint8Array(nU);
    for (const j of colsOfPairs(seed)) inCore[j] = 1;
    for (const a of [start, unconstrained.assignment]) {
      if (!a) continue;
      for (let p = 0; p < posts; p++) {
        if (a[p] < 0) continue;
        for (let j = postStart[p]; j < postStart[p + 1]; j++) if (U.cand[j] === a[p]) inCore[j] = 1;
      }
    }
    if (!seed) {
      const bv = new Float64Array(SEED_TOP * 9);
      const bj = new Int32Array(SEED_TOP * 9);
      const cnt = new Int32Array(9);
      const insertBest = (slot: number, cap: number, v: number, j: number) => {
        const base = slot * SEED_TOP;
        let n = cnt[slot];
        if (n === cap && !(v > bv[base + n - 1])) return;
        if (n < cap) n = ++cnt[slot];
        let i = n - 1;
        while (i > 0 && bv[base + i - 1] < v) {
          bv[base + i] = bv[base + i - 1];
          bj[base + i] = bj[base + i - 1];
          i--;
        }
        bv[base + i] = v;
        bj[base + i] = j;
      };
      for (let p = 0; p < posts; p++) {
        const ta = postTeamIdx[p] >= 0 ? postTeamIdx[p] * 3 : -1;
        const tMask = ta >= 0 ? (attrRowT[ta] >= 0 ? 1 : 0) | (attrRowT[ta + 1] >= 0 ? 2 : 0) | (attrRowT[ta + 2] >= 0 ? 4 : 0) : 0;
        cnt.fill(0);
        // slot 8: overall best SEED_TOP; slots 0..7: best SEED_PER_CLASS per attribute class
        for (let j = postStart[p]; j < postStart[p + 1]; j++) {
          const v = U.score[j];
          insertBest(8, SEED_TOP, v, j);
          insertBest(flagMask[U.cand[j]] & tMask, SEED_PER_CLASS, v, j);
        }
        for (let slot = 0; slot < 9; slot++) for (let i = 0; i < cnt[slot]; i++) inCore[bj[slot * SEED_TOP + i]] = 1;
      }
    }
    const yPost = new Float64Array(posts);
    const yCand = new Float64Array(cands);
    const yTeam = new Float64Array(R);
    const leaveAdj = new Float64Array(cands);
    const attrAdj = new Float64Array(8);
    const capAdjByTeam: (Float64Array | null)[] = new Array(nTeamIdx).fill(null);
    const rc = new Float64Array(nU);
    const best = new Float64Array(posts);
    let B = Infinity;
    let rounds = 0;
    let lpX: Float64Array | null = null;
    let cols = Int32Array.from(inCore.reduce<number[]>((l, v, j) => (v ? (l.push(j), l) : l), []));
    const addV = new Float64Array(ADD_PER_POST);
    const addJ = new Int32Array(ADD_PER_POST);
    let lp: Model | null = null;
    try {
      for (;;) {
        rounds++;
        if (!lp) lp = buildModel(cols, active, fill, false, true);
        lp.run();
        const st = lp.getModelStatus();
        let dual: Float64Array | null = null;
        if (st === mstat.optimal) {
          const sol = lp.getSolution();
          dual = Float64Array.from(sol.rowDual);
          lpX = Float64Array.from(sol.colValue);
        }
        if (!dual) {
          if (st === mstat.infeasible && cols.length < nU) {
            cols = allCols; // the restricted LP may be infeasible only for want of columns
            inCore.fill(1);
            lp.dispose();
            lp = null;
            continue;
          }
          if (st === mstat.infeasible) return { status: 'infeasible', assignment: null, objective: NaN, bound: NaN, gap: NaN, pairs: null, mipColumns: 0, mipRows: 0, lpRounds: rounds, fixedBy: 'lp-bound' };
          lp.dispose();
          lp = null;
          return solveDirect(active, fill, start, Infinity, rounds); // numerical trouble: the plain MIP
        }
        // duals, clipped to the signs that make Lagrangian weights valid (max problem)
        for (let p = 0; p < posts; p++) yPost[p] = postRow[p] >= 0 ? (fill ? dual[postRow[p]] : Math.max(0, dual[postRow[p]])) : 0;
        for (let c = 0; c < cands; c++) yCand[c] = candRow[c] >= 0 ? Math.max(0, dual[candRow[c]]) : 0;
        let constant = 0;
        for (let r = 0; r < R; r++) {
          if (teamRow[r] < 0) {
            yTeam[r] = 0;
            continue;
          }
          const d = dual[teamRow[r]];
          yTeam[r] = isCap[r] ? Math.max(0, d) : Math.min(0, d);
          constant += yTeam[r] * (isCap[r] ? rows[r].upper : rows[r].lower);
        }
        // y·column = attrAdj[flags] + capAdj[unit] (post's team) + leaveAdj (own team, when elsewhere)
        for (let c = 0; c < cands; c++) {
          const S = candTeamIdx[c];
          let v = 0;
          if (S >= 0) {
            for (let a = 0; a < 3; a++) if (attrRowT[S * 3 + a] >= 0 && flagMask[c] & (1 << a)) v -= yTeam[attrRowT[S * 3 + a]];
            const cr = capRowsByTeam[S];
            if (cr && candUnitIdx[c] >= 0 && cr[candUnitIdx[c]] >= 0) v -= yTeam[cr[candUnitIdx[c]]];
          }
          leaveAdj[c] = v;
        }
        for (let t = 0; t < nTeamIdx; t++) {
          const cr = capRowsByTeam[t];
          if (!cr) continue;
          const a = capAdjByTeam[t] ?? (capAdjByTeam[t] = new Float64Array(nUnits));
          for (let u = 0; u < nUnits; u++) a[u] = cr[u] >= 0 ? yTeam[cr[u]] : 0;
        }
        // reduced costs on the whole universe and the bound B = Σ y·b + Σ_p max(0, max_c rc);
        // price: add the most attractive missing columns
        best.fill(0);
        const newCols: number[] = [];
        for (let p = 0; p < posts; p++) {
          constant += yPost[p];
          const s = postStart[p];
          const e = postStart[p + 1];
          if (s === e) continue;
          const T = postTeamIdx[p];
          attrAdj.fill(0);
          if (T >= 0) for (let f = 1; f < 8; f++) for (let a = 0; a < 3; a++) if (f & (1 << a) && attrRowT[T * 3 + a] >= 0) attrAdj[f] += yTeam[attrRowT[T * 3 + a]];
          const capAdj = T >= 0 ? capAdjByTeam[T] : null;
          const yp = yPost[p];
          let bp = -Infinity;
          let nAdd = 0;
          for (let j = s; j < e; j++) {
            const c = U.cand[j];
            let v = U.score[j] - yp - yCand[c] - attrAdj[flagMask[c]];
            if (capAdj !== null && candUnitIdx[c] >= 0) v -= capAdj[candUnitIdx[c]];
            const S = candTeamIdx[c];
            if (S >= 0 && S !== T) v -= leaveAdj[c];
            rc[j] = v;
            if (v > bp) bp = v;
            if (v > PRICE_TOL && !inCore[j] && (nAdd < ADD_PER_POST || v > addV[nAdd - 1])) {
              let i = nAdd < ADD_PER_POST ? nAdd++ : ADD_PER_POST - 1;
              while (i > 0 && addV[i - 1] < v) {
                addV[i] = addV[i - 1];
                addJ[i] = addJ[i - 1];
                i--;
              }
              addV[i] = v;
              addJ[i] = j;
            }
          }
          // a pinned post always holds its one column; a free one may stay empty
          best[p] = U.pinned[s] ? bp : Math.max(0, bp);
          for (let i = 0; i < nAdd; i++) {
            inCore[addJ[i]] = 1;
            newCols.push(addJ[i]);
          }
        }
        for (let c = 0; c < cands; c++) constant += yCand[c];
        let sumBest = 0;
        for (let p = 0; p < posts; p++) sumBest += best[p];
        B = Math.min(B, constant + sumBest);
        if (!newCols.length || rounds >= 60 || performance.now() > deadline) break;
        const add = Int32Array.from(newCols);
        lp.addCols(columnData(add));
        const next = new Int32Array(cols.length + add.length);
        next.set(cols);
        next.set(add, cols.length);
        cols = next;
      }
    } finally {
      lp?.dispose();
    }
    // an integral LP optimum is a plan; checked here independently of the LP's tolerances
    if (lpX && lpX.every((v) => v < 1e-9 || v > 1 - 1e-9)) {
      const plan = planOf(cols, lpX);
      const value = totalOf(plan);
      if (isFeasiblePlan(plan, active, fill) && B - value <= 1e-9 * Math.max(1, Math.abs(value))) {
        return { status: 'optimal', assignment: plan, objective: value, bound: Math.max(B, value), gap: 0, pairs: pairCodes(cols), mipColumns: 0, mipRows: 0, lpRounds: rounds, fixedBy: 'lp-bound' };
      }
    }
    // the LP bound is usually attained (assignment LPs are nearly integral): try the MIP on the
    // LP solution's support, then on every pair whose reduced cost is (numerically) maximal for
    // its post (the only pairs a plan worth B can use); either is a proof only if it reaches B
    {
      const tolTight = 1e-9 * Math.max(1, Math.abs(B));
      const tight: number[] = [];
      for (let j = 0; j < nU; j++) if (rc[j] >= best[U.post[j]] - tolTight) tight.push(j);
      // posts the LP assigns integrally keep that pair; the others get all their tight pairs
      const fixedPost = new Int32Array(posts).fill(-1);
      if (lpX) cols.forEach((j, k) => lpX![k] > 1 - 1e-9 && (fixedPost[U.post[j]] = j));
      const focused = tight.filter((j) => fixedPost[U.post[j]] < 0 || fixedPost[U.post[j]] === j);
      for (let p = 0; p < posts; p++) if (fixedPost[p] >= 0 && !focused.includes(fixedPost[p])) focused.push(fixedPost[p]);
      for (const set of [focused, tight]) {
        if (!set.length || set.length > TIGHT_MIP_MAX) continue;
        const o = solveMip(Int32Array.from(set), active, fill, null, Infinity, 'lp-bound', rounds);
        if (o.status === 'optimal' && o.assignment && B - o.objective <= 1e-9 * Math.max(1, Math.abs(o.objective))) {
          // (B is computed in floating point; a plan may exceed it by rounding only)
          return { ...o, bound: Math.max(B, o.objective), gap: 0, pairs: pairCodes(cols) };
        }
      }
    }
    // incumbent: the MIP restricted to the LP's columns
    const core = solveMip(cols, active, fill, start, Infinity, 'lp-bound', rounds);
    const lb = core.assignment ? core.objective : -Infinity;
    if (core.status === 'optimal' && core.assignment && B - lb <= 1e-9 * Math.max(1, Math.abs(lb))) {
      return { ...core, bound: Math.max(B, core.objective), gap: 0, fixedBy: 'lp-bound' };
    }
    if (lb === -Infinity) return solveDirect(active, fill, start, B, rounds);
    // reduced-cost fixing: a pair survives when a plan using it can still reach the incumbent
    const tolFix = 1e-7 * Math.max(1, Math.abs(lb));
    const keep: number[] = [];
    for (let j = 0; j < nU; j++) if (inCore[j] || B - best[U.post[j]] + rc[j] >= lb - tolFix) keep.push(j);
    const fin = solveMip(Int32Array.from(keep), active, fill, core.assignment, B, 'reduced-cost', rounds);
    // cannot happen in exact arithmetic (the incumbent is in the kept set); be safe
    if (fin.status === 'infeasible') return solveDirect(active, fill, core.assignment, B, rounds);
    return fin;
  }

  // ── main solve ──
  const finish = (o: SolveOutcome) => {
    result.status = o.status;
    result.method = o.fixedBy;
    result.mipColumns = o.mipColumns;
    result.rows = o.mipRows;
    result.lpRounds = o.lpRounds;
    if (o.assignment) {
      result.assignment = o.assignment;
      result.objective = o.objective;
      result.bound = o.bound;
      result.gap = o.gap;
    }
  };
  let fill = !!input.requireFill;
  let outcome: SolveOutcome | null = null;
  // the unconstrained optimum is optimal whenever it satisfies the team rows (they only remove plans)
  const uncAct = activities(unconstrained.assignment);
  const uncFilled = unconstrained.assignment.every((c, p) => c >= 0 || !hasAllowed[p]);
  if (satisfies(uncAct, allActive) && (!fill || uncFilled)) {
    result.status = 'optimal';
    result.method = 'unconstrained';
    result.assignment = Int32Array.from(unconstrained.assignment);
    result.objective = unconstrained.total;
    result.bound = unconstrained.total;
    result.gap = 0;
  } else {
    outcome = solveExact(allActive, fill, null, null);
    if (outcome.status === 'infeasible' && fill) {
      result.fillRelaxed = true;
      fill = false;
      outcome = solveExact(allActive, fill, null, null);
    }
    finish(outcome);
  }
  result.solveMs = performance.now() - t0;
  if (result.status !== 'optimal' && result.status !== 'time_limit') return result;
  if (!Number.isFinite(result.objective)) return result;

  // ── constraint reports and binding analysis ──
  const t1 = performance.now();
  const x = result.assignment;
  const obj = result.objective;
  const act = activities(x);
  const reports = rows.map((r, i) => report(r, act[i], null));
  const eps = 1e-7;
  if (input.analyseBinding !== false && result.status === 'optimal') {
    if (Math.abs(unconstrained.total - obj) <= eps * Math.max(1, Math.abs(obj))) {
      for (const rep of reports) rep.binding = false;
    } else {
      const limit = input.bindingResolveLimit ?? 30;
      const order = reports.map((_, k) => k).sort((a, b) => Number(reports[b].tight) - Number(reports[a].tight) || a - b);
      let done = 0;
      const budget = input.bindingTimeBudgetMs ?? 5000;
      for (const k of order) {
        if (done >= limit || performance.now() - t1 > budget || performance.now() > deadline) break;
        const active = Uint8Array.from(allActive);
        active[k] = 0;
        done++;
        if (satisfies(uncAct, active) && (!fill || uncFilled)) {
          // without row k the unconstrained optimum is feasible, hence optimal
          reports[k].objectiveWithout = unconstrained.total;
          reports[k].binding = unconstrained.total > obj + eps * Math.max(1, Math.abs(obj));
          continue;
        }
        const o = solveExact(active, fill, outcome?.pairs ?? null, x);
        if (o.status !== 'optimal' || !o.assignment) continue;
        reports[k].objectiveWithout = o.objective;
        reports[k].binding = o.objective > obj + eps * Math.max(1, Math.abs(obj));
      }
    }
  }
  result.constraints = reports;
  result.analysisMs = performance.now() - t1;
  return result;

  function report(r: Row, act: number, binding: boolean | null): ConstraintReport {
    const t = r.teamId != null ? teamByKey.get(key(r.teamId)) : undefined;
    if (r.kind === 'unitCap') {
      const after = r.current + act;
      const cap = t?.maxFromOneUnit ?? 0;
      const slack = r.upper - act;
      return {
        id: r.id,
        kind: r.kind,
        teamId: r.teamId,
        unitId: r.unitId,
        after,
        bound: cap,
        slack,
        tight: slack <= 1e-9,
        binding,
        zh: `班子${r.teamId}来自同一单位（${r.unitId}）的成员方案后 ${after} 人，上限 ${cap} 人`,
        en: `team ${r.teamId}: ${after} members from unit ${r.unitId} after the plan, cap ${cap}`,
      };
    }
    const a = ATTRS.find((x) => x.kind === r.kind)!;
    const after = r.current + act;
    const slack = act - r.lower;
    return {
      id: r.id,
      kind: r.kind,
      teamId: r.teamId,
      after,
      bound: 1,
      slack,
      tight: slack <= 1e-9,
      binding,
      zh: `班子${r.teamId}方案后${a.zh} ${after} 人，要求至少 1 人`,
      en: `team ${r.teamId}: ${after} ${a.en}(s) after the plan, at least 1 required`,
    };
  }
}
