/**
 * Exact maximum-total assignment of candidates to posts (调整方案 without team constraints).
 *
 * Problem: scores[p][c] (posts × candidates); NaN or -Infinity = forbidden. Choose a matching
 * (each post at most one candidate, each candidate at most one post) maximising the sum of
 * scores; a post stays empty when that is better (or it has no allowed candidate left).
 * Pinned pairs are fixed first; forbidden pairs are never used.
 *
 * Method: shortest augmenting paths with potentials (Jonker–Volgenant / Crouse's
 * rectangular variant, the algorithm behind scipy's linear_sum_assignment), one augmentation
 * per post, on a sparse graph:
 *  - every post also gets its own "empty" column of value 0, so the problem is always feasible
 *    and leaving a post empty is just another column;
 *  - top-K pruning (exact): with K free posts, some optimal matching uses, for every post, only
 *    candidates among that post's K best allowed ones. Proof: if post p holds c outside its top
 *    K, at most K−1 of its top-K candidates are held by other posts, so one of them, c', is
 *    free and score(p,c') ≥ score(p,c); moving p to c' never lowers the total and reduces the
 *    number of posts outside their top K. So only K edges per post (+ the empty one) are kept:
 *    O(P·M) to select them, then the augmentations run on P·(K+1) edges with a binary heap
 *    (Dijkstra on reduced costs), instead of O(P²·M) dense scans.
 * Costs are cost = maxValue − value ≥ 0, so the initial zero potentials are feasible.
 */

export type PostCand = readonly [post: number, cand: number];

export interface AssignmentInput {
  /** posts × candidates; NaN / -Infinity = forbidden */
  scores: readonly ArrayLike<number>[];
  pinned?: readonly PostCand[];
  forbidden?: readonly PostCand[];
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
 * with a private column, so a perfect row matching always exists. Returns col4row.
 */
export function sparseRowAssignment(rows: number, cols: number, start: Int32Array, edgeCol: Int32Array, edgeCost: Float64Array): Int32Array {
  const u = new Float64Array(rows);
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

/** Exact maximum-total assignment (see the module comment). Deterministic. */
export function solveAssignment(input: AssignmentInput): AssignmentResult {
  const { scores } = input;
  const { posts, cands, forbiddenSet, pinPost, pinCand } = preparePairs(scores, input.pinned, input.forbidden);
  const assignment = new Int32Array(posts).fill(-1);
  const freePosts: number[] = [];
  for (let p = 0; p < posts; p++) {
    if (pinPost[p] >= 0) assignment[p] = pinPost[p];
    else freePosts.push(p);
  }
  const K = freePosts.length;
  if (K > 0 && cands > 0) {
    // top-K allowed candidates per free post
    const colOf = new Int32Array(cands).fill(-1);
    const colCand: number[] = [];
    const kk = Math.min(K, cands);
    const vbuf = new Float64Array(kk);
    const kept: Int32Array[] = [];
    const keptVal: Float64Array[] = [];
    let maxVal = 0;
    let anyPinned = false;
    for (let c = 0; c < cands; c++) if (pinCand[c] >= 0) anyPinned = true;
    const forb = forbiddenSet.size > 0 ? forbiddenSet : null;
    for (const p of freePosts) {
      const ibuf = new Int32Array(kk);
      const k = topKOfRow(scores[p], cands, kk, anyPinned ? pinCand : null, forb, p * cands, vbuf, ibuf);
      const list = k === kk ? ibuf : ibuf.slice(0, k);
      const vals = vbuf.slice(0, k);
      for (let t = 0; t < k; t++) {
        const c = list[t];
        if (vals[t] > maxVal) maxVal = vals[t];
        if (colOf[c] < 0) {
          colOf[c] = colCand.length;
          colCand.push(c);
        }
      }
      kept.push(list);
      keptVal.push(vals);
    }
    const C = colCand.length;
    let E = 0;
    for (const l of kept) E += l.length + 1;
    const start = new Int32Array(K + 1);
    const edgeCol = new Int32Array(E);
    const edgeCost = new Float64Array(E);
    let e = 0;
    for (let r = 0; r < K; r++) {
      start[r] = e;
      const list = kept[r];
      const vals = keptVal[r];
      for (let t = 0; t < list.length; t++) {
        edgeCol[e] = colOf[list[t]];
        edgeCost[e++] = maxVal - vals[t];
      }
      edgeCol[e] = C + r; // "empty" column of this post, value 0
      edgeCost[e++] = maxVal;
    }
    start[K] = e;
    const col4row = sparseRowAssignment(K, C + K, start, edgeCol, edgeCost);
    for (let r = 0; r < K; r++) {
      const j = col4row[r];
      if (j < C) {
        // a zero/negative-value candidate never beats leaving the post empty unless it ties
        assignment[freePosts[r]] = colCand[j];
      }
    }
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
