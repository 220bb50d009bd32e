/**
 * The batched import commit (service.ts): creates and updates beyond one chunk, the version check of
 * a multi-row UPDATE (409, nothing written), values kept for fields a file leaves empty, carried-over
 * scores, matching keys that need quoting, and the batched audit writer. Runs on PGlite, and on
 * PostgreSQL with the server-pg project (TEST_DATABASE_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { sql } from 'drizzle-orm';
import { addDays, makeIdNumber } from '@cadre/core';
import { setup, type Client, type TestContext } from '../../../test/app';
import { writeAudit, writeAuditBatch, type AuditEntryInput } from '../../audit/audit';
import type { Db } from '../../db/client';

let t: TestContext;
let ganbu: Client;
beforeAll(async () => {
  t = await setup();
  ganbu = await t.as('ganbu');
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const rows = async <R,>(query: string) => ((await t.database.db.execute(sql.raw(query))) as unknown as { rows: R[] }).rows;
const n = async (query: string) => Number((await rows<{ n: number }>(query))[0].n);
const snapshot = () => Promise.all(['cadre', 'career', 'education', 'audit_log'].map((x) => n(`select count(*)::int n from ${x}`)));
const upload = (url: string, body: Uint8Array, type: string) => t.app.inject({ method: 'POST', url, headers: { cookie: ganbu.cookie, 'content-type': type }, payload: Buffer.from(body) });

const HEADERS = ['姓名', '性别', '民族', '出生年月', '身份证号', '政治面貌', '入党时间', '参加工作时间', '全日制学历', '单位', '现任职务', '专业技术职务', '简历'];
type Row = Partial<Record<(typeof HEADERS)[number], string>>;
async function xlsx(data: Row[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('干部花名册');
  ws.addRow(HEADERS);
  for (const r of data) ws.addRow(HEADERS.map((h) => r[h] ?? ''));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** person i of a roster bigger than one commit chunk (2,000 rows); 身份证号 from region 110101, unused by the fixture */
const BIG = 2_100;
function person(i: number, post = '科员'): Row {
  const birth = addDays('1970-01-01', i * 3);
  const y = Number(birth.slice(0, 4));
  return {
    姓名: `批${i}`, 性别: i % 2 ? '男' : '女', 民族: '汉族', 出生年月: birth.slice(0, 7).replace('-', '.'), 身份证号: makeIdNumber('110101', birth, (i % 400) * 2 + (i % 2)),
    政治面貌: '中共党员', 入党时间: `${y + 23}.07`, 参加工作时间: `${y + 22}.08`, 全日制学历: '大学', 单位: '财政局', 现任职务: `财政局${post}`,
    简历: `${y + 22}.08--${y + 30}.01  财政局办事员\n${y + 30}.01--         财政局${post}`,
  };
}

describe('batched commit (more than one chunk of 2,000 rows)', () => {
  let ids: number[] = [];

  it('creates every row with its sections and one audit entry each', async () => {
    const before = await snapshot();
    const pre = await upload('/api/interop/excel/preview', await xlsx(Array.from({ length: BIG }, (_, i) => person(i))), XLSX);
    expect(pre.statusCode, pre.body).toBe(200);
    expect(pre.json().summary).toMatchObject({ files: BIG, create: BIG, reject: 0 });
    // a create's per-field report is derived on demand, also on a later page
    const page = (await ganbu.get(`/api/interop/previews/${pre.json().token}?offset=${BIG - 1}&limit=1`)).json();
    expect(page.files[0]).toMatchObject({ file: `第 ${BIG + 1} 行`, status: 'create', orgName: '财政局' });
    expect(page.files[0].fields).toEqual(expect.arrayContaining([
      { field: 'name', label: '姓名', action: 'set', after: `批${BIG - 1}` },
      { field: 'politicalStatus', label: '政治面貌', action: 'set', after: '中共党员（01）' },
      { field: 'career', label: '简历', action: 'set', after: '2 条' },
    ]));
    const com = await ganbu.post('/api/interop/excel/commit', { token: pre.json().token });
    expect(com.statusCode, com.body).toBe(200);
    const body = com.json();
    expect(body).toMatchObject({ created: BIG, updated: 0 });
    ids = body.items.map((x: { cadreId: number }) => x.cadreId);
    expect(new Set(ids).size).toBe(BIG);
    const [cadres, careers, edus, audits] = await snapshot();
    expect([cadres - before[0], careers - before[1], edus - before[2], audits - before[3]]).toEqual([BIG, 2 * BIG, BIG, BIG]);
    // ids follow the rows: row i is 批i, and its audit entry names the same cadre and file row
    const sample = await rows<{ id: number; name: string; pinyin: string; current_org_id: number; file: string; audit_cadre: number }>(`
      select c.id, c.name, c.pinyin, c.current_org_id, a.after->>'file' as file, a.cadre_id as audit_cadre
      from cadre c join audit_log a on a.entity = 'cadre' and a.action = 'import' and a.entity_id = c.id::text
      where c.id in (${ids[0]}, ${ids[BIG - 1]}) order by c.id`);
    expect(sample.map((r) => [r.name, r.pinyin, r.current_org_id, r.file, r.audit_cadre])).toEqual([
      ['批0', 'p0', 3, '第 2 行', ids[0]],
      [`批${BIG - 1}`, `p${BIG - 1}`, 3, `第 ${BIG + 1} 行`, ids[BIG - 1]],
    ]);
    expect(await n(`select count(*)::int n from career where cadre_id = ${ids[BIG - 1]} and end_date is null and post_title = '科员'`)).toBe(1);
  });

  it('a cadre changed after the preview, in the second chunk: 409 naming it, and nothing of the first chunk is written', async () => {
    const pre = (await upload('/api/interop/excel/preview', await xlsx(Array.from({ length: BIG }, (_, i) => person(i, '副科长'))), XLSX)).json();
    expect(pre.summary).toMatchObject({ update: BIG, reject: 0 });
    const victim = ids[BIG - 10];
    const cur = (await ganbu.get(`/api/cadres/${victim}`)).json().cadre;
    expect((await ganbu.patch(`/api/cadres/${victim}`, { version: cur.version, remark: '预览后修改' })).statusCode).toBe(200);
    const before = await snapshot();
    const versions = await n(`select sum(version)::int n from cadre where id in (${ids.join(',')})`);
    const res = await ganbu.post('/api/interop/excel/commit', { token: pre.token });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'conflict', messageEn: `cadre 批${BIG - 10} (#${victim}) changed after the preview; upload again. Nothing was written.` });
    expect(await snapshot()).toEqual(before);
    expect(await n(`select sum(version)::int n from cadre where id in (${ids.join(',')})`)).toBe(versions);
    expect(await n(`select count(*)::int n from cadre where id in (${ids.join(',')}) and current_post_title = '财政局副科长'`)).toBe(0);
  });

  it('updates every row (version + 1), replaces the sections and audits the before image', async () => {
    const pre = (await upload('/api/interop/excel/preview', await xlsx(Array.from({ length: BIG }, (_, i) => person(i, '副科长'))), XLSX)).json();
    expect(pre.summary).toMatchObject({ update: BIG, reject: 0 });
    expect(pre.files[0].fields).toEqual(expect.arrayContaining([
      { field: 'currentPostTitle', label: '现任职务', action: 'change', before: '财政局科员', after: '财政局副科长' },
      { field: 'career', label: '简历', action: 'replace', after: '2 条' },
    ]));
    const versions = await n(`select sum(version)::int n from cadre where id in (${ids.join(',')})`);
    const [, careers, , audits] = await snapshot();
    const com = await ganbu.post('/api/interop/excel/commit', { token: pre.token });
    expect(com.statusCode, com.body).toBe(200);
    expect(com.json()).toMatchObject({ created: 0, updated: BIG });
    expect(com.json().items.map((x: { cadreId: number }) => x.cadreId)).toEqual(ids);
    expect(await n(`select sum(version)::int n from cadre where id in (${ids.join(',')})`)).toBe(versions + BIG);
    expect(await n(`select count(*)::int n from cadre where id in (${ids.join(',')}) and current_post_title = '财政局副科长'`)).toBe(BIG);
    const [, careers2, , audits2] = await snapshot();
    expect([careers2 - careers, audits2 - audits]).toEqual([0, BIG]);
    const [a] = await rows<{ before_post: string; after_post: string; mode: string }>(
      `select before->>'currentPostTitle' as before_post, after->'cadre'->>'currentPostTitle' as after_post, after->>'mode' as mode from audit_log where entity = 'cadre' and entity_id = '${ids[7]}' order by id desc limit 1`,
    );
    expect(a).toEqual({ before_post: '财政局科员', after_post: '财政局副科长', mode: 'update' });
  });
});

describe('updates keep what the file does not say', () => {
  it('a field left empty keeps the registry value; the scores of re-imported years are kept', async () => {
    const base = person(2500);
    const first = (await upload('/api/interop/excel/preview', await xlsx([{ ...base, 专业技术职务: '经济师' }]), XLSX)).json();
    const id = (await ganbu.post('/api/interop/excel/commit', { token: first.token })).json().items[0].cadreId as number;
    await t.database.db.execute(sql.raw(`insert into assessment (cadre_id, year, result, score) values (${id}, 2023, '优秀', 95), (${id}, 2022, '称职', 80)`));

    // an LRMX file for the same person (matched by 身份证号): no 专业技术职务, 2023 and 2024 assessments
    const lrmx = `<?xml version="1.0" encoding="UTF-8"?>
<Person><XingMing>${base.姓名}</XingMing><XingBie>${base.性别}</XingBie><ChuShengNianYue>${base.出生年月}</ChuShengNianYue><MinZu>汉族</MinZu><RuDangShiJian>${base.入党时间!.replace('.', '')}</RuDangShiJian><CanJiaGongZuoShiJian>${base.参加工作时间!.replace('.', '')}</CanJiaGongZuoShiJian><ZhuanYeJiShuZhiWu></ZhuanYeJiShuZhiWu><XianRenZhiWu>财政局科长</XianRenZhiWu><JianLi>${Number(base.参加工作时间!.slice(0, 4)) + 8}.01--         财政局科长</JianLi><NianDuKaoHeJieGuo>2023年度考核优秀；2024年度考核称职</NianDuKaoHeJieGuo><ShenFenZheng>${base.身份证号}</ShenFenZheng></Person>`;
    const pre = (await upload('/api/interop/lrmx/preview', zipSync({ 'a.lrmx': new TextEncoder().encode(lrmx) }), 'application/zip')).json();
    expect(pre.summary, JSON.stringify(pre.files[0]?.issues)).toMatchObject({ update: 1, reject: 0 });
    expect(pre.files[0].fields.find((f: { field: string }) => f.field === 'professionalTitle')).toBeUndefined();
    const com = await ganbu.post('/api/interop/lrmx/commit', { token: pre.token });
    expect(com.statusCode, com.body).toBe(200);
    const [c] = await rows<{ professional_title: string; current_post_title: string }>(`select professional_title, current_post_title from cadre where id = ${id}`);
    expect(c).toEqual({ professional_title: '经济师', current_post_title: '财政局科长' });
    const ass = await rows<{ year: number; result: string; score: number | null }>(`select year, result, score from assessment where cadre_id = ${id} and quarter is null order by year`);
    expect(ass.map((a) => [a.year, a.result, a.score == null ? null : Number(a.score)])).toEqual([[2022, '称职', 80], [2023, '优秀', 95], [2024, '称职', null]]);
  });

  it('matches by 姓名 + 出生年月 when the name needs quoting in the lookup', async () => {
    const name = '阿依"古丽",{丽}\\';
    const [{ id }] = await rows<{ id: number }>(
      `insert into cadre (name, sex, ethnicity, birth_date, political_status, party_join_date, work_start_date, current_org_id) values ('${name.replace(/'/g, "''")}', '2', '05', '1980-05-01', '01', '2003-07-01', '2002-08-01', 3) returning id`,
    );
    const pre = (await upload('/api/interop/excel/preview', await xlsx([{ 姓名: name, 性别: '女', 民族: '维吾尔族', 出生年月: '1980.05', 政治面貌: '中共党员', 入党时间: '2003.07', 参加工作时间: '2002.08', 单位: '财政局', 现任职务: '财政局科员' }]), XLSX)).json();
    expect(pre.summary, JSON.stringify(pre.files[0]?.issues)).toMatchObject({ update: 1, reject: 0 });
    expect(pre.files[0]).toMatchObject({ status: 'update', cadreId: Number(id), name });
  });
});

describe('writeAuditBatch', () => {
  it('writes the same rows as writeAudit, one per entry, in chunks, and rolls back with its transaction', async () => {
    const actor = { user: { id: 1, username: 'auditor' }, ip: '10.0.0.1' };
    const entry = (i: number): AuditEntryInput => ({ action: 'import', entity: 'cadre', entityId: i, cadreId: i, before: i % 2 ? null : { k: `旧${i}` }, after: { k: `新${i}`, text: 'a\nb\t"c"\\' } });
    const before = await n(`select count(*)::int n from audit_log`);
    await writeAudit(t.database.db, actor, entry(-1));
    const written = await writeAuditBatch(t.database.db, actor, (function* () {
      for (let i = 0; i < 2_500; i++) yield entry(i);
    })());
    expect(written).toBe(2_500);
    expect(await n(`select count(*)::int n from audit_log`)).toBe(before + 2_501);
    const pick = `select user_id, username, action, entity, entity_id, cadre_id, before, after, ip from audit_log where username = 'auditor'`;
    const single = (await rows<Record<string, unknown>>(`${pick} and entity_id = '-1'`))[0];
    const batch = await rows<Record<string, unknown>>(`${pick} and entity_id in ('0', '1', '2499') order by cadre_id`);
    expect(batch).toEqual([0, 1, 2499].map((i) => ({ ...single, entity_id: String(i), cadre_id: i, before: i % 2 ? null : { k: `旧${i}` }, after: { k: `新${i}`, text: 'a\nb\t"c"\\' } })));

    await expect(
      t.database.db.transaction(async (tx) => {
        await writeAuditBatch(tx as unknown as Db, actor, [entry(9001), entry(9002)]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await n(`select count(*)::int n from audit_log where username = 'auditor' and cadre_id > 9000`)).toBe(0);
  });
});
