/**
 * Allocation-free date arithmetic for the statistics hot loops (100,000 people in one pass).
 * Dates are packed as integers yyyymmdd. Every function here follows the conventions of
 * ../dates.ts exactly (the tests check them against ageOn / yearsBetween / retirementDate):
 * a person born on 29 February has their birthday on 1 March in non-leap years.
 */
import type { RulesConfig } from '../rules';

/** 'YYYY-MM-DD' → yyyymmdd (no validation: the caller passes dates from the database or validated input) */
export function packDate(s: string): number {
  return (
    (s.charCodeAt(0) - 48) * 10000000 +
    (s.charCodeAt(1) - 48) * 1000000 +
    (s.charCodeAt(2) - 48) * 100000 +
    (s.charCodeAt(3) - 48) * 10000 +
    (s.charCodeAt(5) - 48) * 1000 +
    (s.charCodeAt(6) - 48) * 100 +
    (s.charCodeAt(8) - 48) * 10 +
    (s.charCodeAt(9) - 48)
  );
}

export function unpackDate(n: number): string {
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DIM = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const dim = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : DIM[m]);

/** full years from `from` to `to` (both packed; to ≥ from assumed for the usual use), ageOn's rule */
export function fullYearsPacked(from: number, to: number): number {
  const fy = Math.floor(from / 10000);
  const ty = Math.floor(to / 10000);
  let fmd = from % 10000;
  const tmd = to % 10000;
  if (fmd === 229 && !isLeap(ty)) fmd = 301;
  return ty - fy - (tmd < fmd ? 1 : 0);
}

/** days since 1970-01-01 of a packed date */
export function epochDaysPacked(n: number): number {
  const y0 = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** the packed date on which `from` has its n-th anniversary (29 Feb → 1 Mar in non-leap years) */
export function anniversaryPacked(from: number, n: number): number {
  const y = Math.floor(from / 10000) + n;
  const md = from % 10000;
  if (md === 229 && !isLeap(y)) return y * 10000 + 301;
  return y * 10000 + md;
}

/** fractional years like dates.yearsBetween (0 when to < from) */
export function fracYearsPacked(from: number, to: number): number {
  if (to < from) return 0;
  const full = fullYearsPacked(from, to);
  const last = anniversaryPacked(from, full);
  const next = anniversaryPacked(from, full + 1);
  return full + (epochDaysPacked(to) - epochDaysPacked(last)) / (epochDaysPacked(next) - epochDaysPacked(last));
}

/** packed date + n months, day clamped to the month's end (dates.addMonths) */
export function addMonthsPacked(n0: number, months: number): number {
  const y = Math.floor(n0 / 10000);
  const m = Math.floor(n0 / 100) % 100;
  const d = n0 % 100;
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return ny * 10000 + nm * 100 + Math.min(d, dim(ny, nm));
}

/**
 * One function per (rules, kind), kept while the rules object lives: hot loops that call it see the same call target on
 * every call (a fresh closure per call made optimised callers deoptimise with "wrong call target")
 */
const RETIREMENT_FNS = new WeakMap<RulesConfig, Partial<Record<'cadre' | 'worker', (birth: number, sex: string) => number>>>();

export function makeRetirementFn(rules: RulesConfig, kind: 'cadre' | 'worker' = 'cadre'): (birth: number, sex: string) => number {
  let byKind = RETIREMENT_FNS.get(rules);
  if (!byKind) RETIREMENT_FNS.set(rules, (byKind = {}));
  return (byKind[kind] ??= retirementFn(rules, kind));
}

/**
 * Statutory retirement date (packed) of a cadre (post kind 'cadre'), the same rule as
 * retirement.ts: original month = birth month + base age; from the reform start one month of
 * delay per `monthsPerStep` months, capped at (target − base) years.
 */
function retirementFn(rules: RulesConfig, kind: 'cadre' | 'worker'): (birth: number, sex: string) => number {
  const cfg = rules.retirement;
  const start = packDate(cfg.reformStart);
  const startIdx = Math.floor(start / 10000) * 12 + (Math.floor(start / 100) % 100) - 1;
  const mBase = cfg.baseAge.male;
  const mTarget = cfg.targetAge.male;
  const mStep = cfg.monthsPerStep.male;
  const fBase = kind === 'worker' ? cfg.baseAge.femaleWorker : cfg.baseAge.femaleCadre;
  const fTarget = kind === 'worker' ? cfg.targetAge.femaleWorker : cfg.targetAge.femaleCadre;
  const fStep = kind === 'worker' ? cfg.monthsPerStep.femaleWorker : cfg.monthsPerStep.femaleCadre;
  return (birth, sex) => {
    const female = sex === '2';
    const base = female ? fBase : mBase;
    const target = female ? fTarget : mTarget;
    const step = female ? fStep : mStep;
    const by = Math.floor(birth / 10000);
    const bm = Math.floor(birth / 100) % 100;
    const originalIdx = (by + base) * 12 + bm - 1;
    let delay = 0;
    if (originalIdx >= startIdx) delay = Math.min(Math.floor((originalIdx - startIdx) / step) + 1, (target - base) * 12);
    return addMonthsPacked(birth, base * 12 + delay);
  };
}
