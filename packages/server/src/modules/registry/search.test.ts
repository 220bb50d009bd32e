/** The SQL age filter uses a birth-date cutoff; it must agree with core's ageOn on every date, 29 February included. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageOn } from '@cadre/core';
import { yearsBefore } from './search';

const iso = fc
  .record({ y: fc.integer({ min: 1940, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .filter(({ y, m, d }) => d <= new Date(Date.UTC(y, m, 0)).getUTCDate())
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

describe('yearsBefore (age cutoff)', () => {
  it('age(b, asOf) ≥ n exactly when b ≤ yearsBefore(asOf, n)', () => {
    fc.assert(
      fc.property(iso, iso, fc.integer({ min: 0, max: 80 }), (b, asOf, n) => {
        fc.pre(b <= asOf);
        expect(ageOn(b, asOf) >= n).toBe(b <= yearsBefore(asOf, n));
      }),
      { numRuns: 5000 },
    );
  });

  it('handles 29 February', () => {
    expect(yearsBefore('2024-02-29', 1)).toBe('2023-02-28');
    expect(yearsBefore('2024-02-29', 4)).toBe('2020-02-29');
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect('2000-02-29' <= yearsBefore('2001-02-28', 1)).toBe(false);
    expect('2000-02-29' <= yearsBefore('2001-03-01', 1)).toBe(true);
  });
});
