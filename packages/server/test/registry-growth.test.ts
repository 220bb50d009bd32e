/**
 * Registry sections used by 储备链 growth (docs/reserve.md "Young-cadre growth"): 干部调整 with a
 * status (a 挂职 / 轮岗 planned ahead may be dated in the future; a done one may not) and 一人一策
 * plans with outcomes (成效). Shared fixture (test/app.ts): 李娜 (2) is a 城关镇 deputy.
 */
import { addYears, todayISO } from '@cadre/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setup, type Client, type TestContext } from './app';

let t: TestContext;
let ganbu: Client;
beforeAll(async () => {
  t = await setup();
  ganbu = await t.as('ganbu');
});
afterAll(() => t.close());

const ahead = addYears(todayISO(), 1);
const past = addYears(todayISO(), -1);

describe('干部调整 (movements): planned and done', () => {
  it('keeps a planned 挂职 dated ahead, and lists it with its status', async () => {
    const res = await ganbu.post('/api/cadres/2/movements', { kind: '挂职', status: 'planned', date: ahead, startDate: ahead, hostUnit: '江南省商务厅', note: '“一人一策”安排' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: '挂职', status: 'planned', date: ahead, startDate: ahead });
    const items = (await ganbu.get('/api/cadres/2/movements')).json().items as { id: number; status: string; date: string }[];
    expect(items.find((m) => m.id === res.json().id)).toMatchObject({ status: 'planned', date: ahead });
  });

  it('records a movement without a status as done, and refuses a done one dated ahead with the field named', async () => {
    const done = await ganbu.post('/api/cadres/2/movements', { kind: '交流轮岗', date: past, startDate: past, toOrg: '区财政局' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('done');
    const future = await ganbu.post('/api/cadres/2/movements', { kind: '挂职', status: 'done', date: ahead, startDate: ahead });
    expect(future.statusCode).toBe(400);
    const issues = future.json().issues as { path: string; code: string; message: string }[];
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['date', 'future'],
      ['startDate', 'future'],
    ]);
    expect(issues[0].message).toContain('计划');
    // still no dates before birth, planned or not
    const early = await ganbu.post('/api/cadres/2/movements', { kind: '挂职', status: 'planned', date: '1980-01-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().issues[0]).toMatchObject({ path: 'date', code: 'before_birth' });
    expect((await ganbu.post('/api/cadres/2/movements', { kind: '挂职', status: 'maybe', date: past })).json().issues[0].path).toBe('status');
  });

  it('carrying out a planned movement: done with a future date is refused on PATCH; done once dated in the past', async () => {
    const row = (await ganbu.post('/api/cadres/2/movements', { kind: '挂职', status: 'planned', date: ahead, startDate: ahead })).json();
    // PATCH only the status: the stored future dates now break the rule for a done movement
    const bad = await ganbu.patch(`/api/cadres/2/movements/${row.id}`, { version: row.version, status: 'done' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0]).toMatchObject({ path: 'date', code: 'future' });
    const ok = await ganbu.patch(`/api/cadres/2/movements/${row.id}`, { version: row.version, status: 'done', date: past, startDate: past });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'done', date: past, version: row.version + 1 });
    // a PATCH without status keeps it (no default overwrites the stored value)
    const note = await ganbu.patch(`/api/cadres/2/movements/${row.id}`, { version: row.version + 1, note: '已到岗' });
    expect(note.json()).toMatchObject({ status: 'done', note: '已到岗' });
  });
});

describe('一人一策 (development plans): outcomes', () => {
  it('saves outcomes on create and on PATCH; a bad outcome is refused with its path', async () => {
    const created = await ganbu.post('/api/cadres/2/development-plans', {
      title: '李娜“一人一策”培养计划',
      goals: [{ text: '到信访一线锻炼1年', due: ahead }],
      checkpoints: [{ date: past, note: '半年跟踪' }],
      outcomes: [{ date: past, text: '牵头完成征迁攻坚任务' }],
    });
    expect(created.statusCode, created.body).toBe(200);
    const row = created.json();
    expect(row.outcomes).toEqual([{ date: past, text: '牵头完成征迁攻坚任务' }]);
    const more = [...row.outcomes, { date: todayISO(), text: '年度考核优秀' }];
    const patched = await ganbu.patch(`/api/cadres/2/development-plans/${row.id}`, { version: row.version, outcomes: more });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().outcomes).toEqual(more);
    // other fields untouched by a PATCH of the outcomes
    expect(patched.json().goals).toEqual(row.goals);
    const listed = (await ganbu.get('/api/cadres/2/development-plans')).json().items.find((p: { id: number }) => p.id === row.id);
    expect(listed.outcomes).toEqual(more);
    const bad = await ganbu.patch(`/api/cadres/2/development-plans/${row.id}`, { version: row.version + 1, outcomes: [{ date: '2026-13-01', text: '' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['outcomes[0].date', 'outcomes[0].text']));
  });
});
