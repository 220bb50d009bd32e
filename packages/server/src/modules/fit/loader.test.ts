/**
 * The cached candidate set is refreshed incrementally after registry writes (only the cadres the
 * new audit entries name are loaded again) and the result is identical to a from-scratch
 * preparation: meta, every feature, the rankings and the API answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { DEFAULT_RULES, rankCandidates, type FitPosition, type PreparedCandidates } from '@cadre/core';
import { setup, type Client, type TestContext } from '../../../test/app';
import { auditLog, cadre, team as teamTable } from '../../db/schema';
import { candidateSet, clearCandidateCache, loadCandidateSetFresh, LATE_COMMIT_WINDOW, type CandidateSet } from './loader';

const asOf = '2025-12-31';
let t: TestContext;
let admin: Client;

beforeAll(async () => {
  t = await setup();
  admin = await t.as('admin');
});
afterAll(async () => {
  await t?.close();
});

/** the response, or a failure that shows why the write was refused */
const ok = <R extends { statusCode: number; body: string }>(r: R): R => {
  if (r.statusCode !== 200) throw new Error(`HTTP ${r.statusCode}: ${r.body}`);
  return r;
};
const current = async () => {
  const r = await t.app.ctx.rules.current();
  return { version: r.version, rules: r.config };
};
const cached = async () => {
  const r = await current();
  return candidateSet(t.database.db, r.version, r.rules, asOf);
};
const fresh = async () => {
  const r = await current();
  return loadCandidateSetFresh(t.database.db, r.version, r.rules, asOf);
};

/** every feature of every candidate by id, dictionary indices resolved to their values */
const features = (p: PreparedCandidates) =>
  p.ids.map((id, i) => ({
    id,
    num: [p.age[i], p.female[i], p.nonParty[i], p.retireDay[i], p.levelOrd[i], p.chiefExp[i], p.yearsAtLevel[i], p.rankOk[i], p.workYears[i], p.grassrootsYears[i], p.disciplineActive[i]],
    specialty: p.specialty[i] < 0 ? null : p.specialtyDict[p.specialty[i]],
    style: p.styleDict[p.style[i]],
    exp: Object.fromEntries(p.expKinds.map((k, ki) => [k, p.expYears[ki][i]]).filter(([, y]) => (y as number) > 0)),
    comp: Object.fromEntries(p.compNames.map((k, ki) => [k, p.comp[ki][i]]).filter(([, v]) => !Number.isNaN(v))),
  }));
const posts: FitPosition[] = [
  { description: DEFAULT_RULES.positionTemplates.town_mayor, level: '141', teamContext: { styles: ['ox', 'tiger'] } },
  { description: DEFAULT_RULES.positionTemplates.town_party_secretary, level: '141' },
  { description: { ...DEFAULT_RULES.positionTemplates.town_mayor, preferredSpecialties: ['管理学'], requiredExperience: [{ kind: '招商引资', minYears: 1 }] }, level: '142' },
];

async function expectSameAsFresh(inc: CandidateSet) {
  const f = await fresh();
  expect(inc.dataVersion).toBe(f.dataVersion);
  expect(inc.meta).toEqual(f.meta);
  expect([...inc.index.entries()]).toEqual([...f.index.entries()]);
  expect(inc.prepared.facts).toEqual(f.prepared.facts);
  expect(features(inc.prepared)).toEqual(features(f.prepared));
  for (const post of posts) {
    const a = rankCandidates(inc.prepared, post);
    const b = rankCandidates(f.prepared, post);
    expect(Array.from(a.order)).toEqual(Array.from(b.order));
    expect(Array.from(a.total)).toEqual(Array.from(b.total));
    expect(Array.from(a.excludedMask)).toEqual(Array.from(b.excludedMask));
  }
}

describe('incremental refresh of the cached candidate set', () => {
  it('reloads only the edited cadres, and equals a from-scratch preparation', async () => {
    const first = await cached();
    expect(first.refresh).toBe('full');
    expect(await cached()).toBe(first); // nothing written: the same object
    const n0 = first.meta.length;

    // a profile edit (specialty, level) and a new career entry with an experience type
    const c2 = (await admin.get('/api/cadres/2')).json().cadre;
    ok(await admin.patch('/api/cadres/2', { version: c2.version, specialtyCategory: '管理学', postLevel: '141', levelStartDate: '2019-01-01' }));
    ok(await admin.post('/api/cadres/3/career', { startDate: '2010-01-01', endDate: '2018-12-31', orgName: '区商务局', postTitle: '副局长', experienceTypes: ['招商引资'] }));
    const inc = await cached();
    expect(inc.refresh).toBe('incremental');
    expect(inc.reloadedCadres).toBe(2);
    expect(inc.meta.length).toBe(n0);
    expect(inc.meta[inc.index.get(2)!].specialtyCategory).toBe('管理学');
    await expectSameAsFresh(inc);
    // the set it replaced is untouched (a request still reading it stays consistent)
    expect(first.meta[first.index.get(2)!].specialtyCategory).toBe('法学');
  });

  it('a new cadre joins, one leaving service and a deleted one leave, a discipline counts', async () => {
    const before = await cached();
    const created = ok(await admin.post('/api/cadres', { name: '新干部', sex: '2', ethnicity: '01', birthDate: '1992-05-01', politicalStatus: '01', partyJoinDate: '2013-07-01', workStartDate: '2014-08-01', currentOrgId: 3, postLevel: '142', levelStartDate: '2021-01-01' }));
    const newId = created.json().id as number;
    const c4 = (await admin.get('/api/cadres/4')).json().cadre;
    ok(await admin.patch('/api/cadres/4', { version: c4.version, status: '调出' }));
    ok(await admin.post('/api/cadres/2/discipline', { date: '2025-10-01', kind: '警告', category: '党纪', reason: '测试' }));
    const inc = await cached();
    expect(inc.refresh).toBe('incremental');
    expect(inc.index.has(newId)).toBe(true);
    expect(inc.index.has(4)).toBe(false);
    expect(inc.meta.length).toBe(before.meta.length);
    await expectSameAsFresh(inc);
    // delete the new cadre again
    const c = (await admin.get(`/api/cadres/${newId}`)).json().cadre;
    ok(await admin.del(`/api/cadres/${newId}?version=${c.version}`));
    const after = await cached();
    expect(after.refresh).toBe('incremental');
    expect(after.index.has(newId)).toBe(false);
    await expectSameAsFresh(after);
  });

  it('an org unit rename reloads the cadres of its subtree; writes that change no fact reload nobody', async () => {
    const u = (await admin.get('/api/org-units/2')).json().unit;
    ok(await admin.patch('/api/org-units/2', { version: u.version, name: '城关街道' }));
    const inc = await cached();
    expect(inc.refresh).toBe('incremental');
    expect(inc.reloadedCadres).toBeGreaterThan(0);
    expect(inc.meta.filter((m) => m.orgId === 2).every((m) => m.orgName === '城关街道')).toBe(true);
    await expectSameAsFresh(inc);
    const [team] = await t.database.db.select({ version: teamTable.version }).from(teamTable).where(eq(teamTable.id, 1));
    ok(await admin.patch('/api/teams/1', { version: team.version, description: '说明' }));
    const same = await cached();
    expect(same.refresh).toBe('incremental');
    expect(same.reloadedCadres).toBe(0);
    expect(same.prepared).toBe(inc.prepared);
    expect(same.dataVersion).toBeGreaterThan(inc.dataVersion);
  });

  it('a write entry that commits late with a lower id is still applied; an unknown entity forces a full reload', async () => {
    const { db } = t.database;
    const start = await cached();
    const v = start.dataVersion;
    // two transactions: B (id v+20) commits first, A (id v+10) later — PostgreSQL allows that order
    await db.update(cadre).set({ specialtyCategory: '工学' }).where(eq(cadre.id, 1));
    await db.insert(auditLog).values({ id: v + 20, action: 'update', entity: 'cadre', entityId: '1', cadreId: 1 });
    const b = await cached();
    expect(b.dataVersion).toBe(v + 20);
    expect(b.meta[b.index.get(1)!].specialtyCategory).toBe('工学');
    await db.update(cadre).set({ specialtyCategory: '理学' }).where(eq(cadre.id, 2));
    await db.insert(auditLog).values({ id: v + 10, action: 'update', entity: 'cadre', entityId: '2', cadreId: 2 });
    expect(v + 10).toBeGreaterThan(b.dataVersion - LATE_COMMIT_WINDOW);
    const a = await cached();
    expect(a.dataVersion).toBe(v + 20); // the version did not move, the late entry was noticed anyway
    expect(a.refresh).toBe('incremental');
    expect(a.meta[a.index.get(2)!].specialtyCategory).toBe('理学');
    await expectSameAsFresh(a);
    await db.execute(sql`select setval(pg_get_serial_sequence('audit_log', 'id'), ${v + 20})`);
    // an entity without a cadre id that is not known to leave the facts alone → full reload
    await db.insert(auditLog).values({ action: 'restore', entity: 'database' });
    const full = await cached();
    expect(full.refresh).toBe('full');
    await expectSameAsFresh(full);
  });

  it('the ranking API answers the same after incremental refreshes as after a cold load', async () => {
    const c5 = (await admin.get('/api/cadres/3')).json().cadre;
    ok(await admin.patch('/api/cadres/3', { version: c5.version, style: 'tiger', specialtyCategory: '经济学' }));
    const strip = (b: { timing?: unknown }) => ({ ...b, timing: undefined });
    const inc = (await admin.get(`/api/positions/1/candidates?asOf=${asOf}&limit=50`)).json();
    expect(inc.timing.cache.refresh).toBe('incremental');
    clearCandidateCache(t.database.db);
    const cold = (await admin.get(`/api/positions/1/candidates?asOf=${asOf}&limit=50`)).json();
    expect(cold.timing.cache.refresh).toBe('full');
    expect(strip(inc)).toEqual(strip(cold));
    expect(inc.items.length + inc.excluded.total).toBeGreaterThan(0);
  });
});
