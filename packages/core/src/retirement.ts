/**
 * Statutory retirement with the gradual raise decided by the 全国人大常委会 on 2024-09-13
 * (关于实施渐进式延迟法定退休年龄的决定, 附件《关于渐进式延迟法定退休年龄的办法》第二条):
 * from 2025-01-01 the retirement age of men goes from 60 to 63 and of women cadres from 55
 * to 58 by one month for every four months, and of women workers from 50 to 55 by one month
 * for every two months.
 *
 * Implemented rule (it reproduces the official 对照表):
 *   original retirement month R = birth month + base age;
 *   if R is before the reform start month (2025-01) there is no delay;
 *   otherwise k = months from 2025-01 to R, delay = floor(k / step) + 1 months,
 *   capped at (target − base) × 12.
 *   retirement date = birth date + base age + delay (day clamped to the month's end).
 * Published examples: man born 1965-01 → 60岁1个月, retires 2025-02; born 1965-05 → 60岁2个月,
 * 2025-07; men born 1976-09 or later → 63; women cadres born 1981-09 or later → 58; women
 * workers born 1984-11 or later → 55.
 */
import { addMonths, compareISO, parseISO } from './dates';
import { DEFAULT_RULES, type RulesConfig } from './rules';

export type RetirementGroupKey = 'male' | 'femaleCadre' | 'femaleWorker';
export type PostKind = 'cadre' | 'worker';

/** '2' + worker → femaleWorker, '2' + cadre → femaleCadre, otherwise male. */
export function retirementGroup(sex: string, kind: PostKind): RetirementGroupKey {
  if (sex === '2') return kind === 'worker' ? 'femaleWorker' : 'femaleCadre';
  return 'male';
}

export type RetirementAge = {
  group: RetirementGroupKey;
  /** age at retirement in whole years + months */
  years: number;
  months: number;
  /** total months of age at retirement */
  totalMonths: number;
  /** months added by the reform */
  delayMonths: number;
  /** original (pre-reform) retirement date */
  originalDate: string;
  /** retirement date */
  date: string;
};

export function retirementAge(birthDate: string, sex: string, kind: PostKind, rules: RulesConfig = DEFAULT_RULES): RetirementAge {
  const b = parseISO(birthDate);
  const group = retirementGroup(sex, kind);
  const cfg = rules.retirement;
  const base = cfg.baseAge[group];
  const target = cfg.targetAge[group];
  const step = cfg.monthsPerStep[group];
  const start = parseISO(cfg.reformStart);
  const originalIdx = (b.y + base) * 12 + (b.m - 1);
  const startIdx = start.y * 12 + (start.m - 1);
  let delay = 0;
  if (originalIdx >= startIdx) {
    const k = originalIdx - startIdx;
    delay = Math.min(Math.floor(k / step) + 1, (target - base) * 12);
  }
  const totalMonths = base * 12 + delay;
  return {
    group,
    years: Math.floor(totalMonths / 12),
    months: totalMonths % 12,
    totalMonths,
    delayMonths: delay,
    originalDate: addMonths(birthDate, base * 12),
    date: addMonths(birthDate, totalMonths),
  };
}

/** The statutory retirement date ('YYYY-MM-DD'). */
export function retirementDate(birthDate: string, sex: '1' | '2' | string, kind: PostKind, rules: RulesConfig = DEFAULT_RULES): string {
  return retirementAge(birthDate, sex, kind, rules).date;
}

/** Retirement falls in (asOf, asOf + years] — "retires within the next N years". */
export function retiresWithin(
  birthDate: string,
  sex: '1' | '2' | string,
  kind: PostKind,
  asOf: string,
  years: number,
  rules: RulesConfig = DEFAULT_RULES,
): boolean {
  const d = retirementDate(birthDate, sex, kind, rules);
  return compareISO(d, asOf) > 0 && compareISO(d, addMonths(asOf, Math.round(years * 12))) <= 0;
}

/** The retirement date is on or before asOf. */
export function isPastRetirement(birthDate: string, sex: string, kind: PostKind, asOf: string, rules: RulesConfig = DEFAULT_RULES): boolean {
  return compareISO(retirementDate(birthDate, sex, kind, rules), asOf) <= 0;
}

/** '60岁1个月' / '63岁' */
export function formatRetirementAge(a: Pick<RetirementAge, 'years' | 'months'>): string {
  return a.months ? `${a.years}岁${a.months}个月` : `${a.years}岁`;
}
