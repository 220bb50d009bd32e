import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  ageOn,
  compareISO,
  dateOfAge,
  daysBetween,
  fromEpochDays,
  fullMonthsBetween,
  fullYearsBetween,
  isValidISODate,
  minusYears,
  parseISO,
  toEpochDays,
  todayISO,
  yearsBetween,
} from './dates';

const isoDate = (min = '1900-01-01', max = '2060-12-31') =>
  fc.integer({ min: toEpochDays(min), max: toEpochDays(max) }).map(fromEpochDays);

describe('isValidISODate / parseISO', () => {
  it('accepts real dates only', () => {
    expect(isValidISODate('2024-02-29')).toBe(true);
    expect(isValidISODate('2023-02-29')).toBe(false);
    expect(isValidISODate('1900-02-29')).toBe(false);
    expect(isValidISODate('2000-02-29')).toBe(true);
    expect(isValidISODate('2024-04-31')).toBe(false);
    expect(isValidISODate('2024-13-01')).toBe(false);
    expect(isValidISODate('2024-1-01')).toBe(false);
    expect(isValidISODate('2024-01-01T00:00')).toBe(false);
    expect(isValidISODate(20240101)).toBe(false);
    expect(isValidISODate('0000-01-01')).toBe(false);
  });
  it('parseISO throws a bilingual error', () => {
    expect(() => parseISO('2023-02-30')).toThrow(/无效日期 \/ invalid date/);
  });
});

describe('epoch days', () => {
  it('known values', () => {
    expect(toEpochDays('1970-01-01')).toBe(0);
    expect(toEpochDays('2000-03-01')).toBe(11017);
    expect(fromEpochDays(-1)).toBe('1969-12-31');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
  it('round-trips (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -100000, max: 100000 }), (n) => toEpochDays(fromEpochDays(n)) === n));
  });
  it('fromEpochDays always yields valid ISO dates in order (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30000, max: 60000 }), (n) => {
        const a = fromEpochDays(n);
        const b = fromEpochDays(n + 1);
        return isValidISODate(a) && compareISO(a, b) === -1;
      }),
    );
  });
});

describe('ageOn', () => {
  it('birthday boundaries', () => {
    expect(ageOn('1990-06-15', '2020-06-14')).toBe(29);
    expect(ageOn('1990-06-15', '2020-06-15')).toBe(30);
    expect(ageOn('1990-06-15', '2020-06-16')).toBe(30);
    expect(ageOn('1990-12-31', '1991-01-01')).toBe(0);
    expect(ageOn('1990-01-01', '1990-01-01')).toBe(0);
  });
  it('29 February: reached on 1 March in non-leap years', () => {
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageOn('2000-02-29', '2004-02-28')).toBe(3);
    expect(ageOn('2000-02-29', '2004-02-29')).toBe(4);
    expect(ageOn('2000-02-29', '2100-02-28')).toBe(99);
    expect(ageOn('2000-02-29', '2100-03-01')).toBe(100);
    expect(dateOfAge('2000-02-29', 1)).toBe('2001-03-01');
    expect(dateOfAge('2000-02-29', 4)).toBe('2004-02-29');
  });
  it('is monotonic in asOf (property)', () => {
    fc.assert(
      fc.property(isoDate('1920-01-01', '2010-12-31'), isoDate('1920-01-01', '2060-12-31'), fc.integer({ min: 0, max: 5000 }), (b, a, k) => {
        const a2 = addDays(a, k);
        return ageOn(b, a) <= ageOn(b, a2);
      }),
    );
  });
  it('dateOfAge is the first day of that age (property)', () => {
    fc.assert(
      fc.property(isoDate('1920-01-01', '2010-12-31'), fc.integer({ min: 1, max: 90 }), (b, n) => {
        const d = dateOfAge(b, n);
        return ageOn(b, d) === n && ageOn(b, addDays(d, -1)) === n - 1;
      }),
    );
  });
});

describe('month/year arithmetic', () => {
  it('clamps to the end of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addMonths('2024-01-15', -13)).toBe('2022-12-15');
    expect(addYears('2000-02-29', 1)).toBe('2001-02-28');
    expect(addYears('2000-02-29', 4)).toBe('2004-02-29');
    expect(minusYears('2025-06-30', 35)).toBe('1990-06-30');
  });
  it('fullYearsBetween / fullMonthsBetween / yearsBetween', () => {
    expect(fullYearsBetween('2015-07-01', '2025-06-30')).toBe(9);
    expect(fullYearsBetween('2015-07-01', '2025-07-01')).toBe(10);
    expect(fullYearsBetween('2025-07-01', '2015-07-01')).toBe(-10);
    expect(fullMonthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(fullMonthsBetween('2024-01-15', '2024-02-14')).toBe(0);
    expect(yearsBetween('2020-03-01', '2021-03-01')).toBe(1);
    expect(yearsBetween('2021-01-01', '2021-07-02')).toBeCloseTo(182 / 365, 10);
    expect(yearsBetween('2021-07-02', '2021-01-01')).toBeCloseTo(-182 / 365, 10);
  });
  it('yearsBetween is consistent with fullYearsBetween (property)', () => {
    fc.assert(
      fc.property(isoDate('1950-01-01', '2030-12-31'), fc.integer({ min: 0, max: 20000 }), (a, k) => {
        const b = addDays(a, k);
        const y = yearsBetween(a, b);
        return Math.floor(y) === fullYearsBetween(a, b) && y >= 0;
      }),
    );
  });
});

describe('todayISO', () => {
  it('formats in the business timezone', () => {
    // 2024-12-31T20:00Z is already 2025-01-01 in Shanghai
    const now = new Date(Date.UTC(2024, 11, 31, 20, 0, 0));
    expect(todayISO('Asia/Shanghai', now)).toBe('2025-01-01');
    expect(todayISO('UTC', now)).toBe('2024-12-31');
    expect(isValidISODate(todayISO())).toBe(true);
  });
});
