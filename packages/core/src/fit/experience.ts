/**
 * Experience derivation (经历相关度 input): years per experience kind from the career history
 * (简历). An entry counts as the kinds listed in its `experienceTypes`, plus the kinds whose
 * keywords (rules.experienceMapping) occur in its orgName/postTitle, plus the
 * grassrootsFlagKinds when `isGrassroots` is set. Per kind, the entries' intervals are merged
 * (overlaps count once); an open end means asOf; parts after asOf do not count.
 * Years = days / 365.2425.
 */
import { toEpochDays } from '../dates';
import { DEFAULT_RULES, type RulesConfig } from '../rules';
import type { ExperienceMapping } from './config';

export const DAYS_PER_YEAR = 365.2425;

export type ExperienceCareerEntry = {
  start: string;
  end?: string | null;
  orgName?: string | null;
  postTitle?: string | null;
  isGrassroots?: boolean | null;
  experienceTypes?: readonly string[] | null;
  /** 职务级别 of the post held (optional) */
  postLevel?: string | null;
};

/** Kinds matched by the keyword rules for one org name / post title (memoised per mapping). */
export class ExperienceClassifier {
  private readonly cache = new Map<string, readonly string[]>();
  constructor(private readonly mapping: ExperienceMapping) {}

  /** keyword kinds only (no explicit types, no isGrassroots) */
  keywordKinds(orgName: string, postTitle: string): readonly string[] {
    const key = `${orgName}\u0001${postTitle}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const out: string[] = [];
    for (const r of this.mapping.rules) {
      if (out.includes(r.kind)) continue;
      const fields = r.fields ?? ['orgName', 'postTitle'];
      const texts = fields.map((f) => (f === 'orgName' ? orgName : postTitle));
      if (r.keywords.some((k) => texts.some((t) => t.includes(k)))) out.push(r.kind);
    }
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, out);
    return out;
  }

  /** every kind an entry counts as (explicit ∪ keyword ∪ grassroots flag), in a stable order */
  entryKinds(e: ExperienceCareerEntry): string[] {
    const out: string[] = [];
    const add = (k: string) => {
      if (k && !out.includes(k)) out.push(k);
    };
    for (const k of e.experienceTypes ?? []) add(k);
    for (const k of this.keywordKinds(e.orgName ?? '', e.postTitle ?? '')) add(k);
    if (e.isGrassroots) for (const k of this.mapping.grassrootsFlagKinds) add(k);
    return out;
  }
}

const classifiers = new WeakMap<ExperienceMapping, ExperienceClassifier>();
export function classifierFor(rules: RulesConfig): ExperienceClassifier {
  let c = classifiers.get(rules.experienceMapping);
  if (!c) {
    c = new ExperienceClassifier(rules.experienceMapping);
    classifiers.set(rules.experienceMapping, c);
  }
  return c;
}

/** Total length in days of the union of [start, end) day intervals (mutates/sorts the input). */
export function mergedDays(intervals: [number, number][]): number {
  if (!intervals.length) return 0;
  intervals.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let total = 0;
  let [s, e] = intervals[0];
  for (let i = 1; i < intervals.length; i++) {
    const [a, b] = intervals[i];
    if (a > e) {
      total += e - s;
      s = a;
      e = b;
    } else if (b > e) e = b;
  }
  return total + (e - s);
}

export type ExperienceSummary = {
  /** years per kind (only kinds with > 0 days) */
  years: Record<string, number>;
  /** years of 基层 experience for the 县处级 rule: entries flagged isGrassroots or of a kind in rules.teamAnalysis.grassrootsExperienceTypes */
  grassrootsYears: number;
  /** the kinds of each entry, aligned with the input (for explanations) */
  entryKinds: string[][];
};

/** Years per experience kind on asOf (see the module comment). */
export function experienceYears(career: readonly ExperienceCareerEntry[] | null | undefined, asOf: string, rules: RulesConfig = DEFAULT_RULES): ExperienceSummary {
  const cls = classifierFor(rules);
  const asOfDay = toEpochDays(asOf);
  const byKind = new Map<string, [number, number][]>();
  const grassroots: [number, number][] = [];
  const grassKinds = rules.teamAnalysis.grassrootsExperienceTypes;
  const entryKinds: string[][] = [];
  for (const e of career ?? []) {
    const kinds = cls.entryKinds(e);
    entryKinds.push(kinds);
    const s = toEpochDays(e.start);
    const end = Math.min(e.end ? toEpochDays(e.end) : asOfDay, asOfDay);
    if (!(end > s)) continue;
    for (const k of kinds) {
      let list = byKind.get(k);
      if (!list) byKind.set(k, (list = []));
      list.push([s, end]);
    }
    if (e.isGrassroots || kinds.some((k) => grassKinds.includes(k))) grassroots.push([s, end]);
  }
  const years: Record<string, number> = {};
  for (const [k, list] of byKind) {
    const d = mergedDays(list);
    if (d > 0) years[k] = d / DAYS_PER_YEAR;
  }
  return { years, grassrootsYears: mergedDays(grassroots) / DAYS_PER_YEAR, entryKinds };
}
