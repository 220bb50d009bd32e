/**
 * 储备库 through the API on the shared fixture (test/app.ts: 临江区 ─ 城关镇 (danwei's scope) ─ 东村, 财政局)
 * plus, for this file, 钱进 (cadre 5, 财政局副局长 — outside danwei's scope): pools, the workflow
 * (every legal step, illegal ones → 422 with core's message, missing reasons), history on every
 * change, tier suggestion stored and the decision kept alongside, 409 on stale versions, 民主推荐
 * rounds (API and .xlsx, all-or-nothing), and scoped users seeing only their pools and entries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { makeIdNumber, suggestTier, DEFAULT_RULES } from '@cadre/core';
import { setup, type Client, type TestContext } from '../../../test/app';
import { auditLog, cadre, poolEntryEvent, position, recommendationRound } from '../../db/schema';

let t: TestContext;
let ganbu: Client;
let danwei: Client;
let lingdao: Client;
const ID5 = makeIdNumber('330102', '1985-04-02', 31);

beforeAll(async () => {
  t = await setup();
  ganbu = await t.as('ganbu');
  danwei = await t.as('danwei');
  lingdao = await t.as('lingdao');
  const { db } = t.database;
  await db.insert(position).values({ id: 4, teamId: 2, orgUnitId: 3, title: '副局长', level: '142', quota: 2 });
  await db.insert(cadre).values({
    id: 5, name: '钱进', pinyin: 'qj', sex: '1', ethnicity: '01', birthDate: '1985-04-02', idNumber: ID5, politicalStatus: '01', workStartDate: '2007-08-01',
    currentOrgId: 3, currentPositionId: 4, currentPostTitle: '财政局副局长', postLevel: '142', postStartDate: '2020-01-01', levelStartDate: '2020-01-01',
  });
  await db.execute(sql`select setval(pg_get_serial_sequence('cadre', 'id'), 6, false)`);
  await db.execute(sql`select setval(pg_get_serial_sequence('position', 'id'), 5, false)`);
});
afterAll(() => t.close());

const ok = async (p: Promise<{ statusCode: number; body: string; json: () => any }>, status = 200) => {
  const res = await p;
  expect(res.statusCode, res.body.slice(0, 400)).toBe(status);
  return res.json();
};

let districtPool: number;
let bureauPool: number;
/** entries: 李娜 (城关镇) and 钱进 (财政局) in the district pool */
let liNa: { id: number; version: number; stage: string };
let qian: { id: number; version: number; stage: string };

describe('pools', () => {
  it('the department creates pools; unknown kinds and levels are refused; unit HR may not create', async () => {
    const p = await ok(ganbu.post('/api/pools', { kind: '正职后备', name: '乡科级正职后备干部库', targetLevel: '141', orgUnitId: 1 }));
    expect(p).toMatchObject({ kind: '正职后备', kindName: '正职后备', targetLevel: '141', fullAccess: true, version: 1 });
    districtPool = p.id;
    bureauPool = (await ok(ganbu.post('/api/pools', { kind: '自定义', name: '财政局青年骨干', orgUnitId: 3 }))).id;
    const bad = await ok(ganbu.post('/api/pools', { kind: '后备干部', name: 'x' }), 400);
    expect(bad.issues[0]).toMatchObject({ path: 'kind', code: 'unknown_pool_kind' });
    expect(bad.message).toContain('正职后备');
    expect((await ok(ganbu.post('/api/pools', { kind: '正职后备', name: 'x', targetLevel: '999' }), 400)).issues[0].path).toBe('targetLevel');
    await ok(danwei.post('/api/pools', { kind: '自定义', name: '城关镇', orgUnitId: 2 }), 403);
  });

  it('renames with the version; a stale version answers 409 with the current row', async () => {
    const p = await ok(ganbu.patch(`/api/pools/${bureauPool}`, { version: 1, description: '35岁以下业务骨干' }));
    expect(p).toMatchObject({ version: 2, description: '35岁以下业务骨干' });
    const stale = await ok(ganbu.patch(`/api/pools/${bureauPool}`, { version: 1, name: '改名' }), 409);
    expect(stale.current).toMatchObject({ version: 2, name: '财政局青年骨干' });
  });
});

describe('workflow 单位推荐 → 组织考察 → 比选研究 → 入库 → 出库', () => {
  it('unit HR nominates their own people only (others: 404); the department nominates anyone', async () => {
    const e = await ok(danwei.post(`/api/pools/${districtPool}/entries`, { cadreId: 2, reason: '工作实绩突出，群众公认', field: '经济', date: '2026-03-02' }));
    expect(e).toMatchObject({ stage: 'nominated', cadreId: 2, field: '经济', enteredOn: '2026-03-02', entryReason: '工作实绩突出，群众公认', version: 1 });
    liNa = e;
    await ok(danwei.post(`/api/pools/${districtPool}/entries`, { cadreId: 5, reason: 'x' }), 404);
    qian = await ok(ganbu.post(`/api/pools/${districtPool}/entries`, { cadreId: 5, reason: '财政局推荐', date: '2026-03-05' }));
    // the reason is required; a second open entry for the same cadre is refused
    expect((await ok(ganbu.post(`/api/pools/${districtPool}/entries`, { cadreId: 3 }), 400)).issues[0].path).toBe('reason');
    const dup = await ok(ganbu.post(`/api/pools/${districtPool}/entries`, { cadreId: 2, reason: '再次推荐' }), 409);
    expect(dup.error).toBe('already_in_pool');
    // a future date is refused
    expect((await ok(ganbu.post(`/api/pools/${districtPool}/entries`, { cadreId: 1, reason: 'x', date: '2099-01-01' }), 400)).issues[0].path).toBe('date');
  });

  it('every legal step in order, each kept in the history with who, when and why', async () => {
    let e = liNa;
    e = await ok(ganbu.post(`/api/pool-entries/${e.id}/transition`, { action: 'inspect', reason: '考察组考察，民主测评优秀', date: '2026-04-10', version: e.version }));
    expect(e).toMatchObject({ stage: 'inspected', stageDate: '2026-04-10', version: 2 });
    e = await ok(ganbu.post(`/api/pool-entries/${e.id}/transition`, { action: 'compare', date: '2026-05-06', version: e.version }));
    expect(e.stage).toBe('compared');
    e = await ok(ganbu.post(`/api/pool-entries/${e.id}/transition`, { action: 'admit', reason: '部务会研究同意入库', date: '2026-05-20', version: e.version }));
    expect(e).toMatchObject({ stage: 'admitted', admittedOn: '2026-05-20', version: 4 });
    liNa = e;
    const h = await ok(ganbu.get(`/api/pool-entries/${e.id}/history`));
    const stages = h.events.filter((x: { kind: string }) => x.kind === 'stage');
    expect(stages.map((x: { action: string; fromStage: string | null; toStage: string; date: string }) => [x.action, x.fromStage, x.toStage, x.date])).toEqual([
      ['nominate', null, 'nominated', '2026-03-02'],
      ['inspect', 'nominated', 'inspected', '2026-04-10'],
      ['compare', 'inspected', 'compared', '2026-05-06'],
      ['admit', 'compared', 'admitted', '2026-05-20'],
    ]);
    expect(stages[0]).toMatchObject({ reason: '工作实绩突出，群众公认', username: 'danwei', by: { username: 'danwei' } });
    expect(stages[1]).toMatchObject({ reason: '考察组考察，民主测评优秀', username: 'ganbu' });
    // every write is audited
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'pool_entry'));
    expect(audits.filter((a) => a.entityId === String(e.id)).map((a) => a.action)).toEqual(['create', 'update', 'update', 'update']);
  });

  it('illegal steps answer 422 with the clear message; missing or unknown reasons too; nothing changes', async () => {
    const again = await ok(ganbu.post(`/api/pool-entries/${liNa.id}/transition`, { action: 'admit', version: liNa.version }), 422);
    expect(again).toMatchObject({ error: 'illegal_transition' });
    expect(again.message).toContain('不能从「入库」执行「入库」');
    expect(again.message).toContain('出库');
    expect(again.messageEn).toContain("cannot admit from stage 'admitted'");
    const skip = await ok(ganbu.post(`/api/pool-entries/${qian.id}/transition`, { action: 'admit', version: qian.version }), 422);
    expect(skip.message).toContain('不能从「单位推荐」执行「入库」');
    const noReason = await ok(ganbu.post(`/api/pool-entries/${liNa.id}/transition`, { action: 'exit', version: liNa.version }), 422);
    expect(noReason).toMatchObject({ error: 'reason_required', issues: [{ path: 'exitReason' }] });
    const unknown = await ok(ganbu.post(`/api/pool-entries/${liNa.id}/transition`, { action: 'exit', exitReason: '年龄到了', version: liNa.version }), 422);
    expect(unknown.error).toBe('unknown_reason');
    expect(unknown.message).toContain('状态滑坡');
    const rejectNoReason = await ok(ganbu.post(`/api/pool-entries/${qian.id}/transition`, { action: 'reject', version: qian.version }), 422);
    expect(rejectNoReason).toMatchObject({ error: 'reason_required', issues: [{ path: 'reason' }] });
    // a date before the previous step is refused
    const early = await ok(ganbu.post(`/api/pool-entries/${qian.id}/transition`, { action: 'inspect', date: '2026-03-01', version: qian.version }), 400);
    expect(early.issues[0]).toMatchObject({ path: 'date', code: 'before_previous_step' });
    const h = await ok(ganbu.get(`/api/pool-entries/${liNa.id}/history`));
    expect(h.entry).toMatchObject({ stage: 'admitted', version: liNa.version });
  });

  it('409 on a stale version (and the current row comes back)', async () => {
    const stale = await ok(ganbu.post(`/api/pool-entries/${liNa.id}/transition`, { action: 'exit', exitReason: '提拔使用', version: liNa.version - 1 }), 409);
    expect(stale.current).toMatchObject({ id: liNa.id, stage: 'admitted', version: liNa.version });
  });

  it('reject from 单位推荐 with a reason; 未入库 is final', async () => {
    const r = await ok(ganbu.post(`/api/pool-entries/${qian.id}/transition`, { action: 'reject', reason: '考察中发现群众基础一般', exitReason: '考察未通过', version: qian.version }));
    expect(r).toMatchObject({ stage: 'rejected', exitReason: '考察未通过' });
    const fin = await ok(ganbu.post(`/api/pool-entries/${qian.id}/transition`, { action: 'inspect', version: r.version }), 422);
    expect(fin.message).toContain('该阶段已结束');
    // coming back is a new nomination: allowed once the old entry is closed
    qian = await ok(ganbu.post(`/api/pools/${districtPool}/entries`, { cadreId: 5, reason: '年度考核优秀，再次推荐', date: '2026-06-01' }));
    expect(qian.stage).toBe('nominated');
  });
});

describe('tiers: suggestion stored, decision kept alongside', () => {
  it('a recommendation round sets the concentration of the suggestion', async () => {
    const round = await ok(ganbu.post('/api/recommendation-rounds', { name: '2026年乡科级正职人选民主推荐', date: '2026-06-15', orgUnitId: 1, targetLevel: '141', scope: '全区乡科级', voterCount: 120, votes: [{ cadreId: 2, votes: 96 }, { cadreId: 5, votes: 30 }] }));
    expect(round.suggestionsRefreshed.updated).toBe(2);
    const pool = await ok(ganbu.get(`/api/pools/${districtPool}`));
    const e = pool.entries.find((x: { id: number }) => x.id === liNa.id);
    expect(e.concentration).toBe(0.8);
    expect(e.suggestion).toMatchObject({ roundId: round.round.id, roundDate: '2026-06-15', rulesVersion: 1 });
    expect(e.maturity).toBeGreaterThan(0);
    // the stored tier is core's suggestion for the stored basis
    expect(e.suggestedTier).toBe(suggestTier(0.8, e.maturity, DEFAULT_RULES).tier);
    expect(e.tier).toBeNull();
    expect(e.tierConfirmed).toBe(false);
    expect(e.effectiveTier).toBe(e.suggestedTier);
    // 钱进's new entry too: 30 / 120
    expect(pool.entries.find((x: { id: number }) => x.id === qian.id).concentration).toBe(0.25);
  });

  it('an officer confirms a tier; the suggestion and the decision are both kept and in the history', async () => {
    const before = await ok(ganbu.get(`/api/pools/${districtPool}`));
    const e0 = before.entries.find((x: { id: number }) => x.id === liNa.id);
    const e = await ok(ganbu.post(`/api/pool-entries/${liNa.id}/tier`, { tier: 'readyNow', note: '比选排名第一，可随时使用', version: e0.version }));
    expect(e).toMatchObject({ tier: 'readyNow', tierNote: '比选排名第一，可随时使用', suggestedTier: e0.suggestedTier, tierConfirmed: true, effectiveTier: 'readyNow', effectiveTierLabel: { zh: '随时能用' } });
    expect(e.tierConfirmedBy).toBeGreaterThan(0);
    liNa = e;
    const h = await ok(ganbu.get(`/api/pool-entries/${liNa.id}/history`));
    const kinds = h.events.map((x: { kind: string }) => x.kind);
    expect(kinds).toContain('tier_suggestion');
    const decision = h.events.find((x: { kind: string }) => x.kind === 'tier_decision');
    expect(decision).toMatchObject({ tier: 'readyNow', reason: '比选排名第一，可随时使用', username: 'ganbu', detail: { suggested: e0.suggestedTier, previous: null } });
    // stale version → 409; unit HR may not decide (403); an unknown tier → 400
    await ok(ganbu.post(`/api/pool-entries/${liNa.id}/tier`, { tier: 'future', version: e0.version }), 409);
    await ok(danwei.post(`/api/pool-entries/${liNa.id}/tier`, { tier: 'future', version: liNa.version }), 403);
    await ok(ganbu.post(`/api/pool-entries/${liNa.id}/tier`, { tier: '随时能用', version: liNa.version }), 400);
  });

  it('edits are kept in the history with the changed fields', async () => {
    const e = await ok(ganbu.patch(`/api/pool-entries/${liNa.id}`, { field: '社会治理', targetPositionId: 1, reason: '调整培养方向', version: liNa.version }));
    expect(e).toMatchObject({ field: '社会治理', targetPositionId: 1, targetTitle: '城关镇·党委书记' });
    liNa = e;
    const h = await ok(ganbu.get(`/api/pool-entries/${liNa.id}/history`));
    expect(h.events.at(-1)).toMatchObject({ kind: 'edit', reason: '调整培养方向', detail: { field: { from: '经济', to: '社会治理' }, targetPositionId: { from: null, to: 1 } } });
  });

  it('the history table refuses updates (append-only)', async () => {
    await expect(t.database.db.update(poolEntryEvent).set({ reason: 'changed' }).where(eq(poolEntryEvent.entryId, liNa.id))).rejects.toThrow();
  });

  it('the 9-box places members by concentration × maturity', async () => {
    const nb = await ok(ganbu.get(`/api/pools/${districtPool}/nine-box`));
    expect(nb.cells).toHaveLength(9);
    const cell = nb.cells.find((c: { members: { id: number }[] }) => c.members.some((m) => m.id === liNa.id));
    expect(cell.col).toBe(2); // 0.8 ≥ readyNow concentration 0.5
    expect(nb.total).toBe(1);
  });

  it('maturity of one cadre with its explanation', async () => {
    const m = await ok(ganbu.get('/api/cadres/2/maturity?asOf=2026-11-01'));
    expect(m.maturity.score).toBeGreaterThan(0);
    expect(m.maturity.factors.map((f: { factor: string }) => f.factor)).toEqual(expect.arrayContaining(['任职年限', '经历广度', '考核结果', '培训情况', '关键时刻表现']));
    expect(m.concentration).toMatchObject({ value: 0.8, votes: 96, voterCount: 120 });
    expect(m.suggestion.tier).toBe(suggestTier(0.8, m.maturity.score, DEFAULT_RULES).tier);
    await ok(danwei.get('/api/cadres/5/maturity'), 404);
  });
});

describe('scope: unit HR sees their pools and, elsewhere, only their own people', () => {
  it('lists and reads only what is in scope', async () => {
    const list = await ok(danwei.get('/api/pools'));
    const ids = list.items.map((p: { id: number }) => p.id);
    expect(ids).toContain(districtPool);
    expect(ids).not.toContain(bureauPool);
    const district = list.items.find((p: { id: number }) => p.id === districtPool);
    expect(district.fullAccess).toBe(false);
    expect(district.counts.members).toBe(1); // 李娜 only; 钱进 (财政局) is not counted
    const pool = await ok(danwei.get(`/api/pools/${districtPool}`));
    expect(pool.entries.map((e: { cadreId: number }) => e.cadreId)).toEqual([2]);
    await ok(danwei.get(`/api/pools/${bureauPool}`), 404);
  });

  it("other subtrees' entry ids answer 404 for every route; in-scope steps need the department (403)", async () => {
    await ok(danwei.get(`/api/pool-entries/${qian.id}/history`), 404);
    await ok(danwei.post(`/api/pool-entries/${qian.id}/transition`, { action: 'inspect', version: qian.version }), 404);
    await ok(danwei.post(`/api/pool-entries/${qian.id}/tier`, { tier: 'future', version: qian.version }), 404);
    await ok(danwei.patch(`/api/pool-entries/${qian.id}`, { field: 'x', version: qian.version }), 404);
    await ok(danwei.post(`/api/pool-entries/999999/transition`, { action: 'inspect', version: 1 }), 404);
    await ok(danwei.post(`/api/pool-entries/${liNa.id}/transition`, { action: 'exit', exitReason: '其他', version: liNa.version }), 403);
    await ok(danwei.post(`/api/pools/${bureauPool}/entries`, { cadreId: 2, reason: 'x' }), 404);
    // the leader reads everything but writes nothing
    // (李娜, 钱进's rejected entry and his new one)
    expect((await ok(lingdao.get(`/api/pools/${districtPool}`))).entries.map((e: { cadreId: number; stage: string }) => [e.cadreId, e.stage])).toEqual([
      [2, 'admitted'],
      [5, 'rejected'],
      [5, 'nominated'],
    ]);
    await ok(lingdao.post(`/api/pools/${districtPool}/entries`, { cadreId: 1, reason: 'x' }), 403);
  });

  it('exit with a configured reason closes the entry', async () => {
    const e = await ok(ganbu.post(`/api/pool-entries/${liNa.id}/transition`, { action: 'exit', exitReason: '提拔使用', reason: '提任城关镇党委副书记', version: liNa.version }));
    expect(e).toMatchObject({ stage: 'exited', exitReason: '提拔使用', tier: 'readyNow' });
    const h = await ok(ganbu.get(`/api/pool-entries/${liNa.id}/history`));
    expect(h.events.at(-1)).toMatchObject({ kind: 'stage', action: 'exit', fromStage: 'admitted', toStage: 'exited', exitReason: '提拔使用', reason: '提任城关镇党委副书记' });
    await ok(ganbu.post(`/api/pool-entries/${liNa.id}/tier`, { tier: 'future', version: e.version }), 422);
  });
});

describe('民主推荐 rounds', () => {
  it('checks votes against voters, duplicates and scope (row and field named)', async () => {
    const bad = await ok(ganbu.post('/api/recommendation-rounds', { name: 'x', date: '2026-07-01', orgUnitId: 1, voterCount: 50, votes: [{ cadreId: 2, votes: 51 }, { cadreId: 2, votes: 3 }, { cadreId: 999, votes: 1 }] }), 400);
    expect(bad.issues.map((i: { path: string; code: string }) => [i.path, i.code])).toEqual([
      ['votes[0].votes', 'exceeds_voters'],
      ['votes[1].cadreId', 'duplicate'],
      ['votes[2].cadreId', 'not_found'],
    ]);
    await ok(danwei.post('/api/recommendation-rounds', { name: 'x', date: '2026-07-01', orgUnitId: 2, voterCount: 50, votes: [{ cadreId: 2, votes: 5 }] }), 403);
  });

  it('imports votes from .xlsx all or nothing, naming the row and column of each error', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('推荐票数');
    ws.addRow(['序号', '姓名', '单位', '身份证号', '票数']);
    ws.addRow([1, '李娜', '城关镇', '', 40]);
    ws.addRow([2, '', '', ID5, 35]);
    ws.addRow([3, '王小二', '城关镇', '', 12]);
    ws.addRow([4, '张伟', '城关镇', '', '十票']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const url = `/api/recommendation-rounds/import?name=${encodeURIComponent('城关镇党委书记人选定向推荐')}&date=2026-08-01&orgUnitId=2&positionId=1&voterCount=60`;
    const count = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(recommendationRound))[0].n;
    const n0 = await count();
    const res = await t.app.inject({ method: 'POST', url, headers: { cookie: ganbu.cookie, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: buf });
    expect(res.statusCode, res.body).toBe(400);
    const err = res.json();
    expect(err.error).toBe('import_rejected');
    expect(err.issues.map((i: { path: string; code: string }) => [i.path, i.code])).toEqual([
      ['第4行.姓名', 'not_found'],
      ['第5行.票数', 'not_integer'],
    ]);
    expect(err.message).toContain('未写入任何数据');
    expect(await count()).toBe(n0);

    ws.getRow(4).getCell(2).value = '赵敏';
    ws.getRow(4).getCell(3).value = '城关镇东村';
    ws.getRow(5).getCell(5).value = 10;
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    const ok2 = await t.app.inject({ method: 'POST', url, headers: { cookie: ganbu.cookie, 'content-type': 'application/octet-stream' }, payload: fixed });
    expect(ok2.statusCode, ok2.body).toBe(200);
    const r = ok2.json().round;
    expect(r).toMatchObject({ name: '城关镇党委书记人选定向推荐', voterCount: 60, positionTitle: '党委书记', orgName: '城关镇' });
    expect(r.votes.map((v: { name: string; votes: number; concentration: number }) => [v.name, v.votes, v.concentration])).toEqual([
      ['李娜', 40, 0.6667],
      ['钱进', 35, 0.5833],
      ['张伟', 10, 0.1667],
      ['赵敏', 12, 0.2],
    ].sort((a, b) => (b[1] as number) - (a[1] as number)));
    expect(await count()).toBe(n0 + 1);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'recommendation_round'));
    expect(audit.map((a) => a.action)).toEqual(['create', 'import']);
  });

  it('lists rounds in scope and serves the template', async () => {
    const all = await ok(ganbu.get('/api/recommendation-rounds'));
    expect(all.items).toHaveLength(2);
    expect(all.items[0]).toMatchObject({ date: '2026-08-01', candidates: 4, topConcentration: 0.6667 });
    // unit HR sees the 城关镇 round only
    expect((await ok(danwei.get('/api/recommendation-rounds'))).items.map((x: { orgUnitId: number }) => x.orgUnitId)).toEqual([2]);
    const tpl = await ganbu.get('/api/recommendation-rounds/template.xlsx');
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('推荐票数')!.getRow(1).values).toEqual([undefined, '序号', '姓名', '单位', '身份证号', '票数']);
  });
});
