/**
 * 干部队伍结构分析: counts, shares and the ids of the people behind every number, for any set
 * of cadres as of any date. Pure and single-pass: one loop over the people fills every
 * partition (bucket index lookups are precomputed tables or small string maps), the id lists
 * are plain number arrays.
 *
 * Every partition ("dimension") puts each person in exactly one bucket: configured buckets come
 * first (always present, possibly empty), then code buckets in code-set order, then '未填' /
 * '其他' when someone has no value or a value outside every configured band. Shares are
 * fractions 0..1 of the partition total (= the number of people), so they sum to 1 when the
 * total is > 0.
 *
 * Thresholds all come from the rules: ageBands, generations, youngCadre, tenureBands,
 * retirementBands, retirement, intake.
 */
import {
  CODE_SETS,
  EDUCATION_GROUPS,
  codeName,
  degreeLevel,
  educationGroup,
  isCpcMember,
  isMinority,
  levelOrder,
  normalizePostLevel,
  postLevelTier,
  type CodeSetId,
} from '../codes';
import type { RulesConfig } from '../rules';
import { youngThreshold } from '../young';
import { addMonthsPacked, fullYearsPacked, makeRetirementFn, packDate, unpackDate } from './fast';
import { columnsFromPeople, type CodedColumn, type StatColumns } from './columns';

// ───────────────────────────── input ─────────────────────────────
/** the cadre columns the statistics need (one row of `cadre`) */
export interface StatPerson {
  id: number;
  /** GB/T 2261.1: 1 男, 2 女 */
  sex: string;
  /** GB/T 3304 */
  ethnicity: string | null;
  birthDate: string;
  /** GB/T 4762 */
  politicalStatus: string | null;
  fullTimeEducation?: string | null;
  highestEducation?: string | null;
  highestDegree?: string | null;
  specialtyCategory?: string | null;
  /** 职务层次 GB/T 12407 */
  postLevel?: string | null;
  /** 职级 */
  rank?: string | null;
  /** 任现职时间 */
  postStartDate?: string | null;
  /** 参加工作时间 (intake date) */
  workStartDate?: string | null;
  /** 选调生 | 公务员招录 | 到村工作大学生 | 引进 | … */
  intakeChannel?: string | null;
  /** statutory retirement date when known; else computed from birth date and sex (cadre rules) */
  retirementDate?: string | null;
}

/** a step to a higher 职务层次 (from rank_history or an appointment) */
export interface PromotionEvent {
  cadreId: number;
  date: string;
  fromLevel: string | null;
  toLevel: string;
  /** full years of age on `date` */
  ageAtDate: number;
}

/** a cadre entering the service (参加工作) */
export interface IntakeEvent {
  cadreId: number;
  date: string;
  channel: string | null;
  ageAtDate: number;
}

export interface Period {
  from: string;
  to: string;
}

export interface StructureOptions {
  asOf: string;
  rules: RulesConfig;
  /** promotion and intake period (both ends inclusive); default: 1 January of asOf's year … asOf */
  period?: Period;
  promotions?: PromotionEvent[];
  /** default: derived from the people's workStartDate + intakeChannel */
  intakes?: IntakeEvent[];
  /**
   * false: figures only — no `ids` / `youngIds` list anywhere in the result (the same output as
   * building them and deleting every such key, without the cost: no per-person scatter into id
   * lists). Counts and shares are identical. Default true.
   */
  withIds?: boolean;
}

// ───────────────────────────── output ─────────────────────────────
export interface Bucket {
  key: string;
  label: string;
  count: number;
  /** count / total, 0..1 (0 when total is 0) */
  share: number;
  /** absent when structureStats ran with withIds: false */
  ids?: number[];
}

export interface Distribution {
  key: DimensionKey;
  title: string;
  total: number;
  buckets: Bucket[];
}

export interface YoungRow {
  key: string;
  label: string;
  /** age threshold (≤) for this level; null for a tier mixing several thresholds */
  threshold: number | null;
  /** people at this level / tier */
  total: number;
  /** young people among them */
  count: number;
  share: number;
  /** absent when withIds: false */
  ids?: number[];
}

export interface PromotionStats {
  from: string;
  to: string;
  /** distinct cadres promoted in the period */
  total: number;
  /** absent when withIds: false */
  ids?: number[];
  young: number;
  /** absent when withIds: false */
  youngIds?: number[];
  youngShare: number;
  /** by the level promoted to */
  byLevel: Bucket[];
  /** the young threshold when it is the same for every level promoted to, else null */
  youngThreshold: number | null;
}

export interface IntakeStats {
  from: string;
  to: string;
  total: number;
  /** absent when withIds: false */
  ids?: number[];
  byChannel: Bucket[];
  young: number;
  /** absent when withIds: false */
  youngIds?: number[];
  youngShare: number;
  /** rules.intake.youngUnderAge (age ≤ this counts as young at intake) */
  youngUnderAge: number;
  /** rules.intake.minYoungShare */
  minYoungShare: number;
  /** youngShare ≥ minYoungShare (null when there was no intake) */
  meetsTarget: boolean | null;
}

export const DIMENSIONS = [
  ['ageBand', '年龄段'],
  ['generation', '年代'],
  ['sex', '性别'],
  ['minority', '民族（汉族/少数民族）'],
  ['ethnicity', '民族'],
  ['party', '政治面貌（中共党员/党外）'],
  ['political', '政治面貌'],
  ['fullTimeEducation', '全日制学历'],
  ['highestEducation', '最高学历'],
  ['degree', '学位'],
  ['specialty', '专业类别'],
  ['tier', '职务层级'],
  ['postLevel', '职务层次'],
  ['rank', '职级'],
  ['tenure', '任现职年限'],
  ['retirement', '距法定退休年限'],
] as const;
export type DimensionKey = (typeof DIMENSIONS)[number][0];

export interface StructureStats {
  asOf: string;
  total: number;
  /** absent when withIds: false */
  ids?: number[];
  summary: {
    meanAge: number | null;
    minAge: number | null;
    maxAge: number | null;
    women: number;
    womenShare: number;
    minority: number;
    minorityShare: number;
    nonParty: number;
    nonPartyShare: number;
    young: number;
    youngShare: number;
  };
  dimensions: Record<DimensionKey, Distribution>;
  /**
   * the age pyramid: each age-band bucket (same keys and order as dimensions.ageBand) split by sex
   * (男 '1' / 女 '2'; other or missing sex values are in neither column)
   */
  ageSex: AgeSexRow[];
  /** `ids` absent when withIds: false */
  young: { total: number; count: number; share: number; ids?: number[]; byLevel: YoungRow[]; byTier: YoungRow[] };
  promotions: PromotionStats;
  intake: IntakeStats;
}

export interface AgeSexRow {
  key: string;
  label: string;
  male: number;
  female: number;
}

/**
 * The figures outside `dimensions` whose people can be listed (drill-down, structureSelect):
 * total → everyone; young → all young cadres; youngByLevel / youngByTier → the young of one
 * young.byLevel / byTier row (bucket = its key); promotions / promotionsYoung → promoted in the
 * period (all / young); promotionsByLevel → promotions.byLevel bucket; intake / intakeYoung /
 * intakeByChannel likewise. Every DimensionKey is selectable too (bucket = a bucket key).
 */
export const FIGURES = ['total', 'young', 'youngByLevel', 'youngByTier', 'promotions', 'promotionsYoung', 'promotionsByLevel', 'intake', 'intakeYoung', 'intakeByChannel'] as const;
export type FigureKey = (typeof FIGURES)[number];
export type SelectionKey = DimensionKey | FigureKey;
export const SELECTION_KEYS: readonly SelectionKey[] = [...DIMENSIONS.map(([k]) => k), ...FIGURES];
/** the selections that name a bucket (a dimension's bucket, a young / promotions / intake row) */
export const BUCKETED_FIGURES: ReadonlySet<SelectionKey> = new Set<SelectionKey>([...DIMENSIONS.map(([k]) => k), 'youngByLevel', 'youngByTier', 'promotionsByLevel', 'intakeByChannel']);

/** one number of the statistics: a bucket of a dimension, or one of FIGURES (bucket where it has rows) */
export interface StructureSelector {
  dimension: SelectionKey;
  bucket?: string | null;
}

/** the people behind one number */
export interface StructureSelection {
  dimension: SelectionKey;
  bucket: string | null;
  label: string;
  /** the number as the statistics report it (bucket.count, young.count, promotions.total, …) */
  count: number;
  /** the cadre ids behind it, in the statistics' order (= the `ids` list withIds: true gives) */
  ids: number[];
}

/** a selector naming no figure of this result (unknown bucket, or a bucket missing / given where none is) */
export class SelectionError extends Error {
  constructor(
    readonly selector: StructureSelector,
    /** the bucket keys that exist for this dimension in this result */
    readonly known: string[],
    message: string,
  ) {
    super(message);
    this.name = 'SelectionError';
  }
}

export const UNKNOWN_KEY = '_unknown';
export const OTHER_KEY = '_other';
const UNKNOWN_LABEL = '未填';
const OTHER_LABEL = '其他';

// ───────────────────────────── partitions ─────────────────────────────
function bucket(key: string, label: string, ids: number[], total: number): Bucket {
  return { key, label, count: ids.length, share: total ? ids.length / total : 0, ids };
}
/** a bucket without its id list (withIds: false) */
function countBucket(key: string, label: string, count: number, total: number): Bucket {
  return { key, label, count, share: total ? count / total : 0 };
}
/** withIds: false — drop the id lists of a small result object (same key order as deleting them from the full one) */
function dropIds<T extends { ids?: number[]; youngIds?: number[] }>(o: T): T {
  delete o.ids;
  delete o.youngIds;
  return o;
}

const share = (n: number, total: number) => (total ? n / total : 0);

/** open buckets keyed by a code value (used for small event lists), sorted in code-set order */
class Open {
  private readonly index = new Map<string, number[]>();
  private readonly unknown: number[] = [];
  constructor(readonly set: CodeSetId | null) {}
  add(key: string | null | undefined, id: number) {
    if (key == null || key === '') {
      this.unknown.push(id);
      return;
    }
    let a = this.index.get(key);
    if (!a) this.index.set(key, (a = []));
    a.push(id);
  }
  buckets(total: number, withIds = true): Bucket[] {
    const set = this.set;
    const keys = sortCodes(set, [...this.index.keys()]);
    const mk = withIds ? bucket : (k: string, l: string, ids: number[], t: number) => countBucket(k, l, ids.length, t);
    const out = keys.map((k) => mk(k, set ? codeName(set, k) ?? k : k, this.index.get(k)!, total));
    if (this.unknown.length) out.push(mk(UNKNOWN_KEY, UNKNOWN_LABEL, this.unknown, total));
    return out;
  }
}

const CODE_ORDER = new Map<CodeSetId, Map<string, number>>();
function sortCodes(set: CodeSetId | null, keys: string[]): string[] {
  let order = set ? CODE_ORDER.get(set) : undefined;
  if (set && !order) CODE_ORDER.set(set, (order = new Map(CODE_SETS[set].map((e, i) => [e.code, i]))));
  return keys.sort((a, b) => (order?.get(a) ?? 1e9) - (order?.get(b) ?? 1e9) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * One partition during the two passes: pass 1 stores each person's bucket index in a typed
 * array and counts; pass 2 allocates every id list at its exact size and fills it.
 * Fixed partitions have their configured keys at 0..k-1 and the rest bucket at k; open ones
 * (code values) have the unknown bucket at 0 and codes from 1 in order of first appearance.
 */
class Part {
  readonly at: Uint16Array;
  counts: number[];
  readonly codes = new Map<string, number>();
  readonly codeKeys: string[] = [];
  ids: number[][] = [];
  constructor(
    n: number,
    readonly open: CodeSetId | 'text' | null,
    readonly keys: string[] = [],
    readonly labels: string[] = keys,
    readonly restKey = UNKNOWN_KEY,
    readonly restLabel = UNKNOWN_LABEL,
  ) {
    this.at = new Uint16Array(n);
    this.counts = new Array(open ? 1 : keys.length + 1).fill(0);
  }
  set(k: number, i: number) {
    this.at[k] = i;
    this.counts[i]++;
  }
  /** open partitions: bucket index of a code value */
  code(v: string | null | undefined): number {
    if (v == null || v === '') return 0;
    let i = this.codes.get(v);
    if (i === undefined) {
      i = this.counts.length;
      this.codes.set(v, i);
      this.codeKeys.push(v);
      this.counts.push(0);
    }
    return i;
  }
  alloc() {
    this.ids = this.counts.map((c) => new Array<number>(c));
    this.counts.fill(0);
  }
  /** the final counts (withIds: after the scatter pass refilled them) → buckets, with id lists when `withIds` */
  buckets(total: number, withIds: boolean): Bucket[] {
    const mk = (k: string, label: string, i: number) => (withIds ? bucket(k, label, this.ids[i], total) : countBucket(k, label, this.counts[i], total));
    if (this.open) {
      const set = this.open === 'text' ? null : this.open;
      const out = sortCodes(set, this.codeKeys.slice()).map((k) => mk(k, set ? codeName(set, k) ?? k : k, this.codes.get(k)!));
      if (this.counts[0]) out.push(mk(UNKNOWN_KEY, UNKNOWN_LABEL, 0));
      return out;
    }
    const out: Bucket[] = this.keys.map((k, i) => mk(k, this.labels[i], i));
    const r = this.keys.length;
    if (this.counts[r]) out.push(mk(this.restKey, this.restLabel, r));
    return out;
  }
}

/** a per-string memo (code → bucket index / threshold …) for the few distinct values of a column */
function memo<T>(fn: (k: string | null | undefined) => T): (k: string | null | undefined) => T {
  const m = new Map<string | null | undefined, T>();
  return (k) => {
    let v = m.get(k);
    if (v === undefined && !m.has(k)) m.set(k, (v = fn(k)));
    return v as T;
  };
}

/** the default statistics period: 1 January of asOf's year … asOf */
export function defaultPeriod(asOf: string): Period {
  return { from: `${asOf.slice(0, 4)}-01-01`, to: asOf };
}

// ───────────────────────────── structureStats ─────────────────────────────
export function structureStats(people: readonly StatPerson[], opts: StructureOptions): StructureStats {
  return structureStatsColumns(columnsFromPeople(people), opts);
}

/**
 * structureStats over columns (see ./columns): the same result as structureStats over the same
 * people in the same order. Every derived index of a coded value (bucket, 少数民族/党员 split,
 * education group, degree, normalised 职务层次 → tier and young threshold) is computed once per
 * distinct value into a per-slot table, so the loop over the people reads integers only.
 */
export function structureStatsColumns(cols: StatColumns, opts: StructureOptions): StructureStats {
  return computeStructure(cols, opts, null).stats;
}

/**
 * The people behind one number of the statistics (drill-down): the figures are computed exactly as
 * structureStatsColumns computes them (figures only, no id lists), and the selected number's people
 * are read from the same pass — the bucket every person was put in, the same young flag, the same
 * promotion and intake lists — so `selection.ids.length === selection.count` and the ids equal the
 * `ids` list of that number in the withIds: true result (same order). Throws SelectionError when the
 * selector names no number of this result.
 */
export function structureSelectColumns(cols: StatColumns, opts: StructureOptions, selector: StructureSelector): { stats: StructureStats; selection: StructureSelection } {
  const { stats, selection } = computeStructure(cols, { ...opts, withIds: false }, selector);
  return { stats, selection: selection! };
}

/** structureSelectColumns over people objects */
export function structureSelect(people: readonly StatPerson[], opts: StructureOptions, selector: StructureSelector): { stats: StructureStats; selection: StructureSelection } {
  return structureSelectColumns(columnsFromPeople(people), opts, selector);
}

/** the slot of a bucket key in a partition (the inverse of Part.buckets), -1 when there is none */
function partIndex(part: Part, key: string): number {
  if (part.open) return key === UNKNOWN_KEY ? 0 : part.codes.get(key) ?? -1;
  if (key === part.restKey) return part.keys.length;
  return part.keys.indexOf(key);
}

/**
 * Pass 1 of computeStructure — every person's bucket index per partition, the counts, age figures, young flags and
 * the period's intake — as its own function: compiled and optimised on its own, once, and kept across calls (inside
 * the one-shot computeStructure the loop was compiled on-stack, thrown away on every first-time path after it and
 * recompiled: ~20 calls at 6× the steady time before it settled). `e` is destructured into locals first.
 */
function bucketPass(e: BucketPassInput): { ageSum: number; minAge: number; maxAge: number; youngCount: number } {
  const { n, withIds, ids, asOfP, MAX_AGE, ageToBand, nAgeBands, gMin, gMax, yearToGen, nGens, sexOf, ethMin, ethCode, polParty, polCode } = e;
  const { ftEdu, hiEdu, degIdx, specCode, lvlCode, lvlTier, rankCode, tenureTable, tBands, nTBands, retirementOf, nRBands, rLo, rHi } = e;
  const { deriveIntake, fromP, toP, intakeIds, intakeChannels, intakeYoung, youngUnder, youngThresholdOfLevel, young, channels, d } = e;
  const { id: idCol, birth: birthCol, postStart: postStartCol, workStart: workStartCol, retirement: retirementCol } = e.cols;
  const cols = e.cols;
  const sexC = cols.sex.codes;
  const sexValues = cols.sex.values;
  const ethC = cols.ethnicity.codes;
  const polC = cols.politicalStatus.codes;
  const ftC = cols.fullTimeEducation.codes;
  const hiC = cols.highestEducation.codes;
  const degC = cols.highestDegree.codes;
  const specC = cols.specialtyCategory.codes;
  const lvlC = cols.postLevel.codes;
  const rankC = cols.rank.codes;
  const chanC = cols.intakeChannel.codes;
  const { ageBand: dAge, generation: dGen, sex: dSex, minority: dMin, ethnicity: dEth, party: dParty, political: dPol } = d;
  const { fullTimeEducation: dFt, highestEducation: dHi, degree: dDeg, specialty: dSpec, tier: dTier, postLevel: dLvl, rank: dRank, tenure: dTen, retirement: dRet } = d;
  let ageSum = 0;
  let minAge = Infinity;
  let maxAge = -Infinity;
  let youngCount = 0;
  for (let k = 0; k < n; k++) {
    const id = idCol[k];
    if (withIds) ids[k] = id;
    const birth = birthCol[k];
    const age = fullYearsPacked(birth, asOfP);
    ageSum += age;
    if (age < minAge) minAge = age;
    if (age > maxAge) maxAge = age;
    dAge.set(k, age >= 0 && age <= MAX_AGE ? ageToBand[age] : nAgeBands);
    const by = (birth / 10000) | 0;
    dGen.set(k, by >= gMin && by <= gMax ? yearToGen[by - gMin] : nGens);
    const ss = sexC[k];
    dSex.set(k, sexOf[ss]);
    const es = ethC[k];
    dMin.set(k, ethMin[es]);
    dEth.set(k, ethCode[es]);
    const ps = polC[k];
    dParty.set(k, polParty[ps]);
    dPol.set(k, polCode[ps]);
    dFt.set(k, ftEdu[ftC[k]]);
    dHi.set(k, hiEdu[hiC[k]]);
    dDeg.set(k, degIdx[degC[k]]);
    dSpec.set(k, specCode[specC[k]]);
    const ls = lvlC[k];
    const li = lvlCode[ls];
    dTier.set(k, lvlTier[ls]);
    dLvl.set(k, li);
    dRank.set(k, rankCode[rankC[k]]);

    const st = postStartCol[k];
    if (st) {
      const y = st >= asOfP ? 0 : fullYearsPacked(st, asOfP);
      dTen.set(k, y <= MAX_AGE ? tenureTable[y] : tenureIndex(tBands, y));
    } else dTen.set(k, nTBands);

    const rd = retirementCol ? retirementCol[k] : 0;
    const r = rd || retirementOf(birth, sexValues[ss] ?? '');
    let ri = nRBands;
    for (let i = 0; i < nRBands; i++) {
      const lo = rLo[i];
      const hi = rHi[i];
      if ((lo == null || r > lo) && (hi == null || r <= hi)) {
        ri = i;
        break;
      }
    }
    dRet.set(k, ri);

    // intake in the period
    const w = workStartCol[k];
    if (deriveIntake && w >= fromP && w <= toP) {
      intakeIds.push(id);
      intakeChannels.add(channels[chanC[k]], id);
      if (fullYearsPacked(birth, w) <= youngUnder) intakeYoung.push(id);
    }

    // young under the level-specific threshold
    if (age <= youngThresholdOfLevel[li]) {
      young[k] = 1;
      youngCount++;
    }
  }
  return { ageSum, minAge, maxAge, youngCount };
}

/** full years in post → tenure band index (tenure bands are [min, max) in years) */
function tenureIndex(tBands: RulesConfig['tenureBands'], years: number): number {
  for (let i = 0; i < tBands.length; i++) {
    const b = tBands[i];
    if ((b.min == null || years >= b.min) && (b.max == null || years < b.max)) return i;
  }
  return tBands.length;
}

type Parts = Record<DimensionKey, Part>;
interface BucketPassInput {
  n: number;
  cols: StatColumns;
  d: Parts;
  withIds: boolean;
  ids: number[];
  asOfP: number;
  MAX_AGE: number;
  ageToBand: Int16Array;
  nAgeBands: number;
  gMin: number;
  gMax: number;
  yearToGen: Int16Array;
  nGens: number;
  sexOf: Int32Array;
  ethMin: Int32Array;
  ethCode: Int32Array;
  polParty: Int32Array;
  polCode: Int32Array;
  ftEdu: Int32Array;
  hiEdu: Int32Array;
  degIdx: Int32Array;
  specCode: Int32Array;
  lvlCode: Int32Array;
  lvlTier: Int32Array;
  rankCode: Int32Array;
  tenureTable: Int16Array;
  tBands: RulesConfig['tenureBands'];
  nTBands: number;
  retirementOf: (birth: number, sex: string) => number;
  nRBands: number;
  rLo: (number | null)[];
  rHi: (number | null)[];
  deriveIntake: boolean;
  fromP: number;
  toP: number;
  intakeIds: number[];
  intakeChannels: Open;
  intakeYoung: number[];
  youngUnder: number;
  youngThresholdOfLevel: number[];
  young: Uint8Array;
  channels: (string | null)[];
}

/** the young figures by 职务层次 and tier: totals, young counts, the tier's threshold range (one pass) */
function youngTallies(n: number, lvAt: Uint16Array, tierAt: Uint16Array, young: Uint8Array, thresholdOfLevel: number[], levelN: number, tierN: number) {
  const yLevelTotal = new Array<number>(levelN).fill(0);
  const yLevelCount = new Array<number>(levelN).fill(0);
  const yTierTotal = new Array<number>(tierN).fill(0);
  const yTierCount = new Array<number>(tierN).fill(0);
  const yTierMin = new Array<number>(tierN).fill(Infinity);
  const yTierMax = new Array<number>(tierN).fill(-Infinity);
  for (let k = 0; k < n; k++) {
    const li = lvAt[k];
    const ti = tierAt[k];
    yLevelTotal[li]++;
    yTierTotal[ti]++;
    const t = thresholdOfLevel[li];
    if (t < yTierMin[ti]) yTierMin[ti] = t;
    if (t > yTierMax[ti]) yTierMax[ti] = t;
    if (young[k]) {
      yLevelCount[li]++;
      yTierCount[ti]++;
    }
  }
  return { yLevelTotal, yLevelCount, yTierTotal, yTierCount, yTierMin, yTierMax };
}

/** id lists of one partition: each person's id into the list of their bucket (`pos` counts the fill) */
function scatter(n: number, at: Uint16Array, lists: number[][], pos: number[], ids: number[]) {
  for (let k = 0; k < n; k++) {
    const b = at[k];
    lists[b][pos[b]++] = ids[k];
  }
}

/** counts of (a, b) index pairs into out[a × width + b] */
function tallyPairs(n: number, a: Uint16Array, b: Uint16Array, width: number, out: Int32Array) {
  for (let k = 0; k < n; k++) out[a[k] * width + b[k]]++;
}

function computeStructure(cols: StatColumns, opts: StructureOptions, select: StructureSelector | null): { stats: StructureStats; selection: StructureSelection | null } {
  const { asOf, rules } = opts;
  const withIds = opts.withIds !== false;
  const asOfP = packDate(asOf);
  const n = cols.n;

  // age → age band index (table over 0..150)
  const ageBands = rules.ageBands;
  const MAX_AGE = 150;
  const ageToBand = new Int16Array(MAX_AGE + 1).fill(ageBands.length);
  for (let a = 0; a <= MAX_AGE; a++) {
    const i = ageBands.findIndex((b) => (b.min == null || a >= b.min) && (b.max == null || a <= b.max));
    if (i >= 0) ageToBand[a] = i;
  }
  // birth year → generation index
  const gens = rules.generations;
  const gMin = gens.length ? Math.min(...gens.map((g) => g.from)) : 0;
  const gMax = gens.length ? Math.max(...gens.map((g) => g.to)) : -1;
  const yearToGen = new Int16Array(Math.max(0, gMax - gMin + 1)).fill(gens.length);
  for (let y = gMin; y <= gMax; y++) {
    const i = gens.findIndex((g) => y >= g.from && y <= g.to);
    if (i >= 0) yearToGen[y - gMin] = i;
  }
  // full years in post → tenure band index
  const tBands = rules.tenureBands;
  const tenureTable = new Int16Array(MAX_AGE + 1);
  for (let y = 0; y <= MAX_AGE; y++) tenureTable[y] = tenureIndex(tBands, y);
  // retirement: band edges as packed dates
  const rBands = rules.retirementBands;
  const edge = (years: number | undefined) => (years == null ? null : addMonthsPacked(asOfP, Math.round(years * 12)));
  const rLo = rBands.map((b) => edge(b.min));
  const rHi = rBands.map((b) => edge(b.max));
  const retirementOf = makeRetirementFn(rules);

  const thresholdOf = memo((lvl) => youngThreshold(lvl, rules));
  const normLevel = memo((lvl) => (lvl == null || lvl === '' ? null : normalizePostLevel(lvl) ?? lvl));
  const eduGroupIdx = memo((c) => (c == null || c === '' ? EDUCATION_GROUPS.length : EDUCATION_GROUPS.indexOf(educationGroup(c))));
  const DEGREE_KEYS = ['博士', '硕士', '学士'];
  const degreeIdx = memo((c) => {
    const l = degreeLevel(c);
    return l ? DEGREE_KEYS.indexOf(l) : DEGREE_KEYS.length;
  });
  const TIER_KEYS = [...new Set(CODE_SETS.postLevel.map((e) => String(e.extra?.tier)))];
  const tierIdx = memo((lvl) => {
    const t = postLevelTier(lvl);
    return t ? TIER_KEYS.indexOf(t) : TIER_KEYS.length;
  });

  const d = {
    ageBand: new Part(n, null, ageBands.map((b) => b.label), undefined, OTHER_KEY, OTHER_LABEL),
    generation: new Part(n, null, gens.map((g) => g.label), undefined, OTHER_KEY, OTHER_LABEL),
    sex: new Part(n, null, ['1', '2'], ['男', '女']),
    minority: new Part(n, null, ['han', 'minority'], ['汉族', '少数民族']),
    ethnicity: new Part(n, 'ethnicity'),
    party: new Part(n, null, ['cpc', 'nonParty'], ['中共党员', '党外']),
    political: new Part(n, 'political'),
    fullTimeEducation: new Part(n, null, [...EDUCATION_GROUPS]),
    highestEducation: new Part(n, null, [...EDUCATION_GROUPS]),
    degree: new Part(n, null, DEGREE_KEYS, DEGREE_KEYS, 'none', '无学位'),
    specialty: new Part(n, 'specialtyCategory'),
    tier: new Part(n, null, TIER_KEYS),
    postLevel: new Part(n, 'postLevel'),
    rank: new Part(n, 'rank'),
    tenure: new Part(n, null, tBands.map((b) => b.label)),
    retirement: new Part(n, null, rBands.map((b) => b.label), undefined, OTHER_KEY, OTHER_LABEL),
  };
  const parts = DIMENSIONS.map(([k]) => d[k]);
  const young = new Uint8Array(n);
  const youngThresholdOfLevel: number[] = [];

  const period = opts.period ?? defaultPeriod(asOf);
  const fromP = packDate(period.from);
  const toP = packDate(period.to);
  const deriveIntake = !opts.intakes;
  const intakeChannels = new Open('intakeChannel');
  const intakeIds: number[] = [];
  const intakeYoung: number[] = [];
  const youngUnder = rules.intake.youngUnderAge;

  const ids: number[] = withIds ? new Array(n) : [];

  // per-slot tables: every derived index of a coded value, computed once per distinct value
  const table = (c: CodedColumn, fn: (v: string | null) => number) => Int32Array.from(c.values, (v) => fn(v));
  const sexOf = table(cols.sex, (v) => (v === '1' ? 0 : v === '2' ? 1 : 2));
  const ethCode = table(cols.ethnicity, (v) => d.ethnicity.code(v));
  const ethMin = table(cols.ethnicity, (v) => (v == null ? 2 : isMinority(v) ? 1 : 0));
  const polCode = table(cols.politicalStatus, (v) => d.political.code(v));
  const polParty = table(cols.politicalStatus, (v) => (v == null ? 2 : isCpcMember(v) ? 0 : 1));
  const ftEdu = table(cols.fullTimeEducation, eduGroupIdx);
  const hiEdu = table(cols.highestEducation, eduGroupIdx);
  const degIdx = table(cols.highestDegree, degreeIdx);
  const specCode = table(cols.specialtyCategory, (v) => d.specialty.code(v));
  const rankCode = table(cols.rank, (v) => d.rank.code(v));
  // raw 职务层次 → normalised code bucket, tier, young threshold of the level
  const lvlCode = table(cols.postLevel, (v) => {
    const lvl = normLevel(v);
    const li = d.postLevel.code(lvl);
    if (youngThresholdOfLevel[li] === undefined) youngThresholdOfLevel[li] = thresholdOf(lvl);
    return li;
  });
  const lvlTier = table(cols.postLevel, (v) => tierIdx(normLevel(v)));
  const channels = cols.intakeChannel.values;
  const idCol = cols.id;
  const nAgeBands = ageBands.length;
  const nGens = gens.length;
  const nTBands = tBands.length;
  const nRBands = rBands.length;

  // pass 1: bucket indices and counts (its own function, see bucketPass)
  const { ageSum, minAge, maxAge, youngCount } = bucketPass({
    n, cols, d, withIds, ids, asOfP, MAX_AGE, ageToBand, nAgeBands, gMin, gMax, yearToGen, nGens, sexOf, ethMin, ethCode, polParty, polCode,
    ftEdu, hiEdu, degIdx, specCode, lvlCode, lvlTier, rankCode, tenureTable, tBands, nTBands, retirementOf, nRBands, rLo, rHi,
    deriveIntake, fromP, toP, intakeIds, intakeChannels, intakeYoung, youngUnder, youngThresholdOfLevel, young, channels,
  });

  // pass 2: exact-size id lists (withIds) and the young figures by level / tier
  if (withIds) for (const part of parts) part.alloc();
  const levelN = d.postLevel.counts.length;
  const tierN = d.tier.counts.length;
  const lvAt = d.postLevel.at;
  const tierAt = d.tier.at;
  const { yLevelTotal, yLevelCount, yTierTotal, yTierCount, yTierMin, yTierMax } = youngTallies(n, lvAt, tierAt, young, youngThresholdOfLevel, levelN, tierN);
  // yLevelCount / yTierCount are final here; the scatter below refills them to the same values
  const youngIds = withIds ? new Array<number>(youngCount) : [];
  const yLevelIds = withIds ? yLevelCount.map((c) => new Array<number>(c)) : [];
  const yTierIds = withIds ? yTierCount.map((c) => new Array<number>(c)) : [];
  if (withIds) {
    yLevelCount.fill(0);
    yTierCount.fill(0);
    let yc = 0;
    for (const part of parts) scatter(n, part.at, part.ids, part.counts, ids);
    for (let k = 0; k < n; k++) {
      if (!young[k]) continue;
      const id = ids[k];
      youngIds[yc++] = id;
      const li = lvAt[k];
      const ti = tierAt[k];
      yLevelIds[li][yLevelCount[li]++] = id;
      yTierIds[ti][yTierCount[ti]++] = id;
    }
  }

  const dimensions = {} as Record<DimensionKey, Distribution>;
  for (const [key, title] of DIMENSIONS) dimensions[key] = { key, title, total: n, buckets: d[key].buckets(n, withIds) };
  const youngRow = (r: YoungRow, ids: number[] | undefined): YoungRow => {
    if (withIds) r.ids = ids;
    return r;
  };

  const levelKeys = sortCodes('postLevel', d.postLevel.codeKeys.slice());
  const byLevel: YoungRow[] = [];
  for (const k of levelKeys) {
    const i = d.postLevel.codes.get(k)!;
    byLevel.push(youngRow({ key: k, label: codeName('postLevel', k) ?? k, threshold: youngThresholdOfLevel[i], total: yLevelTotal[i], count: yLevelCount[i], share: share(yLevelCount[i], yLevelTotal[i]) }, yLevelIds[i]));
  }
  if (yLevelTotal[0]) byLevel.push(youngRow({ key: UNKNOWN_KEY, label: UNKNOWN_LABEL, threshold: thresholdOf(null), total: yLevelTotal[0], count: yLevelCount[0], share: share(yLevelCount[0], yLevelTotal[0]) }, yLevelIds[0]));
  const byTier: YoungRow[] = [];
  for (let i = 0; i < tierN; i++) {
    if (!yTierTotal[i]) continue;
    byTier.push(youngRow({
      key: i < TIER_KEYS.length ? TIER_KEYS[i] : UNKNOWN_KEY,
      label: i < TIER_KEYS.length ? TIER_KEYS[i] : UNKNOWN_LABEL,
      threshold: yTierMin[i] === yTierMax[i] ? yTierMin[i] : null,
      total: yTierTotal[i],
      count: yTierCount[i],
      share: share(yTierCount[i], yTierTotal[i]),
    }, yTierIds[i]));
  }
  const women = d.sex.counts[1];
  const minority = d.minority.counts[1];
  const nonParty = d.party.counts[1];

  // age pyramid: age-band slot × sex slot (0 男, 1 女, 2 other / missing)
  const bandN = d.ageBand.counts.length;
  const ageSexCounts = new Int32Array(bandN * 3);
  const bandAt = d.ageBand.at;
  const sexAt = d.sex.at;
  tallyPairs(n, bandAt, sexAt, 3, ageSexCounts);
  const ageSex: AgeSexRow[] = dimensions.ageBand.buckets.map((b) => {
    const i = partIndex(d.ageBand, b.key);
    return { key: b.key, label: b.label, male: ageSexCounts[i * 3], female: ageSexCounts[i * 3 + 1] };
  });

  const result: StructureStats = {
    asOf,
    total: n,
    ids,
    summary: {
      meanAge: n ? ageSum / n : null,
      minAge: n ? minAge : null,
      maxAge: n ? maxAge : null,
      women,
      womenShare: share(women, n),
      minority,
      minorityShare: share(minority, n),
      nonParty,
      nonPartyShare: share(nonParty, n),
      young: youngCount,
      youngShare: share(youngCount, n),
    },
    dimensions,
    ageSex,
    young: { total: n, count: youngCount, share: share(youngCount, n), ids: youngIds, byLevel, byTier },
    promotions: promotionStats(opts.promotions ?? [], period, rules, withIds),
    intake: opts.intakes ? intakeStats(opts.intakes, period, rules, withIds) : intakeResult(period, rules, intakeIds, intakeYoung, intakeChannels, withIds),
  };
  if (!withIds) {
    dropIds(result);
    dropIds(result.young);
  }
  if (!select) return { stats: result, selection: null };

  // ── the people behind one number, from the same pass ──
  const dim = select.dimension;
  const key = select.bucket ?? null;
  const fail = (known: string[], why: string): never => {
    throw new SelectionError(select, known, why);
  };
  if (!SELECTION_KEYS.includes(dim)) fail([], `unknown figure "${dim}" (one of: ${SELECTION_KEYS.join(', ')})`);
  if (BUCKETED_FIGURES.has(dim) && key == null) fail([], `${dim}: bucket is required`);
  if (!BUCKETED_FIGURES.has(dim) && key != null) fail([], `${dim} has no buckets (bucket=${key})`);
  /** a row of this result by key, or a SelectionError listing the keys there are */
  const row = <T extends { key: string }>(rows: readonly T[]): T =>
    rows.find((r) => r.key === key) ?? fail(rows.map((r) => r.key), `${dim}: no bucket "${key}" (there are: ${rows.map((r) => r.key).join(', ') || 'none'})`);
  const pick = (pred: (k: number) => boolean): number[] => {
    const out: number[] = [];
    for (let k = 0; k < n; k++) if (pred(k)) out.push(idCol[k]);
    return out;
  };
  const sel = (label: string, count: number, ids: number[]): StructureSelection => ({ dimension: dim, bucket: key, label, count, ids });
  let selection: StructureSelection;
  if (dim in d) {
    const b = row(result.dimensions[dim as DimensionKey].buckets);
    const part = d[dim as DimensionKey];
    const i = partIndex(part, b.key);
    const at = part.at;
    selection = sel(b.label, b.count, i < 0 ? [] : pick((k) => at[k] === i));
  } else if (dim === 'total') selection = sel('合计', result.total, Array.from(idCol));
  else if (dim === 'young') selection = sel('年轻干部', result.young.count, pick((k) => young[k] === 1));
  else if (dim === 'youngByLevel') {
    const r = row(result.young.byLevel);
    const li = partIndex(d.postLevel, r.key);
    selection = sel(r.label, r.count, pick((k) => young[k] === 1 && lvAt[k] === li));
  } else if (dim === 'youngByTier') {
    const r = row(result.young.byTier);
    const ti = r.key === UNKNOWN_KEY ? TIER_KEYS.length : TIER_KEYS.indexOf(r.key);
    selection = sel(r.label, r.count, pick((k) => young[k] === 1 && tierAt[k] === ti));
  } else if (dim === 'promotions' || dim === 'promotionsYoung' || dim === 'promotionsByLevel') {
    const full = promotionStats(opts.promotions ?? [], period, rules, true);
    if (dim === 'promotions') selection = sel('提拔', result.promotions.total, full.ids!);
    else if (dim === 'promotionsYoung') selection = sel('提拔的年轻干部', result.promotions.young, full.youngIds!);
    else {
      const b = row(result.promotions.byLevel);
      selection = sel(b.label, b.count, row(full.byLevel).ids!);
    }
  } else {
    const full = opts.intakes ? intakeStats(opts.intakes, period, rules, true) : intakeResult(period, rules, intakeIds, intakeYoung, intakeChannels, true);
    if (dim === 'intake') selection = sel('新进', result.intake.total, full.ids!);
    else if (dim === 'intakeYoung') selection = sel('新进的年轻干部', result.intake.young, full.youngIds!);
    else {
      const b = row(result.intake.byChannel);
      selection = sel(b.label, b.count, row(full.byChannel).ids!);
    }
  }
  return { stats: result, selection };
}

// ───────────────────────────── promotions ─────────────────────────────
/** a step to a higher 职务层次: levelOrder(toLevel) > levelOrder(fromLevel) (unknown from = 0) */
export function isPromotion(e: Pick<PromotionEvent, 'fromLevel' | 'toLevel'>): boolean {
  return levelOrder(e.toLevel) > levelOrder(e.fromLevel);
}

/**
 * Promotions in the period (both ends inclusive), counted per distinct cadre (the highest level
 * reached in the period). Young = age on the promotion date ≤ the young threshold of the level
 * promoted to (rules.youngCadre).
 */
export function promotionStats(events: readonly PromotionEvent[], period: Period, rules: RulesConfig, withIds = true): PromotionStats {
  const from = packDate(period.from);
  const to = packDate(period.to);
  const best = new Map<number, PromotionEvent>();
  for (const e of events) {
    const dt = packDate(e.date);
    if (dt < from || dt > to || !isPromotion(e)) continue;
    const prev = best.get(e.cadreId);
    if (!prev || levelOrder(e.toLevel) > levelOrder(prev.toLevel) || (levelOrder(e.toLevel) === levelOrder(prev.toLevel) && e.date > prev.date)) best.set(e.cadreId, e);
  }
  const ids: number[] = [];
  const youngIds: number[] = [];
  const levels = new Open('postLevel');
  const thresholds = new Set<number>();
  for (const e of best.values()) {
    ids.push(e.cadreId);
    const lvl = normalizePostLevel(e.toLevel) ?? e.toLevel;
    levels.add(lvl, e.cadreId);
    const t = youngThreshold(lvl, rules);
    thresholds.add(t);
    if (e.ageAtDate <= t) youngIds.push(e.cadreId);
  }
  const out: PromotionStats = {
    from: period.from,
    to: period.to,
    total: ids.length,
    ids,
    young: youngIds.length,
    youngIds,
    youngShare: share(youngIds.length, ids.length),
    byLevel: levels.buckets(ids.length, withIds),
    youngThreshold: thresholds.size === 1 ? [...thresholds][0] : thresholds.size === 0 ? rules.youngCadre.default : null,
  };
  return withIds ? out : dropIds(out);
}

// ───────────────────────────── intake ─────────────────────────────
/** intake events from the people's 参加工作时间 and 进入渠道 */
export function intakesFromPeople(people: readonly StatPerson[]): IntakeEvent[] {
  const out: IntakeEvent[] = [];
  for (const p of people) {
    if (!p.workStartDate) continue;
    out.push({ cadreId: p.id, date: p.workStartDate, channel: p.intakeChannel ?? null, ageAtDate: fullYearsPacked(packDate(p.birthDate), packDate(p.workStartDate)) });
  }
  return out;
}

/** intake in the period by channel; young = age at intake ≤ rules.intake.youngUnderAge */
export function intakeStats(events: readonly IntakeEvent[], period: Period, rules: RulesConfig, withIds = true): IntakeStats {
  const from = packDate(period.from);
  const to = packDate(period.to);
  const channels = new Open('intakeChannel');
  const ids: number[] = [];
  const youngIds: number[] = [];
  const under = rules.intake.youngUnderAge;
  for (const e of events) {
    const dt = packDate(e.date);
    if (dt < from || dt > to) continue;
    ids.push(e.cadreId);
    channels.add(e.channel, e.cadreId);
    if (e.ageAtDate <= under) youngIds.push(e.cadreId);
  }
  return intakeResult(period, rules, ids, youngIds, channels, withIds);
}

function intakeResult(period: Period, rules: RulesConfig, ids: number[], youngIds: number[], channels: Open, withIds: boolean): IntakeStats {
  const youngShare = share(youngIds.length, ids.length);
  const out: IntakeStats = {
    from: period.from,
    to: period.to,
    total: ids.length,
    ids,
    byChannel: channels.buckets(ids.length, withIds),
    young: youngIds.length,
    youngIds,
    youngShare,
    youngUnderAge: rules.intake.youngUnderAge,
    minYoungShare: rules.intake.minYoungShare,
    meetsTarget: ids.length ? youngShare >= rules.intake.minYoungShare : null,
  };
  return withIds ? out : dropIds(out);
}

/** age in full years on a date (same rule as dates.ageOn), exported for callers building events */
export function ageAt(birthDate: string, date: string): number {
  return fullYearsPacked(packDate(birthDate), packDate(date));
}

/** retirement date as 'YYYY-MM-DD' via the fast path (same result as retirement.retirementDate for cadres) */
export function fastRetirementDate(birthDate: string, sex: string, rules: RulesConfig): string {
  return unpackDate(makeRetirementFn(rules)(packDate(birthDate), sex));
}
