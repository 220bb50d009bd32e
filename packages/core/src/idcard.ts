/**
 * 公民身份号码 GB 11643-1999: 6-digit 地址码, 8-digit 出生日期码 (YYYYMMDD), 3-digit 顺序码
 * (odd = male, even = female) and the ISO 7064:1983 MOD 11-2 校验码 (0–9 or X).
 */
import { compareISO, isValidISODate, todayISO } from './dates';

export type Bilingual = { zh: string; en: string };

export type IdCheckResult =
  | { ok: true; idNumber: string; birthDate: string; sex: '1' | '2'; region: string }
  | { ok: false; reason: Bilingual };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** 省级行政区划代码 (first two digits of the 地址码), incl. 83 for Taiwan residents' permits. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
export function idChecksum(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`身份证号前17位必须是数字 / first 17 characters must be digits: ${JSON.stringify(first17)}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

const fail = (zh: string, en: string): IdCheckResult => ({ ok: false, reason: { zh, en } });

/**
 * Validate an 18-character 身份证号. A lower-case 'x' is accepted and normalised to 'X'
 * (returned as `idNumber`). `asOf` (default today) bounds the birth date.
 */
export function validateIdNumber(id: string, asOf: string = todayISO()): IdCheckResult {
  if (typeof id !== 'string') return fail('身份证号必须是字符串', 'ID number must be a string');
  const s = id.trim().toUpperCase();
  if (s.length !== 18) return fail(`身份证号应为18位，实际${s.length}位`, `ID number must have 18 characters, got ${s.length}`);
  if (!/^\d{17}[\dX]$/.test(s)) {
    return fail('身份证号前17位应为数字，末位应为数字或X', 'ID number must be 17 digits followed by a digit or X');
  }
  const region = s.slice(0, 6);
  if (!PROVINCES.has(region.slice(0, 2))) {
    return fail(`身份证号地址码(${region})不是有效的行政区划代码`, `ID number region code ${region} is not a valid province code`);
  }
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (!isValidISODate(birthDate) || birthDate < '1900-01-01') {
    return fail(`身份证号中的出生日期(${s.slice(6, 14)})不是有效日期`, `ID number birth date ${s.slice(6, 14)} is not a valid date`);
  }
  if (compareISO(birthDate, asOf) > 0) {
    return fail(`身份证号中的出生日期(${birthDate})晚于今天(${asOf})`, `ID number birth date ${birthDate} is in the future (${asOf})`);
  }
  const expected = idChecksum(s.slice(0, 17));
  if (s[17] !== expected) {
    return fail(`身份证号校验码错误：应为${expected}，实际为${s[17]}`, `ID number check character is ${s[17]}, expected ${expected}`);
  }
  const sex: '1' | '2' = Number(s[16]) % 2 === 1 ? '1' : '2';
  return { ok: true, idNumber: s, birthDate, sex, region };
}

export function isValidIdNumber(id: string, asOf?: string): boolean {
  return validateIdNumber(id, asOf).ok;
}

/** Upper-case the trailing x; returns the input trimmed otherwise (no validation). */
export function normalizeIdNumber(id: string): string {
  return id.trim().toUpperCase();
}

/** Build a valid 身份证号: seq3 (0–999) odd → male, even → female. */
export function makeIdNumber(region6: string, birthDate: string, seq3: number): string {
  if (!/^\d{6}$/.test(region6) || !PROVINCES.has(region6.slice(0, 2))) {
    throw new RangeError(`无效地址码 / invalid region code: ${JSON.stringify(region6)}`);
  }
  if (!isValidISODate(birthDate)) throw new RangeError(`无效出生日期 / invalid birth date: ${JSON.stringify(birthDate)}`);
  if (!Number.isInteger(seq3) || seq3 < 0 || seq3 > 999) throw new RangeError(`顺序码应为0–999 / seq must be 0–999: ${seq3}`);
  const first17 = region6 + birthDate.replace(/-/g, '') + String(seq3).padStart(3, '0');
  return first17 + idChecksum(first17);
}

/** Mask for display to roles without idNumber access: 11010119900101123X → 1101**********123X. */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  const s = id.trim();
  if (s.length <= 8) return '*'.repeat(s.length);
  return s.slice(0, 4) + '*'.repeat(s.length - 8) + s.slice(-4);
}
