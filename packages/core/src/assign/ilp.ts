/**
 * 调整方案 with team-structure constraints: an integer programme solved by HiGHS (WASM,
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
 * Pruning (exact): for a post p, every candidate gets a class key made of exactly what its
 * coefficients in the team rows of x[p][c] depend on — the required attributes, the unit when a
 * cap row of p's team (or of the candidate's own team) covers it, the own team when that team
 * has rows. Two candidates of the same class have identical coefficients in every team row for
 * post p.
 * With K free posts, for each post and class only the K best candidates are kept: if an optimal
 * plan gives post p a candidate c outside the K best of its class, at most K−1 of those K are
 * used elsewhere, so some c' of the same class is free, score(p,c') ≥ score(p,c), and swapping
 * leaves every team row unchanged. Repeating gives an optimal plan inside the pruned set, so the
 * pruned ILP has the same optimum. When classes are so many that pruning keeps (almost)
 * everything, it simply keeps everything (the full model).
 *
 * Binding constraints: the plan is compared with the unconstrained optimum (solveAssignment);
 * if they are equal no team constraint binds. Otherwise each team row is re-solved without it
 * (tight rows first, up to bindingResolveLimit); binding = removing it raises the optimum, with
 * the objective gain as its cost.
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
  /** exact top-K pruning per post and class (default true) */
  prune?: boolean;
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
  /** HiGHS dual bound and relative gap (0 when proven optimal) */
  bound: number;
  gap: number;
  /** optimum without team constraints (solveAssignment) */
  unconstrainedObjective: number;
  constraints: ConstraintReport[];
  unsatisfiable: { teamId: Id; kind: ConstraintKind; zh: string; en: string }[];
  fillRelaxed: boolean;
  variables: number;
  rows: number;
  pruned: boolean;
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
type Row = { id: string; kind: ConstraintKind; teamId?: Id; unitId?: Id; lower: number; upper: number; current: number; idx: number[]; val: number[]; team: boolean };

const ATTRS = [
  { key: 'female', kind: 'woman', req: 'requireWoman', cur: 'currentWomen', zh: '女干部', en: 'woman' },
  { key: 'young', kind: 'young', req: 'requireYoung', cur: 'currentYoung', zh: '年轻干部', en: 'young member' },
  { key: 'nonParty', kind: 'nonParty', req: 'requireNonParty', cur: 'currentNonParty', zh: '党外干部', en: 'non-CPC member' },
] as const;

const key = (v: Id | null | undefined) => (v == null ? '' : `${typeof v}:${v}`);

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

  // ── which team rows can matter (before pruning: computed on all allowed pairs) ──
  const postsOfTeam = new Map<string, number[]>();
  postTeam.forEach((t, p) => {
    let l = postsOfTeam.get(t);
    if (!l) postsOfTeam.set(t, (l = []));
    l.push(p);
  });
  const unsatisfiable: TeamAssignmentResult['unsatisfiable'] = [];
  // attribute rows: team key → set of attribute indices needing a row
  const attrRows = new Map<string, number[]>();
  const anyAttr = [false, false, false];
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
      for (let c = 0; c < cands; c++) {
        if (!candList[c][a.key] || candTeam[c] !== tk || !candTeam[c]) continue;
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
      anyAttr[ai] = true;
    });
  }
  // unit caps: (team, unit) pairs that could exceed the cap
  const capRows = new Map<string, Set<string>>(); // team key → units
  const cappedUnits = new Set<string>();
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
      cappedUnits.add(u);
    }
  }
  const teamsWithRows = new Set<string>([...attrRows.keys(), ...capRows.keys()]);

  // ── variables: allowed pairs, pruned per post and class ──
  const freePosts: number[] = [];
  for (let p = 0; p < posts; p++) if (pinPost[p] < 0) freePosts.push(p);
  const K = freePosts.length;
  // class key of a candidate for a post: attributes in some row, the unit when a cap row of the
  // post's team or of the candidate's own team covers it, the own team when it has rows
  const attrKey = new Array<string>(cands);
  for (let c = 0; c < cands; c++) {
    const cl = candList[c];
    attrKey[c] = `${anyAttr[0] && cl.female ? 1 : 0}${anyAttr[1] && cl.young ? 1 : 0}${anyAttr[2] && cl.nonParty ? 1 : 0}|${teamsWithRows.has(candTeam[c]) ? candTeam[c] : ''}`;
  }
  const classKey = (p: number, c: number) => {
    const u = candUnit[c];
    const unitMatters = u !== '' && (capRows.get(postTeam[p])?.has(u) || (candTeam[c] !== '' && capRows.get(candTeam[c])?.has(u)));
    return unitMatters ? `${attrKey[c]}|${u}` : attrKey[c];
  };
  void cappedUnits;
  const doPrune = input.prune !== false && K > 0;
  const varPost: number[] = [];
  const varCand: number[] = [];
  const varCost: number[] = [];
  const pinnedVar: boolean[] = [];
  for (let p = 0; p < posts; p++) {
    const row = scores[p];
    if (pinPost[p] >= 0) {
      varPost.push(p);
      varCand.push(pinPost[p]);
      varCost.push(row[pinPost[p]]);
      pinnedVar.push(true);
      continue;
    }
    if (!doPrune) {
      for (let c = 0; c < cands; c++) {
        if (pinCand[c] >= 0 || !allowed(p, c)) continue;
        varPost.push(p);
        varCand.push(c);
        varCost.push(row[c]);
        pinnedVar.push(false);
      }
      continue;
    }
    // per class: the K best (class members gathered in index order)
    const byClass = new Map<string, number[]>();
    for (let c = 0; c < cands; c++) {
      if (pinCand[c] >= 0 || !allowed(p, c)) continue;
      const k = classKey(p, c);
      let l = byClass.get(k);
      if (!l) byClass.set(k, (l = []));
      l.push(c);
    }
    const members = [...byClass.values()];
    const vbuf = new Float64Array(K);
    const ibuf = new Int32Array(K);
    for (const list of members) {
      if (!list.length) continue;
      if (list.length <= K) {
        for (const c of list) {
          varPost.push(p);
          varCand.push(c);
          varCost.push(row[c]);
          pinnedVar.push(false);
        }
        continue;
      }
      const sub = Float64Array.from(list, (c) => row[c]);
      const k = topKOfRow(sub, sub.length, K, null, null, 0, vbuf, ibuf);
      const chosen = Array.from(ibuf.subarray(0, k)).sort((a, b) => a - b);
      for (const t of chosen) {
        varPost.push(p);
        varCand.push(list[t]);
        varCost.push(row[list[t]]);
        pinnedVar.push(false);
      }
    }
  }
  const nVars = varPost.length;

  // ── rows ──
  const rows: Row[] = [];
  const byPost: number[][] = Array.from({ length: posts }, () => []);
  const byCand: number[][] = Array.from({ length: cands }, () => []);
  for (let v = 0; v < nVars; v++) {
    byPost[varPost[v]].push(v);
    byCand[varCand[v]].push(v);
  }
  const postRowStart = rows.length;
  for (let p = 0; p < posts; p++) {
    if (!byPost[p].length) continue;
    rows.push({ id: `post:${p}`, kind: 'fill', lower: input.requireFill ? 1 : -Infinity, upper: 1, current: 0, idx: byPost[p], val: byPost[p].map(() => 1), team: false });
  }
  const postRowEnd = rows.length;
  for (let c = 0; c < cands; c++) {
    if (byCand[c].length < 2) continue;
    rows.push({ id: `cand:${c}`, kind: 'fill', lower: -Infinity, upper: 1, current: 0, idx: byCand[c], val: byCand[c].map(() => 1), team: false });
  }
  const teamSpecOf = (tk: string) => teamByKey.get(tk)!;
  for (const [tk, ais] of attrRows) {
    const t = teamSpecOf(tk);
    for (const ai of ais) {
      const a = ATTRS[ai];
      const idx: number[] = [];
      const val: number[] = [];
      for (let v = 0; v < nVars; v++) {
        const c = varCand[v];
        if (!candList[c][a.key]) continue;
        const inT = postTeam[varPost[v]] === tk;
        if (inT) {
          idx.push(v);
          val.push(1);
        } else if (candTeam[c] === tk && tk) {
          idx.push(v);
          val.push(-1);
        }
      }
      const cur = t[a.cur] ?? 0;
      rows.push({ id: `${a.kind}:${tk}`, kind: a.kind, teamId: t.id, lower: 1 - cur, upper: Infinity, current: cur, idx, val, team: true });
    }
  }
  for (const [tk, units] of capRows) {
    const t = teamSpecOf(tk);
    for (const u of units) {
      const rawUnit = u.slice(u.indexOf(':') + 1);
      const unitId = candList.find((c) => key(c.unitId) === u)?.unitId ?? rawUnit;
      const cur = t.currentFromUnit?.[rawUnit] ?? 0;
      const idx: number[] = [];
      const val: number[] = [];
      for (let v = 0; v < nVars; v++) {
        const c = varCand[v];
        if (candUnit[c] !== u) continue;
        if (postTeam[varPost[v]] === tk) {
          idx.push(v);
          val.push(1);
        } else if (candTeam[c] === tk) {
          idx.push(v);
          val.push(-1);
        }
      }
      rows.push({ id: `unitCap:${tk}:${u}`, kind: 'unitCap', teamId: t.id, unitId, lower: -Infinity, upper: Math.max(t.maxFromOneUnit! - cur, 0), current: cur, idx, val, team: true });
    }
  }

  const highs = await loadHighsOnce();
  const inf = highs.infinity;
  const build = (): Model => {
    // CSR
    const starts = new Int32Array(rows.length + 1);
    let nnz = 0;
    rows.forEach((r, i) => {
      starts[i] = nnz;
      nnz += r.idx.length;
    });
    starts[rows.length] = nnz;
    const indices = new Int32Array(nnz);
    const values = new Float64Array(nnz);
    let e = 0;
    for (const r of rows) {
      for (let k = 0; k < r.idx.length; k++) {
        indices[e] = r.idx[k];
        values[e++] = r.val[k];
      }
    }
    const m = highs.createModel({
      numCols: nVars,
      numRows: rows.length,
      sense: highs.constants.objectiveSense.maximize,
      colCost: Float64Array.from(varCost),
      colLower: Float64Array.from(pinnedVar, (x) => (x ? 1 : 0)),
      colUpper: new Float64Array(nVars).fill(1),
      rowLower: Float64Array.from(rows, (r) => (r.lower === -Infinity ? -inf : r.lower)),
      rowUpper: Float64Array.from(rows, (r) => (r.upper === Infinity ? inf : r.upper)),
      matrix: { format: 'csr', numRows: rows.length, numCols: nVars, starts, indices, values },
      integrality: new Int32Array(nVars).fill(highs.constants.variableType.integer),
    });
    m.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9, ...(input.timeLimitSeconds ? { time_limit: input.timeLimitSeconds } : {}) });
    return m;
  };

  const ms = highs.constants.modelStatus;
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
    variables: nVars,
    rows: rows.length,
    pruned: doPrune,
    solveMs: 0,
    analysisMs: 0,
  };
  if (nVars === 0) {
    result.status = 'optimal';
    result.objective = 0;
    result.bound = 0;
    result.gap = 0;
    result.constraints = rows.filter((r) => r.team).map((r) => report(r, 0, null));
    result.solveMs = performance.now() - t0;
    // rows without variables: a requirement with lower > 0 is infeasible
    if (rows.some((r) => r.team && r.lower > 0)) result.status = 'infeasible';
    return result;
  }
  const model = build();
  try {
    const run = (): { status: PlanStatus; objective: number; x: Float64Array | null } => {
      model.run();
      const st = model.getModelStatus();
      if (st === ms.optimal) return { status: 'optimal', objective: model.getObjectiveValue(), x: model.getSolution().colValue };
      if (st === ms.infeasible || st === ms.unboundedOrInfeasible) return { status: 'infeasible', objective: NaN, x: null };
      if (st === ms.timeLimit || st === ms.interrupted || st === ms.solutionLimit) {
        let x: Float64Array | null = null;
        try {
          const sol = model.getSolution();
          if (sol.colValue.length === nVars && Number(model.info.get('primal_solution_status')) === 2) x = sol.colValue;
        } catch {
          x = null;
        }
        return { status: 'time_limit', objective: x ? model.getObjectiveValue() : NaN, x };
      }
      return { status: 'error', objective: NaN, x: null };
    };
    let sol = run();
    if (sol.status === 'infeasible' && input.requireFill) {
      for (let r = postRowStart; r < postRowEnd; r++) {
        rows[r].lower = -Infinity;
        model.changeRowBounds(r, -inf, 1);
      }
      result.fillRelaxed = true;
      sol = run();
    }
    result.status = sol.status;
    result.solveMs = performance.now() - t0;
    if (!sol.x) return result;
    const x = sol.x;
    for (let v = 0; v < nVars; v++) if (x[v] > 0.5) result.assignment[varPost[v]] = varCand[v];
    let obj = 0;
    for (let p = 0; p < posts; p++) if (result.assignment[p] >= 0) obj += scores[p][result.assignment[p]];
    result.objective = obj;
    const mipGap = Number(model.info.get('mip_gap'));
    const bound = Number(model.info.get('mip_dual_bound'));
    result.bound = Number.isFinite(bound) ? bound : obj;
    result.gap = sol.status === 'optimal' ? (Number.isFinite(mipGap) ? Math.max(0, mipGap) : 0) : Number.isFinite(mipGap) ? mipGap : NaN;
    // ── constraint reports and binding analysis ──
    const t1 = performance.now();
    const activity = (r: Row) => r.idx.reduce((s, v, k) => s + (x[v] > 0.5 ? r.val[k] : 0), 0);
    const teamRows = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.team);
    const reports = teamRows.map(({ r }) => report(r, activity(r), null));
    const eps = 1e-7;
    if (input.analyseBinding !== false && sol.status === 'optimal') {
      if (Math.abs(unconstrained.total - obj) <= eps * Math.max(1, Math.abs(obj))) {
        for (const rep of reports) rep.binding = false;
      } else {
        const limit = input.bindingResolveLimit ?? 30;
        const order = reports.map((rep, k) => k).sort((a, b) => Number(reports[b].tight) - Number(reports[a].tight) || a - b);
        let done = 0;
        for (const k of order) {
          if (done >= limit || performance.now() - t1 > (input.bindingTimeBudgetMs ?? 5000)) break;
          const { r, i } = teamRows[k];
          model.changeRowBounds(i, -inf, inf);
          model.setSolution({ colValue: x });
          const s2 = run();
          model.changeRowBounds(i, r.lower === -Infinity ? -inf : r.lower, r.upper === Infinity ? inf : r.upper);
          done++;
          if (s2.status !== 'optimal') continue;
          reports[k].objectiveWithout = s2.objective;
          reports[k].binding = s2.objective > obj + eps * Math.max(1, Math.abs(obj));
        }
      }
    }
    result.constraints = reports;
    result.analysisMs = performance.now() - t1;
    return result;
  } finally {
    model.dispose();
  }

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
