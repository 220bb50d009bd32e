/**
 * 班子运行全息图 and 干部队伍结构分析 through the API, on the shared fixture (see test/app.ts):
 * team 1 城关镇党政班子 (张伟 书记 since 2014, 李娜 副镇长, 2 of 3 副镇长 vacant) and team 2
 * 财政局领导班子 (王强 局长, no woman, no young member, no grassroots career).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq, inArray } from 'drizzle-orm';
import { setup, type Client, type TestContext } from './app';
import { appointment, assessment, cadre, position, rankHistory } from '../src/db/schema';
import { quarterEnds } from '../src/modules/teams/service';

const asOf = '2025-12-31';
let t: TestContext;
let ganbu: Client;
let danwei: Client;
beforeAll(async () => {
  t = await setup();
  ganbu = await t.as('ganbu');
  danwei = await t.as('danwei');
  const { db } = t.database;
  // extra data for this file only: 李娜's level history (promotion 150 → 142 in 2022), 赵敏's intake channel
  await db.insert(rankHistory).values([
    { cadreId: 2, kind: 'post_level', code: '150', startDate: '2016-08-01', endDate: '2022-02-28' },
    { cadreId: 2, kind: 'post_level', code: '142', startDate: '2022-03-01' },
    { cadreId: 3, kind: 'post_level', code: '142', startDate: '2012-01-01', endDate: '2018-12-31' },
    { cadreId: 3, kind: 'post_level', code: '141', startDate: '2019-01-01' },
  ]);
  await db.update(cadre).set({ intakeChannel: '到村工作大学生' }).where(eq(cadre.id, 4));
});
afterAll(() => t.close());

const json = async (c: Client, url: string, status = 200) => {
  const res = await c.get(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(status);
  return res.json();
};

describe('GET /api/teams/analysis', () => {
  it('lists every team in scope with colour, reasons and key figures', async () => {
    const o = await json(ganbu, `/api/teams/analysis?asOf=${asOf}`);
    expect(o).toMatchObject({ asOf, total: 2, counts: { red: 1, blue: 1, green: 0 } });
    const [town, bureau] = o.items;
    expect(town).toMatchObject({ teamId: 1, orgName: '城关镇', unitKind: '镇街', color: 'blue', figures: { quota: 4, filled: 2, vacancies: 2, women: 1, youngCount: 1 } });
    // reasons: rule ids (in rule order) into one dictionary of the rules hit; the hex is colors[color]
    expect(town.reasons).toEqual(['vacancy_high', 'must_rotate']);
    expect(bureau).toMatchObject({ teamId: 2, color: 'red' });
    expect(o.colors[bureau.color]).toBe('#cf1322');
    expect(bureau.reasons.map((id: string) => o.indicators[id].reason.zh)).toEqual(['班子中没有女干部', '班子中没有年轻干部', '正职缺少基层工作经历']);
    expect(Object.keys(o.indicators).sort()).toEqual([...new Set([...town.reasons, ...bureau.reasons])].sort());
    expect(o.indicators.no_woman).toMatchObject({ id: 'no_woman', color: 'red', reason: { zh: '班子中没有女干部' } });
  });

  it('the lean overview loader rates every team exactly as the full hologram loader does', async () => {
    // 王强's annual assessments: two in 2024 (the lower id, 不称职, is the one kept as the latest), a quarterly one
    // (ignored) and one in asOf's own year (not yet "recent": core reads years before asOf's year)
    const { db } = t.database;
    const added = await db
      .insert(assessment)
      .values([
        { cadreId: 3, year: 2023, result: '优秀' },
        { cadreId: 3, year: 2024, result: '不称职' },
        { cadreId: 3, year: 2024, result: '优秀' },
        { cadreId: 3, year: 2024, quarter: 4, result: '优秀' },
        { cadreId: 3, year: 2025, result: '优秀' },
      ])
      .returning({ id: assessment.id });
    try {
      const o = await json(ganbu, `/api/teams/analysis?asOf=${asOf}&metrics=true`);
      expect(o.items.length).toBe(2);
      for (const item of o.items) {
        const h = await json(ganbu, `/api/teams/${item.teamId}/analysis?asOf=${asOf}`);
        expect(item.color).toBe(h.color);
        expect(item.reasons).toEqual(h.hits.map((x: { id: string }) => x.id));
        expect(item.figures).toEqual(h.figures);
        expect(item.metrics).toEqual(h.metrics);
      }
      const [town, bureau] = o.items;
      // 张伟: 2024 优秀 (his 2025 result is asOf's year); 王强: 2024 不称职 (first of the tie)
      expect(town.metrics).toMatchObject({ excellentCount: 1, lowAssessmentCount: 0 });
      expect(bureau.metrics).toMatchObject({ excellentCount: 0, lowAssessmentCount: 1 });
    } finally {
      await db.delete(assessment).where(inArray(assessment.id, added.map((a) => a.id)));
    }
  });

  it('filters by unit kind and colour', async () => {
    expect((await json(ganbu, `/api/teams/analysis?asOf=${asOf}&unitKind=镇街`)).items.map((i: { teamId: number }) => i.teamId)).toEqual([1]);
    expect((await json(ganbu, `/api/teams/analysis?asOf=${asOf}&color=red`)).items.map((i: { teamId: number }) => i.teamId)).toEqual([2]);
    expect((await json(ganbu, `/api/teams/analysis?asOf=${asOf}&orgId=3`)).items.map((i: { teamId: number }) => i.teamId)).toEqual([2]);
  });

  it('exports the overview to xlsx with the same numbers', async () => {
    const res = await ganbu.get(`/api/teams/analysis.xlsx?asOf=${asOf}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('班子研判')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(1).value).toBe('单位');
    expect(ws.rowCount).toBe(3);
    const row = ws.getRow(3);
    expect([row.getCell(2).value, row.getCell(6).value, row.getCell(7).value]).toEqual(['财政局领导班子', '红', '班子中没有女干部；班子中没有年轻干部；正职缺少基层工作经历']);
  });
});

describe('GET /api/teams/:id/analysis (hologram)', () => {
  it('gives member cards by post, indicators, radar and the ledger', async () => {
    const a = await json(ganbu, `/api/teams/1/analysis?asOf=${asOf}`);
    expect(a.team).toMatchObject({ id: 1, name: '城关镇党政班子', level: '141' });
    expect(a.color).toBe('blue');
    expect(a.positions.map((p: { title: string; vacancies: number; members: { name: string }[] }) => [p.title, p.vacancies, p.members.map((m) => m.name)])).toEqual([
      ['党委书记', 0, ['张伟']],
      ['副镇长', 2, ['李娜']],
    ]);
    const zw = a.positions[0].members[0];
    expect(zw).toMatchObject({ age: 50, rotation: 'must', grassroots: true, isChief: true, yearsInPost: 11.6 });
    expect(zw.flags).toContain('须交流');
    const ln = a.positions[1].members[0];
    expect(ln).toMatchObject({ age: 33, young: true, sex: '2' });
    expect(a.radar.map((r: { key: string }) => r.key)).toEqual(expect.arrayContaining(['quota', 'young', 'woman', 'specialty', 'experience']));
    expect(a.ledger[0]).toMatchObject({ kind: 'vacancy', priority: 'medium', text: '配齐副镇长（副科）2名' });
    expect(a.ledger.some((i: { kind: string; cadreId?: number }) => i.kind === 'rotate' && i.cadreId === 1)).toBe(true);
    expect(a.metrics).toMatchObject({ womenCount: 1, youngCount: 1, nonPartyRequired: false, vacancyShare: 0.5, chiefWithoutGrassrootsCount: 0 });
  });

  it('a red team lists its reasons and what it needs', async () => {
    const a = await json(ganbu, `/api/teams/2/analysis?asOf=${asOf}`);
    expect(a.color).toBe('red');
    expect(a.hits.map((h: { id: string }) => h.id)).toEqual(['no_woman', 'no_young', 'chief_no_grassroots']);
    expect(a.ledger.map((i: { kind: string; priority: string }) => [i.kind, i.priority]).slice(0, 2)).toEqual([
      ['woman', 'high'],
      ['young', 'high'],
    ]);
    expect(a.chiefsMissingExperience[0]).toMatchObject({ name: '王强', noGrassroots: true });
  });

  it('404 for an unknown team; 400 for a bad date', async () => {
    await json(ganbu, '/api/teams/999/analysis', 404);
    await json(ganbu, '/api/teams/1/analysis?asOf=2025-02-30', 400);
  });
});

describe('GET /api/stats/structure', () => {
  it('full structure statistics with the ids behind every number (withIds=true)', async () => {
    const s = await json(ganbu, `/api/stats/structure?asOf=${asOf}&withIds=true`);
    expect(s.total).toBe(4);
    const b = (dim: string, key: string) => s.dimensions[dim].buckets.find((x: { key: string }) => x.key === key);
    expect(b('sex', '2')).toMatchObject({ label: '女', count: 2, share: 0.5, ids: [2, 4] });
    expect(b('party', 'nonParty')).toMatchObject({ count: 1, ids: [4] });
    expect(b('specialty', '法学')).toMatchObject({ count: 3 });
    expect(b('specialty', '经济学').ids).toEqual([1]);
    expect(s.young).toMatchObject({ count: 2, share: 0.5 });
    expect(s.young.ids.sort()).toEqual([2, 4]);
    expect(s.sentences).toContain('女干部2人，占50.0%');
    expect(s.sentences.some((l: string) => l.includes('法学类占比最大（75.0%）'))).toBe(true);
    for (const d of Object.values(s.dimensions) as { total: number; buckets: { count: number; ids: number[] }[] }[]) {
      expect(d.buckets.reduce((n, x) => n + x.count, 0)).toBe(4);
      for (const x of d.buckets) expect(x.ids.length).toBe(x.count);
    }
    // the ids link to the roster
    const r = await json(ganbu, `/api/cadres?ids=${s.young.ids.join(',')}`);
    expect(r.items.map((i: { id: number }) => i.id).sort()).toEqual([2, 4]);
  });

  it('applies any roster filter and the user scope', async () => {
    expect((await json(ganbu, `/api/stats/structure?asOf=${asOf}&sex=2`)).total).toBe(2);
    expect((await json(ganbu, `/api/stats/structure?asOf=${asOf}&orgId=2`)).total).toBe(3);
    expect((await json(ganbu, `/api/stats/structure?asOf=${asOf}&ids=1,3&withIds=true`)).ids).toEqual([1, 3]);
    const mine = await json(danwei, `/api/stats/structure?asOf=${asOf}&withIds=true`);
    expect(mine.total).toBe(3);
    expect(mine.ids.sort()).toEqual([1, 2, 4]);
    await json(danwei, `/api/stats/structure?orgId=3`, 404);
  });

  it('promotions and intake in a period', async () => {
    const s = await json(ganbu, `/api/stats/structure?asOf=${asOf}&from=2019-01-01&to=2022-12-31&withIds=true`);
    // 李娜 150 → 142 on 2022-03-01 (age 30: young); 王强 142 → 141 on 2019-01-01 (age 50)
    expect(s.promotions).toMatchObject({ from: '2019-01-01', to: '2022-12-31', total: 2, young: 1, youngShare: 0.5, youngIds: [2] });
    expect(s.sentences).toContain('2019-01-01至2022-12-31提拔35岁以下年轻干部1人，占同期新提拔干部总数的50.0%');
    const i = await json(ganbu, `/api/stats/structure?asOf=${asOf}&from=2017-01-01&to=2017-12-31&withIds=true`);
    expect(i.intake).toMatchObject({ total: 1, young: 1, ids: [4] });
    expect(i.intake.byChannel[0]).toMatchObject({ key: '到村工作大学生', count: 1 });
    await json(ganbu, `/api/stats/structure?from=2022-01-01&to=2021-01-01`, 400);
  });

  it('figures only by default (and with withIds=false): no id lists, the same numbers', async () => {
    const s = await json(ganbu, `/api/stats/structure?asOf=${asOf}`);
    expect(s.total).toBe(4);
    expect(JSON.stringify(s)).not.toMatch(/"(ids|youngIds)"/);
    expect(await json(ganbu, `/api/stats/structure?asOf=${asOf}&withIds=false`)).toEqual(s);
    const full = await json(ganbu, `/api/stats/structure?asOf=${asOf}&withIds=true`);
    expect(JSON.stringify(s)).toBe(JSON.stringify(full, (k, v) => (k === 'ids' || k === 'youngIds' ? undefined : v)));
  });

  it('exports the same numbers to xlsx', async () => {
    const res = await ganbu.get(`/api/stats/structure.xlsx?asOf=${asOf}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['摘要', '结构统计', '年轻干部', '提拔与新进']);
    const ws = wb.getWorksheet('结构统计')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect([1, 2, 3, 4].map((c) => ws.getRow(1).getCell(c).value)).toEqual(['维度', '类别', '人数', '占比(%)']);
    let women: unknown[] | null = null;
    ws.eachRow((row) => {
      if (row.getCell(1).value === '性别' && row.getCell(2).value === '女') women = [row.getCell(3).value, row.getCell(4).value];
    });
    expect(women).toEqual([2, 50]);
  });

  it('renders a printable report', async () => {
    const res = await ganbu.get(`/api/stats/structure/report?asOf=${asOf}&title=${encodeURIComponent('临江区干部队伍结构分析')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<h1>临江区干部队伍结构分析</h1>');
    expect(res.body).toContain('@page { size: A4');
    expect(res.body).toContain('女干部2人，占50.0%');
  });
});

describe('scope: a unit HR officer only sees their subtree', () => {
  it('teams outside the subtree are 404 and absent from the overview', async () => {
    const o = await json(danwei, `/api/teams/analysis?asOf=${asOf}`);
    expect(o.items.map((i: { teamId: number }) => i.teamId)).toEqual([1]);
    await json(danwei, `/api/teams/1/analysis?asOf=${asOf}`);
    await json(danwei, `/api/teams/2/analysis?asOf=${asOf}`, 404);
    await json(danwei, `/api/teams/2/history?asOf=${asOf}`, 404);
    await json(danwei, `/api/teams/analysis?orgId=3`, 404);
    const x = await danwei.get(`/api/teams/analysis.xlsx?asOf=${asOf}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('班子研判')!.rowCount).toBe(2);
  });
});

describe('roster ids filter', () => {
  it('accepts up to 5,000 ids and rejects bad lists', async () => {
    expect((await json(ganbu, '/api/cadres?ids=1,2,999')).total).toBe(2);
    expect((await json(ganbu, '/api/cadres?ids=')).total).toBe(0);
    expect((await json(danwei, '/api/cadres?ids=1,3')).items.map((i: { id: number }) => i.id)).toEqual([1]);
    await json(ganbu, '/api/cadres?ids=1,abc', 400);
    const many = Array.from({ length: 5001 }, (_, i) => i + 1).join(',');
    await json(ganbu, `/api/cadres?ids=${many}`, 400);
    const ok = Array.from({ length: 5000 }, (_, i) => i + 1).join(',');
    expect((await json(ganbu, `/api/cadres?ids=${ok}`)).total).toBe(4);
  });

  it('documents the new routes in OpenAPI', async () => {
    const doc = await json(ganbu, '/api/docs/json');
    for (const p of ['/api/stats/structure', '/api/stats/structure/people', '/api/stats/structure.xlsx', '/api/stats/structure/report', '/api/teams/analysis', '/api/teams/analysis.xlsx', '/api/teams/{id}/analysis', '/api/teams/{id}/history']) {
      expect(doc.paths[p], p).toBeTruthy();
    }
  });
});

describe('GET /api/teams/:id/history (季度预警)', () => {
  it('computes the colour at each of the last 8 quarter ends from the members then in post', async () => {
    // a young woman joins 财政局 as 副局长 on 2025-08-01
    const { db } = t.database;
    const [p] = await db.insert(position).values({ teamId: 2, orgUnitId: 3, title: '副局长', level: '142', quota: 2 }).returning();
    const [c] = await db
      .insert(cadre)
      .values({ name: '周婷', pinyin: 'zt', sex: '2', ethnicity: '01', birthDate: '1994-04-04', politicalStatus: '01', workStartDate: '2016-08-01', currentOrgId: 3, postLevel: '142' })
      .returning();
    await db.insert(appointment).values({ cadreId: c.id, positionId: p.id, startDate: '2025-08-01' });

    const h = await json(ganbu, `/api/teams/2/history?asOf=${asOf}`);
    expect(h.items.map((i: { quarter: string }) => i.quarter)).toEqual(quarterEnds(asOf, 8).map((q) => q.quarter));
    expect(h.items[0]).toMatchObject({ quarter: '2024Q1', date: '2024-03-31' });
    const colour = Object.fromEntries(h.items.map((i: { quarter: string; color: string }) => [i.quarter, i.color]));
    expect(colour['2025Q2']).toBe('red');
    expect(colour['2025Q3']).toBe('blue');
    expect(h.items.at(-1).reasons.map((r: { id: string }) => r.id)).toEqual(['vacancy_high', 'chief_no_grassroots']);
    // and the overview follows
    expect((await json(ganbu, `/api/teams/analysis?asOf=${asOf}&orgId=3`)).items[0].color).toBe('blue');
    expect((await json(ganbu, `/api/teams/analysis?asOf=2025-06-30&orgId=3`)).items[0].color).toBe('red');
  });

  it('quarter ends', () => {
    expect(quarterEnds('2025-12-31', 2)).toEqual([{ quarter: '2025Q3', date: '2025-09-30' }, { quarter: '2025Q4', date: '2025-12-31' }]);
    expect(quarterEnds('2025-02-15', 2)).toEqual([{ quarter: '2024Q3', date: '2024-09-30' }, { quarter: '2024Q4', date: '2024-12-31' }]);
  });
});
