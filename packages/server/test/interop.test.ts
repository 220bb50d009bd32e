import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { makeIdNumber, parseLrmx } from '@cadre/core';
import { setup, type Client, type TestContext } from './app';
import { buildApp } from '../src/app';
import { forgetRecentPreviews } from '../src/modules/interop/service';

let t: TestContext;
let ganbu: Client;
beforeAll(async () => {
  t = await setup();
  ganbu = await t.as('ganbu');
});
afterAll(() => t.close());

const count = async (table: string, where = 'true') => {
  const r = (await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table} where ${where}`))) as unknown as { rows: { n: number }[] };
  return r.rows[0].n;
};
const snapshot = async () => Promise.all(['cadre', 'career', 'education', 'family_member', 'assessment', 'reward', 'audit_log'].map((x) => count(x)));

const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb004300' + '01'.repeat(64) + 'ffc0000b080001000101011100ffc4001400' + '01' + '00'.repeat(15) + '00ffda0008010100003f00d2cf20ff00ffd9', 'hex');

function lrmx(over: Record<string, string> = {}, family = true): string {
  const f: Record<string, string> = {
    XingMing: '周敏', XingBie: '女', ChuShengNianYue: '1985.04', MinZu: '汉族', JiGuan: '浙江宁波', ChuShengDi: '浙江宁波', RuDangShiJian: '200706',
    CanJiaGongZuoShiJian: '200708', JianKangZhuangKuang: '健康', ZhuanYeJiShuZhiWu: '', ShuXiZhuanYeYouHeZhuanChang: '财政管理',
    QuanRiZhiJiaoYu_XueLi: '大学', QuanRiZhiJiaoYu_XueWei: '经济学学士', QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '浙江财经学院财政学专业', QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '浙江财经学院财政学专业',
    ZaiZhiJiaoYu_XueLi: '', ZaiZhiJiaoYu_XueWei: '', ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '', ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '',
    XianRenZhiWu: '财政局副局长', NiRenZhiWu: '', NiMianZhiWu: '',
    JianLi: '2003.09--2007.07  浙江财经学院财政学专业学生\n2007.08—2015.03  城关镇科员\n２０１５．０３－－２０２０．０１  财政局预算科科长\n          （其间：2016.09--2019.07在中央党校在职大学班学习）\n2020.01--         财政局副局长',
    JiangChengQingKuang: '2021年被评为优秀公务员', NianDuKaoHeJieGuo: '2022年度考核称职；2023年度考核优秀；2024年度考核称职', RenMianLiYou: '',
    ChengBaoDanWei: '', JiSuanNianLingShiJian: '20250101', TianBiaoShiJian: '20241024', TianBiaoRen: '', ShenFenZheng: makeIdNumber('330102', '1985-04-10', 22),
    ZhaoPian: JPEG.toString('base64'), Version: '3.2.1.16', ...over,
  };
  const fam = family ? '<Item><ChengWei>丈夫</ChengWei><XingMing>陈刚</XingMing><ChuShengRiQi>198302</ChuShengRiQi><ZhengZhiMianMao>群众</ZhengZhiMianMao><GongZuoDanWeiJiZhiWu>某公司职员</GongZuoDanWeiJiZhiWu></Item>' : '';
  const body = Object.entries(f).map(([k, v]) => `  <${k}>${v}</${k}>`).join('\n').replace('  <ChengBaoDanWei>', `  <JiaTingChengYuan>${fam}</JiaTingChengYuan>\n  <ChengBaoDanWei>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Person>\n${body}\n</Person>\n`;
}

const enc = (s: string) => new TextEncoder().encode(s);
const upload = (c: Client, url: string, body: Buffer | Uint8Array, type = 'application/zip') =>
  t.app.inject({ method: 'POST', url, headers: { cookie: c.cookie, 'content-type': type }, payload: Buffer.from(body) });

const ZHANG_WEI_ID = makeIdNumber('330102', '1975-03-15', 13);
const XXE = '<?xml version="1.0"?>\n<!DOCTYPE Person [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<Person><XingMing>&xxe;</XingMing></Person>';
const LAUGHS = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n<Person><XingMing>&lol3;</XingMing></Person>';

describe('LRMX import: preview and commit', () => {
  let token = '';
  it('previews a good zip: creates, an update matched by 身份证号, per-field report', async () => {
    const zip = zipSync({
      'a/周敏.lrmx': enc(lrmx()),
      'a/吴涛.lrmx': enc(lrmx({ XingMing: '吴涛', XingBie: '男', ChuShengNianYue: '198811', ShenFenZheng: makeIdNumber('330102', '1988-11-02', 31), RuDangShiJian: '201006；民盟', XianRenZhiWu: '城关镇副镇长', JianLi: '2010.07--2018.03  城关镇科员\n2018.03--         城关镇副镇长' }, false)),
      'a/张伟.lrmx': enc(lrmx({ XingMing: '张伟', XingBie: '男', ChuShengNianYue: '197503', ShenFenZheng: ZHANG_WEI_ID, RuDangShiJian: '199607', CanJiaGongZuoShiJian: '199708', XianRenZhiWu: '城关镇党委书记', ShuXiZhuanYeYouHeZhuanChang: '乡村振兴', JianLi: '1997.08--2014.06  城关镇科员、副镇长\n2014.06--         城关镇党委书记' }, false)),
      'readme.txt': enc('ignored'),
    });
    const res = await upload(ganbu, '/api/interop/lrmx/preview', zip);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    token = body.token;
    expect(body.summary).toEqual({ files: 3, create: 2, update: 1, reject: 0, warnings: 1, committable: true });
    expect(body.skipped).toEqual(['readme.txt']);
    const zhou = body.files.find((f: { name: string }) => f.name === '周敏');
    expect(zhou).toMatchObject({ file: 'a/周敏.lrmx', status: 'create', orgId: 3, orgName: '财政局', issues: [] });
    expect(zhou.fields).toEqual(expect.arrayContaining([
      { field: 'birthDate', label: '出生年月', action: 'set', after: '1985-04-10' },
      { field: 'politicalStatus', label: '政治面貌', action: 'set', after: '中共党员（01）' },
      { field: 'career', label: '简历', action: 'set', after: '4 条' },
      { field: 'family', label: '家庭成员', action: 'set', after: '1 条' },
    ]));
    const wu = body.files.find((f: { name: string }) => f.name === '吴涛');
    expect(wu.issues).toEqual([expect.objectContaining({ field: 'RuDangShiJian', code: 'party_date_kept_as_text', severity: 'warning' })]);
    expect(wu.fields).toEqual(expect.arrayContaining([{ field: 'politicalStatus', label: '政治面貌', action: 'set', after: '民盟盟员（05）' }]));
    const zhang = body.files.find((f: { name: string }) => f.name === '张伟');
    expect(zhang).toMatchObject({ status: 'update', cadreId: 1 });
    expect(zhang.fields).toEqual(expect.arrayContaining([
      { field: 'expertise', label: '熟悉专业有何专长', action: 'change', before: null, after: '乡村振兴' },
      { field: 'career', label: '简历', action: 'replace', after: '2 条' },
    ]));
  });

  it('commits everything in one transaction and audits each record', async () => {
    const before = await count('cadre');
    const res = await ganbu.post('/api/interop/lrmx/commit', { token });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, updated: 1 });
    expect(await count('cadre')).toBe(before + 2);
    const roster = (await ganbu.get('/api/cadres?q=周敏')).json();
    expect(roster.items).toHaveLength(1);
    const id = roster.items[0].id;
    expect(roster.items[0]).toMatchObject({ name: '周敏', sex: '2', currentOrgId: 3, politicalStatus: '01' });
    expect((await ganbu.get(`/api/cadres/${id}/career`)).json().items.map((c: { orgName: string; postTitle: string }) => c.orgName + '|' + c.postTitle)).toEqual([
      '浙江财经学院财政学专业|学生', '城关镇|科员', '财政局预算科|科长', '财政局|副局长',
    ]);
    expect((await ganbu.get(`/api/cadres/${id}/assessments`)).json().items.map((a: { year: number; result: string }) => `${a.year}${a.result}`)).toEqual(['2022称职', '2023优秀', '2024称职']);
    expect((await ganbu.get(`/api/cadres/${id}/family`)).json().items[0]).toMatchObject({ relation: '丈夫', name: '陈刚', birthDate: '1983-02-01', politicalStatus: '13' });
    expect(await count('audit_log', `action = 'import' and entity = 'cadre' and cadre_id = ${id}`)).toBe(1);
    expect(await count('audit_log', `action = 'import' and entity = 'family_member' and cadre_id = ${id}`)).toBe(1);
    // the same token cannot be committed twice
    expect((await ganbu.post('/api/interop/lrmx/commit', { token })).statusCode).toBe(404);
  });

  it('exports an unchanged import with byte-equal text fields, and re-importing changes nothing', async () => {
    const id = (await ganbu.get('/api/cadres?q=周敏')).json().items[0].id;
    const res = await ganbu.get(`/api/interop/lrmx/export?ids=${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    const original = parseLrmx(lrmx()).person!;
    const exported = parseLrmx(res.body).person!;
    // every text field byte-equal; the photo (照片) was re-encoded on import, so it is a JPEG of the same picture
    const { ZhaoPian: photoOut, ...textOut } = exported.source.raw;
    const { ZhaoPian: photoIn, ...textIn } = original.source.raw;
    expect(textOut).toEqual(textIn);
    expect(photoIn).toBeTruthy();
    expect(await sharp(Buffer.from(String(photoOut), 'base64')).metadata()).toMatchObject({ format: 'jpeg', width: 1, height: 1 });
    // round trip: the exported file previews as an update with no field changes
    const again = (await upload(ganbu, '/api/interop/lrmx/preview', Buffer.from(res.body), 'application/octet-stream')).json();
    expect(again.summary).toMatchObject({ update: 1, reject: 0 });
    expect(again.files[0].fields.filter((f: { action: string }) => f.action === 'change')).toEqual([]);

    const two = await ganbu.get(`/api/interop/lrmx/export?ids=${id},1`);
    expect(two.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(two.rawPayload));
    expect(Object.keys(files).sort()).toEqual([`周敏_${id}.lrmx`, '张伟_1.lrmx']);
    expect(parseLrmx(new TextDecoder().decode(files['张伟_1.lrmx'])).person).toMatchObject({ name: '张伟', idNumber: ZHANG_WEI_ID });
  });

  it('prints the 任免审批表 with ages at asOf', async () => {
    const id = (await ganbu.get('/api/cadres?q=周敏')).json().items[0].id;
    const res = await ganbu.get(`/api/cadres/${id}/form?asOf=2025-06-30`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('干部任免审批表');
    expect(res.body).toContain('1985.04<br>（40岁）');
    expect(res.body).toContain('<td class="v">陈刚</td><td class="v">42</td>');
    expect(res.body).toContain('（其间：2016.09--2019.07在中央党校在职大学班学习）');
    expect(res.body.match(/class="page"/g)).toHaveLength(2);
    expect((await ganbu.get(`/api/cadres/${id}/form?asOf=2025-13-01`)).statusCode).toBe(400);
  });
});

describe('LRMX import: hostile and broken files', () => {
  const reportOf = async (files: Record<string, string>) => {
    const res = await upload(ganbu, '/api/interop/lrmx/preview', zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, enc(v)]))));
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('rejects a corrupt file, an XXE attempt and billion laughs with exact reports', async () => {
    const body = await reportOf({ 'corrupt.lrmx': '<Person><XingMing>张三</XingMing><MinZu>汉族</Person>', 'xxe.lrmx': XXE, 'laughs.lrmx': LAUGHS });
    expect(body.summary).toEqual({ files: 3, create: 0, update: 0, reject: 3, warnings: 0, committable: false });
    expect(body.files).toEqual([
      { file: 'corrupt.lrmx', status: 'reject', name: '', fields: [], issues: [{ field: '(file)', label: '(file)', code: 'xml_malformed', severity: 'error', message: "XML 格式错误（第 1 行第 41 列）：Expected closing tag 'MinZu' (opened in line 1, col 32) instead of closing tag 'Person'.", messageEn: "malformed XML (line 1, column 41): Expected closing tag 'MinZu' (opened in line 1, col 32) instead of closing tag 'Person'." }] },
      { file: 'xxe.lrmx', status: 'reject', name: '', fields: [], issues: [{ field: '(file)', label: '(file)', code: 'doctype_refused', severity: 'error', message: '文件含 DOCTYPE 声明，出于安全原因拒绝解析', messageEn: 'DOCTYPE declarations are refused (XXE / entity expansion)' }] },
      { file: 'laughs.lrmx', status: 'reject', name: '', fields: [], issues: [{ field: '(file)', label: '(file)', code: 'doctype_refused', severity: 'error', message: '文件含 DOCTYPE 声明，出于安全原因拒绝解析', messageEn: 'DOCTYPE declarations are refused (XXE / entity expansion)' }] },
    ]);
  });

  it('reports unknown names with suggestions and bad dates per field', async () => {
    const body = await reportOf({ 'x.lrmx': lrmx({ XingMing: '郑一', ShenFenZheng: '', MinZu: '汉', QuanRiZhiJiaoYu_XueLi: '大学本课', CanJiaGongZuoShiJian: '2007.13' }) });
    const f = body.files[0];
    expect(f.status).toBe('reject');
    expect(f.issues.map((i: { field: string; code: string }) => `${i.field}:${i.code}`)).toEqual(['CanJiaGongZuoShiJian:bad_date', 'QuanRiZhiJiaoYu_XueLi:unknown_name']);
    expect(f.issues[1].suggestions).toContain('大学');
  });

  it('one bad file in a zip: the commit is refused and nothing is written', async () => {
    const body = await reportOf({ 'good.lrmx': lrmx({ XingMing: '冯一', ShenFenZheng: makeIdNumber('330102', '1985-04-10', 42) }), 'bad.lrmx': XXE });
    expect(body.summary).toMatchObject({ create: 1, reject: 1, committable: false });
    const before = await snapshot();
    const res = await ganbu.post('/api/interop/lrmx/commit', { token: body.token });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'preview_has_errors', messageEn: '1 record(s) of the preview were rejected; fix them and upload again. Nothing was written.' });
    expect(await snapshot()).toEqual(before);
  });

  it('a record changed after the preview: the whole commit rolls back', async () => {
    const body = await reportOf({
      'new.lrmx': lrmx({ XingMing: '褚一', ShenFenZheng: makeIdNumber('330102', '1985-04-10', 52) }),
      'upd.lrmx': lrmx({ XingMing: '王强', XingBie: '男', ChuShengNianYue: '196810', ShenFenZheng: makeIdNumber('330102', '1968-10-01', 17), RuDangShiJian: '198907', CanJiaGongZuoShiJian: '199008', JianLi: '1990.08--         财政局局长', XianRenZhiWu: '财政局局长' }, false),
    });
    expect(body.summary).toMatchObject({ create: 1, update: 1, reject: 0 });
    const cur = (await ganbu.get('/api/cadres/3')).json().cadre;
    expect((await ganbu.patch('/api/cadres/3', { version: cur.version, remark: '改了' })).statusCode).toBe(200);
    const before = await snapshot();
    const res = await ganbu.post('/api/interop/lrmx/commit', { token: body.token });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('conflict');
    expect(await snapshot()).toEqual(before);
    expect((await ganbu.get('/api/cadres?q=褚一')).json().items).toHaveLength(0);
  });

  it('refuses a zip bomb (declared and actual sizes) before inflating it all', async () => {
    const bomb = zipSync({ 'bomb.lrmx': new Uint8Array(6 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(20_000);
    const res = await upload(ganbu, '/api/interop/lrmx/preview', bomb);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'zip_entry_too_large', message: '压缩包中的文件 bomb.lrmx 解压后超过 5 MB', messageEn: 'bomb.lrmx declares 6291456 bytes uncompressed, over the 5242880 byte limit', issues: [{ path: 'bomb.lrmx', code: 'zip_entry_too_large', message: '压缩包中的文件 bomb.lrmx 解压后超过 5 MB', messageEn: 'bomb.lrmx declares 6291456 bytes uncompressed, over the 5242880 byte limit' }] });
    // the same bomb with lying headers (local and central directory declare 100 bytes): stopped while inflating
    const liar = Buffer.from(bomb);
    liar.writeUInt32LE(100, 22);
    liar.writeUInt32LE(100, liar.readUInt32LE(liar.length - 22 + 16) + 24);
    const res2 = await upload(ganbu, '/api/interop/lrmx/preview', liar);
    expect(res2.statusCode).toBe(400);
    expect(res2.json()).toMatchObject({ error: 'zip_entry_too_large', messageEn: 'bomb.lrmx inflates past the 5242880 byte limit (its declared size 100 is false)' });
  });

  it('refuses entry names with ../ and absolute paths', async () => {
    for (const name of ['../evil.lrmx', 'a/../../evil.lrmx', '/etc/evil.lrmx', 'C:/evil.lrmx']) {
      const res = await upload(ganbu, '/api/interop/lrmx/preview', zipSync({ 'ok.lrmx': enc(lrmx()), [name]: enc(lrmx()) }));
      expect(res.statusCode, name).toBe(400);
      expect(res.json()).toMatchObject({ error: 'zip_path_traversal', issues: [{ path: name, code: 'zip_path_traversal' }] });
    }
  });

  it('strips trailing bytes after the JPEG end marker and says so', async () => {
    const photo = Buffer.concat([JPEG, Buffer.from('<?php system($_GET[1]); ?>')]).toString('base64');
    const body = await reportOf({ 'p.lrmx': lrmx({ XingMing: '蒋一', ShenFenZheng: makeIdNumber('330102', '1985-04-10', 62), ZhaoPian: photo }) });
    expect(body.files[0].issues).toEqual([expect.objectContaining({ field: 'ZhaoPian', code: 'photo_sanitized', severity: 'warning', messageEn: 'photo cleaned: removed 26 bytes after the end marker' })]);
    const svg = await reportOf({ 'p.lrmx': lrmx({ ZhaoPian: Buffer.from('<svg onload="alert(1)"/>').toString('base64') }) });
    expect(svg.files[0].issues).toEqual([expect.objectContaining({ field: 'ZhaoPian', code: 'photo_format', severity: 'error' })]);
  });
});

describe('photos are re-encoded before they are stored', () => {
  const reportOf = async (files: Record<string, string>) => {
    const res = await upload(ganbu, '/api/interop/lrmx/preview', zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, enc(v)]))));
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const dataUrl = (b: Buffer, mime = 'image/jpeg') => `data:${mime};base64,${b.toString('base64')}`;
  const photoOf = async (id: number) => (await ganbu.get(`/api/cadres/${id}`)).json().cadre.photo as string;
  const bytesOf = (u: string) => Buffer.from(u.slice(u.indexOf(',') + 1), 'base64');

  it('an imported JPEG with a payload after its end marker is stored as a fresh JPEG of the same pixels, without the payload', async () => {
    const clean = await sharp({ create: { width: 90, height: 120, channels: 3, background: { r: 200, g: 30, b: 40 } } }).jpeg().toBuffer();
    const polyglot = Buffer.concat([clean, Buffer.from('<?php system($_GET[1]); ?>')]);
    const id = makeIdNumber('330102', '1985-04-10', 64);
    const res = await upload(ganbu, '/api/interop/lrmx/preview', enc(lrmx({ XingMing: '韩照', ShenFenZheng: id, ZhaoPian: polyglot.toString('base64') })), 'application/xml');
    expect(res.statusCode, res.body).toBe(200);
    const com = await ganbu.post('/api/interop/lrmx/commit', { token: res.json().token });
    expect(com.statusCode, com.body).toBe(200);
    const [row] = ((await t.database.db.execute(sql.raw(`select id from cadre where id_number = '${id}'`))) as unknown as { rows: { id: number }[] }).rows;
    const stored = bytesOf(await photoOf(row.id));
    expect(stored.includes(Buffer.from('<?php'))).toBe(false);
    expect(stored.equals(clean)).toBe(false); // re-encoded, not copied
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 90, height: 120 });
    const { data } = await sharp(stored).raw().toBuffer({ resolveWithObject: true });
    expect(Math.abs(data[0] - 200) + Math.abs(data[1] - 30) + Math.abs(data[2] - 40)).toBeLessThan(30);
    // exported and imported again: the stored photo is byte-equal, so nothing changes
    const exported = await ganbu.get(`/api/interop/lrmx/export?ids=${row.id}`);
    expect(exported.statusCode).toBe(200);
    const again = await upload(ganbu, '/api/interop/lrmx/preview', exported.rawPayload, String(exported.headers['content-type']).includes('zip') ? 'application/zip' : 'application/xml');
    expect(again.statusCode, again.body).toBe(200);
    const f = again.json().files[0];
    expect(f.status).toBe('update');
    expect((f.fields ?? []).filter((x: { field: string }) => x.field === 'photo')).toEqual([]);
  });

  it('a PNG is stored as a JPEG; an image over the pixel limit is rejected, damaged scan data is kept with a warning', async () => {
    const png = await sharp({ create: { width: 40, height: 50, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } }).png().toBuffer();
    const ok = await reportOf({ 'png.lrmx': lrmx({ XingMing: '韩图', ShenFenZheng: makeIdNumber('330102', '1985-04-10', 66), ZhaoPian: png.toString('base64') }) });
    expect(ok.files[0].status).toBe('create');
    // a decompression bomb: 12,000 × 12,000 pixels of one colour is a few hundred KB of PNG
    const bomb = await sharp({ create: { width: 12000, height: 12000, channels: 3, background: '#ffffff' } }).png({ compressionLevel: 9 }).toBuffer();
    const big = await reportOf({ 'bomb.lrmx': lrmx({ XingMing: '韩炸', ShenFenZheng: makeIdNumber('330102', '1985-04-10', 68), ZhaoPian: bomb.toString('base64') }) });
    expect(big.files[0]).toMatchObject({ status: 'reject' });
    expect(big.files[0].issues).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'ZhaoPian', code: 'photo_undecodable', severity: 'error' })]));
    // a JPEG whose structure is fine but whose scan data is garbage
    const good = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#808080' } }).jpeg().toBuffer();
    const sos = good.indexOf(Buffer.from([0xff, 0xda]));
    const broken = Buffer.concat([good.subarray(0, sos + 12), Buffer.alloc(40, 0xff), Buffer.from([0xff, 0xd9])]);
    const bad = await reportOf({ 'bad.lrmx': lrmx({ XingMing: '韩坏', ShenFenZheng: makeIdNumber('330102', '1985-04-10', 70), ZhaoPian: broken.toString('base64') }) });
    expect(bad.files[0].status).toBe('create');
    expect(bad.files[0].issues).toEqual([expect.objectContaining({ field: 'ZhaoPian', code: 'photo_damaged', severity: 'warning' })]);
    // cut short after the scan header (the end marker kept, so the structure check passes): the decoder warns too
    const short = Buffer.concat([good.subarray(0, sos + 16), Buffer.from([0xff, 0xd9])]);
    const cut = await reportOf({ 'short.lrmx': lrmx({ XingMing: '韩短', ShenFenZheng: makeIdNumber('330102', '1985-04-10', 74), ZhaoPian: short.toString('base64') }) });
    expect(cut.files[0].issues.map((i: { code: string }) => i.code)).toEqual(['photo_damaged']);
  });

  it('a photo sent with PATCH /api/cadres/:id is stored re-encoded; a broken one is a 400 on the photo field', async () => {
    const c = (await ganbu.get('/api/cadres/2')).json().cadre;
    const webp = await sharp({ create: { width: 30, height: 40, channels: 3, background: '#00ff00' } }).webp().toBuffer();
    const res = await ganbu.patch('/api/cadres/2', { version: c.version, photo: dataUrl(webp, 'image/webp') });
    expect(res.statusCode, res.body).toBe(200);
    const stored = await photoOf(2);
    expect(stored.startsWith('data:image/jpeg;base64,')).toBe(true);
    expect((await sharp(bytesOf(stored)).metadata()).format).toBe('jpeg');
    const bad = await ganbu.patch('/api/cadres/2', { version: res.json().version ?? res.json().cadre?.version, photo: dataUrl(Buffer.from('not an image at all')) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0]).toMatchObject({ path: 'photo', code: 'photo_undecodable' });
    // damaged scan data: an import keeps it with a warning, a direct upload is refused (pick another file)
    const good = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#808080' } }).jpeg().toBuffer();
    const sos = good.indexOf(Buffer.from([0xff, 0xda]));
    const damaged = Buffer.concat([good.subarray(0, sos + 16), Buffer.from([0xff, 0xd9])]);
    const refused = await ganbu.patch('/api/cadres/2', { version: res.json().version ?? res.json().cadre?.version, photo: dataUrl(damaged) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues[0]).toMatchObject({ path: 'photo', code: 'photo_damaged' });
    expect(await photoOf(2)).toBe(stored);
  });
});

describe('access', () => {
  it('roles that may not write the registry cannot import', async () => {
    for (const u of ['lingdao', 'jiandu']) {
      const c = await t.as(u);
      expect((await upload(c, '/api/interop/lrmx/preview', enc(lrmx()) as Buffer, 'application/octet-stream')).statusCode, u).toBe(403);
    }
  });
  it('unit HR imports only into their subtree and without ID numbers or family', async () => {
    const hr = await t.as('danwei');
    const out = (await upload(hr, '/api/interop/lrmx/preview', enc(lrmx({ XingMing: '沈一', ShenFenZheng: makeIdNumber('330102', '1985-04-10', 72) })) as Buffer, 'application/octet-stream')).json();
    expect(out.files[0]).toMatchObject({ status: 'reject', issues: expect.arrayContaining([expect.objectContaining({ code: 'out_of_scope', severity: 'error', messageEn: 'unit "财政局" is outside your org subtree' })]) });
    const inScope = (await upload(hr, '/api/interop/lrmx/preview', enc(lrmx({ XingMing: '沈一', XianRenZhiWu: '城关镇副镇长', ShenFenZheng: makeIdNumber('330102', '1985-04-10', 72) })) as Buffer, 'application/octet-stream')).json();
    expect(inScope.files[0]).toMatchObject({ status: 'create', orgId: 2 });
    expect(inScope.files[0].issues.map((i: { code: string; field: string }) => `${i.field}:${i.code}`)).toEqual(['ShenFenZheng:not_permitted', 'JiaTingChengYuan:not_permitted']);
    const res = await hr.post('/api/interop/lrmx/commit', { token: inScope.token });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().items[0].cadreId;
    expect(await count('cadre', `id = ${id} and id_number is null`)).toBe(1);
    expect(await count('family_member', `cadre_id = ${id}`)).toBe(0);
    // another user cannot commit someone else's preview
    expect((await ganbu.post('/api/interop/lrmx/commit', { token: inScope.token })).statusCode).toBe(404);
    // export outside the subtree is not found
    expect((await hr.get('/api/interop/lrmx/export?ids=3')).statusCode).toBe(404);
  });
});

describe('Excel 花名册', () => {
  const fill = async (rows: Record<string, unknown>[], headers?: string[]) => {
    const wb = new ExcelJS.Workbook();
    if (!headers) {
      await wb.xlsx.load((await ganbu.get('/api/interop/excel/template')).rawPayload as never);
      const ws = wb.getWorksheet('干部花名册')!;
      const hs = (ws.getRow(1).values as string[]).slice(1).map((h) => h.replace('*', ''));
      rows.forEach((r, i) => hs.forEach((h, j) => (ws.getCell(2 + i, j + 1).value = (r[h] as string) ?? null)));
    } else {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(headers);
      for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const good = { 姓名: '韩梅', 性别: '女', 民族: '汉族', 出生年月: '1990.03', 身份证号: makeIdNumber('330102', '1990-03-05', 82), 政治面貌: '中共党员', 入党时间: '2012.06', 参加工作时间: '2012.08', 全日制学历: '大学', 全日制学位: '法学学士', 全日制毕业院校系及专业: '浙江大学法学专业', 单位: '城关镇', 现任职务: '城关镇副镇长', 职务层次: '乡科级副职', 简历: '2012.08--2020.01  城关镇科员\n2020.01--         城关镇副镇长' };

  it('the template has Chinese headers and drop-down lists for coded columns', async () => {
    const res = await ganbu.get('/api/interop/excel/template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.getWorksheet('干部花名册')!;
    expect((ws.getRow(1).values as string[]).slice(1, 6)).toEqual(['姓名*', '性别*', '民族*', '出生年月*', '身份证号']);
    expect(ws.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ['代码!$A$2:$A$5'] });
    expect(wb.getWorksheet('代码')!.getCell('A2').value).toBe('男');
  });

  it('template round trip: bad cells are reported with row/column, the report marks them, commit refused until fixed', async () => {
    const xlsx = await fill([good, { ...good, 姓名: '李雷', 身份证号: '', 民族: '汉人', 出生年月: '1990.13' }]);
    const res = await upload(ganbu, '/api/interop/excel/preview', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.summary).toMatchObject({ files: 2, create: 1, reject: 1, committable: false });
    expect(body.files[1]).toMatchObject({ file: '第 3 行', row: 3, status: 'reject' });
    expect(body.files[1].issues.map((i: { field: string; code: string; row: number; col: number }) => [i.field, i.code, i.row, i.col])).toEqual([
      ['民族', 'unknown_name', 3, 3],
      ['出生年月', 'bad_date', 3, 4],
    ]);
    const rep = await ganbu.get(body.reportUrl);
    expect(rep.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(rep.rawPayload as never);
    const ws = wb.getWorksheet('导入错误报告')!;
    expect(ws.getCell('A2').value).toBe(3);
    expect(ws.getCell('D2').value).toBe('汉人');
    expect((ws.getCell('D2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect((ws.getCell('E2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect((await ganbu.post('/api/interop/excel/commit', { token: body.token })).statusCode).toBe(409);

    const fixed = (await upload(ganbu, '/api/interop/excel/preview', await fill([good]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).json();
    expect(fixed.summary).toMatchObject({ create: 1, reject: 0 });
    const c = await ganbu.post('/api/interop/excel/commit', { token: fixed.token });
    expect(c.statusCode, c.body).toBe(200);
    const item = (await ganbu.get('/api/cadres?q=韩梅')).json().items[0];
    expect(item).toMatchObject({ currentOrgId: 2, postLevel: '142', fullTimeEducation: '21' });
    expect((await ganbu.get(`/api/cadres/${item.id}/career`)).json().items).toHaveLength(2);
  });

  it('maps non-template headers with the mapping parameter', async () => {
    const headers = ['员工姓名', '性别', '民族', '出生日期', '党派', '参加工作时间'];
    const xlsx = await fill([{ 员工姓名: '陶然', 性别: '男', 民族: '回族', 出生日期: '1992.07', 党派: '群众', 参加工作时间: '2014.08' }], headers);
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const missing = await upload(ganbu, '/api/interop/excel/preview', xlsx, type);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: 'missing_columns', messageEn: 'required columns missing: 姓名, 政治面貌 (use the mapping parameter)' });
    const mapping = encodeURIComponent(JSON.stringify({ 员工姓名: '姓名', 党派: '政治面貌' }));
    const ok = (await upload(ganbu, `/api/interop/excel/preview?mapping=${mapping}`, xlsx, type)).json();
    expect(ok.summary).toMatchObject({ create: 1, reject: 0 });
    expect(ok.files[0].fields).toEqual(expect.arrayContaining([{ field: 'ethnicity', label: '民族', action: 'set', after: '回族（03）' }]));
  });
});

describe('preview paging', () => {
  it('pages the per-file reports and filters by status', async () => {
    const files = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`p${i}.lrmx`, enc(i === 1 ? XXE : lrmx({ XingMing: `页${i}`, ShenFenZheng: makeIdNumber('330102', '1985-04-10', 100 + i * 2) }))]));
    const pre = (await upload(ganbu, '/api/interop/lrmx/preview', zipSync(files))).json();
    expect(pre).toMatchObject({ filesTotal: 3, offset: 0 });
    const page = (await ganbu.get(`/api/interop/previews/${pre.token}?offset=1&limit=1`)).json();
    expect(page.files.map((f: { file: string }) => f.file)).toEqual(['p1.lrmx']);
    const rejects = (await ganbu.get(`/api/interop/previews/${pre.token}?status=reject`)).json();
    expect(rejects).toMatchObject({ filesTotal: 1, files: [{ file: 'p1.lrmx', status: 'reject' }] });
    expect((await (await t.as('admin')).get(`/api/interop/previews/${pre.token}`)).statusCode).toBe(404);
  });
});

describe('previews are rows of import_preview: a restart keeps them, any instance commits them once', () => {
  it('a preview is read back after a restart, committed by a second server instance, and only once', async () => {
    const file = lrmx({ XingMing: '柏一帆', ShenFenZheng: makeIdNumber('330102', '1985-04-10', 96) });
    const made = (await upload(ganbu, '/api/interop/lrmx/preview', enc(file) as Buffer, 'application/octet-stream')).json();
    expect(made.summary).toMatchObject({ create: 1, reject: 0 });
    expect(await count('import_preview', `token = '${made.token}'`)).toBe(1);
    // what a restarted process sees: no decoded copy, only the row
    forgetRecentPreviews();
    const again = await ganbu.get(`/api/interop/previews/${made.token}`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().summary).toEqual(made.summary);
    // a second instance on the same database (the session is a row too) commits it; the first cannot commit it again
    const other = await buildApp({ database: t.database, serveWeb: false });
    try {
      const [a, b] = await Promise.all([
        other.inject({ method: 'POST', url: '/api/interop/lrmx/commit', headers: { cookie: ganbu.cookie }, payload: { token: made.token } }),
        ganbu.post('/api/interop/lrmx/commit', { token: made.token }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 404]);
    } finally {
      await other.close();
    }
    expect(await count('cadre', `name = '柏一帆'`)).toBe(1);
    expect(await count('import_preview', `token = '${made.token}'`)).toBe(0);
    expect((await ganbu.get(`/api/interop/previews/${made.token}`)).statusCode).toBe(404);
  });

  it('an expired preview is gone; another user never sees one', async () => {
    const made = (await upload(ganbu, '/api/interop/lrmx/preview', enc(lrmx({ XingMing: '柏二帆', ShenFenZheng: makeIdNumber('330102', '1985-04-10', 98) })) as Buffer, 'application/octet-stream')).json();
    const admin = await t.as('admin');
    expect((await admin.get(`/api/interop/previews/${made.token}`)).statusCode).toBe(404);
    expect((await admin.post('/api/interop/lrmx/commit', { token: made.token })).statusCode).toBe(404);
    await t.database.db.execute(sql.raw(`update import_preview set expires_at = now() - interval '1 minute' where token = '${made.token}'`));
    expect((await ganbu.get(`/api/interop/previews/${made.token}`)).statusCode).toBe(404);
    expect((await ganbu.post('/api/interop/lrmx/commit', { token: made.token })).statusCode).toBe(404);
    expect(await count('cadre', `name = '柏二帆'`)).toBe(0);
  });
});
