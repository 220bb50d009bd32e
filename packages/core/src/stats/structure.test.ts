import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_SETS } from '../codes';
import { ageOn, fromEpochDays, toEpochDays, yearsBetween } from '../dates';
import { retirementDate } from '../retirement';
import { DEFAULT_RULES, mergeRules } from '../rules';
import { fracYearsPacked, fullYearsPacked, packDate, unpackDate } from './fast';
import { formatIntakeSentence, formatLargestShare, formatPercent, formatPromotionSentence, formatShareSentence, formatYoungTierSentence, structureSentences } from './phrases';
import { ageAt, DIMENSIONS, fastRetirementDate, promotionStats, SelectionError, structureSelect, structureStats, type SelectionKey, type StatPerson, type StructureStats } from './structure';

const rules = DEFAULT_RULES;
const isoDate = (min: string, max: string) => fc.integer({ min: toEpochDays(min), max: toEpochDays(max) }).map(fromEpochDays);

const P = (id: number, over: Partial<StatPerson> = {}): StatPerson => ({
  id,
  sex: '1',
  ethnicity: '01',
  birthDate: '1980-01-01',
  politicalStatus: '01',
  fullTimeEducation: '21',
  highestEducation: '21',
  highestDegree: '403',
  specialtyCategory: '法学',
  postLevel: '142',
  rank: 'ZJ09',
  postStartDate: '2020-01-01',
  workStartDate: '2002-08-01',
  intakeChannel: '公务员招录',
  ...over,
});

const bucketOf = (s: ReturnType<typeof structureStats>, dim: (typeof DIMENSIONS)[number][0], key: string) => s.dimensions[dim].buckets.find((b) => b.key === key);

describe('structureStats: hand-computed small set', () => {
  const asOf = '2025-06-30';
  const people: StatPerson[] = [
    // 1: man, 45, 汉, 党员, 本科/学士(法学), 正科, 11.5 years in post
    P(1, { birthDate: '1980-01-01', postLevel: '141', postStartDate: '2014-01-01' }),
    // 2: woman, 33, 回族, 民盟, 研究生/硕士, 副科, young (≤ 35), started 2024-07-01 (intake in period? no: 2024)
    P(2, { sex: '2', birthDate: '1992-02-29', ethnicity: '03', politicalStatus: '05', fullTimeEducation: '21', highestEducation: '11', highestDegree: '303', specialtyCategory: '经济学', postStartDate: '2024-07-01', workStartDate: '2025-03-01', intakeChannel: '选调生' }),
    // 3: man, 59 (born 1965-09-10): retires 2025-09 + delay → within a year; 副处; 大专; no degree
    P(3, { birthDate: '1965-09-10', postLevel: '132', fullTimeEducation: '31', highestEducation: '31', highestDegree: null, specialtyCategory: null, rank: 'ZJ05', postStartDate: '2017-06-30' }),
    // 4: woman, 35 exactly on asOf (born 1990-06-30): young at 副科; no post start; 群众
    P(4, { sex: '2', birthDate: '1990-06-30', politicalStatus: '13', postStartDate: null, workStartDate: '2025-01-15', intakeChannel: '到村工作大学生' }),
  ];
  const s = structureStats(people, { asOf, rules });

  it('counts, ids and shares by age band and generation', () => {
    expect(s.total).toBe(4);
    expect(bucketOf(s, 'ageBand', '41-45岁')).toMatchObject({ count: 1, ids: [1], share: 0.25 });
    expect(bucketOf(s, 'ageBand', '31-35岁')).toMatchObject({ count: 2, ids: [2, 4], share: 0.5 });
    expect(bucketOf(s, 'ageBand', '56岁及以上')?.ids).toEqual([3]);
    expect(bucketOf(s, 'ageBand', '30岁及以下')).toMatchObject({ count: 0, ids: [], share: 0 });
    expect(bucketOf(s, 'generation', '80后')?.ids).toEqual([1]);
    expect(bucketOf(s, 'generation', '90后')?.ids).toEqual([2, 4]);
    expect(bucketOf(s, 'generation', '65后')?.ids).toEqual([3]);
    expect(s.summary).toMatchObject({ minAge: 33, maxAge: 59, women: 2, womenShare: 0.5, minority: 1, nonParty: 2, nonPartyShare: 0.5 });
    expect(s.summary.meanAge).toBeCloseTo((45 + 33 + 59 + 35) / 4);
  });

  it('sex, 民族, 政治面貌', () => {
    expect(bucketOf(s, 'sex', '1')?.ids).toEqual([1, 3]);
    expect(bucketOf(s, 'sex', '2')?.ids).toEqual([2, 4]);
    expect(bucketOf(s, 'minority', 'minority')?.ids).toEqual([2]);
    expect(bucketOf(s, 'ethnicity', '03')).toMatchObject({ label: '回族', ids: [2] });
    expect(s.dimensions.ethnicity.buckets.map((b) => b.key)).toEqual(['01', '03']);
    expect(bucketOf(s, 'party', 'cpc')?.ids).toEqual([1, 3]);
    expect(bucketOf(s, 'party', 'nonParty')?.ids).toEqual([2, 4]);
    expect(s.dimensions.political.buckets.map((b) => [b.key, b.count])).toEqual([['01', 2], ['05', 1], ['13', 1]]);
  });

  it('education, degree, specialty, level, rank', () => {
    expect(bucketOf(s, 'highestEducation', '研究生')?.ids).toEqual([2]);
    expect(bucketOf(s, 'highestEducation', '大学本科')?.ids).toEqual([1, 4]);
    expect(bucketOf(s, 'highestEducation', '大学专科')?.ids).toEqual([3]);
    expect(bucketOf(s, 'fullTimeEducation', '大学本科')?.ids).toEqual([1, 2, 4]);
    expect(bucketOf(s, 'degree', '硕士')?.ids).toEqual([2]);
    expect(bucketOf(s, 'degree', '学士')?.ids).toEqual([1, 4]);
    expect(bucketOf(s, 'degree', 'none')?.ids).toEqual([3]);
    expect(bucketOf(s, 'specialty', '法学')?.ids).toEqual([1, 4]);
    expect(bucketOf(s, 'specialty', '_unknown')?.ids).toEqual([3]);
    expect(s.dimensions.postLevel.buckets.map((b) => [b.key, b.ids])).toEqual([['132', [3]], ['141', [1]], ['142', [2, 4]]]);
    expect(bucketOf(s, 'tier', '乡科级')?.ids).toEqual([1, 2, 4]);
    expect(bucketOf(s, 'rank', 'ZJ05')?.label).toBe('三级调研员');
  });

  it('years in post (full years, rotation edges) and years to retirement', () => {
    expect(bucketOf(s, 'tenure', '10年及以上')?.ids).toEqual([1]);
    expect(bucketOf(s, 'tenure', '5-10年')?.ids).toEqual([3]); // exactly 8 years
    expect(bucketOf(s, 'tenure', '不满2年')?.ids).toEqual([2]);
    expect(bucketOf(s, 'tenure', '_unknown')?.ids).toEqual([4]);
    expect(retirementDate('1965-09-10', '1', 'cadre') <= '2026-06-30').toBe(true);
    expect(bucketOf(s, 'retirement', '1年内（含已到龄）')?.ids).toEqual([3]);
    expect(bucketOf(s, 'retirement', '5年以上')?.ids).toEqual([1, 2, 4]);
  });

  it('young cadres under the level-specific thresholds', () => {
    // 2 (33, 副科) and 4 (35 on the day, 副科) are young; 1 (45, 正科) and 3 (59, 副处 ≤ 40) are not
    expect(s.young).toMatchObject({ count: 2, share: 0.5, ids: [2, 4] });
    const fuke = s.young.byLevel.find((r) => r.key === '142')!;
    expect(fuke).toMatchObject({ threshold: 35, total: 2, count: 2, share: 1 });
    const ke = s.young.byTier.find((r) => r.key === '乡科级')!;
    expect(ke).toMatchObject({ threshold: 35, total: 3, count: 2, ids: [2, 4] });
    expect(formatYoungTierSentence(ke)).toBe('35周岁及以下科级干部2人，占66.7%');
    // the day before the 35th birthday… and the 36th birthday
    expect(structureStats([people[3]], { asOf: '2026-06-29', rules }).young.count).toBe(1);
    expect(structureStats([people[3]], { asOf: '2026-06-30', rules }).young.count).toBe(0);
  });

  it('intake in the period by channel (default period: the calendar year of asOf)', () => {
    expect(s.intake).toMatchObject({ from: '2025-01-01', to: '2025-06-30', total: 2, young: 2, youngShare: 1, meetsTarget: true });
    expect(s.intake.byChannel.map((b) => [b.key, b.ids])).toEqual([['选调生', [2]], ['到村工作大学生', [4]]]);
    expect(formatIntakeSentence(s.intake)).toBe('新进干部2名：选调生1名、到村工作大学生1名；35岁及以下占100.0%');
  });

  it('thresholds come from the rules: other age bands and young thresholds change the figures', () => {
    const r2 = mergeRules({ ageBands: [{ label: '40岁以下', max: 39 }, { label: '40岁及以上', min: 40 }], youngCadre: { thresholds: { '142': 32 } } });
    const s2 = structureStats(people, { asOf, rules: r2 });
    expect(s2.dimensions.ageBand.buckets.map((b) => [b.label, b.ids])).toEqual([['40岁以下', [2, 4]], ['40岁及以上', [1, 3]]]);
    expect(s2.young.ids).toEqual([]);
  });

  it('phrases as the documents write them', () => {
    expect(formatPercent(0.293)).toBe('29.3%');
    expect(formatShareSentence({ subject: '35周岁左右及以下科级干部', count: 12, total: 48, only: true })).toBe('35周岁左右及以下科级干部仅12人，占25.0%');
    expect(formatLargestShare(s.dimensions.specialty, '类')).toBe('法学类占比最大（50.0%）');
    const lines = structureSentences(s);
    expect(lines).toContain('女干部2人，占50.0%');
    expect(lines.some((l) => l.includes('法学类占比最大'))).toBe(true);
  });
});

describe('promotions in a period', () => {
  const ev = (cadreId: number, date: string, fromLevel: string | null, toLevel: string, ageAtDate: number) => ({ cadreId, date, fromLevel, toLevel, ageAtDate });
  it('counts distinct promoted cadres in the period and the young share among them', () => {
    const events = [
      ev(1, '2025-03-01', '150', '142', 30), // young (≤ 35 at 副科)
      ev(2, '2025-04-01', '142', '141', 36), // not young at 正科
      ev(3, '2025-05-01', '141', '132', 39), // young at 副处 (≤ 40)
      ev(4, '2024-12-31', '142', '141', 30), // outside the period
      ev(5, '2025-06-01', '141', '141', 30), // not a step up
      ev(1, '2025-09-01', '142', '141', 31), // the same cadre again: counted once
      ev(6, '2025-10-01', '132', '131', 46), // not young at 正处 (≤ 45)
    ];
    const p = promotionStats(events, { from: '2025-01-01', to: '2025-12-31' }, rules);
    expect(p).toMatchObject({ total: 4, young: 2, youngShare: 0.5, youngIds: [1, 3], youngThreshold: null });
    expect(p.ids!.sort()).toEqual([1, 2, 3, 6]);
    expect(p.byLevel.map((b) => [b.key, b.count])).toEqual([['131', 1], ['132', 1], ['141', 2]]);
    expect(formatPromotionSentence(p)).toBe('提拔年轻干部2人，占同期新提拔干部总数的50.0%');
    const ke = promotionStats(events.filter((e) => e.toLevel.startsWith('14')), { from: '2025-01-01', to: '2025-12-31' }, rules);
    expect(formatPromotionSentence(ke)).toBe('提拔35岁以下年轻干部1人，占同期新提拔干部总数的50.0%');
  });
});

describe('properties', () => {
  const person = fc.record({
    sex: fc.constantFrom('1', '2', '9'),
    ethnicity: fc.constantFrom('01', '02', '03', '97', '', null),
    birthDate: isoDate('1950-01-01', '2005-12-31'),
    politicalStatus: fc.constantFrom('01', '02', '03', '05', '13', null),
    fullTimeEducation: fc.constantFrom('11', '21', '31', '41', null, 'XX'),
    highestEducation: fc.constantFrom('11', '1A', '21', '31', null),
    highestDegree: fc.constantFrom('2', '303', '4', null),
    specialtyCategory: fc.constantFrom(...CODE_SETS.specialtyCategory.map((e) => e.code), null),
    postLevel: fc.constantFrom('131', '132', '141', '142', '150', '1A31', null),
    rank: fc.constantFrom('ZJ01', 'ZJ09', 'ZJ12', null),
    postStartDate: fc.option(isoDate('1995-01-01', '2030-12-31')),
    workStartDate: fc.option(isoDate('1970-01-01', '2030-12-31')),
    intakeChannel: fc.constantFrom('选调生', '公务员招录', '引进', null),
  });
  const people = fc.array(person, { maxLength: 60 }).map((ps) => ps.map((p, i) => ({ ...p, id: i + 1 }) as StatPerson));

  it('every person is in exactly one bucket of each partition; counts = id list lengths; shares sum to 1', () => {
    fc.assert(
      fc.property(people, isoDate('2000-01-01', '2035-12-31'), (ps, asOf) => {
        const s = structureStats(ps, { asOf, rules });
        const all = ps.map((p) => p.id).sort((a, b) => a - b);
        for (const [k] of DIMENSIONS) {
          const d = s.dimensions[k];
          expect(d.total).toBe(ps.length);
          let sum = 0;
          let shares = 0;
          const seen: number[] = [];
          for (const b of d.buckets) {
            expect(b.count).toBe(b.ids!.length);
            sum += b.count;
            shares += b.share;
            seen.push(...b.ids!);
          }
          expect(sum).toBe(ps.length);
          expect(seen.sort((a, b) => a - b)).toEqual(all);
          if (ps.length) expect(shares).toBeCloseTo(1, 9);
          else expect(shares).toBe(0);
        }
        expect(s.young.count).toBe(s.young.ids!.length);
        expect(s.young.byLevel.reduce((n, r) => n + r.total, 0)).toBe(ps.length);
        expect(s.young.byLevel.reduce((n, r) => n + r.count, 0)).toBe(s.young.count);
        expect(s.young.byTier.reduce((n, r) => n + r.count, 0)).toBe(s.young.count);
      }),
      { numRuns: 150 },
    );
  });

  it('withIds: false = the full result with every ids / youngIds list deleted (same figures, same key order)', () => {
    const strip = (o: unknown) => JSON.stringify(o, (k, v) => (k === 'ids' || k === 'youngIds' ? undefined : v));
    const ev = fc.record({ cadreId: fc.integer({ min: 1, max: 60 }), date: isoDate('2020-01-01', '2030-12-31'), fromLevel: fc.constantFrom('142', '141', null), toLevel: fc.constantFrom('141', '132', '131'), ageAtDate: fc.integer({ min: 20, max: 60 }) });
    fc.assert(
      fc.property(people, isoDate('2000-01-01', '2035-12-31'), fc.array(ev, { maxLength: 10 }), (ps, asOf, promotions) => {
        const period = { from: `${asOf.slice(0, 4)}-01-01`, to: asOf };
        const full = structureStats(ps, { asOf, rules, period, promotions });
        const lean = structureStats(ps, { asOf, rules, period, promotions, withIds: false });
        expect(JSON.stringify(lean)).toBe(strip(full));
        expect(JSON.stringify(lean)).not.toMatch(/"(ids|youngIds)"/);
      }),
      { numRuns: 150 },
    );
  });

  /** every number of a withIds: true result with the id list it shows */
  const numbers = (s: StructureStats): { dimension: SelectionKey; bucket: string | null; count: number; ids: number[] }[] => [
    ...DIMENSIONS.flatMap(([k]) => s.dimensions[k].buckets.map((b) => ({ dimension: k as SelectionKey, bucket: b.key, count: b.count, ids: b.ids! }))),
    { dimension: 'total', bucket: null, count: s.total, ids: s.ids! },
    { dimension: 'young', bucket: null, count: s.young.count, ids: s.young.ids! },
    ...s.young.byLevel.map((r) => ({ dimension: 'youngByLevel' as const, bucket: r.key, count: r.count, ids: r.ids! })),
    ...s.young.byTier.map((r) => ({ dimension: 'youngByTier' as const, bucket: r.key, count: r.count, ids: r.ids! })),
    { dimension: 'promotions', bucket: null, count: s.promotions.total, ids: s.promotions.ids! },
    { dimension: 'promotionsYoung', bucket: null, count: s.promotions.young, ids: s.promotions.youngIds! },
    ...s.promotions.byLevel.map((b) => ({ dimension: 'promotionsByLevel' as const, bucket: b.key, count: b.count, ids: b.ids! })),
    { dimension: 'intake', bucket: null, count: s.intake.total, ids: s.intake.ids! },
    { dimension: 'intakeYoung', bucket: null, count: s.intake.young, ids: s.intake.youngIds! },
    ...s.intake.byChannel.map((b) => ({ dimension: 'intakeByChannel' as const, bucket: b.key, count: b.count, ids: b.ids! })),
  ];

  it('drill-down: structureSelect lists exactly the ids of every number (count = list length), from the figures-only pass', () => {
    const ev = fc.record({ cadreId: fc.integer({ min: 1, max: 60 }), date: isoDate('2020-01-01', '2030-12-31'), fromLevel: fc.constantFrom('142', '141', null), toLevel: fc.constantFrom('141', '132', '131'), ageAtDate: fc.integer({ min: 20, max: 60 }) });
    fc.assert(
      fc.property(people, isoDate('2000-01-01', '2035-12-31'), fc.array(ev, { maxLength: 10 }), (ps, asOf, promotions) => {
        const opts = { asOf, rules, period: { from: `${Number(asOf.slice(0, 4)) - 10}-01-01`, to: asOf }, promotions };
        const full = structureStats(ps, opts);
        const lean = structureStats(ps, { ...opts, withIds: false });
        for (const x of numbers(full)) {
          const { stats, selection } = structureSelect(ps, opts, { dimension: x.dimension, bucket: x.bucket });
          expect(selection.count, `${x.dimension}/${x.bucket}`).toBe(x.count);
          expect(selection.ids, `${x.dimension}/${x.bucket}`).toEqual(x.ids);
          expect(selection.ids.length).toBe(selection.count);
          expect(stats).toEqual(lean);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('age pyramid: ageSex = each age band split by sex (the intersections of the id lists)', () => {
    fc.assert(
      fc.property(people, isoDate('2000-01-01', '2035-12-31'), (ps, asOf) => {
        const s = structureStats(ps, { asOf, rules });
        const sexIds = (k: string) => new Set(s.dimensions.sex.buckets.find((b) => b.key === k)?.ids ?? []);
        const m = sexIds('1');
        const f = sexIds('2');
        expect(s.ageSex.map((r) => r.key)).toEqual(s.dimensions.ageBand.buckets.map((b) => b.key));
        for (const b of s.dimensions.ageBand.buckets) {
          const r = s.ageSex.find((x) => x.key === b.key)!;
          expect(r.male).toBe(b.ids!.filter((id) => m.has(id)).length);
          expect(r.female).toBe(b.ids!.filter((id) => f.has(id)).length);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('drill-down: a selector naming no number is a SelectionError listing the buckets there are', () => {
    const ps = [P(1), P(2, { sex: '2' })];
    const opts = { asOf: '2025-06-30', rules };
    expect(structureSelect(ps, opts, { dimension: 'sex', bucket: '2' }).selection).toMatchObject({ label: '女', count: 1, ids: [2] });
    // a configured bucket nobody is in: count 0, no ids
    expect(structureSelect(ps, opts, { dimension: 'ageBand', bucket: '30岁及以下' }).selection).toMatchObject({ count: 0, ids: [] });
    const err = (() => {
      try {
        structureSelect(ps, opts, { dimension: 'sex', bucket: '9' });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(SelectionError);
    expect((err as SelectionError).known).toEqual(['1', '2']);
    expect(() => structureSelect(ps, opts, { dimension: 'sex' })).toThrow(/bucket is required/);
    expect(() => structureSelect(ps, opts, { dimension: 'young', bucket: 'x' })).toThrow(/has no buckets/);
    expect(() => structureSelect(ps, opts, { dimension: 'nope' as SelectionKey })).toThrow(/unknown figure/);
  });

  it('age as of a date follows ageOn (birthdays, 29 February → 1 March in non-leap years)', () => {
    fc.assert(
      fc.property(isoDate('1900-01-01', '2060-12-31'), isoDate('1900-01-01', '2060-12-31'), (b, a) => {
        if (a < b) return;
        expect(fullYearsPacked(packDate(b), packDate(a))).toBe(ageOn(b, a));
        expect(ageAt(b, a)).toBe(ageOn(b, a));
        expect(fracYearsPacked(packDate(b), packDate(a))).toBeCloseTo(yearsBetween(b, a), 12);
      }),
      { numRuns: 2000 },
    );
    // on and around birthdays, including 29 February
    const leapBirths = fc.integer({ min: 1904, max: 2096 }).filter((y) => y % 4 === 0 && y !== 2000 - 100).map((y) => `${y}-02-29`);
    fc.assert(
      fc.property(leapBirths, fc.integer({ min: 0, max: 80 }), fc.constantFrom('02-28', '02-29', '03-01'), (b, n, md) => {
        const y = Number(b.slice(0, 4)) + n;
        const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
        if (md === '02-29' && !leap) return;
        const a = `${y}-${md}`;
        expect(fullYearsPacked(packDate(b), packDate(a))).toBe(ageOn(b, a));
      }),
    );
    expect(ageAt('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageAt('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageAt('2000-02-29', '2004-02-28')).toBe(3);
    expect(ageAt('2000-02-29', '2004-02-29')).toBe(4);
    expect(ageAt('1990-06-15', '2025-06-14')).toBe(34);
    expect(ageAt('1990-06-15', '2025-06-15')).toBe(35);
  });

  it('an age band changes exactly on the birthday (and for 29 February on 1 March)', () => {
    const at = (birthDate: string, asOf: string) => structureStats([P(1, { birthDate })], { asOf, rules }).dimensions.ageBand.buckets.find((b) => b.count)!.label;
    expect(at('1990-06-15', '2025-06-14')).toBe('31-35岁');
    expect(at('1990-06-15', '2026-06-14')).toBe('31-35岁');
    expect(at('1990-06-15', '2026-06-15')).toBe('36-40岁');
    expect(at('1988-02-29', '2023-02-28')).toBe('31-35岁'); // 34
    expect(at('1988-02-29', '2024-02-28')).toBe('31-35岁'); // 35
    expect(at('1988-02-29', '2024-02-29')).toBe('36-40岁'); // 36 on the leap day
    expect(at('1984-02-29', '2021-02-28')).toBe('36-40岁'); // 36, not yet 37
    expect(at('1984-02-29', '2025-03-01')).toBe('41-45岁'); // 41 on 1 March
  });

  it('the fast retirement date equals retirementDate', () => {
    fc.assert(
      fc.property(isoDate('1950-01-01', '2000-12-31'), fc.constantFrom('1', '2'), (b, sex) => {
        expect(fastRetirementDate(b, sex, rules)).toBe(retirementDate(b, sex, 'cadre', rules));
      }),
      { numRuns: 1000 },
    );
    expect(unpackDate(packDate('2024-02-29'))).toBe('2024-02-29');
  });
});
