/**
 * Exact maximum-total assignment of candidates to posts (调整方案 without team constraints).
 *
 * Problem: scores[p][c] (posts × candidates); NaN or -Infinity = forbidden. Choose a matching
 * (each post at most one candidate, each candidate at most one post) maximising the sum of
 * scores; a post stays empty when that is better (or it has no allowed candidate left).
 * Pinned pairs are fixed first; forbidden pairs are never used. The matrix is never padded to
 * square and never copied: excluded pairs are simply not edges.
 *
 * Method: shortest augmenting paths with potentials (Jonker–Volgenant / Crouse's rectangular
 * variant, the algorithm behind scipy's linear_sum_assignment), one augmentation per free post,
 * on a sparse graph of each post's best candidates, grown lazily and certified by LP duality:
 *  - every post also gets its own "empty" column of value 0, so the problem is always feasible
 *    and leaving a post empty is just another column;
 *  - costs are maxValue − value ≥ 0, so the zero potentials start feasible. The rectangular SAP
 *    keeps u[i] + v[j] ≤ cost(i,j) on every edge (equality on the matching), v ≤ 0, and v = 0
 *    on every column no augmenting path reached (in particular on every free column);
 *  - lazy lists + dual check (exact): each free post r first keeps its INITIAL_KEEP best allowed
 *    candidates (one pass over the row with a size-k heap, O(M)); every candidate left out scores
 *    ≤ bound[r], the smallest kept score. After the sparse solve, a left-out pair (r,c) has
 *    reduced cost maxValue − score − u[r] − v[c] ≥ maxValue − bound[r] − u[r], because v[c] ≤ 0
 *    (and v[c] = 0 when c is not in the graph at all, which keeps c free and the complementary
 *    slackness intact). If that is ≥ 0 for every post, (u, v extended by 0) is a feasible dual of
 *    the full problem with the same value as the matching, so the matching is optimal for the
 *    whole matrix (LP duality; the assignment polytope is integral). The posts that fail get a
 *    list KEEP_GROWTH times longer (one more pass over their row) and the sparse problem is
 *    solved again;
 *  - top-K cap (exact): with K free posts, some optimal matching uses, for every post, only
 *    candidates among that post's K best allowed ones. Proof: if post p holds c outside its top
 *    K, at most K−1 of its top-K candidates are held by other posts, so one of them, c', is
 *    free and score(p,c') ≥ score(p,c); moving p to c' never lowers the total and reduces the
 *    number of posts outside their top K. So no list grows beyond K, and once every list is
 *    complete up to K the sparse optimum is the full optimum without a dual check (if a post
 *    already at K fails the check, every list is taken to K).
 * On fit-score matrices (100 × 5,000) the first lists usually pass the check: one pass over the
 * matrix plus one sparse solve on ~33 edges per post with a typed-array binary heap (Dijkstra on
 * reduced costs), instead of O(P²·M) dense scans. No allocation inside the augmentations.
 */

export type PostCand = readonly [post: number, cand: number];

export interface AssignmentInput {
  /** posts × candidates; NaN / -Infinity = forbidden */
  scores: readonly ArrayLike<number>[];
  pinned?: readonly PostCand[];
  forbidden?: readonly PostCand[];
  /**
   * Tuning (tests, benchmarks): the first length of each post's candidate list, default
   * INITIAL_KEEP. Any value ≥ 1 gives the same optimum; small values force the dual check and
   * list growth to run.
   */
  initialKeep?: number;
}

export interface AssignmentResult {
  /** post → candidate index, -1 = empty */
  assignment: Int32Array;
  /** Σ scores of the assigned pairs */
  total: number;
  pairs: { post: number; cand: number; score: number }[];
}

export class AssignmentInputError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh} / ${en}`);
    this.name = 'AssignmentInputError';
  }
}

export const isAllowedScore = (v: number) => v === v && v !== -Infinity;

/** Matrix dimensions, checked: every row must have the same length. */
export function matrixShape(scores: readonly ArrayLike<number>[]): { posts: number; cands: number } {
  const posts = scores.length;
  const cands = posts ? scores[0].length : 0;
  for (let p = 1; p < posts; p++) {
    if (scores[p].length !== cands) throw new AssignmentInputError(`第${p}行长度不一致`, `row ${p} has length ${scores[p].length}, expected ${cands}`);
  }
  return { posts, cands };
}

/** sift down in a min-heap of (value, index) where the root is the worst: lower value, then higher index */
function siftDownWorst(hv: Float64Array, hi: Int32Array, k: number, i: number): void {
  const xv = hv[i];
  const xi = hi[i];
  for (;;) {
    let c = 2 * i + 1;
    if (c >= k) break;
    let cv = hv[c];
    let ci = hi[c];
    if (c + 1 < k) {
      const v2 = hv[c + 1];
      const i2 = hi[c + 1];
      if (v2 < cv || (v2 === cv && i2 > ci)) {
        c++;
        cv = v2;
        ci = i2;
      }
    }
    if (!(cv < xv || (cv === xv && ci > xi))) break;
    hv[i] = cv;
    hi[i] = ci;
    i = c;
  }
  hv[i] = xv;
  hi[i] = xi;
}

/**
 * The k best allowed entries of one score row (higher value first, ties → lower index) into
 * (outVal, outIdx)[0..kept), unordered; returns kept. Skips NaN/-Infinity, candidates with
 * pinCand[c] ≥ 0 and forbidden pairs (base + c in forbidden). A size-k min-heap of the best so
 * far: once it is full, almost every entry fails one comparison against its root, so the cost
 * is about one pass over the row.
 */
export function topKOfRow(
  row: ArrayLike<number>,
  cands: number,
  k: number,
  pinCand: Int32Array | null,
  forbidden: Set<number> | null,
  base: number,
  outVal: Float64Array,
  outIdx: Int32Array,
): number {
  if (k <= 0) return 0;
  let n = 0;
  let c = 0;
  // fill
  for (; c < cands && n < k; c++) {
    const v = row[c];
    if (v !== v || v === -Infinity) continue;
    if (v === Infinity) throw new AssignmentInputError('分值不能为 +Infinity', 'a score is +Infinity');
    if (pinCand !== null && pinCand[c] >= 0) continue;
    if (forbidden !== null && forbidden.has(base + c)) continue;
    outVal[n] = v;
    outIdx[n++] = c;
  }
  if (n < k) return n;
  for (let i = (k >> 1) - 1; i >= 0; i--) siftDownWorst(outVal, outIdx, k, i);
  let root = outVal[0];
  for (; c < cands; c++) {
    const v = row[c];
    // later index: on a tie it is the worse one, so strictly greater only (NaN / -Inf fail)
    if (v > root) {
      if (v === Infinity) throw new AssignmentInputError('分值不能为 +Infinity', 'a score is +Infinity');
      if (pinCand !== null && pinCand[c] >= 0) continue;
      if (forbidden !== null && forbidden.has(base + c)) continue;
      outVal[0] = v;
      outIdx[0] = c;
      siftDownWorst(outVal, outIdx, k, 0);
      root = outVal[0];
    }
  }
  return k;
}

/** min-heap of (key, value) with lazy deletion, typed arrays */
class Heap {
  keys: Float64Array;
  vals: Int32Array;
  size = 0;
  constructor(cap: number) {
    this.keys = new Float64Array(Math.max(16, cap));
    this.vals = new Int32Array(Math.max(16, cap));
  }
  push(key: number, val: number) {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      const v = new Int32Array(this.size * 2);
      v.set(this.vals);
      this.keys = k;
      this.vals = v;
    }
    const keys = this.keys;
    const vals = this.vals;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      vals[i] = vals[parent];
      i = parent;
    }
    keys[i] = key;
    vals[i] = val;
  }
  /** pops the minimum; returns its value (key in this.topKey) */
  topKey = 0;
  pop(): number {
    const keys = this.keys;
    const vals = this.vals;
    const rk = keys[0];
    const rv = vals[0];
    const n = --this.size;
    if (n > 0) {
      const key = keys[n];
      const val = vals[n];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1] < keys[c]) c++;
        if (keys[c] >= key) break;
        keys[i] = keys[c];
        vals[i] = vals[c];
        i = c;
      }
      keys[i] = key;
      vals[i] = val;
    }
    this.topKey = rk;
    return rv;
  }
}

/**
 * Min-cost assignment of every row on a sparse graph (CSR) where each row's edge list ends
 * with a private column, so a perfect row matching always exists. Returns col4row; the row
 * potentials are written to `u` (the optimal dual: u[i] + v[j] ≤ cost on every edge, equality
 * on the matching, every column potential v ≤ 0 and 0 on columns no augmenting path reached).
 */
export function sparseRowAssignment(
  rows: number,
  cols: number,
  start: Int32Array,
  edgeCol: Int32Array,
  edgeCost: Float64Array,
  u: Float64Array = new Float64Array(rows),
): Int32Array {
  u.fill(0, 0, rows);
  const v = new Float64Array(cols);
  const col4row = new Int32Array(rows).fill(-1);
  const row4col = new Int32Array(cols).fill(-1);
  const spc = new Float64Array(cols).fill(Infinity);
  const path = new Int32Array(cols);
  const sc = new Uint8Array(cols);
  const touched = new Int32Array(cols);
  const srList = new Int32Array(rows);
  const scList = new Int32Array(cols);
  const heap = new Heap(edgeCol.length + 16);
  for (let cur = 0; cur < rows; cur++) {
    let nT = 0;
    let nSR = 0;
    let nSC = 0;
    heap.size = 0;
    let i = cur;
    let minVal = 0;
    let sink = -1;
    for (;;) {
      srList[nSR++] = i;
      const ui = u[i];
      for (let e = start[i], end = start[i + 1]; e < end; e++) {
        const j = edgeCol[e];
        if (sc[j]) continue;
        const r = minVal + edgeCost[e] - ui - v[j];
        if (r < spc[j]) {
          if (spc[j] === Infinity) touched[nT++] = j;
          spc[j] = r;
          path[j] = i;
          heap.push(r, j);
        }
      }
      let j = -1;
      while (heap.size > 0) {
        const c = heap.pop();
        if (!sc[c] && heap.topKey === spc[c]) {
          j = c;
          break;
        }
      }
      if (j < 0) throw new Error('assignment: no augmenting path (internal error)');
      minVal = spc[j];
      sc[j] = 1;
      scList[nSC++] = j;
      if (row4col[j] === -1) {
        sink = j;
        break;
      }
      i = row4col[j];
    }
    u[cur] += minVal;
    for (let k = 0; k < nSR; k++) {
      const r = srList[k];
      if (r !== cur) u[r] += minVal - spc[col4row[r]];
    }
    for (let k = 0; k < nSC; k++) {
      const j = scList[k];
      v[j] -= minVal - spc[j];
    }
    let j = sink;
    for (;;) {
      const r = path[j];
      row4col[j] = r;
      const prev = col4row[r];
      col4row[r] = j;
      j = prev;
      if (r === cur) break;
    }
    for (let k = 0; k < nT; k++) spc[touched[k]] = Infinity;
    for (let k = 0; k < nSC; k++) sc[scList[k]] = 0;
  }
  return col4row;
}

/** Validated pins/forbidden sets shared by both solvers. */
export function preparePairs(
  scores: readonly ArrayLike<number>[],
  pinned: readonly PostCand[] = [],
  forbidden: readonly PostCand[] = [],
): { posts: number; cands: number; forbiddenSet: Set<number>; pinPost: Int32Array; pinCand: Int32Array } {
  const { posts, cands } = matrixShape(scores);
  const inRange = (p: number, c: number) => Number.isInteger(p) && Number.isInteger(c) && p >= 0 && p < posts && c >= 0 && c < cands;
  const forbiddenSet = new Set<number>();
  for (const [p, c] of forbidden) {
    if (!inRange(p, c)) throw new AssignmentInputError(`禁止的配对超出范围: [${p}, ${c}]`, `forbidden pair out of range: [${p}, ${c}]`);
    forbiddenSet.add(p * cands + c);
  }
  const pinPost = new Int32Array(posts).fill(-1); // post → pinned cand
  const pinCand = new Int32Array(cands).fill(-1); // cand → pinned post
  for (const [p, c] of pinned) {
    if (!inRange(p, c)) throw new AssignmentInputError(`锁定的配对超出范围: [${p}, ${c}]`, `pinned pair out of range: [${p}, ${c}]`);
    if (!isAllowedScore(scores[p][c]) || forbiddenSet.has(p * cands + c)) {
      throw new AssignmentInputError(`锁定的配对不允许（被排除或禁止）: [${p}, ${c}]`, `pinned pair is excluded or forbidden: [${p}, ${c}]`);
    }
    if (pinPost[p] !== -1 && pinPost[p] !== c) throw new AssignmentInputError(`岗位${p}被锁定了两名人选`, `post ${p} is pinned twice`);
    if (pinCand[c] !== -1 && pinCand[c] !== p) throw new AssignmentInputError(`人选${c}被锁定到两个岗位`, `candidate ${c} is pinned to two posts`);
    pinPost[p] = c;
    pinCand[c] = p;
  }
  return { posts, cands, forbiddenSet, pinPost, pinCand };
}

/**
 * Initial number of candidates kept per free post (grown per post while its dual check fails).
 * An algorithm parameter, not a domain rule: it changes the running time, never the result.
 * 32 covers the fit-score benchmark (100 posts of 5 kinds, the chosen candidate is at most ~25th
 * on its post's list) in one round; uniform random matrices need far fewer.
 */
const INITIAL_KEEP = 32;
/** growth factor of a post's candidate list after a failed dual check */
const KEEP_GROWTH = 4;

/**
 * The free posts' part of solveAssignment: lazy top-k with a dual check (see the module
 * comment). Writes assignment[freePosts[r]] for every free post that gets a candidate.
 */
function solveFreePosts(
  scores: readonly ArrayLike<number>[],
  cands: number,
  initialKeep: number,
  freePosts: readonly number[],
  pinCand: Int32Array,
  forbiddenSet: Set<number>,
  assignment: Int32Array,
  stats?: AssignmentStats,
): void {
  const K = freePosts.length;
  const cap = Math.min(K, cands);
  let anyPinned = false;
  for (let c = 0; c < cands; c++) {
    if (pinCand[c] >= 0) {
      anyPinned = true;
      break;
    }
  }
  const pins = anyPinned ? pinCand : null;
  const forb = forbiddenSet.size > 0 ? forbiddenSet : null;
  const want = new Int32Array(K); // requested list length per post
  const kept = new Int32Array(K); // kept list length (< want: that was every allowed candidate)
  // the lists live in one pool (a grown list gets a new region at the end); scratch for the scan
  const k0 = Math.min(cap, initialKeep);
  const off = new Int32Array(K); // start of post r's list in the pool
  const room = new Int32Array(K); // capacity of that region
  let poolIdx = new Int32Array(K * k0);
  let poolVal = new Float64Array(K * k0);
  let poolEnd = 0;
  let scratchIdx = new Int32Array(k0);
  let scratchVal = new Float64Array(k0);
  // bound[r]: no candidate left out of post r's list scores more (−Infinity: none left out)
  const bound = new Float64Array(K);
  // candidate → column (columns 0..K−1 are the posts' own "empty" columns)
  const colOf = new Int32Array(cands).fill(-1);
  let colCand = new Int32Array(Math.max(16, Math.min(cands, K * Math.min(initialKeep, cands))));
  let C = 0;
  let maxVal = 0;
  const scan = (r: number) => {
    const k = want[r];
    if (scratchIdx.length < k) {
      scratchIdx = new Int32Array(k);
      scratchVal = new Float64Array(k);
    }
    const p = freePosts[r];
    const n = topKOfRow(scores[p], cands, k, pins, forb, p * cands, scratchVal, scratchIdx);
    if (room[r] < n) {
      if (poolEnd + n > poolIdx.length) {
        const size = Math.max(2 * poolIdx.length, poolEnd + n);
        const gi = new Int32Array(size);
        gi.set(poolIdx.subarray(0, poolEnd));
        poolIdx = gi;
        const gv = new Float64Array(size);
        gv.set(poolVal.subarray(0, poolEnd));
        poolVal = gv;
      }
      off[r] = poolEnd;
      room[r] = n;
      poolEnd += n;
    }
    kept[r] = n;
    let lo = Infinity;
    for (let t = 0, o = off[r]; t < n; t++, o++) {
      const v = scratchVal[t];
      const c = scratchIdx[t];
      poolVal[o] = v;
      poolIdx[o] = c;
      if (v < lo) lo = v;
      if (v > maxVal) maxVal = v;
      if (colOf[c] < 0) {
        if (C === colCand.length) {
          const g = new Int32Array(Math.min(cands, 2 * C));
          g.set(colCand);
          colCand = g;
        }
        colOf[c] = C;
        colCand[C++] = c;
      }
    }
    bound[r] = n < k ? -Infinity : lo;
  };
  for (let r = 0; r < K; r++) {
    want[r] = k0;
    scan(r);
  }
  // maxVal is the largest allowed score (every post's best is always kept): costs maxVal − v ≥ 0
  const u = new Float64Array(K);
  const start = new Int32Array(K + 1);
  let edgeCol = new Int32Array(0);
  let edgeCost = new Float64Array(0);
  let col4row: Int32Array;
  let rounds = 0;
  let fallback = false;
  for (;;) {
    rounds++;
    let E = 0;
    let allAtCap = true;
    for (let r = 0; r < K; r++) {
      E += kept[r] + 1;
      if (want[r] < cap && kept[r] === want[r]) allAtCap = false;
    }
    if (edgeCol.length < E) {
      edgeCol = new Int32Array(E + (E >> 1));
      edgeCost = new Float64Array(E + (E >> 1));
    }
    let e = 0;
    for (let r = 0; r < K; r++) {
      start[r] = e;
      for (let o = off[r], end = o + kept[r]; o < end; o++) {
        edgeCol[e] = K + colOf[poolIdx[o]];
        edgeCost[e++] = maxVal - poolVal[o];
      }
      edgeCol[e] = r; // "empty" column of this post, value 0
      edgeCost[e++] = maxVal;
    }
    start[K] = e;
    col4row = sparseRowAssignment(K, K + C, start, edgeCol, edgeCost, u);
    // every list complete up to the top-K argument: optimal without a dual check
    if (allAtCap) break;
    // dual check: the column potentials v are ≤ 0 (0 on columns no path reached), so a left-out
    // candidate c of post r has reduced cost maxVal − score − u[r] − v[c] ≥ maxVal − bound[r] − u[r]
    let violated = 0;
    let atCap = false;
    for (let r = 0; r < K; r++) {
      if (maxVal - bound[r] - u[r] < 0) {
        violated++;
        if (want[r] >= cap) atCap = true;
      }
    }
    if (violated === 0) break;
    if (atCap) fallback = true;
    for (let r = 0; r < K; r++) {
      if (atCap) {
        // a post already holding its top K fails the check: fall back to the top-K graph
        if (want[r] < cap && kept[r] === want[r]) {
          want[r] = cap;
          scan(r);
        }
      } else if (maxVal - bound[r] - u[r] < 0) {
        want[r] = Math.min(cap, want[r] * KEEP_GROWTH);
        scan(r);
      }
    }
  }
  if (stats) {
    stats.rounds = rounds;
    stats.edges = start[K];
    stats.columns = C;
    stats.fallback = fallback;
  }
  for (let r = 0; r < K; r++) {
    const j = col4row[r];
    if (j >= K) assignment[freePosts[r]] = colCand[j - K];
  }
}

/** Diagnostics of one solveAssignment call (bench / tests). */
export interface AssignmentStats {
  /** shortest-augmenting-path solves (1 when the first lists passed the dual check) */
  rounds: number;
  /** edges of the last sparse graph (kept pairs + one "empty" edge per free post) */
  edges: number;
  /** distinct candidates in the last sparse graph */
  columns: number;
  /** a post holding its top K failed the dual check, so every list was taken to K */
  fallback: boolean;
}

/** Exact maximum-total assignment (see the module comment). Deterministic. */
export function solveAssignment(input: AssignmentInput, stats?: AssignmentStats): AssignmentResult {
  const { scores } = input;
  const { posts, cands, forbiddenSet, pinPost, pinCand } = preparePairs(scores, input.pinned, input.forbidden);
  const assignment = new Int32Array(posts).fill(-1);
  const freePosts: number[] = [];
  for (let p = 0; p < posts; p++) {
    if (pinPost[p] >= 0) assignment[p] = pinPost[p];
    else freePosts.push(p);
  }
  const initialKeep = input.initialKeep ?? INITIAL_KEEP;
  if (!Number.isInteger(initialKeep) || initialKeep < 1) {
    throw new AssignmentInputError(`initialKeep 必须是正整数: ${initialKeep}`, `initialKeep must be a positive integer: ${initialKeep}`);
  }
  if (freePosts.length > 0 && cands > 0) solveFreePosts(scores, cands, initialKeep, freePosts, pinCand, forbiddenSet, assignment, stats);
  else if (stats) {
    stats.rounds = 0;
    stats.edges = 0;
    stats.columns = 0;
    stats.fallback = false;
  }
  let total = 0;
  const pairs: AssignmentResult['pairs'] = [];
  for (let p = 0; p < posts; p++) {
    const c = assignment[p];
    if (c >= 0) {
      total += scores[p][c];
      pairs.push({ post: p, cand: c, score: scores[p][c] });
    }
  }
  return { assignment, total, pairs };
}
