/** Tries to get around each access rule: org-subtree scope, read-only roles, sensitive categories, the audit log itself. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { makeIdNumber } from '@cadre/core';
import { setup, type Client, type TestContext } from './app';

let t: TestContext;
let hr: Client; // 单位组织人事, scope 城关镇 (org 2 and its child 4)
let leader: Client;
let cadreSection: Client;
let supervision: Client;
let admin: Client;
beforeAll(async () => {
  t = await setup();
  [hr, leader, cadreSection, supervision, admin] = await Promise.all(['danwei', 'lingdao', 'ganbu', 'jiandu', 'admin'].map((u) => t.as(u)));
});
afterAll(() => t.close());

describe('org-subtree scope (单位组织人事)', () => {
  it('lists only cadres and units of the subtree', async () => {
    const roster = (await hr.get('/api/cadres?pageSize=200')).json();
    expect(roster.items.map((r: { id: number }) => r.id).sort()).toEqual([1, 2, 4]);
    expect(roster.total).toBe(3);
    const units = (await hr.get('/api/org-units')).json().items.map((u: { id: number }) => u.id);
    expect(units.sort()).toEqual([2, 4]);
    // asking for another subtree gives nothing, not the other unit's people
    expect((await hr.get('/api/cadres?orgId=3')).json().total).toBe(0);
  });

  it('cannot read, change or delete a cadre outside the subtree by guessing the id', async () => {
    expect((await hr.get('/api/cadres/3')).statusCode).toBe(404);
    expect((await hr.get('/api/cadres/3/career')).statusCode).toBe(404);
    expect((await hr.get('/api/cadres/3/audit')).statusCode).toBe(404);
    expect((await hr.patch('/api/cadres/3', { version: 1, remark: 'x' })).statusCode).toBe(404);
    expect((await hr.del('/api/cadres/3?version=1')).statusCode).toBe(404);
    expect((await hr.post('/api/cadres/3/rewards', { date: '2020-01-01', name: 'x' })).statusCode).toBe(404);
    expect((await hr.get('/api/org-units/3')).statusCode).toBe(404);
    expect((await hr.get('/api/positions?orgUnitId=3')).json().items).toEqual([]);
    expect((await hr.get('/api/appointments?cadreId=3')).json().items).toEqual([]);
    const c = (await admin.get('/api/cadres/3')).json().cadre;
    expect(c.remark).toBeNull();
  });

  it('cannot move a cadre out of, or create one outside, the subtree', async () => {
    const c = (await hr.get('/api/cadres/2')).json().cadre;
    expect((await hr.patch('/api/cadres/2', { version: c.version, currentOrgId: 3 })).statusCode).toBe(404);
    const body = { name: '外单位', sex: '1', ethnicity: '01', birthDate: '1990-01-01', politicalStatus: '13', workStartDate: '2012-08-01', currentOrgId: 3 };
    expect((await hr.post('/api/cadres', body)).statusCode).toBe(404);
    expect((await hr.post('/api/cadres', { ...body, currentOrgId: null })).statusCode).toBe(403);
    const ok = await hr.post('/api/cadres', { ...body, name: '本单位', currentOrgId: 4 });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('cannot appoint into a position of another unit, nor change org structure', async () => {
    expect((await hr.post('/api/appointments', { cadreId: 2, positionId: 3, startDate: '2024-01-01' })).statusCode).toBe(404);
    expect((await hr.post('/api/org-units', { parentId: 2, name: '新单位', kind: '镇街' })).statusCode).toBe(403);
    expect((await hr.post('/api/teams', { orgUnitId: 2, name: 'x' })).statusCode).toBe(403);
  });
});

describe('record categories (sensitive sections)', () => {
  it('hides ID numbers and sensitive sections from roles not allowed by the rules', async () => {
    const seen = (await hr.get('/api/cadres/1')).json();
    expect(seen.cadre).not.toHaveProperty('idNumber');
    expect(seen.sections).not.toContain('family');
    expect(seen.sections).not.toContain('discipline');
    expect(seen.sections).toContain('career');
    expect((await hr.get('/api/cadres/1/family')).statusCode).toBe(404);
    expect((await leader.get('/api/cadres/3/discipline')).statusCode).toBe(404);
    expect((await hr.post('/api/cadres/1/family', { relation: '配偶', name: 'x' })).statusCode).toBe(404);
    // not in the record's audit trail either
    const trail = (await hr.get('/api/cadres/1/audit')).json().items;
    expect(trail.every((e: { entity: string }) => e.entity !== 'family_member')).toBe(true);
  });

  it('shows them to the allowed roles and audits every read', async () => {
    const c = (await cadreSection.get('/api/cadres/1')).json();
    expect(c.cadre.idNumber).toMatch(/^\d{17}[\dX]$/);
    const fam = await supervision.get('/api/cadres/1/family');
    expect(fam.json().items[0]).toMatchObject({ name: '陈红' });
    const disc = await supervision.get('/api/cadres/3/discipline');
    expect(disc.json().items).toHaveLength(1);
    const reads = (await admin.get('/api/audit?action=read&pageSize=500')).json().items;
    expect(reads.some((e: { entity: string; username: string; cadreId: number }) => e.entity === 'family_member' && e.username === 'jiandu' && e.cadreId === 1)).toBe(true);
    expect(reads.some((e: { entity: string; username: string }) => e.entity === 'discipline' && e.username === 'jiandu')).toBe(true);
    expect(reads.some((e: { entity: string; username: string }) => e.entity === 'cadre.idNumber' && e.username === 'ganbu')).toBe(true);
  });

  it('follows the rules configuration: granting 部领导 the family category takes effect without a release', async () => {
    expect((await leader.get('/api/cadres/1/family')).statusCode).toBe(404);
    const cur = (await admin.get('/api/rules')).json();
    const config = structuredClone(cur.config);
    config.sensitiveAccess.family = [...config.sensitiveAccess.family, 'leader'];
    const put = await admin.put('/api/rules', { config, comment: '部领导可查看家庭成员' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().version).toBe(cur.version + 1);
    expect((await leader.get('/api/cadres/1/family')).statusCode).toBe(200);
  });

  it('refuses invalid rules with the path of the bad value', async () => {
    const cur = (await admin.get('/api/rules')).json();
    const config = structuredClone(cur.config);
    config.rotation.shouldRotateYears = -5;
    const res = await admin.put('/api/rules', { config });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('config.rotation.shouldRotateYears');
    expect((await cadreSection.put('/api/rules', { config: cur.config })).statusCode).toBe(403);
  });

  it('the supervision section writes supervision records but not the basic record', async () => {
    const ok = await supervision.post('/api/cadres/3/supervision', { kind: 'negative_info', date: '2025-03-01', summary: '群众反映', sourceDept: '信访局' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await supervision.patch('/api/cadres/3', { version: 1, remark: 'x' })).statusCode).toBe(403);
    expect((await cadreSection.get('/api/cadres/3/supervision')).statusCode).toBe(404);
  });
});

describe('read-only and administrative roles', () => {
  it('部领导 can read but every write is refused', async () => {
    expect((await leader.get('/api/cadres?pageSize=5')).statusCode).toBe(200);
    const c = (await leader.get('/api/cadres/2')).json().cadre;
    expect((await leader.patch('/api/cadres/2', { version: c.version, remark: 'x' })).statusCode).toBe(403);
    expect((await leader.post('/api/cadres/2/rewards', { date: '2020-01-01', name: 'x' })).statusCode).toBe(403);
    expect((await leader.post('/api/org-units', { parentId: 1, name: 'x', kind: '镇街' })).statusCode).toBe(403);
    expect((await leader.post('/api/appointments', { cadreId: 2, positionId: 2, startDate: '2024-01-01' })).statusCode).toBe(403);
    expect((await leader.del('/api/cadres/2?version=1')).statusCode).toBe(403);
  });

  it('only admins and supervision may query the audit log', async () => {
    expect((await cadreSection.get('/api/audit')).statusCode).toBe(403);
    expect((await hr.get('/api/audit')).statusCode).toBe(403);
    expect((await supervision.get('/api/audit')).statusCode).toBe(200);
  });

  it('the audit log is append-only at the database level', async () => {
    const reason = (p: Promise<unknown>) => p.then(() => 'succeeded', (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`);
    expect(await reason(t.database.db.execute(sql`update audit_log set action = 'x'`))).toMatch(/append-only/);
    expect(await reason(t.database.db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
  });

  it('a scoped user cannot read an ID number even via the export', async () => {
    const res = await hr.get('/api/cadres/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.includes(Buffer.from(makeIdNumber('330102', '1975-03-15', 13)))).toBe(false);
  });
});
