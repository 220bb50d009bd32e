import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ColumnDecoder, columnsFromPeople, type CodedColumn } from './columns';
import { packDate } from './fast';

const SEP = '\u001f';
const decodeText = (c: CodedColumn) => Array.from(c.codes, (k) => c.values[k]);

describe('ColumnDecoder', () => {
  it('decodes ids, dates (empty → 0) and coded fields (empty → null) of one separated column string each', () => {
    const d = new ColumnDecoder(4, SEP);
    expect(Array.from(d.ints(['7', '123', '0', '99999'].join(SEP)))).toEqual([7, 123, 0, 99999]);
    expect(Array.from(d.dates(['1980-02-29', '', '2000-12-31', '1975-01-01'].join(SEP)))).toEqual([19800229, 0, 20001231, 19750101]);
    const c = d.coded(['法学', '', '01', '法学'].join(SEP));
    expect(decodeText(c)).toEqual(['法学', null, '01', '法学']);
    expect(c.values).toEqual([null, '法学', '01']);
  });

  it('says which column is malformed', () => {
    const d = new ColumnDecoder(3, SEP);
    expect(() => d.coded(['a', 'b'].join(SEP), 'sex')).toThrow(/sex: 2 fields, expected 3/);
    expect(() => d.dates(['1980-01-01', '1980-1-1', ''].join(SEP), 'birth_date')).toThrow(/birth_date, field 2/);
  });

  it('keeps distinct values apart under hash collisions and past the first table size', () => {
    // "Aa" and "BB" have the same 31-multiplier hash; 1,000 distinct values force the table to grow
    const vals = ['Aa', 'BB', 'AaAa', 'BBBB', 'AaBB', 'BBAa', ...Array.from({ length: 1000 }, (_, i) => `v${i}`)];
    const fields = [...vals, ...vals.slice().reverse(), ''];
    const c = new ColumnDecoder(fields.length, SEP).coded(fields.join(SEP));
    expect(decodeText(c)).toEqual(fields.map((f) => f || null));
    expect(c.values.length).toBe(vals.length + 1);
  });

  it('equals splitting the string (property)', () => {
    const field = fc.oneof(fc.constantFrom('', '1', '2', '01', '13', '汉族', '法学', 'Aa', 'BB'), fc.string({ maxLength: 4 }).filter((s) => !s.includes(SEP)));
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 80 }), (fields) => {
        const c = new ColumnDecoder(fields.length, SEP).coded(fields.join(SEP));
        expect(decodeText(c)).toEqual(fields.map((f) => f || null));
        // every value but slot 0 occurs, each once in the dictionary
        expect(new Set(c.values).size).toBe(c.values.length);
        for (let s = 1; s < c.values.length; s++) expect(c.codes.includes(s)).toBe(true);
      }),
    );
  });
});

describe('columnsFromPeople', () => {
  it('packs dates, keeps order and encodes an empty string like null', () => {
    const cols = columnsFromPeople([
      { id: 3, sex: '1', ethnicity: '01', birthDate: '1970-05-06', politicalStatus: '01', postLevel: '', postStartDate: '2020-01-01', workStartDate: null },
      { id: 1, sex: '2', ethnicity: null, birthDate: '1990-02-28', politicalStatus: '13', postLevel: '0122', retirementDate: '2050-03-01' },
    ]);
    expect(Array.from(cols.id)).toEqual([3, 1]);
    expect(Array.from(cols.birth)).toEqual([packDate('1970-05-06'), packDate('1990-02-28')]);
    expect(Array.from(cols.postStart)).toEqual([20200101, 0]);
    expect(Array.from(cols.workStart)).toEqual([0, 0]);
    expect(Array.from(cols.retirement!)).toEqual([0, 20500301]);
    expect(decodeText(cols.postLevel)).toEqual([null, '0122']);
    expect(decodeText(cols.ethnicity)).toEqual(['01', null]);
  });
});
