/**
 * 储备链 boards through the API on the shared fixture (test/app.ts): bench strength (a key post with
 * nobody 随时能用 is flagged 急用现找), training compliance, 季度研判 (generate, edit, .xlsx read back,
 * print), mentors (一对一 / 多对一), 成长纪实 (audited as a sensitive read) and pipeline figures.
 *
 * Pool 乡科级正职后备 (target level 141): 李娜 (城关镇副镇长, 镇街) admitted and confirmed 随时能用 →
 * backs the 镇街 正职 post 城关镇党委书记; nobody backs 财政局局长 (党政机关), whose incumbent 王强
 * (born 1968-10) retires within the 3-year horizon.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { setup, type Client, type TestContext } from '../../../test/app';
import { auditLog, keyMoment, training, warning } from '../../db/schema';

let t: TestContext;
let ganbu: Client;
let danwei: Client;
let poolId: number;
let entry: { id: number; version: number };

const ok = async (p: Promise<{ statusCode: number; body: string; json: () => any }>, status = 200) => {
  const res = await p;
  expect(res.statusCode, res.body.slice(0, 400)).toBe(status);
  return res.json();
};

beforeAll(async () => {
  t = await setup();
  ganbu = await t.as('ganbu');
  danwei = await t.as('danwei');
  const { db } = t.database;
  // facts of the quarter 2026Q3 for 李娜 (2): a yellow warning in force, a key moment, no political training;
  // 赵敏 (4): a week of off-job political training in 2025 and 90 hours this year
  await db.insert(warning).values({ subjectType: 'cadre', cadreId: 2, color: 'yellow', reasons: ['近12个月有负面信息'], issuedOn: '2026-08-10' });
  await db.insert(keyMoment).values({ cadreId: 2, date: '2026-07-20', event: '防汛抗洪抢险', performance: '连续三昼夜坚守圩堤', rating: '突出' });
  await db.insert(training).values([
    { cadreId: 4, name: '年轻干部理想信念教育培训班', startDate: '2025-05-05', endDate: '2025-05-11', hours: 56, mode: '脱产', isPolitical: true },
    { cadreId: 4, name: '基层治理能力提升专题班', startDate: '2026-03-02', endDate: '2026-03-13', hours: 90, mode: '脱产', isPolitical: false },
  ]);
  poolId = (await ok(ganbu.post('/api/pools', { kind: '正职后备', name: '乡科级正职后备干部库', targetLevel: '141', orgUnitId: 1 }))).id;
  let e = await ok(ganbu.post(`/api/pools/${poolId}/entries`, { cadreId: 2, reason: '单位推荐', date: '2026-02-01' }));
  for (const [action, date] of [['inspect', '2026-02-10'], ['compare', '2026-02-20'], ['admit', '2026-03-01']] as const) {
    e = await ok(ganbu.post(`/api/pool-entries/${e.id}/transition`, { action, date, version: e.version }));
  }
  e = await ok(ganbu.post(`/api/pool-entries/${e.id}/tier`, { tier: 'readyNow', version: e.version }));
  entry = e;
  let z = await ok(ganbu.post(`/api/pools/${poolId}/entries`, { cadreId: 4, reason: '村党支部书记，表现突出', date: '2026-02-01' }));
  for (const action of ['inspect', 'compare', 'admit'] as const) z = await ok(ganbu.post(`/api/pool-entries/${z.id}/transition`, { action, date: '2026-03-01', version: z.version }));
});
afterAll(() => t.close());

describe('GET /api/reserve/bench-strength', () => {
  it('flags a key post with nobody 随时能用 (急用现找) with the incumbent retiring within the horizon', async () => {
    const b = await ok(ganbu.get('/api/reserve/bench-strength?asOf=2026-11-01'));
    const row = (id: number) => b.rows.find((r: { positionId: number }) => r.positionId === id);
    expect(b.rows.map((r: { positionId: number }) => r.positionId).sort()).toEqual([1, 3]); // the 正职 posts; 副镇长 is neither chief nor key
    expect(row(1)).toMatchObject({ urgent: false, counts: { readyNow: 1 }, risk: 'low', vacant: false });
    expect(row(1).successors.readyNow[0]).toMatchObject({ cadreId: 2, name: '李娜', suggestedOnly: false, match: 'level' });
    const bureau = row(3);
    expect(bureau).toMatchObject({ urgent: true, total: 0, risk: 'high', retiringWithinHorizon: true });
    expect(bureau.incumbents[0]).toMatchObject({ name: '王强', retiringWithinHorizon: true });
    expect(bureau.reasons[0].zh).toContain('急用现找');
    expect(b.summary).toMatchObject({ keyPosts: 2, urgent: 1, urgentHighRisk: 1, withReadyNow: 1 });
    // only the urgent posts
    expect((await ok(ganbu.get('/api/reserve/bench-strength?asOf=2026-11-01&urgentOnly=true'))).rows.map((r: { positionId: number }) => r.positionId)).toEqual([3]);
  });

  it('names the posts and successors of the page it returns (the summary covers every post); summaryOnly gives no rows', async () => {
    const first = await ok(ganbu.get('/api/reserve/bench-strength?asOf=2026-11-01&limit=1'));
    const second = await ok(ganbu.get('/api/reserve/bench-strength?asOf=2026-11-01&limit=1&offset=1'));
    expect([first.total, second.total]).toEqual([2, 2]);
    expect(first.summary).toEqual(second.summary);
    expect(first.rows[0]).toMatchObject({ positionId: 1, title: '党委书记', orgName: '城关镇', teamId: 1, teamName: '城关镇党政班子' });
    expect(first.rows[0].incumbents[0]).toMatchObject({ cadreId: 1, name: '张伟' });
    expect(first.rows[0].successors.readyNow.map((s: { name: string }) => s.name)).toEqual(['李娜']);
    expect(second.rows[0]).toMatchObject({ positionId: 3, title: '局长', orgName: '财政局', teamId: 2, teamName: '财政局领导班子' });
    // the retirement reason names the incumbent
    expect(second.rows[0].reasons.map((r: { zh: string }) => r.zh)).toContainEqual(expect.stringMatching(/^王强 将于 \d{4}-\d{2}-\d{2} 退休/));
    const s = await ok(ganbu.get('/api/reserve/bench-strength?asOf=2026-11-01&summaryOnly=true'));
    expect(s).toMatchObject({ total: 2, rows: [] });
    expect(s.summary).toEqual(first.summary);
  });

  it('a target post beats the level mapping; unit HR sees their subtree only', async () => {
    const e = await ok(ganbu.patch(`/api/pool-entries/${entry.id}`, { targetPositionId: 3, version: entry.version }));
    entry = e;
    const b = await ok(ganbu.get('/api/reserve/bench-strength?asOf=2026-11-01'));
    expect(b.rows.find((r: { positionId: number }) => r.positionId === 3)).toMatchObject({ urgent: false, counts: { readyNow: 1 } });
    expect(b.rows.find((r: { positionId: number }) => r.positionId === 1)).toMatchObject({ urgent: true });
    const d = await ok(danwei.get('/api/reserve/bench-strength?asOf=2026-11-01'));
    expect(d.rows.map((r: { positionId: number }) => r.positionId)).toEqual([1]);
    await ok(danwei.get('/api/reserve/bench-strength?orgId=3'), 404);
  });
});

describe('GET /api/reserve/training-compliance', () => {
  it('lists members with their political and hours duties and who is behind', async () => {
    const c = await ok(ganbu.get(`/api/reserve/training-compliance?poolId=${poolId}&asOf=2026-11-01`));
    expect(c.rules).toMatchObject({ political: { everyYears: 3, minDays: 7 }, annualHours: 80 });
    const by = (id: number) => c.items.find((x: { cadreId: number }) => x.cadreId === id).compliance;
    expect(by(2)).toMatchObject({ behind: true, political: { ok: false, last: null } });
    expect(by(2).reasons.map((r: { code: string }) => r.code)).toEqual(['political_missing', 'hours_behind']);
    expect(by(4)).toMatchObject({ behind: false, political: { ok: true, dueBy: '2028-05-11' }, hours: { done: 90, met: true } });
    expect(c.summary).toMatchObject({ members: 2, behind: 1, politicalOverdue: 1 });
    expect((await ok(ganbu.get(`/api/reserve/training-compliance?poolId=${poolId}&asOf=2026-11-01&behindOnly=true`))).items.map((x: { cadreId: number }) => x.cadreId)).toEqual([2]);
  });
});

describe('季度研判', () => {
  let reviewId: number;
  it('generates the three lists of a quarter from the members facts', async () => {
    const r = await ok(ganbu.post(`/api/pools/${poolId}/reviews`, { quarter: '2026Q3' }));
    reviewId = r.id;
    expect(r).toMatchObject({ quarter: '2026Q3', asOf: '2026-09-30', poolName: '乡科级正职后备干部库' });
    const texts = (list: string) => r.items.filter((i: { list: string }) => i.list === list);
    const problems = texts('problem');
    expect(problems.map((i: { cadreId: number; source: string }) => [i.cadreId, i.source])).toEqual(expect.arrayContaining([[2, 'warning'], [2, 'training_political']]));
    expect(problems.some((i: { cadreId: number }) => i.cadreId === 4)).toBe(false);
    expect(problems.find((i: { source: string }) => i.source === 'warning').text).toContain('近12个月有负面信息');
    expect(texts('achievement').map((i: { cadreId: number; source: string }) => [i.cadreId, i.source])).toEqual([[2, 'key_moment']]);
    const actions = texts('rectification');
    expect(actions).toHaveLength(problems.length);
    expect(actions[0]).toMatchObject({ dueDate: '2026-10-30', status: '未开始' });
    expect(actions[0].owner).toBeTruthy();
    // the same quarter again: 409 unless replace
    await ok(ganbu.post(`/api/pools/${poolId}/reviews`, { quarter: '2026Q3' }), 409);
    await ok(ganbu.post(`/api/pools/${poolId}/reviews`, { quarter: '2026-3' }), 400);
    await ok(danwei.post(`/api/pools/${poolId}/reviews`, { quarter: '2026Q2' }), 403);
  });

  it('edits an item (stale version → 409), adds one, exports to .xlsx and prints', async () => {
    const r0 = await ok(ganbu.get(`/api/reviews/${reviewId}`));
    const action = r0.items.find((i: { list: string }) => i.list === 'rectification');
    const upd = await ok(ganbu.patch(`/api/review-items/${action.id}`, { version: action.version, owner: '城关镇党委', status: '进行中', dueDate: '2026-11-15', text: '李娜：开展谈心谈话，11月中旬前完成整改' }));
    expect(upd).toMatchObject({ owner: '城关镇党委', status: '进行中', dueDate: '2026-11-15', version: 2 });
    await ok(ganbu.patch(`/api/review-items/${action.id}`, { version: 1, status: '已完成' }), 409);
    await ok(ganbu.patch(`/api/review-items/${action.id}`, { version: 2, status: '搁置' }), 400);
    await ok(ganbu.post(`/api/reviews/${reviewId}/items`, { list: 'achievement', cadreId: 4, text: '赵敏：牵头完成村集体经济增收项目' }));

    const res = await ganbu.get(`/api/reviews/${reviewId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', '实绩清单', '整改清单']);
    const ws = wb.getWorksheet('整改清单')!;
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '姓名', '内容', '责任人', '完成时限', '状态', '来源']);
    const row = ws.getRow(3);
    expect([row.getCell(2).value, row.getCell(3).value, row.getCell(4).value, row.getCell(5).value, row.getCell(6).value]).toEqual(['李娜', '李娜：开展谈心谈话，11月中旬前完成整改', '城关镇党委', '2026-11-15', '进行中']);
    const ach = wb.getWorksheet('实绩清单')!;
    expect(ach.rowCount).toBe(4);
    expect(ach.getRow(4).getCell(3).value).toBe('赵敏：牵头完成村集体经济增收项目');

    const html = await ganbu.get(`/api/reviews/${reviewId}/print`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('问题清单');
    expect(html.body).toContain('城关镇党委');
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'reserve_review_item'));
    expect(audits.map((a) => a.action)).toEqual(['update', 'create']);
  });
});

describe('导师 and 成长纪实', () => {
  it('one mentee with two mentors is 多对一; ending one makes it 一对一', async () => {
    const m = await ok(ganbu.post('/api/mentorships', { mentorIds: [1, 3], menteeId: 2, startDate: '2026-03-01', note: '“多对一”导师帮带' }));
    expect(m.items.map((x: { mentor: { name: string }; mode: string }) => [x.mentor.name, x.mode])).toEqual([
      ['张伟', '多对一'],
      ['王强', '多对一'],
    ]);
    await ok(ganbu.post('/api/mentorships', { mentorIds: [1], menteeId: 2, startDate: '2026-04-01' }), 409);
    expect((await ok(ganbu.post('/api/mentorships', { mentorIds: [2], menteeId: 2, startDate: '2026-04-01' }), 400)).issues[0].code).toBe('self');
    const w = m.items[1];
    const ended = await ok(ganbu.patch(`/api/mentorships/${w.id}`, { version: w.version, endDate: '2026-06-30' }));
    expect(ended).toMatchObject({ endDate: '2026-06-30', active: false });
    const list = await ok(ganbu.get('/api/mentorships?menteeId=2&active=true'));
    expect(list.items.map((x: { mentor: { name: string }; mode: string }) => [x.mentor.name, x.mode])).toEqual([['张伟', '一对一']]);
    // unit HR: their mentee only
    await ok(danwei.post('/api/mentorships', { mentorIds: [1], menteeId: 3, startDate: '2026-04-01' }), 404);
  });

  it('the growth record gathers pool history, tiers, mentors, training and key moments, and the read is audited', async () => {
    const g = await ok(ganbu.get('/api/cadres/2/growth?asOf=2026-11-01'));
    expect(g.pools[0]).toMatchObject({ poolName: '乡科级正职后备干部库', stage: 'admitted', tier: 'readyNow' });
    expect(g.pools[0].history.map((h: { kind: string }) => h.kind)).toEqual(expect.arrayContaining(['stage', 'tier_suggestion', 'tier_decision', 'edit']));
    expect(g.mentors).toHaveLength(2);
    expect(g.training.behind).toBe(true);
    expect(g.keyMoments[0].event).toBe('防汛抗洪抢险');
    expect(g.timeline.map((x: { kind: string }) => x.kind)).toEqual(expect.arrayContaining(['post', 'pool', 'tier', 'keyMoment', 'mentor']));
    const reads = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'cadre.growth'), eq(auditLog.action, 'read')));
    expect(reads.map((a) => [a.cadreId, a.username])).toEqual([[2, 'ganbu']]);
    await ok(danwei.get('/api/cadres/3/growth'), 404);
  });
});

describe('GET /api/reserve/pipeline', () => {
  it('sizes, flows per quarter and the funnel of the period', async () => {
    const p = await ok(ganbu.get(`/api/reserve/pipeline?poolId=${poolId}&from=2026-01-01&to=2026-09-30&asOf=2026-11-01`));
    expect(p.size).toBe(2);
    expect(p.bySex.map((b: { key: string; count: number }) => [b.key, b.count])).toEqual([['2', 2]]);
    expect(p.quarters.map((q: { quarter: string; in: number }) => [q.quarter, q.in])).toEqual([
      ['2026Q1', 2],
      ['2026Q2', 0],
      ['2026Q3', 0],
    ]);
    expect(p.funnel.map((f: { stage: string; count: number }) => [f.stage, f.count]).slice(0, 4)).toEqual([
      ['nominated', 2],
      ['inspected', 2],
      ['compared', 2],
      ['admitted', 2],
    ]);
  });
});
