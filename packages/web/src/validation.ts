/**
 * Client-side checks mirroring the server's (@cadre/core). Kept local so that the login/roster
 * bundle does not pull in the domain package's dependencies (pinyin dictionary, zod).
 */
import dayjs from 'dayjs';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643-1999 citizen ID number: 18 chars, valid birth date, ISO 7064 MOD 11-2 check digit. */
export function validateIdNumber(id: string): boolean {
  const s = id.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const birth = s.slice(6, 14);
  const d = dayjs(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`, 'YYYY-MM-DD');
  if (!d.isValid() || d.format('YYYYMMDD') !== birth) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * WEIGHTS[i];
  return CHECK[sum % 11] === s[17];
}

/** birth date (YYYY-MM-DD) and sex code (1 男 / 2 女) encoded in an ID number */
export function idNumberFacts(id: string): { birthDate: string; sex: '1' | '2' } | null {
  const s = id.trim().toUpperCase();
  if (!validateIdNumber(s)) return null;
  return {
    birthDate: `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`,
    sex: Number(s[16]) % 2 === 1 ? '1' : '2',
  };
}

/** whole years between birth date and `at` (default today) */
export function ageAt(birthDate: string | null | undefined, at: dayjs.Dayjs = dayjs()): number | null {
  if (!birthDate) return null;
  const b = dayjs(birthDate);
  if (!b.isValid()) return null;
  return at.diff(b, 'year');
}

/** years (one decimal) since a date */
export function yearsSince(date: string | null | undefined, at: dayjs.Dayjs = dayjs()): number | null {
  if (!date) return null;
  const d = dayjs(date);
  if (!d.isValid()) return null;
  return Math.floor((at.diff(d, 'month') / 12) * 10) / 10;
}
