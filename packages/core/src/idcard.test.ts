import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromEpochDays, toEpochDays } from './dates';
import { idChecksum, makeIdNumber, maskIdNumber, validateIdNumber } from './idcard';

const REGIONS = ['110101', '310104', '440305', '510107', '650102', '320106', '370202'];
const birth = fc.integer({ min: toEpochDays('1930-01-01'), max: toEpochDays('2020-12-31') }).map(fromEpochDays);

describe('idChecksum', () => {
  it('matches the GB 11643 sample', () => {
    // the standard's published example 11010519491231002X
    expect(idChecksum('11010519491231002')).toBe('X');
    expect(validateIdNumber('11010519491231002X', '2025-01-01')).toMatchObject({ ok: true, birthDate: '1949-12-31', sex: '2', region: '110105' });
  });
  it('rejects non-digit input', () => {
    expect(() => idChecksum('1101051949123100')).toThrow();
  });
});

describe('validateIdNumber', () => {
  it('accepts lower-case x and normalises it', () => {
    const r = validateIdNumber('11010519491231002x', '2025-01-01');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.idNumber).toBe('11010519491231002X');
  });
  it('gives specific bilingual reasons', () => {
    const short = validateIdNumber('1101051949123100', '2025-01-01');
    expect(short).toEqual({ ok: false, reason: { zh: '身份证号应为18位，实际16位', en: 'ID number must have 18 characters, got 16' } });
    const badDate = validateIdNumber(makeIdNumber('110101', '2000-01-01', 1).replace('20000101', '20000230'), '2025-01-01');
    expect(badDate.ok).toBe(false);
    if (!badDate.ok) expect(badDate.reason.zh).toContain('出生日期');
    const future = validateIdNumber(makeIdNumber('110101', '2030-01-01', 1), '2025-01-01');
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.reason.en).toContain('future');
    const id = makeIdNumber('110101', '1990-01-01', 123);
    const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const r = validateIdNumber(wrongCheck, '2025-01-01');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.zh).toContain(`应为${id[17]}`);
    expect(validateIdNumber('A1010519491231002X').ok).toBe(false);
    expect(validateIdNumber('00010519491231002X').ok).toBe(false); // province 00
  });
  it('sex from the sequence digit', () => {
    expect(validateIdNumber(makeIdNumber('110101', '1980-05-05', 11), '2025-01-01')).toMatchObject({ ok: true, sex: '1' });
    expect(validateIdNumber(makeIdNumber('110101', '1980-05-05', 12), '2025-01-01')).toMatchObject({ ok: true, sex: '2' });
  });
  it('round-trips makeIdNumber (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REGIONS), birth, fc.integer({ min: 0, max: 999 }), (region, b, seq) => {
        const id = makeIdNumber(region, b, seq);
        const r = validateIdNumber(id, '2025-01-01');
        return r.ok && r.birthDate === b && r.sex === (seq % 2 === 1 ? '1' : '2') && r.region === region && id.length === 18;
      }),
    );
  });
  it('any single-character change is detected (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REGIONS),
        birth,
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 10 }),
        (region, b, seq, pos, delta) => {
          const id = makeIdNumber(region, b, seq);
          const alphabet = pos === 17 ? '0123456789X' : '0123456789';
          const cur = alphabet.indexOf(id[pos]!);
          const next = alphabet[(cur + delta) % alphabet.length]!;
          if (next === id[pos]) return true; // delta wrapped to the same char (only when delta = alphabet length)
          const changed = id.slice(0, pos) + next + id.slice(pos + 1);
          return validateIdNumber(changed, '2025-01-01').ok === false;
        },
      ),
    );
  });
});

describe('makeIdNumber / maskIdNumber', () => {
  it('rejects bad input', () => {
    expect(() => makeIdNumber('11010', '1990-01-01', 1)).toThrow();
    expect(() => makeIdNumber('110101', '1990-02-30', 1)).toThrow();
    expect(() => makeIdNumber('110101', '1990-01-01', 1000)).toThrow();
  });
  it('masks the middle', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber(null)).toBe('');
  });
});
