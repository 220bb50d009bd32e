/**
 * Columnar input of structureStats: the statistics columns of n people as typed arrays — ids,
 * dates packed as yyyymmdd integers (0 = none) and every coded column dictionary-encoded
 * (a small list of distinct values + one Uint16 per person). 100,000 people are then ~20 arrays
 * instead of 100,000 objects with 14 strings each, and the statistics loop reads integers only.
 *
 * Two ways to build one: `columnsFromPeople` (objects, e.g. tests or small sets) and
 * `ColumnDecoder` (the `\u001f`-separated column strings a loader gets from one SQL row, decoded
 * without a substring per value: each field is matched against the dictionary in place).
 */
import { packDate } from './fast';

/**
 * a dictionary-encoded column: `values[codes[k]]`; slot 0 is always null (no value, or ''), and
 * every other value occurs at least once (open code partitions list every value as a bucket)
 */
export interface CodedColumn {
  values: (string | null)[];
  codes: Uint16Array;
}

export interface StatColumns {
  n: number;
  id: Int32Array;
  /** packed yyyymmdd */
  birth: Int32Array;
  /** 任现职时间, packed; 0 = none */
  postStart: Int32Array;
  /** 参加工作时间, packed; 0 = none */
  workStart: Int32Array;
  /** statutory retirement date when known, packed; 0 = compute from birth date and sex */
  retirement: Int32Array | null;
  sex: CodedColumn;
  ethnicity: CodedColumn;
  politicalStatus: CodedColumn;
  fullTimeEducation: CodedColumn;
  highestEducation: CodedColumn;
  highestDegree: CodedColumn;
  specialtyCategory: CodedColumn;
  postLevel: CodedColumn;
  rank: CodedColumn;
  intakeChannel: CodedColumn;
}

export const CODED_COLUMNS = [
  'sex',
  'ethnicity',
  'politicalStatus',
  'fullTimeEducation',
  'highestEducation',
  'highestDegree',
  'specialtyCategory',
  'postLevel',
  'rank',
  'intakeChannel',
] as const;
export type CodedColumnKey = (typeof CODED_COLUMNS)[number];

/** builds a CodedColumn from values one at a time ('' and null → slot 0) */
class Encoder {
  readonly values: (string | null)[] = [null];
  readonly codes: Uint16Array;
  private readonly map = new Map<string, number>();
  private last: string | null | undefined = null;
  private lastSlot = 0;
  constructor(n: number) {
    this.codes = new Uint16Array(n);
  }
  put(k: number, v: string | null | undefined) {
    if (v === this.last) {
      this.codes[k] = this.lastSlot;
      return;
    }
    let s = 0;
    if (v != null && v !== '') {
      const m = this.map.get(v);
      if (m === undefined) {
        s = this.values.length;
        if (s > 0xffff) throw new RangeError(`too many distinct values in a coded column (> 65,535)`);
        this.values.push(v);
        this.map.set(v, s);
      } else s = m;
    }
    this.last = v;
    this.lastSlot = s;
    this.codes[k] = s;
  }
  column(): CodedColumn {
    return { values: this.values, codes: this.codes };
  }
}

interface PersonLike {
  id: number;
  sex: string;
  ethnicity: string | null;
  birthDate: string;
  politicalStatus: string | null;
  fullTimeEducation?: string | null;
  highestEducation?: string | null;
  highestDegree?: string | null;
  specialtyCategory?: string | null;
  postLevel?: string | null;
  rank?: string | null;
  postStartDate?: string | null;
  workStartDate?: string | null;
  intakeChannel?: string | null;
  retirementDate?: string | null;
}

/** people (StatPerson objects) → columns, in the same order */
export function columnsFromPeople(people: readonly PersonLike[]): StatColumns {
  const n = people.length;
  const id = new Int32Array(n);
  const birth = new Int32Array(n);
  const postStart = new Int32Array(n);
  const workStart = new Int32Array(n);
  let retirement: Int32Array | null = null;
  const enc = Object.fromEntries(CODED_COLUMNS.map((k) => [k, new Encoder(n)])) as Record<CodedColumnKey, Encoder>;
  for (let k = 0; k < n; k++) {
    const p = people[k];
    id[k] = p.id;
    birth[k] = packDate(p.birthDate);
    if (p.postStartDate) postStart[k] = packDate(p.postStartDate);
    if (p.workStartDate) workStart[k] = packDate(p.workStartDate);
    if (p.retirementDate) (retirement ??= new Int32Array(n))[k] = packDate(p.retirementDate);
    enc.sex.put(k, p.sex);
    enc.ethnicity.put(k, p.ethnicity);
    enc.politicalStatus.put(k, p.politicalStatus);
    enc.fullTimeEducation.put(k, p.fullTimeEducation);
    enc.highestEducation.put(k, p.highestEducation);
    enc.highestDegree.put(k, p.highestDegree);
    enc.specialtyCategory.put(k, p.specialtyCategory);
    enc.postLevel.put(k, p.postLevel);
    enc.rank.put(k, p.rank);
    enc.intakeChannel.put(k, p.intakeChannel);
  }
  const coded = Object.fromEntries(CODED_COLUMNS.map((k) => [k, enc[k].column()])) as Record<CodedColumnKey, CodedColumn>;
  return { n, id, birth, postStart, workStart, retirement, ...coded };
}

// ───────────────────────────── decoding separated column strings ─────────────────────────────

/**
 * Decodes one column string `v1<sep>v2<sep>…` (exactly n fields) without allocating a string
 * per field: integers and dates are parsed from the character codes; coded fields are hashed in
 * place and matched against the dictionary with `startsWith`, so only each distinct value is
 * ever sliced out. An empty field is null.
 */
export class ColumnDecoder {
  constructor(
    readonly n: number,
    readonly sep = '\u001f',
  ) {}

  private check(k: number, what: string) {
    if (k !== this.n) throw new RangeError(`column ${what}: ${k} fields, expected ${this.n}`);
  }

  /** non-negative integers (ids) */
  ints(s: string, what = 'ints'): Int32Array {
    const out = new Int32Array(this.n);
    const sep = this.sep.charCodeAt(0);
    let k = 0;
    let v = 0;
    for (let i = 0, len = s.length; i <= len; i++) {
      const c = i < len ? s.charCodeAt(i) : sep;
      if (c === sep) {
        if (k < this.n) out[k] = v;
        k++;
        v = 0;
      } else v = v * 10 + (c - 48);
    }
    this.check(k, what);
    return out;
  }

  /** 'YYYY-MM-DD' fields → packed yyyymmdd (empty → 0) */
  dates(s: string, what = 'dates'): Int32Array {
    const out = new Int32Array(this.n);
    const sep = this.sep.charCodeAt(0);
    let k = 0;
    let start = 0;
    const len = s.length;
    for (let i = 0; i <= len; i++) {
      if (i < len && s.charCodeAt(i) !== sep) continue;
      if (i - start === 10 && k < this.n) {
        out[k] =
          (s.charCodeAt(start) - 48) * 10000000 +
          (s.charCodeAt(start + 1) - 48) * 1000000 +
          (s.charCodeAt(start + 2) - 48) * 100000 +
          (s.charCodeAt(start + 3) - 48) * 10000 +
          (s.charCodeAt(start + 5) - 48) * 1000 +
          (s.charCodeAt(start + 6) - 48) * 100 +
          (s.charCodeAt(start + 8) - 48) * 10 +
          (s.charCodeAt(start + 9) - 48);
      } else if (i > start) throw new RangeError(`column ${what}, field ${k + 1}: not a YYYY-MM-DD date: ${s.slice(start, i)}`);
      k++;
      start = i + 1;
    }
    this.check(k, what);
    return out;
  }

  /** coded text fields → dictionary + Uint16 codes (empty → slot 0, null) */
  coded(s: string, what = 'coded'): CodedColumn {
    const codes = new Uint16Array(this.n);
    const values: (string | null)[] = [null];
    // open-addressing table: hash → slot (0 = free); a hit is confirmed against the text in place
    let mask = 255;
    let table = new Int32Array(mask + 1);
    const hashes: number[] = [0];
    const sep = this.sep.charCodeAt(0);
    let k = 0;
    let start = 0;
    let h = 0;
    const len = s.length;
    for (let i = 0; i <= len; i++) {
      const c = i < len ? s.charCodeAt(i) : sep;
      if (c !== sep) {
        h = (Math.imul(h, 31) + c) | 0;
        continue;
      }
      let slot = 0;
      const flen = i - start;
      if (flen > 0) {
        let at = h & mask;
        for (;;) {
          slot = table[at];
          if (slot === 0) break;
          const v = values[slot]!;
          if (hashes[slot] === h && v.length === flen && s.startsWith(v, start)) break;
          at = (at + 1) & mask;
        }
        if (slot === 0) {
          slot = values.length;
          if (slot > 0xffff) throw new RangeError(`column ${what}: more than 65,535 distinct values`);
          values.push(s.slice(start, i));
          hashes.push(h);
          table[at] = slot;
          if (slot * 2 > mask) {
            // keep the table at most half full
            mask = mask * 2 + 1;
            table = new Int32Array(mask + 1);
            for (let j = 1; j < values.length; j++) {
              let a = hashes[j] & mask;
              while (table[a] !== 0) a = (a + 1) & mask;
              table[a] = j;
            }
          }
        }
      }
      if (k < this.n) codes[k] = slot;
      k++;
      start = i + 1;
      h = 0;
    }
    this.check(k, what);
    return { values, codes };
  }
}
