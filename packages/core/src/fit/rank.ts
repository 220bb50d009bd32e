/**
 * Rank a prepared candidate set for one post: one tight loop over typed arrays (exclusion
 * mask + degrees), then a numeric typed-array sort of packed keys. Explanations are not built
 * here: call fitResultAt / explainFit for the rows on screen.
 */
import { DEFAULT_RULES, type RulesConfig } from '../rules';
import { compilePosition, degreesAt, exclusionMaskAt, type CompiledPosition, type FitDegrees, type FitPosition } from './model';
import { prepareCandidates, type FitCandidate, type PreparedCandidates } from './prepare';

export type RankOptions = {
  /** needed only when raw FitCandidate[] are passed (they are prepared first) */
  asOf?: string;
  rules?: RulesConfig;
  /** keep only the best N eligible candidates in `order` (default all) */
  limit?: number;
};

export interface RankResult {
  prepared: PreparedCandidates;
  compiled: CompiledPosition;
  /** eligible candidate indices, best first (ties: lower index first) */
  order: Int32Array;
  /** totals aligned with order */
  total: Float64Array;
  /** number of eligible candidates (order may be shorter when limited) */
  eligibleCount: number;
  /** excluded candidate indices (input order) and their ExclusionCode bit sets */
  excluded: Int32Array;
  excludedMask: Uint16Array;
}

export type RankedRow = { rank: number; index: number; id: string | number; total: number; degrees: FitDegrees };

const SCALE = 1e6; // totals are ordered at 1e-6 resolution (ties → lower index first)
const MAXKEY = 100 * SCALE; // < 2^27

/**
 * Stable LSD radix sort (2 passes of 14 bits) of indices by 28-bit keys: O(n), and stability
 * keeps equal keys in ascending index order (the tie rule), since indices arrive ascending.
 */
function radixOrder(idx: Int32Array, keys: Uint32Array, n: number): Int32Array {
  const B = 1 << 14;
  const MASK = B - 1;
  const count = new Int32Array(B);
  const tmpIdx = new Int32Array(n);
  const tmpKey = new Uint32Array(n);
  // pass 1: low 14 bits
  for (let i = 0; i < n; i++) count[keys[i] & MASK]++;
  for (let b = 0, sum = 0; b < B; b++) {
    const c = count[b];
    count[b] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    const at = count[k & MASK]++;
    tmpIdx[at] = idx[i];
    tmpKey[at] = k;
  }
  // pass 2: high bits
  count.fill(0);
  for (let i = 0; i < n; i++) count[tmpKey[i] >>> 14]++;
  for (let b = 0, sum = 0; b < B; b++) {
    const c = count[b];
    count[b] = sum;
    sum += c;
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[count[tmpKey[i] >>> 14]++] = tmpIdx[i];
  return out;
}

export function rankCandidates(candidates: PreparedCandidates | readonly FitCandidate[], position: FitPosition, opts: RankOptions = {}): RankResult {
  let prep: PreparedCandidates;
  if (Array.isArray(candidates)) {
    if (!opts.asOf) throw new Error('rankCandidates: asOf is required for unprepared candidates / 未预处理的候选人需要 asOf');
    prep = prepareCandidates(candidates as readonly FitCandidate[], opts.asOf, opts.rules ?? DEFAULT_RULES);
  } else prep = candidates as PreparedCandidates;
  const cp = compilePosition(prep, position);
  const n = prep.n;
  const buf = new Float64Array(5);
  const tot = new Float64Array(n);
  const elig = new Int32Array(n);
  const keys = new Uint32Array(n);
  const exIdx = new Int32Array(n);
  const exMask = new Uint16Array(n);
  let ne = 0;
  let nx = 0;
  for (let i = 0; i < n; i++) {
    const m = exclusionMaskAt(prep, i, cp);
    if (m !== 0) {
      exIdx[nx] = i;
      exMask[nx++] = m;
      continue;
    }
    const t = degreesAt(prep, i, cp, buf)[0];
    tot[i] = t;
    elig[ne] = i;
    keys[ne++] = MAXKEY - Math.round(t * SCALE);
  }
  const sorted = radixOrder(elig, keys, ne);
  const limit = opts.limit != null ? Math.max(0, Math.min(ne, Math.floor(opts.limit))) : ne;
  const order = limit === ne ? sorted : sorted.slice(0, limit);
  const total = new Float64Array(limit);
  for (let k = 0; k < limit; k++) total[k] = tot[order[k]];
  return { prepared: prep, compiled: cp, order, total, eligibleCount: ne, excluded: exIdx.slice(0, nx), excludedMask: exMask.slice(0, nx) };
}

/** Rows [from, to) of a ranking with their four degrees (cheap; no explanations). */
export function rankedRows(r: RankResult, from = 0, to = r.order.length): RankedRow[] {
  const out: RankedRow[] = [];
  const buf = new Float64Array(5);
  for (let k = Math.max(0, from); k < Math.min(to, r.order.length); k++) {
    const i = r.order[k];
    const d = degreesAt(r.prepared, i, r.compiled, buf);
    out.push({ rank: k + 1, index: i, id: r.prepared.ids[i], total: d[0], degrees: { position: d[1], experience: d[2], competency: d[3], temperament: d[4] } });
  }
  return out;
}
