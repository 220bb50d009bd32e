/** Tenure in post, rotation due, sanction impact periods and 职级 minimum years. */
import { codeEntry } from './codes';
import { addMonths, compareISO, fullYearsBetween, yearsBetween } from './dates';
import { DEFAULT_RULES, type RulesConfig } from './rules';

/** The end date used for sanctions whose impact never ends (开除党籍, 开除). */
export const PERMANENT_END = '9999-12-31';

/** Fractional years in post on asOf (0 when asOf is before the start). */
export function yearsInPost(postStartDate: string, asOf: string): number {
  return Math.max(0, yearsBetween(postStartDate, asOf));
}

export type RotationStatus = 'ok' | 'should' | 'must';

/** 任职满 mustRotateYears (10) → 'must'; ≥ shouldRotateYears (5) → 'should'; full years count. */
export function rotationStatus(postStartDate: string, asOf: string, rules: RulesConfig = DEFAULT_RULES): RotationStatus {
  const y = fullYearsBetween(postStartDate, asOf);
  if (y >= rules.rotation.mustRotateYears) return 'must';
  if (y >= rules.rotation.shouldRotateYears) return 'should';
  return 'ok';
}

/** Impact months for a sanction: record value, else category override, else kind default (0 if unknown). */
export function disciplineImpactMonths(
  kind: string,
  impactMonths: number | null | undefined,
  rules: RulesConfig = DEFAULT_RULES,
  category?: string | null,
): number | null {
  if (impactMonths != null) return impactMonths;
  if (rules.permanentDisciplineKinds.includes(kind)) return null;
  if (category) {
    const byCat = rules.disciplineImpactMonthsByCategory[category]?.[kind];
    if (byCat != null) return byCat;
  }
  return rules.disciplineImpactMonths[kind] ?? 0;
}

/**
 * End of the impact period ('YYYY-MM-DD', exclusive: the cadre may be promoted again from this
 * day): date + months. An explicit `impactMonths` wins; permanent kinds return PERMANENT_END.
 * `category` (党纪 | 政务 | 组织处理) selects overrides such as 政务 警告 = 6 months.
 */
export function disciplineImpactEnd(
  date: string,
  kind: string,
  impactMonths: number | null | undefined,
  rules: RulesConfig = DEFAULT_RULES,
  category?: string | null,
): string {
  const months = disciplineImpactMonths(kind, impactMonths, rules, category);
  if (months === null) return PERMANENT_END;
  return addMonths(date, months);
}

export type DisciplineRecordLike = {
  date: string;
  kind: string;
  category?: string | null;
  impactMonths?: number | null;
  revokedOn?: string | null;
};

/** In force on asOf: date ≤ asOf < impact end, and not revoked on or before asOf. */
export function isDisciplineActive(record: DisciplineRecordLike, asOf: string, rules: RulesConfig = DEFAULT_RULES): boolean {
  if (record.revokedOn && compareISO(record.revokedOn, asOf) <= 0) return false;
  if (compareISO(record.date, asOf) > 0) return false;
  const end = disciplineImpactEnd(record.date, record.kind, record.impactMonths, rules, record.category);
  return compareISO(asOf, end) < 0;
}

/**
 * 最低任职年限 in a 职级 before promotion to the next (职务与职级并行规定 第十八条): the rules
 * override, else the code-set value, else 2.
 */
export function rankMinYears(rankCode: string, rules: RulesConfig = DEFAULT_RULES): number {
  const fromRules = rules.rankMinYears[rankCode];
  if (fromRules != null) return fromRules;
  const v = codeEntry('rank', rankCode)?.extra?.minYears;
  return typeof v === 'number' ? v : 2;
}

/** Has the cadre held the rank long enough on asOf for promotion to the next rank? */
export function rankTenureMet(rankCode: string, rankStartDate: string, asOf: string, rules: RulesConfig = DEFAULT_RULES): boolean {
  return fullYearsBetween(rankStartDate, asOf) >= rankMinYears(rankCode, rules);
}
