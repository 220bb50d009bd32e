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

/** Precompute the feature record of `list` on `asOf` (ranking then reads only typed arrays). */
export function prepareCandidates(list: readonly FitCandidate[], asOf: string, rules: RulesConfig = DEFAULT_RULES): PreparedCandidates {
  const n = list.length;
  const asOfDay = toEpochDays(asOf);
  const age = new Int16Array(n);
  const female = new Uint8Array(n);
  const nonParty = new Uint8Array(n);
  const retireDay = new Int32Array(n);
  const levelOrd = new Uint8Array(n);
  const chiefExp = new Uint8Array(n);
  const yearsAtLevel = new Float64Array(n);
  const rankOk = new Uint8Array(n);
  const workYears = new Float64Array(n);
  const grassrootsYears = new Float64Array(n);
  const specialty = new Int32Array(n);
  const style = new Uint8Array(n);
  const disciplineActive = new Uint8Array(n);
  const specialtyDict: string[] = [];
  const specMap = new Map<string, number>();
  const styleDict: string[] = ['', ...STYLE_CODES];
  const expKinds: string[] = [];
  const expMap = new Map<string, number>();
  const expYears: Float64Array[] = [];
  const compNames: string[] = [];
  const compMap = new Map<string, number>();
  const comp: Float64Array[] = [];
  // stable dictionaries: configured kinds and derived competencies first
  for (const r of rules.experienceMapping.rules) if (!expMap.has(r.kind)) dictIndex(expKinds, expMap, r.kind);
  for (const k of CODE_SETS.experienceType) if (!expMap.has(k.code)) dictIndex(expKinds, expMap, k.code);
  for (const k of expKinds) expYears.push(new Float64Array(n));
  for (const name of Object.values(DERIVED_COMPETENCIES)) {
    dictIndex(compNames, compMap, name);
    comp.push(new Float64Array(n).fill(NaN));
  }
  const ids: (string | number)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = list[i];
    ids[i] = c.id;
    age[i] = ageOn(c.birthDate, asOf);
    female[i] = c.sex === '2' ? 1 : 0;
    nonParty[i] = isNonParty(c.politicalStatus) ? 1 : 0;
    retireDay[i] = toEpochDays(retirementDate(c.birthDate, c.sex, c.retirementKind ?? 'cadre', rules));
    levelOrd[i] = levelOrder(c.postLevel) || levelOrder(rankEquivalentLevel(c.rank));
    chiefExp[i] = hasChiefExperience(c, rules) ? 1 : 0;
    yearsAtLevel[i] = c.levelStartDate && c.levelStartDate <= asOf ? yearsBetween(c.levelStartDate, asOf) : 0;
    rankOk[i] = c.rank && c.rankStartDate ? (rankTenureMet(c.rank, c.rankStartDate, asOf, rules) ? 1 : 0) : 1;
    workYears[i] = c.workStartDate && c.workStartDate <= asOf ? yearsBetween(c.workStartDate, asOf) : 0;
    specialty[i] = c.specialtyCategory ? dictIndex(specialtyDict, specMap, c.specialtyCategory) : -1;
    const si = c.style ? styleDict.indexOf(c.style) : 0;
    style[i] = si > 0 ? si : 0;
    let active = 0;
    for (const d of c.disciplines ?? []) {
      if (isDisciplineActive(d, asOf, rules)) {
        active = 1;
        break;
      }
    }
    disciplineActive[i] = active;
    const ex = experienceYears(c.career, asOf, rules);
    grassrootsYears[i] = ex.grassrootsYears;
    for (const k in ex.years) {
      let ki = expMap.get(k);
      if (ki === undefined) {
        ki = dictIndex(expKinds, expMap, k);
        expYears.push(new Float64Array(n));
      }
      expYears[ki][i] = ex.years[k];
    }
    const dc = derivedCompetencies(c, asOf, rules);
    for (const k in dc) comp[compMap.get(k)!][i] = dc[k];
    if (c.competencies) {
      for (const k in c.competencies) {
        const v = c.competencies[k];
        if (v == null || !Number.isFinite(v)) continue;
        let ki = compMap.get(k);
        if (ki === undefined) {
          ki = dictIndex(compNames, compMap, k);
          comp.push(new Float64Array(n).fill(NaN));
        }
        comp[ki][i] = clamp100(v);
      }
    }
  }
  return {
    n,
    asOf,
    asOfDay,
    rules,
    ids,
    facts: list,
    age,
    female,
    nonParty,
    retireDay,
    levelOrd,
    chiefExp,
    yearsAtLevel,
    rankOk,
    workYears,
    grassrootsYears,
    specialty,
    specialtyDict,
    style,
    styleDict,
    expKinds,
    expYears,
    compNames,
    comp,
    disciplineActive,
  };
}
