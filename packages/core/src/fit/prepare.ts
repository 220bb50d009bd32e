/**
 * FitCandidate (the facts the fit model needs) and prepareCandidates: turns a list of
 * candidates into a compact struct-of-arrays feature record, once per asOf and rules, so
 * that scoring a post against 100,000 people is a tight loop over typed arrays.
 */
import { CODE_SETS, isChiefLevel, isNonParty, levelOrder, rankEquivalentLevel } from '../codes';
import { ageOn, toEpochDays, yearsBetween } from '../dates';
import { retirementDate, type PostKind } from '../retirement';
import { DEFAULT_RULES, type RulesConfig } from '../rules';
import { isDisciplineActive, rankTenureMet } from '../tenure';
import { DERIVED_COMPETENCIES } from './config';
import { experienceYears, type ExperienceCareerEntry } from './experience';

export type FitCareerEntry = ExperienceCareerEntry;
export type FitAssessment = { year: number; quarter?: number | null; result?: string | null; score?: number | null };
export type FitPoliticalQuality = {
  date: string;
  loyalty?: number | null;
  steadiness?: number | null;
  responsibility?: number | null;
  capability?: number | null;
  selfDiscipline?: number | null;
};
export type FitKeyMoment = { date: string; rating?: string | null; event?: string | null };
export type FitDiscipline = { date: string; kind: string; category?: string | null; impactMonths?: number | null; revokedOn?: string | null };

/** The facts about one cadre that the fit model reads. */
export interface FitCandidate {
  id: string | number;
  birthDate: string;
  /** GB/T 2261.1: '1' 男, '2' 女 */
  sex: string;
  /** 职务级别 (GB/T 12407) */
  postLevel?: string | null;
  /** 任同级时间 */
  levelStartDate?: string | null;
  /** 职级 code (ZJ01 …) and since when */
  rank?: string | null;
  rankStartDate?: string | null;
  /** 学科门类 of the specialty (法学, 经济学 …) */
  specialtyCategory?: string | null;
  /** tiger 小老虎型 | ox 老黄牛型 */
  style?: string | null;
  /** GB/T 4762 */
  politicalStatus?: string | null;
  /** 参加工作时间 */
  workStartDate?: string | null;
  /** retirement rule group (default cadre) */
  retirementKind?: PostKind;
  career?: readonly FitCareerEntry[];
  /** annual rows (quarter null/absent) count; quarterly rows are ignored */
  assessments?: readonly FitAssessment[];
  /** explicit competency scores 0–100 by name; they win over the derived ones */
  competencies?: Readonly<Record<string, number>> | null;
  politicalQuality?: readonly FitPoliticalQuality[];
  keyMoments?: readonly FitKeyMoment[];
  disciplines?: readonly FitDiscipline[];
}

export const STYLE_CODES = ['tiger', 'ox'] as const;

/** Struct-of-arrays features of n candidates on `asOf` under `rules`. */
export interface PreparedCandidates {
  readonly n: number;
  readonly asOf: string;
  readonly asOfDay: number;
  readonly rules: RulesConfig;
  readonly ids: (string | number)[];
  /** the input list (explanations read details from it) */
  readonly facts: readonly FitCandidate[];
  readonly age: Int16Array;
  readonly female: Uint8Array;
  readonly nonParty: Uint8Array;
  /** statutory retirement date, epoch days */
  readonly retireDay: Int32Array;
  /** levelOrder of the post level (or the 职级's equivalent level); 0 unknown */
  readonly levelOrd: Uint8Array;
  /** held a chief (正职) post: current level or a career entry */
  readonly chiefExp: Uint8Array;
  readonly yearsAtLevel: Float64Array;
  /** 1 when the 职级 minimum years are met or unknown */
  readonly rankOk: Uint8Array;
  readonly workYears: Float64Array;
  readonly grassrootsYears: Float64Array;
  /** index into specialtyDict, -1 unknown */
  readonly specialty: Int32Array;
  readonly specialtyDict: string[];
  /** index into styleDict; 0 = unknown, 1 tiger, 2 ox */
  readonly style: Uint8Array;
  readonly styleDict: string[];
  readonly expKinds: string[];
  /** expYears[k][i]: years of kind expKinds[k] */
  readonly expYears: Float64Array[];
  readonly compNames: string[];
  /** comp[k][i]: score of compNames[k], NaN when no data */
  readonly comp: Float64Array[];
  readonly disciplineActive: Uint8Array;
}

const ORDER_TO_CHIEF: boolean[] = [];
for (const e of CODE_SETS.postLevel) {
  const o = e.extra?.order;
  if (typeof o === 'number') ORDER_TO_CHIEF[o] = e.extra?.chief === true;
}
/** is the level with this order a chief (正职) level */
export const isChiefOrder = (order: number): boolean => ORDER_TO_CHIEF[order] === true;

const clamp100 = (v: number) => (v < 0 ? 0 : v > 100 ? 100 : v);

/** Competency scores derived from the file (NaN = no data), before explicit overrides. */
export function derivedCompetencies(c: FitCandidate, asOf: string, rules: RulesConfig): Record<string, number> {
  const cfg = rules.fit.competency;
  const out: Record<string, number> = {};
  // 工作实绩: the most recent N annual assessments up to asOf's year
  const asOfYear = Number(asOf.slice(0, 4));
  const annual = (c.assessments ?? []).filter((a) => a.quarter == null && a.year <= asOfYear);
  annual.sort((a, b) => b.year - a.year);
  let sum = 0;
  let cnt = 0;
  for (const a of annual) {
    if (cnt >= cfg.recentAssessmentYears) break;
    const v = a.score != null && Number.isFinite(a.score) ? clamp100(a.score) : a.result != null ? cfg.assessmentPoints[a.result] : undefined;
    if (v == null) continue;
    sum += v;
    cnt++;
  }
  out[DERIVED_COMPETENCIES.performance] = cnt ? sum / cnt : NaN;
  // 政治素质: the latest record on or before asOf, mean of the five 1–5 fields → 0–100
  let latest: FitPoliticalQuality | undefined;
  for (const q of c.politicalQuality ?? []) if (q.date <= asOf && (!latest || q.date > latest.date)) latest = q;
  let pq = NaN;
  if (latest) {
    const vals = [latest.loyalty, latest.steadiness, latest.responsibility, latest.capability, latest.selfDiscipline].filter(
      (v): v is number => v != null && Number.isFinite(v),
    );
    if (vals.length) pq = clamp100((vals.reduce((a, b) => a + b, 0) / vals.length / 5) * 100);
  }
  out[DERIVED_COMPETENCIES.political] = pq;
  // 担当作为: key-moment ratings of the last N years
  const from = `${String(asOfYear - cfg.keyMomentYears).padStart(4, '0')}${asOf.slice(4)}`;
  sum = 0;
  cnt = 0;
  for (const k of c.keyMoments ?? []) {
    if (k.date > asOf || k.date <= from || k.rating == null) continue;
    const v = cfg.keyMomentPoints[k.rating];
    if (v == null) continue;
    sum += v;
    cnt++;
  }
  out[DERIVED_COMPETENCIES.keyMoments] = cnt ? sum / cnt : NaN;
  return out;
}

/** Held a chief post: current chief level, a chief-level career entry or a 正职 title. */
export function hasChiefExperience(c: FitCandidate, rules: RulesConfig): boolean {
  if (isChiefLevel(c.postLevel)) return true;
  const kw = rules.fit.chiefTitleKeywords;
  const dep = rules.fit.deputyTitleMarker;
  for (const e of c.career ?? []) {
    if (e.postLevel && isChiefLevel(e.postLevel)) return true;
    const t = e.postTitle ?? '';
    if (t && !t.includes(dep) && kw.some((k) => t.includes(k))) return true;
  }
  return false;
}

function dictIndex(dict: string[], map: Map<string, number>, v: string): number {
  let i = map.get(v);
  if (i === undefined) {
    i = dict.length;
    dict.push(v);
    map.set(v, i);
  }
  return i;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The feature arrays of n candidates and the dictionaries, with the per-candidate computation
 * (fillRow) shared by prepareCandidates and refreshPrepared, so both give the same features.
 */
class FeatureBuilder {
  readonly out: Mutable<PreparedCandidates>;
  private readonly specMap = new Map<string, number>();
  private readonly expMap = new Map<string, number>();
  private readonly compMap = new Map<string, number>();

  /** fresh arrays; dictionaries from `base` (copied) or the stable initial ones */
  constructor(list: readonly FitCandidate[], asOf: string, rules: RulesConfig, base?: PreparedCandidates) {
    const n = list.length;
    const o: Mutable<PreparedCandidates> = {
      n,
      asOf,
      asOfDay: toEpochDays(asOf),
      rules,
      ids: new Array(n),
      facts: list,
      age: new Int16Array(n),
      female: new Uint8Array(n),
      nonParty: new Uint8Array(n),
      retireDay: new Int32Array(n),
      levelOrd: new Uint8Array(n),
      chiefExp: new Uint8Array(n),
      yearsAtLevel: new Float64Array(n),
      rankOk: new Uint8Array(n),
      workYears: new Float64Array(n),
      grassrootsYears: new Float64Array(n),
      specialty: new Int32Array(n),
      specialtyDict: [],
      style: new Uint8Array(n),
      styleDict: ['', ...STYLE_CODES],
      expKinds: [],
      expYears: [],
      compNames: [],
      comp: [],
      disciplineActive: new Uint8Array(n),
    };
    this.out = o;
    if (base) {
      for (const v of base.specialtyDict) dictIndex(o.specialtyDict, this.specMap, v);
      for (const k of base.expKinds) {
        dictIndex(o.expKinds, this.expMap, k);
        o.expYears.push(new Float64Array(n));
      }
      for (const k of base.compNames) {
        dictIndex(o.compNames, this.compMap, k);
        o.comp.push(new Float64Array(n).fill(NaN));
      }
      return;
    }
    // stable dictionaries: configured kinds and derived competencies first
    for (const r of rules.experienceMapping.rules) if (!this.expMap.has(r.kind)) dictIndex(o.expKinds, this.expMap, r.kind);
    for (const k of CODE_SETS.experienceType) if (!this.expMap.has(k.code)) dictIndex(o.expKinds, this.expMap, k.code);
    for (let k = 0; k < o.expKinds.length; k++) o.expYears.push(new Float64Array(n));
    for (const name of Object.values(DERIVED_COMPETENCIES)) {
      dictIndex(o.compNames, this.compMap, name);
      o.comp.push(new Float64Array(n).fill(NaN));
    }
  }

  /** the features of candidate c at index i (expYears 0 / comp NaN where it has none) */
  fillRow(i: number, c: FitCandidate): void {
    const o = this.out;
    const { asOf, rules, n } = o;
    o.ids[i] = c.id;
    o.age[i] = ageOn(c.birthDate, asOf);
    o.female[i] = c.sex === '2' ? 1 : 0;
    o.nonParty[i] = isNonParty(c.politicalStatus) ? 1 : 0;
    o.retireDay[i] = toEpochDays(retirementDate(c.birthDate, c.sex, c.retirementKind ?? 'cadre', rules));
    o.levelOrd[i] = levelOrder(c.postLevel) || levelOrder(rankEquivalentLevel(c.rank));
    o.chiefExp[i] = hasChiefExperience(c, rules) ? 1 : 0;
    o.yearsAtLevel[i] = c.levelStartDate && c.levelStartDate <= asOf ? yearsBetween(c.levelStartDate, asOf) : 0;
    o.rankOk[i] = c.rank && c.rankStartDate ? (rankTenureMet(c.rank, c.rankStartDate, asOf, rules) ? 1 : 0) : 1;
    o.workYears[i] = c.workStartDate && c.workStartDate <= asOf ? yearsBetween(c.workStartDate, asOf) : 0;
    o.specialty[i] = c.specialtyCategory ? dictIndex(o.specialtyDict, this.specMap, c.specialtyCategory) : -1;
    const si = c.style ? o.styleDict.indexOf(c.style) : 0;
    o.style[i] = si > 0 ? si : 0;
    let active = 0;
    for (const d of c.disciplines ?? []) {
      if (isDisciplineActive(d, asOf, rules)) {
        active = 1;
        break;
      }
    }
    o.disciplineActive[i] = active;
    const ex = experienceYears(c.career, asOf, rules);
    o.grassrootsYears[i] = ex.grassrootsYears;
    for (const k in ex.years) {
      let ki = this.expMap.get(k);
      if (ki === undefined) {
        ki = dictIndex(o.expKinds, this.expMap, k);
        o.expYears.push(new Float64Array(n));
      }
      o.expYears[ki][i] = ex.years[k];
    }
    const dc = derivedCompetencies(c, asOf, rules);
    for (const k in dc) o.comp[this.compMap.get(k)!][i] = dc[k];
    if (c.competencies) {
      for (const k in c.competencies) {
        const v = c.competencies[k];
        if (v == null || !Number.isFinite(v)) continue;
        let ki = this.compMap.get(k);
        if (ki === undefined) {
          ki = dictIndex(o.compNames, this.compMap, k);
          o.comp.push(new Float64Array(n).fill(NaN));
        }
        o.comp[ki][i] = clamp100(v);
      }
    }
  }

  /** copy rows [from, from + len) of `base` (same dictionaries, a prefix of ours) to [to, to + len) */
  copyRows(base: PreparedCandidates, from: number, to: number, len: number): void {
    const o = this.out;
    const end = from + len;
    for (let t = 0; t < len; t++) o.ids[to + t] = base.ids[from + t];
    o.age.set(base.age.subarray(from, end), to);
    o.female.set(base.female.subarray(from, end), to);
    o.nonParty.set(base.nonParty.subarray(from, end), to);
    o.retireDay.set(base.retireDay.subarray(from, end), to);
    o.levelOrd.set(base.levelOrd.subarray(from, end), to);
    o.chiefExp.set(base.chiefExp.subarray(from, end), to);
    o.yearsAtLevel.set(base.yearsAtLevel.subarray(from, end), to);
    o.rankOk.set(base.rankOk.subarray(from, end), to);
    o.workYears.set(base.workYears.subarray(from, end), to);
    o.grassrootsYears.set(base.grassrootsYears.subarray(from, end), to);
    o.specialty.set(base.specialty.subarray(from, end), to);
    o.style.set(base.style.subarray(from, end), to);
    o.disciplineActive.set(base.disciplineActive.subarray(from, end), to);
    for (let k = 0; k < base.expYears.length; k++) o.expYears[k].set(base.expYears[k].subarray(from, end), to);
    for (let k = 0; k < base.comp.length; k++) o.comp[k].set(base.comp[k].subarray(from, end), to);
  }
}

/** Precompute the feature record of `list` on `asOf` (ranking then reads only typed arrays). */
export function prepareCandidates(list: readonly FitCandidate[], asOf: string, rules: RulesConfig = DEFAULT_RULES): PreparedCandidates {
  const b = new FeatureBuilder(list, asOf, rules);
  for (let i = 0; i < list.length; i++) b.fillRow(i, list[i]);
  return b.out;
}

/** the typed feature arrays of PreparedCandidates (one value per candidate) */
const ROW_FIELDS = ['age', 'female', 'nonParty', 'retireDay', 'levelOrd', 'chiefExp', 'yearsAtLevel', 'rankOk', 'workYears', 'grassrootsYears', 'specialty', 'style', 'disciplineActive'] as const;
type RowArray = Int16Array | Uint8Array | Int32Array | Float64Array;

/**
 * base's array when the changed rows keep their values (shared: neither set is ever written
 * after it is built), else a copy with the new values of the changed rows
 */
function patched<A extends RowArray>(baseArr: A, rows: Int32Array, values: A): A {
  let same = true;
  for (let t = 0; t < rows.length; t++) {
    if (!Object.is(baseArr[rows[t]], values[t])) {
      same = false;
      break;
    }
  }
  if (same) return baseArr;
  const copy = baseArr.slice() as A;
  for (let t = 0; t < rows.length; t++) copy[rows[t]] = values[t];
  return copy;
}

/**
 * Incremental preparation: the feature record of `list` where list[i] is unchanged from
 * base.facts[reuse[i]] when reuse[i] ≥ 0 (its features are copied, in runs) and computed afresh
 * when reuse[i] = −1. Same asOf and rules as `base`; `base` is not modified (readers of it stay
 * consistent). Every feature equals prepareCandidates(list)'s; only the dictionaries keep base's
 * order (new values appended, unused ones kept), which no score depends on.
 * When every candidate keeps its position (reuse[i] is i or −1: edits only, the usual case) only
 * the changed rows are computed and only the feature arrays in which they changed are copied;
 * the others are shared with base (a profile edit copies one or two arrays, not all of them).
 */
export function refreshPrepared(base: PreparedCandidates, list: readonly FitCandidate[], reuse: Int32Array): PreparedCandidates {
  const n = list.length;
  if (reuse.length !== n) throw new Error(`refreshPrepared: reuse has ${reuse.length} entries for ${n} candidates / reuse 长度与候选人数不一致`);
  let positional = n === base.n;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const r = reuse[i];
    if (r >= base.n) throw new Error(`refreshPrepared: reuse[${i}] = ${r} is out of range / 超出原候选人范围`);
    if (r < 0) changed++;
    else if (r !== i) positional = false;
  }
  if (positional) return refreshInPlace(base, list, reuse, changed);
  const b = new FeatureBuilder(list, base.asOf, base.rules, base);
  let i = 0;
  while (i < n) {
    const from = reuse[i];
    if (from < 0) {
      b.fillRow(i, list[i]);
      i++;
      continue;
    }
    let len = 1;
    while (i + len < n && reuse[i + len] === from + len) len++;
    b.copyRows(base, from, i, len);
    i += len;
  }
  return b.out;
}

/** refreshPrepared when every candidate keeps its index: patch the changed rows only */
function refreshInPlace(base: PreparedCandidates, list: readonly FitCandidate[], reuse: Int32Array, changed: number): PreparedCandidates {
  const n = list.length;
  const rows = new Int32Array(changed);
  const sub: FitCandidate[] = new Array(changed);
  for (let i = 0, t = 0; i < n; i++) {
    if (reuse[i] < 0) {
      rows[t] = i;
      sub[t++] = list[i];
    }
  }
  // the changed rows' features, with base's dictionaries (copied, maybe extended)
  const b = new FeatureBuilder(sub, base.asOf, base.rules, base);
  for (let t = 0; t < changed; t++) b.fillRow(t, sub[t]);
  const m = b.out;
  const out: Mutable<PreparedCandidates> = { ...base, facts: list, specialtyDict: m.specialtyDict, styleDict: m.styleDict, expKinds: m.expKinds, compNames: m.compNames };
  for (const f of ROW_FIELDS) (out as unknown as Record<string, RowArray>)[f] = patched(base[f] as RowArray, rows, m[f] as RowArray);
  let sameIds = true;
  for (let t = 0; t < changed; t++) if (base.ids[rows[t]] !== m.ids[t]) sameIds = false;
  if (!sameIds) {
    out.ids = base.ids.slice();
    for (let t = 0; t < changed; t++) out.ids[rows[t]] = m.ids[t];
  }
  out.expYears = m.expYears.map((v, k) => patched(k < base.expYears.length ? base.expYears[k] : new Float64Array(n), rows, v));
  out.comp = m.comp.map((v, k) => patched(k < base.comp.length ? base.comp[k] : new Float64Array(n).fill(NaN), rows, v));
  return out;
}
