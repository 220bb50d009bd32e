/** Calendar-date helpers on day numbers (days since 1970-01-01, UTC); strings are 'YYYY-MM-DD'. */
export type Day = number;

export function dayOf(y: number, m: number, d: number): Day {
  // Howard Hinnant's days_from_civil
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civil(z: Day): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [y + (m <= 2 ? 1 : 0), m, d];
}

const cache = new Map<number, string>();
export function fmt(z: Day): string {
  let s = cache.get(z);
  if (s === undefined) {
    const [y, m, d] = civil(z);
    s = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    cache.set(z, s);
  }
  return s;
}

export function parse(s: string): Day {
  return dayOf(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
}

export const YEAR = 365.2425;

/** whole years between two days (birthday-style) */
export function yearsBetween(from: Day, to: Day): number {
  const [y1, m1, d1] = civil(from);
  const [y2, m2, d2] = civil(to);
  let a = y2 - y1;
  if (m2 < m1 || (m2 === m1 && d2 < d1)) a--;
  return a;
}

/** same day-of-month n months later (clamped to month end) */
export function addMonthsDay(z: Day, n: number): Day {
  const [y, m, d] = civil(z);
  const t = y * 12 + (m - 1) + n;
  const ny = Math.floor(t / 12);
  const nm = (t % 12) + 1;
  const last = dayOf(nm === 12 ? ny + 1 : ny, nm === 12 ? 1 : nm + 1, 1) - dayOf(ny, nm, 1);
  return dayOf(ny, nm, Math.min(d, last));
}

export function addYearsDay(z: Day, n: number): Day {
  return addMonthsDay(z, n * 12);
}

export function yearOf(z: Day): number {
  return civil(z)[0];
}
