import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeIdNumber } from '@cadre/core';
import { sql } from 'drizzle-orm';
import { setup, type Client, type TestContext } from './app';

let t: TestContext;
let admin: Client;
beforeAll(async () => {
  t = await setup();
  admin = await t.as('ganbu');
});
afterAll(() => t.close());

const count = async (table: string) => {
  const r = (await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] };
  return r.rows[0].n;
};

const newCadre = (over: Record<string, unknown> = {}) => ({
  name: '孙丽',
  sex: '2',
  ethnicity: '01',
  birthDate: '1990-06-15',
  idNumber: makeIdNumber('330102', '1990-06-15', 22),
  politicalStatus: '01',
  partyJoinDate: '2012-06-01',
  workStartDate: '2012-08-01',
  currentOrgId: 2,
  highestEducation: '21',
  tags: ['熟悉法律'],
  ...over,
});

describe('cadre record: validation', () => {
  it('creates a valid cadre with pinyin initials and audits it', async () => {
    const res = await admin.post('/api/cadres', newCadre());
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ name: '孙丽', pinyin: 'sl', version: 1, age: expect.any(Number) });
    const audit = await admin.get(`/api/cadres/${c.id}/audit`);
    expect(audit.json().items[0]).toMatchObject({ action: 'create', entity: 'cadre', username: 'ganbu' });
    // the audit keeps the ID number masked
    expect(JSON.stringify(audit.json().items[0].after)).not.toContain(newCadre().idNumber);
  });

  it.each([
    ['bad checksum', { idNumber: '33010219900615002X' }, 'idNumber'],
    ['ID number not matching the birth date', { idNumber: makeIdNumber('330102', '1991-06-15', 22) }, 'idNumber'],
    ['birth date in the future', { birthDate: '2099-01-01', idNumber: null }, 'birthDate'],
    ['impossible calendar date', { birthDate: '1990-02-30', idNumber: null }, 'birthDate'],
    ['unknown 民族 code', { ethnicity: '77', idNumber: makeIdNumber('330102', '1990-06-15', 24) }, 'ethnicity'],
    ['work before 16', { workStartDate: '2004-01-01', idNumber: makeIdNumber('330102', '1990-06-15', 26) }, 'workStartDate'],
    ['party before 18', { partyJoinDate: '2006-01-01', idNumber: makeIdNumber('330102', '1990-06-15', 28) }, 'partyJoinDate'],
  ])('rejects %s with a field path in Chinese and English, writing nothing', async (_name, over, path) => {
    const before = [await count('cadre'), await count('audit_log')];
    const res = await admin.post('/api/cadres', newCadre({ name: '错误', ...over }));
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json();
    expect(body.error).toBe('validation');
    const i = body.issues.find((x: { path: string }) => x.path === path);
    expect(i, JSON.stringify(body.issues)).toBeTruthy();
    expect(i.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(i.messageEn).toMatch(/[a-z]/);
    expect([await count('cadre'), await count('audit_log')]).toEqual(before);
  });

  it('rejects a duplicate ID number', async () => {
    const res = await admin.post('/api/cadres', newCadre({ name: '重复' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ path: 'idNumber', code: 'duplicate' });
  });
});

describe('cadre record: optimistic versions', () => {
  it('bumps the version on update and answers a stale update with 409 and the current record', async () => {
    const c1 = (await admin.get('/api/cadres/2')).json().cadre;
    const ok = await admin.patch('/api/cadres/2', { version: c1.version, expertise: '招商引资' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(c1.version + 1);
    const stale = await admin.patch('/api/cadres/2', { version: c1.version, expertise: '乡村振兴' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'conflict', current: { expertise: '招商引资', version: c1.version + 1 } });
    // nothing lost: the first write stands
    expect((await admin.get('/api/cadres/2')).json().cadre.expertise).toBe('招商引资');
  });

  it('keeps absent fields on PATCH (no defaults overwrite)', async () => {
    const c = (await admin.get('/api/cadres/2')).json().cadre;
    const res = await admin.patch('/api/cadres/2', { version: c.version, remark: 'x' });
    expect(res.json().tags).toEqual(c.tags);
    expect(res.json().status).toBe(c.status);
  });

  it('健康状况 must name a GB/T 4767 category; it is stored as written', async () => {
    const c = (await admin.get('/api/cadres/2')).json().cadre;
    const bad = await admin.patch('/api/cadres/2', { version: c.version, health: '很棒' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0]).toMatchObject({ path: 'health', code: 'unknown_name' });
    expect((await admin.get('/api/cadres/2')).json().cadre.version).toBe(c.version);
    const ok = await admin.patch('/api/cadres/2', { version: c.version, health: '良好' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await admin.get('/api/cadres/2')).json().cadre.health).toBe('良好');
  });

  it('audits who changed which field with before and after', async () => {
    const items = (await admin.get('/api/cadres/2/audit')).json().items;
    const upd = items.find((e: { action: string; after: Record<string, unknown> }) => e.action === 'update' && e.after.expertise === '招商引资');
    expect(upd).toMatchObject({ username: 'ganbu', entity: 'cadre', before: { expertise: null } });
    expect(Object.keys(upd.after)).toEqual(expect.arrayContaining(['expertise', 'version']));
    expect(Object.keys(upd.after)).not.toContain('name');
  });
});

describe('profile sections', () => {
  it('adds, edits and deletes a career entry with version checks', async () => {
    const add = await admin.post('/api/cadres/2/career', { startDate: '2014-08-01', endDate: '2022-02-28', orgName: '城关镇', postTitle: '科员', isGrassroots: true, experienceTypes: ['基层治理'] });
    expect(add.statusCode, add.body).toBe(200);
    const row = add.json();
    const edit = await admin.patch(`/api/cadres/2/career/${row.id}`, { version: row.version, postTitle: '科员、团委书记' });
    expect(edit.json()).toMatchObject({ postTitle: '科员、团委书记', version: row.version + 1 });
    const stale = await admin.del(`/api/cadres/2/career/${row.id}?version=${row.version}`);
    expect(stale.statusCode).toBe(409);
    const del = await admin.del(`/api/cadres/2/career/${row.id}?version=${row.version + 1}`);
    expect(del.statusCode).toBe(200);
    expect((await admin.get('/api/cadres/2/career')).json().items).toHaveLength(0);
  });

  it('refuses career entries before 参加工作时间, in the future, or overlapping another', async () => {
    const before = await admin.post('/api/cadres/1/career', { startDate: '1990-01-01', endDate: '1991-01-01', orgName: 'x', postTitle: 'y' });
    expect(before.statusCode).toBe(400);
    expect(before.json().issues.map((i: { code: string }) => i.code)).toContain('before_work_start');
    const future = await admin.post('/api/cadres/1/career', { startDate: '2099-01-01', orgName: 'x', postTitle: 'y' });
    expect(future.json().issues[0]).toMatchObject({ path: 'startDate', code: 'future' });
    const overlap = await admin.post('/api/cadres/1/career', { startDate: '2000-01-01', endDate: '2003-01-01', orgName: 'x', postTitle: 'y' });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().issues[0]).toMatchObject({ path: 'startDate', code: 'overlap' });
    const reversed = await admin.post('/api/cadres/1/assessments', { year: 2099, result: '优秀' });
    expect(reversed.json().issues[0]).toMatchObject({ path: 'year', code: 'future' });
  });

  it('rejects unknown codes in sections', async () => {
    const res = await admin.post('/api/cadres/1/assessments', { year: 2023, result: '很好' });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ path: 'result', code: 'unknown_code' });
  });

  it('reports zod errors with field paths (missing, wrong type)', async () => {
    const res = await admin.post('/api/cadres/1/training', { name: '', hours: 'ten' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'hours', 'startDate', 'mode']));
  });
});

describe('roster search', () => {
  it('filters by pinyin initials, name, subtree, sex, age and young flag', async () => {
    const ids = async (q: string) => (await admin.get(`/api/cadres?${q}&sort=id`)).json().items.map((r: { id: number }) => r.id);
    expect(await ids('q=zw')).toEqual([1]);
    expect(await ids(`q=${encodeURIComponent('李')}`)).toEqual([2]);
    expect(await ids('orgId=2')).toEqual(expect.arrayContaining([1, 2, 4]));
    expect(await ids('orgId=2')).not.toContain(3);
    expect(await ids('orgId=4')).toEqual([4]);
    expect(await ids('sex=2&orgId=2')).toEqual(expect.arrayContaining([2, 4]));
    // 李娜 born 1992-02-29: on 2026-02-28 she is still 33, on 2026-03-01 she is 34
    expect(await ids('ageMin=34&ageMax=34&asOf=2026-02-28')).toEqual([]);
    expect(await ids('ageMin=34&ageMax=34&asOf=2026-03-01')).toEqual([2]);
    // young: 科级 ≤ 35 by default
    expect(await ids('young=true&asOf=2026-11-01')).toEqual(expect.arrayContaining([2, 4]));
    expect(await ids('young=true&asOf=2026-11-01')).not.toContain(1);
    expect(await ids(`tag=${encodeURIComponent('基层经验丰富')}`)).toEqual([2]);
    expect(await ids('nonParty=true')).toEqual([4]);
  });

  it('paginates and sorts', async () => {
    const p1 = (await admin.get('/api/cadres?pageSize=2&page=1&sort=-birthDate')).json();
    const p2 = (await admin.get('/api/cadres?pageSize=2&page=2&sort=-birthDate')).json();
    expect(p1.total).toBeGreaterThanOrEqual(4);
    expect(p1.items).toHaveLength(2);
    const births = [...p1.items, ...p2.items].map((r: { birthDate: string }) => r.birthDate);
    expect([...births].sort().reverse()).toEqual(births);
  });

  it('rejects bad query parameters with the parameter named', async () => {
    const res = await admin.get('/api/cadres?pageSize=100000');
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('query.pageSize');
  });

  it('exports the filtered view to a formatted xlsx', async () => {
    const res = await admin.get('/api/cadres/export.xlsx?orgId=2&sort=id');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.getWorksheet('干部名册')!;
    expect(ws.getRow(1).getCell(2).value).toBe('姓名');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const names = [] as string[];
    ws.eachRow((r, i) => i > 1 && names.push(String(r.getCell(2).value)));
    const expected = (await admin.get('/api/cadres?orgId=2&sort=id&pageSize=200')).json().items.map((r: { name: string }) => r.name);
    expect(names).toEqual(expected);
  });
});

describe('org structure and appointments', () => {
  it('shows quota vs filled with vacancies and incumbents', async () => {
    const d = (await admin.get('/api/org-units/2')).json();
    const deputy = d.teams[0].positions.find((p: { position: { title: string } }) => p.position.title === '副镇长');
    expect(deputy.vacancies).toBe(2);
    expect(deputy.holders[0]).toMatchObject({ name: '李娜', cadreId: 2 });
  });

  it('moves a unit with its subtree and refuses cycles', async () => {
    const u = (await admin.get('/api/org-units/2')).json().unit;
    const bad = await admin.patch('/api/org-units/2', { version: u.version, parentId: 4 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].code).toBe('cycle');
    const ok = await admin.patch('/api/org-units/2', { version: u.version, parentId: 3 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().path).toBe('/1/3/2/');
    const all = (await admin.get('/api/org-units')).json().items;
    expect(all.find((x: { id: number }) => x.id === 4).path).toBe('/1/3/2/4/');
    const back = await admin.patch('/api/org-units/2', { version: ok.json().version, parentId: 1 });
    expect(back.json().path).toBe('/1/2/');
  });

  it('an appointment updates the cadre’s current post; ending it clears it', async () => {
    const res = await admin.post('/api/appointments', { cadreId: 4, positionId: 2, startDate: '2025-01-01' });
    expect(res.statusCode, res.body).toBe(200);
    let c = (await admin.get('/api/cadres/4')).json().cadre;
    expect(c).toMatchObject({ currentPositionId: 2, currentPostTitle: '城关镇副镇长', postLevel: '142', postStartDate: '2025-01-01' });
    const a = res.json();
    await admin.patch(`/api/appointments/${a.id}`, { version: a.version, endDate: '2025-06-01' });
    c = (await admin.get('/api/cadres/4')).json().cadre;
    expect(c.currentPositionId).toBeNull();
    const early = await admin.post('/api/appointments', { cadreId: 4, positionId: 2, startDate: '2010-01-01' });
    expect(early.json().issues[0]).toMatchObject({ path: 'startDate', code: 'before_work_start' });
  });

  it('lists each incumbent with the appointment’s kind and version; a 挂职 does not fill the quota', async () => {
    const before = (await admin.get('/api/org-units/2')).json();
    const deputy = before.teams[0].positions.find((p: { position: { title: string } }) => p.position.title === '副镇长');
    expect(deputy.holders[0]).toMatchObject({ kind: '任职', version: expect.any(Number), appointmentId: expect.any(Number) });
    const res = await admin.post('/api/appointments', { cadreId: 4, positionId: deputy.position.id, startDate: '2025-03-01', kind: '挂职' });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await admin.get('/api/org-units/2')).json().teams[0].positions.find((p: { position: { id: number } }) => p.position.id === deputy.position.id);
    expect(after.holders).toHaveLength(deputy.holders.length + 1);
    expect(after.filled).toBe(deputy.filled);
    expect(after.vacancies).toBe(deputy.vacancies);
    // 免职 through PATCH with the listed version; a stale version is a 409
    const h = after.holders.find((x: { cadreId: number }) => x.cadreId === 4);
    const stale = await admin.patch(`/api/appointments/${h.appointmentId}`, { version: h.version + 1, endDate: '2025-09-01' });
    expect(stale.statusCode).toBe(409);
    const ended = await admin.patch(`/api/appointments/${h.appointmentId}`, { version: h.version, endDate: '2025-09-01', endReason: '挂职期满' });
    expect(ended.statusCode, ended.body).toBe(200);
    const gone = (await admin.get('/api/org-units/2')).json().teams[0].positions.find((p: { position: { id: number } }) => p.position.id === deputy.position.id);
    expect(gone.holders.some((x: { cadreId: number }) => x.cadreId === 4)).toBe(false);
  });

  it('refuses to delete a unit that still has people or teams', async () => {
    const u = (await admin.get('/api/org-units/3')).json().unit;
    const res = await admin.del(`/api/org-units/3?version=${u.version}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].code).toBe('in_use');
  });
});

describe('saved filters and small contract details', () => {
  it('keeps saved filters per user', async () => {
    const a = await admin.post('/api/saved-filters', { name: '年轻女干部', filter: { sex: '2', young: 'true' } });
    expect(a.statusCode, a.body).toBe(200);
    expect((await admin.get('/api/saved-filters')).json().items.map((x: { name: string }) => x.name)).toEqual(['年轻女干部']);
    const other = await t.as('lingdao');
    expect((await other.get('/api/saved-filters')).json().items).toEqual([]);
    expect((await other.del(`/api/saved-filters/${a.json().id}`)).statusCode).toBe(404);
    expect((await admin.del(`/api/saved-filters/${a.json().id}`)).statusCode).toBe(200);
  });

  it('accepts an empty JSON body and gives English code names', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { 'content-type': 'application/json' }, payload: '' });
    expect(res.statusCode).toBe(200);
    const codes = (await admin.get('/api/codes')).json().sets;
    expect(codes.ethnicity.length).toBeGreaterThanOrEqual(56);
    expect(codes.sex.find((c: { code: string }) => c.code === '2')).toMatchObject({ name: '女', nameEn: expect.any(String) });
  });
});
