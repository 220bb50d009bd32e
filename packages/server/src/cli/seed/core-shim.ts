/** The @cadre/core pieces the generator uses, behind thin wrappers (caching, code-table lookups). */
import { codesOf, DEFAULT_RULES, makeIdNumber as coreMakeIdNumber, pinyinInitials as corePinyin, validateIdNumber as coreValidate } from '@cadre/core';

export function makeIdNumber(region6: string, birthDate: string, seq3: number): string {
  return coreMakeIdNumber(region6, birthDate, seq3);
}

/** true when the number is valid (GB 11643 checksum, region, date) */
export function isValidId(id: string, asOf = '2100-01-01'): { ok: boolean; birthDate?: string; sex?: string } {
  const r = coreValidate(id, asOf);
  return r.ok ? { ok: true, birthDate: r.birthDate, sex: r.sex } : { ok: false };
}

const pyCache = new Map<string, string>();
/** core pinyinInitials, memoised (names repeat; pinyin-pro is the slow part of generation) */
export function pinyinInitials(name: string): string {
  let v = pyCache.get(name);
  if (v === undefined) {
    v = corePinyin(name);
    pyCache.set(name, v);
  }
  return v;
}

export interface RankDef {
  code: string;
  name: string;
  /** years in this rank before promotion to the next one */
  minYears: number;
}
/** 综合管理类职级 from core's code set, lowest first (二级科员 … 一级巡视员) */
export const RANKS: RankDef[] = codesOf('rank')
  .map((e) => ({ code: e.code, name: e.name, minYears: Number(e.extra?.minYears ?? 2), order: Number(e.extra?.order ?? 0) }))
  .sort((a, b) => a.order - b.order)
  .map(({ code, name, minYears }) => ({ code, name, minYears }));
export const rankIndexByName = (name: string) => RANKS.findIndex((r) => r.name === name);

const P = DEFAULT_RULES.promotion;
/** minimum years at a post level before promotion to the next one (条例 第八、九条, from DEFAULT_RULES) */
export const PROMOTION_MIN_YEARS: Record<string, number> = {
  /** 科员 → 乡科级副职: years of work (no explicit rule; 3 as in practice) */
  '150': 3,
  '142': P.deputyToChiefSameLevelYears,
  '141': P.chiefToHigherDeputyYears,
  '132': P.deputyToChiefSameLevelYears,
};
export const COUNTY_MIN_WORK_YEARS = P.countyLevelMinWorkYears;
export const COUNTY_MIN_GRASSROOTS_YEARS = P.countyLevelMinGrassrootsYears;
export const DISCIPLINE_IMPACT: Record<string, number> = DEFAULT_RULES.disciplineImpactMonths as Record<string, number>;

export const codeSet = (set: Parameters<typeof codesOf>[0]) => new Set(codesOf(set).map((e) => e.code));
