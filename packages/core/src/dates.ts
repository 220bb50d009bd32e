/**
 * Calendar math on 'YYYY-MM-DD' strings.
 *
 * Everything here is integer year/month/day arithmetic: no `Date` parsing of date strings,
 * so there are no timezone or DST surprises. The only use of `Date` is `todayISO()`, which
 * reads the clock and formats it in the business timezone (Asia/Shanghai by default).
 *
 * Birthday rule (documented choice): a person born on 29 February reaches each new year of
 * age on 29 February in leap years and on **1 March** in non-leap years (the day after
 * 28 February: the 29th "has not yet come" on the 28th). So born 2000-02-29 is 0 on
 * 2001-02-28, 1 on 2001-03-01 and 4 on 2004-02-29. `dateOfAge` and `ageOn` use this rule.
 *
 * `addMonths` / `addYears` instead clamp to the end of the month (2000-02-29 + 1 year =
 * 2001-02-28, 2024-01-31 + 1 month = 2024-02-29), which is what periods such as impact
 * periods and tenure deadlines use.
 */

export type YMD = { y: number; m: number; d: number };

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  switch (m) {
    case 2:
      return isLeapYear(y) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

/** true for a real calendar date written exactly as 'YYYY-MM-DD' (year 0001–9999). */
export function isValidISODate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1) return false;
  if (mo < 1 || mo > 12) return false;
  return d >= 1 && d <= daysInMonth(y, mo);
}

/** Parse a 'YYYY-MM-DD' string; throws a bilingual error on anything else. */
export function parseISO(s: string): YMD {
  if (!isValidISODate(s)) {
    throw new RangeError(`无效日期 / invalid date: ${JSON.stringify(s)} (expected YYYY-MM-DD)`);
  }
  return { y: Number(s.slice(0, 4)), m: Number(s.slice(5, 7)), d: Number(s.slice(8, 10)) };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function formatISO(p: YMD): string {
  return `${pad(p.y, 4)}-${pad(p.m, 2)}-${pad(p.d, 2)}`;
}

/** -1 / 0 / 1; valid ISO strings compare correctly as strings. */
export function compareISO(a: string, b: string): -1 | 0 | 1 {
  parseISO(a);
  parseISO(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxISO(a: string, b: string): string {
  return compareISO(a, b) >= 0 ? a : b;
}

export function minISO(a: string, b: string): string {
  return compareISO(a, b) <= 0 ? a : b;
}

/** Days since 1970-01-01 (proleptic Gregorian), H. Hinnant's days_from_civil. */
export function toEpochDays(s: string): number {
  const { y: y0, m, d } = parseISO(s);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromEpochDays(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return formatISO({ y, m, d });
}

/** whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toEpochDays(to) - toEpochDays(from);
}

export function addDays(date: string, n: number): string {
  return fromEpochDays(toEpochDays(date) + Math.trunc(n));
}

/** Add n (may be negative) calendar months; the day is clamped to the end of the month. */
export function addMonths(date: string, n: number): string {
  const { y, m, d } = parseISO(date);
  const total = y * 12 + (m - 1) + Math.trunc(n);
  const ny = Math.floor(total / 12);
  const nm = (total - ny * 12) + 1;
  return formatISO({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/** Add n calendar years (clamped: 2000-02-29 + 1 → 2001-02-28). */
export function addYears(date: string, n: number): string {
  return addMonths(date, Math.trunc(n) * 12);
}

/** Subtract n calendar years (clamped like addYears). */
export function minusYears(date: string, n: number): string {
  return addYears(date, -Math.trunc(n));
}

/**
 * The date on which someone born on `birthDate` reaches `age` full years, using the
 * 29-February rule above (non-leap years → 1 March).
 */
export function dateOfAge(birthDate: string, age: number): string {
  const { y, m, d } = parseISO(birthDate);
  const ty = y + Math.trunc(age);
  if (m === 2 && d === 29 && !isLeapYear(ty)) return formatISO({ y: ty, m: 3, d: 1 });
  return formatISO({ y: ty, m, d });
}

/** Full years of age on `asOf` (negative when asOf is before the birth date). */
export function ageOn(birthDate: string, asOf: string): number {
  const b = parseISO(birthDate);
  const a = parseISO(asOf);
  let years = a.y - b.y;
  // anniversary in asOf's year, with the 29-Feb rule
  if (compareISO(asOf, dateOfAge(birthDate, years)) < 0) years -= 1;
  return years;
}

/** Full years between two dates (anniversary-based, same rule as ageOn); negative if to < from. */
export function fullYearsBetween(from: string, to: string): number {
  if (compareISO(to, from) < 0) return -fullYearsBetween(to, from);
  return ageOn(from, to);
}

/**
 * Fractional years between two dates, for tenure: full years plus the elapsed share of the
 * current anniversary year (days / days in that year). yearsBetween(a, a + 1y) === 1.
 */
export function yearsBetween(from: string, to: string): number {
  if (compareISO(to, from) < 0) return -yearsBetween(to, from);
  const full = ageOn(from, to);
  const last = dateOfAge(from, full);
  const next = dateOfAge(from, full + 1);
  const span = daysBetween(last, next);
  return full + daysBetween(last, to) / span;
}

/** Full calendar months between two dates (day-of-month aware); negative if to < from. */
export function fullMonthsBetween(from: string, to: string): number {
  if (compareISO(to, from) < 0) return -fullMonthsBetween(to, from);
  const f = parseISO(from);
  const t = parseISO(to);
  let months = (t.y - f.y) * 12 + (t.m - f.m);
  if (compareISO(addMonths(from, months), to) > 0) months -= 1;
  return months;
}

/**
 * Today's date in the business timezone (default Asia/Shanghai), as 'YYYY-MM-DD'.
 * Pass `now` for deterministic use.
 */
export function todayISO(timeZone = 'Asia/Shanghai', now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** 'YYYY-MM' of a date. */
export function yearMonth(date: string): string {
  parseISO(date);
  return date.slice(0, 7);
}
