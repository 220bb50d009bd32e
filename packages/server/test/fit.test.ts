/**
 * 人岗适配 through the API on the shared fixture (test/app.ts) plus, for this file only: a vacant
 * 镇长 post (position 4, team 1 城关镇), a vacant 副局长 post (position 5, team 2 财政局) and three
 * more cadres — 5 陈刚 (财政局, 142 since 2019, 镇 + 发改 career, 经济学), 6 刘芳 (财政局, woman,
 * 142 since 2020, 司法局 career, 法学), 7 孙杰 (城关镇, 142 only since 2025-07: too short for a
 * promotion).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { setup, type Client, type TestContext } from './app';
import { appointment, auditLog, cadre, career, assessment, politicalQuality, position, positionDescriptionVersion } from '../src/db/schema';
import { resetSequences } from '../src/db/backup';

const asOf = '2025-12-31';
let t: TestContext;
let ganbu: Client;
let danwei: Client;
let lingdao: Client;

beforeAll(async () => {
  t = await setup();
  const { db } = t.database;
  await db.insert(position).values([
    { id: 4, teamId: 1, orgUnitId: 2, title: '党委副书记、镇长', level: '141', isChief: true, isKey: true, quota: 1, category: '行政' },
    { id: 5, teamId: 2, orgUnitId: 3, title: '副局长', level: '142', quota: 1 },
  ]);
  const person = (id: number, name: string, sex: '1' | '2', birth: string, org: number, level: string, levelStart: string, specialty: string, style: string | null) => ({
    id,
    name,
    pinyin: '',
    sex,
    ethnicity: '01',
    birthDate: birth,
    politicalStatus: '01',
    workStartDate: `${Number(birth.slice(0, 4)) + 22}-08-01`,
    currentOrgId: org,
    currentPostTitle: `${level === '142' ? '副科级' : ''}干部`,
    postLevel: level,
    postStartDate: levelStart,
    levelStartDate: levelStart,
    highestEducation: '21',
    specialtyCategory: specialty,
    style,
  });
  await db.insert(cadre).values([
    person(5, '陈刚', '1', '1986-04-02', 3, '142', '2019-03-01', '经济学', 'tiger'),
    person(6, '刘芳', '2', '1988-09-10', 3, '142', '2020-05-01', '法学', 'ox'),
    person(7, '孙杰', '1', '1990-01-15', 2, '142', '2025-07-01', '工学', null),
  ]);
  await db.insert(career).values([
    { cadreId: 5, startDate: '2008-08-01', endDate: '2016-12-31', orgName: '城关镇人民政府', postTitle: '科员、经发办主任', isGrassroots: true },
    { cadreId: 5, startDate: '2017-01-01', orgName: '区发展和改革局', postTitle: '副局长', experienceTypes: ['招商引资'] },
    { cadreId: 6, startDate: '2010-08-01', orgName: '区司法局', postTitle: '科员、副局长' },
    { cadreId: 7, startDate: '2012-08-01', orgName: '城关镇人民政府', postTitle: '科员' },
  ]);
  await db.insert(assessment).values([
    { cadreId: 5, year: 2023, result: '优秀' },
    { cadreId: 5, year: 2024, result: '优秀' },
    { cadreId: 5, year: 2025, result: '称职' },
    { cadreId: 6, year: 2024, result: '称职' },
    { cadreId: 6, year: 2025, result: '称职' },
    { cadreId: 2, year: 2025, result: '优秀' },
  ]);
  await db.insert(politicalQuality).values([{ cadreId: 5, date: '2025-06-01', loyalty: 5, steadiness: 4, responsibility: 5, capability: 4, selfDiscipline: 5 }]);
  await resetSequences(db);
  ganbu = await t.as('ganbu');
  danwei = await t.as('danwei');
  lingdao = await t.as('lingdao');
});
afterAll(() => t.close());

const ok = async (res: { statusCode: number; body: string; json: () => unknown }, status = 200) => {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  return res.json() as Promise<any> | any; // eslint-disable-line @typescript-eslint/no-explicit-any
};

describe('岗位说明书', () => {
  it('lists the templates of the rules configuration', async () => {
    const r = await ok(await ganbu.get('/api/position-templates'));
    expect(r.items.map((x: { key: string }) => x.key)).toContain('town_mayor');
  });

  it('every PUT appends a version; stale versions get 409; read-only roles 403', async () => {
    const d0 = await ok(await ganbu.get('/api/positions/4/description'));
    expect(d0).toMatchObject({ positionId: 4, descriptionVersion: 0, hasDescription: false, suggestedTemplate: 'town_mayor' });
    const tpl = (await ok(await ganbu.get('/api/position-templates'))).items.find((x: { key: string }) => x.key === 'town_mayor');
    const { key: _k, name: _n, en: _e, ...desc } = tpl;
    const d1 = await ok(await ganbu.put('/api/positions/4/description', { description: { ...desc, template: 'town_mayor' }, version: d0.version, comment: '按模板' }));
    expect(d1).toMatchObject({ descriptionVersion: 1, hasDescription: true, description: { template: 'town_mayor', requiredLevel: '141' } });
    const d2 = await ok(await ganbu.put('/api/positions/4/description', { description: { ...desc, template: 'town_mayor', ageBand: { min: 28, max: 45 } }, version: d1.version }));
    expect(d2.descriptionVersion).toBe(2);
    expect(d2.description.ageBand).toEqual({ min: 28, max: 45 });
    // stale
    expect((await ganbu.put('/api/positions/4/description', { description: desc, version: d1.version })).statusCode).toBe(409);
    // invalid
    expect((await ganbu.put('/api/positions/4/description', { description: { ageBand: { min: 50, max: 30 } }, version: d2.version })).statusCode).toBe(400);
    expect((await lingdao.put('/api/positions/4/description', { description: desc, version: d2.version })).statusCode).toBe(403);
    const h = await ok(await ganbu.get('/api/positions/4/description/history'));
    expect(h.items.map((x: { version: number }) => x.version)).toEqual([2, 1]);
    expect(h.items[1].comment).toBe('按模板');
    // the hologram keys are mirrored, the audit has the write
    const [p] = await t.database.db.select().from(position).where(eq(position.id, 4));
    expect(p.description).toMatchObject({ specialties: desc.preferredSpecialties, experienceTypes: ['镇街', '经济', '招商引资'], ageMin: 28, ageMax: 45 });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'position.description'));
    expect(audits.length).toBe(2);
    // back to the template age band for the tests below
    await ok(await ganbu.put('/api/positions/4/description', { description: { ...desc, template: 'town_mayor' }, version: d2.version }));
  });

  it('an existing description becomes version 1 on the first edit', async () => {
    const { db } = t.database;
    await db.update(position).set({ description: { specialties: ['经济学'], experienceTypes: ['经济'], ageMin: 25, ageMax: 55 } }).where(eq(position.id, 5));
    const d = await ok(await ganbu.get('/api/positions/5/description'));
    // legacy keys are read as the fit description
    expect(d.description).toMatchObject({ preferredSpecialties: ['经济学'], requiredExperience: [{ kind: '经济', minYears: 0 }], ageBand: { min: 25, max: 55 } });
    const d1 = await ok(await ganbu.put('/api/positions/5/description', { description: { ...d.description, remark: '副局长' }, version: d.version }));
    expect(d1.descriptionVersion).toBe(2);
    const rows = await db.select().from(positionDescriptionVersion).where(eq(positionDescriptionVersion.positionId, 5));
    expect(rows.length).toBe(2);
  });
});

describe('candidate ranking, explanation, 比选', () => {
  it('ranks the eligible candidates best first and lists the excluded with reasons', async () => {
    const r = await ok(await ganbu.get(`/api/positions/4/candidates?asOf=${asOf}`));
    const ids = r.items.map((x: { cadreId: number }) => x.cadreId);
    expect(ids).toContain(5);
    expect(ids).toContain(2);
    for (let k = 1; k < r.items.length; k++) expect(r.items[k - 1].total).toBeGreaterThanOrEqual(r.items[k].total);
    for (const x of r.items) for (const v of Object.values(x.degrees) as number[]) expect(v >= 0 && v <= 100).toBe(true);
    expect(r.eligibleTotal).toBe(r.items.length);
    const ex = new Map(r.excluded.items.map((x: { cadreId: number; reasons: { code: string }[] }) => [x.cadreId, x.reasons.map((y) => y.code)]));
    expect(ex.get(3)).toContain('discipline_active');
    expect(ex.get(4)).toContain('level_jump');
    expect(ex.get(7)).toContain('level_tenure');
    expect(ids.some((id: number) => ex.has(id))).toBe(false);
    expect(r.excluded.total).toBe(ex.size);
    // filters: women only
    const w = await ok(await ganbu.get(`/api/positions/4/candidates?asOf=${asOf}&sex=2`));
    expect(w.items.map((x: { cadreId: number }) => x.cadreId).sort()).toEqual([2, 6]);
    expect((await ganbu.get('/api/positions/4/candidates?limit=0')).statusCode).toBe(400);
  });

  it('explains one candidate in full', async () => {
    const e = await ok(await ganbu.get(`/api/positions/4/candidates/5/explain?asOf=${asOf}`));
    expect(e.fit.eligible).toBe(true);
    const exp = e.fit.explanation.experience.map((f: { detail: string }) => f.detail).join(' ');
    expect(exp).toMatch(/镇街工作经历 \d+(\.\d)?年 ≥ 要求 2年/);
    expect(e.candidate.experience.find((x: { kind: string }) => x.kind === '经济').years).toBeGreaterThan(8);
    const ex3 = await ok(await ganbu.get(`/api/positions/4/candidates/3/explain?asOf=${asOf}`));
    expect(ex3.fit.eligible).toBe(false);
    expect(ex3.fit.exclusions.find((x: { code: string }) => x.code === 'discipline_active').zh).toContain('警告');
    // a leader may not see discipline details: generic label only
    const ex3l = await ok(await lingdao.get(`/api/positions/4/candidates/3/explain?asOf=${asOf}`));
    expect(ex3l.fit.exclusions.find((x: { code: string }) => x.code === 'discipline_active').zh).not.toContain('警告');
  });

  it('compares 2–5 candidates side by side', async () => {
    const c = await ok(await ganbu.get(`/api/fit/compare?positionId=4&ids=2,5,6&asOf=${asOf}`));
    expect(c.candidates.map((x: { cadreId: number }) => x.cadreId)).toEqual([2, 5, 6]);
    expect(c.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(c.candidates[1].assessments.map((a: { result: string | null }) => a.result)).toEqual([null, null, '优秀', '优秀', '称职']);
    const perf = c.competencies.find((x: { name: string }) => x.name === '工作实绩');
    expect(perf.values.length).toBe(3);
    expect(perf.weight).toBeGreaterThan(0);
    expect(c.candidates[1].fit.degrees.position).toBeGreaterThan(0);
    expect((await ganbu.get('/api/fit/compare?positionId=4&ids=2')).statusCode).toBe(400);
  });
});

describe('vacancies', () => {
  it('lists vacant posts and posts whose incumbent retires soon', async () => {
    const v = await ok(await ganbu.get(`/api/fit/vacancies?asOf=${asOf}&retiringWithinMonths=12`));
    const by = new Map(v.items.map((x: { positionId: number }) => [x.positionId, x]));
    expect(by.get(4)).toMatchObject({ vacancies: 1, filled: 0, template: 'town_mayor' });
    expect(by.get(2)).toMatchObject({ vacancies: 2, filled: 1 });
    expect(by.has(1)).toBe(false);
    const d = await ok(await danwei.get(`/api/fit/vacancies?asOf=${asOf}`));
    expect(d.items.every((x: { orgUnitId: number }) => x.orgUnitId === 2)).toBe(true);
  });
});

describe('晴雨表', () => {
  it('scores every incumbent against their own post, by team', async () => {
    const b = await ok(await ganbu.get(`/api/fit/barometer?asOf=${asOf}`));
    expect(b.rows.map((r: { cadreId: number }) => r.cadreId).sort()).toEqual([1, 2, 3]);
    expect(b.teams.map((x: { teamId: number; count: number }) => [x.teamId, x.count])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    for (const r of b.rows) {
      expect(['good', 'fair', 'misfit']).toContain(r.band);
      expect(r.reasons.length).toBeGreaterThan(0);
    }
    const team2 = await ok(await ganbu.get(`/api/fit/barometer?asOf=${asOf}&teamId=2`));
    expect(team2.rows.map((r: { cadreId: number }) => r.cadreId)).toEqual([3]);
  });
});

describe('调整方案', () => {
  const registrySnapshot = async () => {
    const { db } = t.database;
    const [a] = await db.select({ n: count() }).from(appointment);
    const cadres = await db.select({ id: cadre.id, version: cadre.version, pos: cadre.currentPositionId, org: cadre.currentOrgId }).from(cadre).orderBy(cadre.id);
    return JSON.stringify({ a, cadres });
  };

  it('solves without team constraints (exact assignment) and shows the teams before and after without touching the registry', async () => {
    const before = await registrySnapshot();
    const r = await ok(await ganbu.post('/api/plans/solve', { positionIds: [4, 5], candidateIds: [4, 5, 6, 7], asOf }));
    expect(r).toMatchObject({ solver: 'hungarian', status: 'optimal', filled: 2 });
    const assigned = r.posts.map((p: { candidate: { cadreId: number } | null }) => p.candidate?.cadreId);
    expect(new Set(assigned).size).toBe(2);
    expect(r.total).toBeCloseTo(r.posts.reduce((a: number, p: { fit: { total: number } }) => a + p.fit.total, 0), 0);
    const t1 = r.teams.find((x: { teamId: number }) => x.teamId === 1);
    expect(t1.before.figures.vacancies).toBeGreaterThan(t1.after.figures.vacancies);
    expect(t1.changed).toBe(true);
    expect(await registrySnapshot()).toBe(before);
  });

  it('with team constraints: every affected team keeps a woman (ILP), binding constraints explained', async () => {
    const free = await ok(await ganbu.post('/api/plans/solve', { positionIds: [4, 5], candidateIds: [2, 5, 6, 7], asOf }));
    const r = await ok(
      await ganbu.post('/api/plans/solve', { positionIds: [4, 5], candidateIds: [2, 5, 6, 7], asOf, teamConstraints: { enabled: true, requireWoman: true } }),
    );
    expect(r).toMatchObject({ solver: 'ilp', status: 'optimal', gap: 0 });
    expect(r.total).toBeLessThanOrEqual(free.total + 1e-6);
    for (const tm of r.teams) expect(tm.after.figures.women).toBeGreaterThanOrEqual(1);
    expect(r.constraints.length).toBeGreaterThan(0);
    for (const c of r.constraints) expect(typeof c.zh).toBe('string');
  });

  it('pins and forbids pairs', async () => {
    const pinned = await ok(await ganbu.post('/api/plans/solve', { positionIds: [4, 5], candidateIds: [2, 5, 6], asOf, pins: [{ positionId: 5, cadreId: 2 }] }));
    expect(pinned.posts.find((p: { positionId: number }) => p.positionId === 5).candidate.cadreId).toBe(2);
    const forb = await ok(await ganbu.post('/api/plans/solve', { positionIds: [4], candidateIds: [2, 5, 6], asOf, forbids: [{ positionId: 4, cadreId: pinned.posts[0].candidate?.cadreId ?? 5 }] }));
    expect(forb.posts[0].candidate.cadreId).not.toBe(pinned.posts[0].candidate?.cadreId ?? 5);
    // an excluded pair cannot be pinned
    const bad = await ganbu.post('/api/plans/solve', { positionIds: [4], candidateIds: [3, 5], asOf, pins: [{ positionId: 4, cadreId: 3 }] });
    expect(bad.statusCode).toBe(400);
  });

  it('saves a draft with its inputs and result, lists, reads, re-solves on PATCH with versions', async () => {
    const inputs = { positionIds: [4, 5], candidateIds: [2, 5, 6], asOf };
    const p = await ok(await ganbu.post('/api/plans', { name: '2026年镇街正职调整', inputs }));
    expect(p).toMatchObject({ name: '2026年镇街正职调整', status: 'draft', version: 1 });
    expect(p.result.posts.length).toBe(2);
    const list = await ok(await ganbu.get('/api/plans'));
    expect(list.items.map((x: { id: number }) => x.id)).toContain(p.id);
    const got = await ok(await ganbu.get(`/api/plans/${p.id}`));
    expect(got.inputs).toMatchObject({ positionIds: [4, 5], candidateIds: [2, 5, 6] });
    const p2 = await ok(await ganbu.patch(`/api/plans/${p.id}`, { version: 1, inputs: { ...inputs, pins: [{ positionId: 5, cadreId: 6 }] } }));
    expect(p2.version).toBe(2);
    expect(p2.result.posts.find((x: { positionId: number }) => x.positionId === 5).candidate.cadreId).toBe(6);
    expect((await ganbu.patch(`/api/plans/${p.id}`, { version: 1, name: 'x' })).statusCode).toBe(409);
    const p3 = await ok(await ganbu.patch(`/api/plans/${p.id}`, { version: 2, status: 'final' }));
    expect(p3.status).toBe('final');
    expect((await lingdao.post('/api/plans', { name: 'x', inputs })).statusCode).toBe(403);
    // the leader reads plans and may solve what-ifs (no write)
    expect((await ok(await lingdao.get('/api/plans'))).items.length).toBeGreaterThan(0);
    expect((await lingdao.post('/api/plans/solve', inputs)).statusCode).toBe(200);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'adjustment_plan'));
    expect(audits.length).toBe(3);
  });
});

describe('scope (unit_hr limited to 城关镇)', () => {
  it('404s outside the subtree and ranks only people inside it', async () => {
    expect((await danwei.get('/api/positions/3/candidates')).statusCode).toBe(404);
    expect((await danwei.get('/api/positions/3/description')).statusCode).toBe(404);
    const r = await ok(await danwei.get(`/api/positions/4/candidates?asOf=${asOf}`));
    const all = [...r.items.map((x: { cadreId: number }) => x.cadreId), ...r.excluded.items.map((x: { cadreId: number }) => x.cadreId)];
    expect(all.every((id: number) => [1, 2, 4, 7].includes(id))).toBe(true);
    expect((await danwei.get(`/api/positions/4/candidates/5/explain`)).statusCode).toBe(404);
    expect((await danwei.get(`/api/fit/compare?positionId=4&ids=2,5`)).statusCode).toBe(404);
    expect((await danwei.post('/api/plans/solve', { positionIds: [3], candidateIds: [2] })).statusCode).toBe(404);
    expect((await danwei.put('/api/positions/4/description', { description: {}, version: 1 })).statusCode).toBe(403);
    const b = await ok(await danwei.get(`/api/fit/barometer?asOf=${asOf}`));
    expect(b.rows.every((x: { teamId: number }) => x.teamId === 1)).toBe(true);
    expect((await danwei.get('/api/fit/barometer?teamId=2')).statusCode).toBe(404);
    expect((await danwei.get('/api/plans')).json().items).toEqual([]);
  });
});
