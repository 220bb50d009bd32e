import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAssignment } from '../assign/hungarian';
import { solveWithTeamConstraints } from '../assign/ilp';
import { DEFAULT_RULES, mergeRules } from '../rules';
import { experienceYears } from './experience';
import { PositionDescriptionSchema } from './description';
import { compilePosition, degreesAt, exclusionMaskAt, explainFit, fitResultAt, fitScore, type FitPosition } from './model';
import { prepareCandidates, refreshPrepared, type FitCandidate } from './prepare';
import { rankCandidates, rankedRows } from './rank';

const asOf = '2025-06-30';
const mayor = DEFAULT_RULES.positionTemplates.town_mayor;

const base: FitCandidate = {
  id: 'A',
  birthDate: '1985-03-10',
  sex: '1',
  postLevel: '142',
  levelStartDate: '2021-01-01',
  specialtyCategory: '经济学',
  style: 'tiger',
  politicalStatus: '01',
  workStartDate: '2008-07-01',
  career: [
    { start: '2008-07-01', end: '2015-12-31', orgName: '某某镇人民政府', postTitle: '科员' },
    { start: '2016-01-01', end: '2020-12-31', orgName: '区发展和改革局', postTitle: '副科长' },
    { start: '2021-01-01', end: null, orgName: '某某街道办事处', postTitle: '副主任', experienceTypes: ['招商引资'] },
  ],
  assessments: [
    { year: 2024, result: '优秀' },
    { year: 2023, result: '称职' },
    { year: 2022, result: '优秀' },
    { year: 2021, result: '不称职' }, // older than the 3 most recent: ignored
  ],
  politicalQuality: [{ date: '2024-12-01', loyalty: 4, steadiness: 4, responsibility: 4, capability: 4, selfDiscipline: 4 }],
};
const mayorPost: FitPosition = { description: mayor, level: '141', teamContext: { styles: ['ox', 'ox', 'ox'] } };

describe('experienceYears', () => {
  it('merges overlaps, open end = asOf, keywords + explicit types + isGrassroots', () => {
    const e = experienceYears(
      [
        { start: '2010-01-01', end: '2014-01-01', orgName: '甲镇人民政府', postTitle: '科员' },
        { start: '2012-01-01', end: '2016-01-01', orgName: '甲镇人民政府', postTitle: '副镇长' }, // overlaps 2 years
        { start: '2020-01-01', end: null, orgName: '区司法局', postTitle: '科长', experienceTypes: ['信访维稳'] },
        { start: '2016-01-01', end: '2017-01-01', orgName: '某村', postTitle: '第一书记', isGrassroots: true },
      ],
      '2025-01-01',
    );
    expect(e.years['镇街']).toBeCloseTo(6, 1);
    expect(e.years['法治']).toBeCloseTo(5, 1);
    expect(e.years['信访维稳']).toBeCloseTo(5, 1);
    expect(e.years['基层']).toBeCloseTo(7, 1);
    expect(e.grassrootsYears).toBeCloseTo(7, 1);
  });
});

describe('fitScore — hand cases', () => {
  it('镇长 candidate: every degree as computed by hand, with explanations', () => {
    const r = fitScore(base, mayorPost, { asOf });
    // position: level 142→141 = 85·0.5, specialty match 100·0.3, chief post without chief experience 60·0.2
    expect(r.degrees.position).toBeCloseTo(84.5, 9);
    expect(r.degrees.experience).toBeCloseTo(100, 9);
    // competency: 政治素质 80·0.3 + 工作实绩 (100+80+100)/3·0.45 + 担当作为 missing 60·0.25
    expect(r.degrees.competency).toBeCloseTo(81, 9);
    expect(r.degrees.temperament).toBeCloseTo(100, 9);
    expect(r.total).toBeCloseTo(0.3 * 84.5 + 0.3 * 100 + 0.25 * 81 + 0.15 * 100, 9);
    expect(r.eligible).toBe(true);
    expect(r.exclusions).toEqual([]);
    const exp = r.explanation.experience.map((f) => f.detail);
    expect(exp).toContain('镇街工作经历 12年 ≥ 要求 2年');
    expect(exp).toContain('经济工作经历 5年 ≥ 要求 2年');
    expect(r.explanation.position.find((f) => f.factor === '岗位类型')?.effect).toBe('-');
    expect(r.explanation.temperament.map((f) => f.effect)).toEqual(['+', '+']);
    expect(r.explanation.competency.find((f) => f.factor === '担当作为')?.detail).toContain('无数据');
    expect(explainFit(base, mayorPost, { asOf })).toEqual(r);
  });
  it('mismatch and exclusions are explained separately from the score', () => {
    const c: FitCandidate = {
      ...base,
      id: 'B',
      birthDate: '1970-03-10', // 55, band 28–50; retires 2030 (not within 24 months)
      specialtyCategory: '法学',
      disciplines: [{ date: '2025-01-01', kind: '警告', category: '党纪' }],
    };
    const r = fitScore(c, mayorPost, { asOf });
    expect(r.eligible).toBe(false);
    expect(r.exclusions.map((e) => e.code).sort()).toEqual(['age_out_of_band', 'discipline_active']);
    expect(r.exclusions.find((e) => e.code === 'discipline_active')?.zh).toContain('2026-01-01');
    const spec = r.explanation.position.find((f) => f.factor === '专业')!;
    expect(spec.effect).toBe('-');
    expect(spec.detail).toBe('专业: 法学，岗位偏好: 经济学/管理学/工学 → 不匹配');
    expect(r.degrees.position).toBeCloseTo(0.5 * 85 + 0.3 * 40 + 0.2 * 60, 9);
  });
  it('promotion rules: tenure, level jump, county-level work/grassroots years, retirement horizon', () => {
    const county: FitPosition = { description: { requiredExperience: [] }, level: '132' };
    const c: FitCandidate = { ...base, postLevel: '141', levelStartDate: '2024-01-01', workStartDate: '2022-01-01', career: [] };
    const codes = fitScore(c, county, { asOf }).exclusions.map((e) => e.code).sort();
    expect(codes).toEqual(['grassroots_years', 'level_tenure', 'work_years']);
    expect(fitScore({ ...base, postLevel: '150' }, county, { asOf }).exclusions.map((e) => e.code)).toEqual(['level_jump']);
    const old: FitCandidate = { ...base, birthDate: '1966-01-15', postLevel: '141' };
    expect(fitScore(old, { level: '141' }, { asOf }).exclusions.map((e) => e.code)).toEqual(['retiring_soon']);
    // the horizon is data
    const rules = mergeRules({ fit: { retirementHorizonMonths: 0 } });
    expect(fitScore(old, { level: '141' }, { asOf, rules }).exclusions).toEqual([]);
  });
  it('temperament rules are data: an all-tiger team prefers an ox', () => {
    const t = { description: {}, level: '142', teamContext: { styles: ['tiger', 'tiger', null] } };
    const ox = fitScore({ ...base, style: 'ox' }, t, { asOf }).degrees.temperament;
    const tiger = fitScore(base, t, { asOf }).degrees.temperament;
    expect(ox).toBeGreaterThan(tiger);
  });
  it('position descriptions validate (server uses the schema)', () => {
    expect(PositionDescriptionSchema.safeParse({ ageBand: { min: 50, max: 30 } }).success).toBe(false);
    expect(PositionDescriptionSchema.safeParse({ requiredExperience: [{ kind: '镇街', minYears: -1 }] }).success).toBe(false);
    for (const t of Object.values(DEFAULT_RULES.positionTemplates)) expect(PositionDescriptionSchema.safeParse(t).success).toBe(true);
  });
});

// ───────────────────────────── properties ─────────────────────────────
const date = (from: number, to: number) =>
  fc.record({ y: fc.integer({ min: from, max: to }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }).map(
    ({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  );
const ORGS = ['甲镇人民政府', '乙街道办事处', '区发展和改革局', '区司法局', '区信访局', '丙村', '区应急管理局', '区投资促进中心', '区财政局'];
const TITLES = ['科员', '副镇长', '镇长', '党委书记', '副局长', '局长', '科长', '主任'];
const candidateArb: fc.Arbitrary<FitCandidate> = fc.record({
  id: fc.integer({ min: 1, max: 1e6 }),
  birthDate: date(1962, 2000),
  sex: fc.constantFrom('1', '2'),
  postLevel: fc.option(fc.constantFrom('131', '132', '141', '142', '150'), { nil: null }),
  levelStartDate: fc.option(date(2005, 2025), { nil: null }),
  rank: fc.option(fc.constantFrom('ZJ07', 'ZJ08', 'ZJ09'), { nil: null }),
  rankStartDate: fc.option(date(2015, 2025), { nil: null }),
  specialtyCategory: fc.option(fc.constantFrom('法学', '经济学', '工学', '管理学'), { nil: null }),
  style: fc.option(fc.constantFrom('tiger', 'ox', 'other'), { nil: null }),
  politicalStatus: fc.constantFrom('01', '13', '04'),
  workStartDate: fc.option(date(1985, 2024), { nil: null }),
  career: fc.array(
    fc.record({
      start: date(1985, 2024),
      end: fc.option(date(1990, 2026), { nil: null }),
      orgName: fc.constantFrom(...ORGS),
      postTitle: fc.constantFrom(...TITLES),
      isGrassroots: fc.boolean(),
      experienceTypes: fc.subarray(['经济', '党建', '应急']),
    }),
    { maxLength: 5 },
  ),
  assessments: fc.array(fc.record({ year: fc.integer({ min: 2015, max: 2025 }), result: fc.constantFrom('优秀', '称职', '基本称职', '不称职'), score: fc.option(fc.double({ min: -10, max: 120, noNaN: true }), { nil: null }) }), { maxLength: 5 }),
  competencies: fc.option(fc.dictionary(fc.constantFrom('政治素质', '领导能力', '经济发展'), fc.double({ min: -50, max: 200, noNaN: true })), { nil: null }),
  keyMoments: fc.array(fc.record({ date: date(2018, 2025), rating: fc.constantFrom('突出', '较好', '一般', '较差', '未知') }), { maxLength: 3 }),
  disciplines: fc.array(fc.record({ date: date(2018, 2025), kind: fc.constantFrom('警告', '严重警告', '诫勉', '开除党籍') }), { maxLength: 1 }),
});
const positionArb: fc.Arbitrary<FitPosition> = fc.record({
  description: fc.oneof(
    fc.constantFrom(...Object.values(DEFAULT_RULES.positionTemplates)),
    fc.record({
      requiredLevel: fc.option(fc.constantFrom('131', '132', '141', '142'), { nil: undefined }),
      minYearsAtLevelBelow: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      preferredSpecialties: fc.subarray(['法学', '经济学', '工学']),
      requiredExperience: fc.array(fc.record({ kind: fc.constantFrom('镇街', '经济', '法治', '党建', '未知类'), minYears: fc.integer({ min: 0, max: 6 }) }), { maxLength: 3 }),
      competencyWeights: fc.dictionary(fc.constantFrom('政治素质', '工作实绩', '领导能力', '无此项'), fc.double({ min: 0, max: 5, noNaN: true })),
      preferredStyle: fc.constantFrom('tiger' as const, 'ox' as const, null),
    }),
  ),
  level: fc.constantFrom('131', '132', '141', '142'),
  teamContext: fc.option(fc.record({ styles: fc.array(fc.constantFrom('tiger', 'ox', null), { maxLength: 6 }) }), { nil: null }),
});

describe('fit — properties', () => {
  it('deterministic; every degree and the total in [0, 100]; ranking agrees with fitScore', () => {
    fc.assert(
      fc.property(fc.array(candidateArb, { minLength: 1, maxLength: 6 }), positionArb, (cands, pos) => {
        const prep = prepareCandidates(cands, asOf);
        const ranking = rankCandidates(prep, pos);
        const totals = new Map<number, number>();
        ranking.order.forEach((i, k) => totals.set(i, ranking.total[k]));
        cands.forEach((c, i) => {
          const a = fitScore(c, pos, { asOf });
          const b = fitScore(structuredClone(c), pos, { asOf });
          expect(b).toEqual(a);
          for (const v of [a.total, ...Object.values(a.degrees)]) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(100);
          }
          if (a.eligible) expect(totals.get(i)).toBeCloseTo(a.total, 12);
          else expect(totals.has(i)).toBe(false);
        });
        for (let k = 1; k < ranking.total.length; k++) expect(ranking.total[k - 1]).toBeGreaterThanOrEqual(ranking.total[k] - 1e-6);
        expect(ranking.order.length + ranking.excluded.length).toBe(cands.length);
      }),
      { numRuns: 300, seed: 20250503 },
    );
  });
  it('an excluded candidate never appears in a plan (both solvers)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(candidateArb, { minLength: 1, maxLength: 7 }), fc.array(positionArb, { minLength: 1, maxLength: 4 }), async (cands, positions) => {
        const prep = prepareCandidates(cands, asOf);
        const out = new Float64Array(5);
        const excluded = positions.map(() => new Set<number>());
        const scores = positions.map((pos, p) => {
          const cp = compilePosition(prep, pos);
          return cands.map((_, i) => {
            if (exclusionMaskAt(prep, i, cp) !== 0) {
              excluded[p].add(i);
              return Number.NaN;
            }
            return degreesAt(prep, i, cp, out)[0];
          });
        });
        const a = solveAssignment({ scores });
        a.assignment.forEach((c, p) => c >= 0 && expect(excluded[p].has(c)).toBe(false));
        const b = await solveWithTeamConstraints({
          scores,
          posts: positions.map((_, p) => ({ teamId: p % 2 })),
          candidates: cands.map((c) => ({ female: c.sex === '2' })),
          teams: [{ id: 0, requireWoman: true }, { id: 1 }],
          analyseBinding: false,
        });
        b.assignment.forEach((c, p) => c >= 0 && expect(excluded[p].has(c)).toBe(false));
      }),
      { numRuns: 60, seed: 20250504 },
    );
  });
  it('rankedRows returns the degrees of the shown rows', () => {
    const prep = prepareCandidates([base, { ...base, id: 'C', specialtyCategory: '法学' }], asOf);
    const r = rankCandidates(prep, mayorPost);
    const rows = rankedRows(r);
    expect(rows.map((x) => x.id)).toEqual(['A', 'C']);
    expect(rows[0].degrees.position).toBeCloseTo(84.5, 9);
  });
});

describe('refreshPrepared (incremental preparation)', () => {
  // a deterministic registry with every kind of fact the features read
  function registry(n: number, seed: number): FitCandidate[] {
    let x = seed;
    const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
    const orgs = ['甲镇人民政府', '区发展和改革局', '区商务局', '丁村', '区司法局', '区信访局'];
    const titles = ['科员', '副镇长', '镇长', '党委书记', '副局长', '局长'];
    return Array.from({ length: n }, (_, i) => {
      const by = 1966 + Math.floor(rnd() * 32);
      return {
        id: i * 3 + 1,
        birthDate: `${by}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
        sex: rnd() < 0.35 ? '2' : '1',
        postLevel: pick(['142', '141', '132', '150', null]),
        levelStartDate: rnd() < 0.9 ? `${2012 + Math.floor(rnd() * 12)}-03-01` : null,
        specialtyCategory: pick(['经济学', '法学', '管理学', null]),
        style: pick(['tiger', 'ox', null]),
        politicalStatus: rnd() < 0.85 ? '01' : '13',
        workStartDate: `${by + 22}-07-01`,
        career: [
          { start: `${by + 22}-07-01`, end: `${by + 30}-06-30`, orgName: pick(orgs), postTitle: pick(titles), isGrassroots: rnd() < 0.2 },
          { start: `${by + 30}-07-01`, end: null, orgName: pick(orgs), postTitle: pick(titles), experienceTypes: rnd() < 0.3 ? [pick(['招商引资', '乡村振兴'])] : [] },
        ],
        assessments: [2024, 2023, 2022].map((year) => ({ year, result: pick(['优秀', '称职', '基本称职']), score: rnd() < 0.3 ? 60 + Math.round(rnd() * 40) : null })),
        politicalQuality: rnd() < 0.5 ? [{ date: '2024-12-01', loyalty: 4, steadiness: 3 + Math.floor(rnd() * 3), responsibility: 4, capability: 5, selfDiscipline: 4 }] : [],
        keyMoments: rnd() < 0.3 ? [{ date: '2024-08-01', rating: pick(['突出', '较好', '一般']) }] : [],
        disciplines: rnd() < 0.05 ? [{ date: '2025-01-10', kind: pick(['警告', '记过']) }] : [],
      } satisfies FitCandidate;
    });
  }
  const posts: FitPosition[] = [
    mayorPost,
    { description: DEFAULT_RULES.positionTemplates.town_party_secretary, level: '141', teamContext: { styles: ['tiger', 'tiger', 'ox'] } },
    { description: { ...mayor, preferredSpecialties: ['新学科'], requiredExperience: [{ kind: '新经历', minYears: 1 }, { kind: '招商引资', minYears: 2 }], competencyWeights: { 新能力: 2, 工作实绩: 1 } }, level: '142' },
  ];
  /** every feature of every candidate, by id, with dictionary indices resolved to their values */
  const features = (p: ReturnType<typeof prepareCandidates>) =>
    p.ids.map((id, i) => ({
      id,
      num: [p.age[i], p.female[i], p.nonParty[i], p.retireDay[i], p.levelOrd[i], p.chiefExp[i], p.yearsAtLevel[i], p.rankOk[i], p.workYears[i], p.grassrootsYears[i], p.disciplineActive[i]],
      specialty: p.specialty[i] < 0 ? null : p.specialtyDict[p.specialty[i]],
      style: p.styleDict[p.style[i]],
      exp: Object.fromEntries(p.expKinds.map((k, ki) => [k, p.expYears[ki][i]]).filter(([, y]) => (y as number) > 0)),
      comp: Object.fromEntries(p.compNames.map((k, ki) => [k, p.comp[ki][i]]).filter(([, v]) => !Number.isNaN(v))),
    }));
  it('equals a from-scratch preparation after edits, removals and insertions (features, rankings, explanations)', () => {
    const before = registry(400, 7);
    const base = prepareCandidates(before, asOf);
    // edits (incl. a new specialty, a new experience kind, an explicit new competency), removals, insertions
    const edited = new Map<number, FitCandidate>();
    for (const i of [0, 5, 17, 200, 399]) {
      const c = before[i];
      edited.set(i, {
        ...c,
        specialtyCategory: i === 5 ? '新学科' : '法学',
        postLevel: '141',
        career: [...(c.career ?? []), { start: '2024-01-01', end: null, orgName: '某新单位', postTitle: '主任', experienceTypes: ['新经历'] }],
        competencies: i === 17 ? { 新能力: 88 } : null,
        disciplines: i === 200 ? [{ date: '2025-03-01', kind: '记过' }] : c.disciplines,
      });
    }
    const removed = new Set([3, 4, 150, 398]);
    const list: FitCandidate[] = [];
    const reuse: number[] = [];
    before.forEach((c, i) => {
      if (removed.has(i)) return;
      const e = edited.get(i);
      list.push(e ?? c);
      reuse.push(e ? -1 : i);
      if (i === 100 || i === 399) {
        const extra = registry(2, 1000 + i).map((x, k) => ({ ...x, id: (c.id as number) + 1 + k }));
        for (const x of extra) {
          list.push(x);
          reuse.push(-1);
        }
      }
    });
    const inc = refreshPrepared(base, list, Int32Array.from(reuse));
    const fresh = prepareCandidates(list, asOf);
    expect(inc.n).toBe(fresh.n);
    expect(inc.facts).toBe(list);
    expect(features(inc)).toEqual(features(fresh));
    // the base is untouched
    expect(features(base)).toEqual(features(prepareCandidates(before, asOf)));
    for (const post of posts) {
      const a = rankCandidates(inc, post);
      const b = rankCandidates(fresh, post);
      expect(Array.from(a.order)).toEqual(Array.from(b.order));
      expect(Array.from(a.total)).toEqual(Array.from(b.total));
      expect(Array.from(a.excluded)).toEqual(Array.from(b.excluded));
      expect(Array.from(a.excludedMask)).toEqual(Array.from(b.excludedMask));
      const ca = compilePosition(inc, post);
      const cb = compilePosition(fresh, post);
      for (const i of [0, 4, 5, 16, 101, 102, fresh.n - 1]) expect(fitResultAt(inc, i, ca)).toEqual(fitResultAt(fresh, i, cb));
    }
    // the changed rows really differ from before (the test would pass vacuously otherwise)
    expect(inc.specialtyDict).toContain('新学科');
    expect(features(inc)).not.toEqual(features(base));
  });
  it('edits only (every candidate keeps its index): patches the changed rows, shares the unchanged arrays', () => {
    const before = registry(300, 11);
    const base = prepareCandidates(before, asOf);
    const list = before.slice();
    const reuse = Int32Array.from(list, (_, i) => i);
    // 作风 only → only the style array differs; a new specialty and a new experience kind for another
    list[10] = { ...before[10], style: before[10].style === 'tiger' ? 'ox' : 'tiger' };
    list[200] = { ...before[200], specialtyCategory: '新学科', career: [...(before[200].career ?? []), { start: '2023-01-01', end: null, orgName: '某单位', postTitle: '主任', experienceTypes: ['新经历'] }] };
    reuse[10] = -1;
    reuse[200] = -1;
    const inc = refreshPrepared(base, list, reuse);
    const fresh = prepareCandidates(list, asOf);
    expect(features(inc)).toEqual(features(fresh));
    for (const post of posts) {
      const a = rankCandidates(inc, post);
      const b = rankCandidates(fresh, post);
      expect(Array.from(a.order)).toEqual(Array.from(b.order));
      expect(Array.from(a.total)).toEqual(Array.from(b.total));
      expect(Array.from(a.excludedMask)).toEqual(Array.from(b.excludedMask));
    }
    expect(inc.style).not.toBe(base.style);
    expect(inc.specialty).not.toBe(base.specialty);
    expect(inc.age).toBe(base.age); // unchanged: shared
    expect(inc.ids).toBe(base.ids);
    expect(features(base)).toEqual(features(prepareCandidates(before, asOf))); // base untouched
    // an unchanged "edit" shares every array
    const same = refreshPrepared(base, before, Int32Array.from(before, (_, i) => (i === 5 ? -1 : i)));
    expect(same.style).toBe(base.style);
    expect(same.expYears.every((a, k) => a === base.expYears[k])).toBe(true);
  });
  it('rejects a reuse map of the wrong length or out of range', () => {
    const base = prepareCandidates(registry(5, 1), asOf);
    expect(() => refreshPrepared(base, base.facts, new Int32Array(4))).toThrow(/reuse/);
    expect(() => refreshPrepared(base, base.facts, Int32Array.from([0, 1, 2, 3, 9]))).toThrow(/out of range/);
  });
});

describe('experience mapping keywords', () => {
  it('a town government (人民政府) is 镇街/基层, not 基层治理 (民政 work means a 民政局/民政办)', async () => {
    const { classifierFor } = await import('./experience');
    const c = classifierFor(DEFAULT_RULES);
    expect(c.keywordKinds('某某镇人民政府', '科员')).not.toContain('基层治理');
    expect(c.keywordKinds('某某镇人民政府', '科员')).toContain('镇街');
    expect(c.keywordKinds('区民政局', '科员')).toContain('基层治理');
  });
});
