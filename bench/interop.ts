/**
 * Interop bench: LRMX import of 10,000 generated files (one zip, preview + commit through the
 * HTTP API, target ≥ 500 files/s on PGlite, commit included) and Excel import of 100,000 rows
 * (preview + commit, target ≤ 60 s). Fresh in-memory PGlite per scenario. The 10,000 files share one
 * tiny photo (re-encoded once); an INFO scenario imports 1,000 files (BENCH_INTEROP_PHOTO_FILES) that
 * each carry their own 358 × 441 ID photo, to show what re-encoding every photo costs.
 *
 * Standalone: node --import tsx bench/interop.ts   (BENCH_INTEROP_FILES, BENCH_INTEROP_ROWS override the sizes)
 *
 * Besides wall time, each scenario prints the CPU time of the process over preview + commit (all
 * threads: PGlite runs in this thread, the GC helpers in others) and the load average, since the
 * targets are wall-clock figures and the machine is often shared: with load above the core count the
 * wall time is mostly waiting for a core, and CPU time is the figure to compare between runs.
 */
import { PassThrough } from 'node:stream';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { zipSync } from 'fflate';
import { addDays, makeIdNumber } from '../packages/core/src/index';
import { openDatabase, type Database } from '../packages/server/src/db/client';
import { runMigrations } from '../packages/server/src/db/migrate';
import { createUser, seedReferenceData } from '../packages/server/src/db/bootstrap';
import { orgUnit } from '../packages/server/src/db/schema';
import { buildApp, type App } from '../packages/server/src/app';
import type { Bench, SummaryRow } from './lib/bench';

const FILES = Number(process.env.BENCH_INTEROP_FILES ?? 10_000);
const ROWS = Number(process.env.BENCH_INTEROP_ROWS ?? 100_000);
const PASSWORD = 'bench-interop-password';
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb004300' + '01'.repeat(64) + 'ffc0000b080001000101011100ffc4001400' + '01' + '00'.repeat(15) + '00ffda0008010100003f00d2cf20ff00ffd9', 'hex').toString('base64');
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国红梅鹏辉宇飞斌波浩凯';
const UNITS = ['城关镇', '财政局', '发展和改革局', '教育局', '东城街道', '西城街道'];

function person(i: number) {
  const birth = addDays('1965-01-01', (i * 37) % 8400);
  const sex = i % 3 === 0 ? '2' : '1';
  const id = makeIdNumber('330102', birth, (i % 500) * 2 + (sex === '1' ? 1 : 0));
  const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 13) % GIVEN.length];
  const y = Number(birth.slice(0, 4));
  const unit = UNITS[i % UNITS.length];
  return { birth, sex, id, name, y, unit };
}

export function generateLrmx(i: number, photo = JPEG): string {
  const p = person(i);
  const f: [string, string][] = [
    ['XingMing', p.name], ['XingBie', p.sex === '1' ? '男' : '女'], ['ChuShengNianYue', p.birth.slice(0, 7).replace('-', '.')], ['MinZu', i % 17 === 0 ? '回族' : '汉族'],
    ['JiGuan', '浙江杭州'], ['ChuShengDi', '浙江杭州'], ['RuDangShiJian', i % 11 === 0 ? '' : `${p.y + 23}07`], ['CanJiaGongZuoShiJian', `${p.y + 22}08`], ['JianKangZhuangKuang', '健康'],
    ['ZhuanYeJiShuZhiWu', ''], ['ShuXiZhuanYeYouHeZhuanChang', '经济管理'], ['QuanRiZhiJiaoYu_XueLi', '大学'], ['QuanRiZhiJiaoYu_XueWei', '经济学学士'],
    ['QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', '浙江大学经济学院经济学专业'], ['QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi', '浙江大学经济学院经济学专业'],
    ['ZaiZhiJiaoYu_XueLi', i % 2 ? '研究生' : ''], ['ZaiZhiJiaoYu_XueWei', i % 2 ? '公共管理硕士' : ''], ['ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', i % 2 ? '中央党校经济管理专业' : ''], ['ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi', ''],
    ['XianRenZhiWu', `${p.unit}副局长`], ['NiRenZhiWu', ''], ['NiMianZhiWu', ''],
    ['JianLi', `${p.y + 18}.09--${p.y + 22}.07  浙江大学经济学院经济学专业学生\n${p.y + 22}.08--${p.y + 28}.03  ${p.unit}科员\n${p.y + 28}.03—${p.y + 33}.06  ${p.unit}办公室副主任\n          （其间：${p.y + 29}.09--${p.y + 32}.07在中央党校在职研究生班学习）\n${p.y + 33}.06--         ${p.unit}副局长`],
    ['JiangChengQingKuang', `${p.y + 30}年被评为优秀公务员`], ['NianDuKaoHeJieGuo', '2022年度考核称职；2023年度考核优秀；2024年度考核称职'], ['RenMianLiYou', ''],
  ];
  const fam = `<JiaTingChengYuan><Item><ChengWei>${p.sex === '1' ? '妻子' : '丈夫'}</ChengWei><XingMing>配偶${i}</XingMing><ChuShengRiQi>${p.y}05</ChuShengRiQi><ZhengZhiMianMao>群众</ZhengZhiMianMao><GongZuoDanWeiJiZhiWu>某公司职员</GongZuoDanWeiJiZhiWu></Item><Item><ChengWei>儿子</ChengWei><XingMing>子${i}</XingMing><ChuShengRiQi>${p.y + 28}03</ChuShengRiQi><ZhengZhiMianMao>共青团员</ZhengZhiMianMao><GongZuoDanWeiJiZhiWu>学生</GongZuoDanWeiJiZhiWu></Item></JiaTingChengYuan>`;
  const tail: [string, string][] = [['ChengBaoDanWei', ''], ['JiSuanNianLingShiJian', '20250101'], ['TianBiaoShiJian', '20241024'], ['TianBiaoRen', ''], ['ShenFenZheng', p.id], ['ZhaoPian', photo], ['Version', '3.2.1.16']];
  const el = (xs: [string, string][]) => xs.map(([k, v]) => `  <${k}>${v}</${k}>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Person>\n${el(f)}\n  ${fam}\n${el(tail)}\n</Person>\n`;
}

async function freshApp(): Promise<{ app: App; database: Database; cookie: string }> {
  const database = await openDatabase({});
  await runMigrations(database);
  await seedReferenceData(database);
  await database.db.insert(orgUnit).values([{ id: 1, parentId: null, path: '/1/', name: '临江区', kind: '党政机关' }, ...UNITS.map((name, i) => ({ id: i + 2, parentId: 1, path: `/1/${i + 2}/`, name, kind: i === 0 ? '镇街' : '党政机关' }))]);
  await database.exec("select setval(pg_get_serial_sequence('org_unit', 'id'), 100)");
  await createUser(database, { username: 'bench', role: 'cadre', password: PASSWORD });
  const app = await buildApp({ database, serveWeb: false, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
  await app.ready();
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench', password: PASSWORD } });
  return { app, database, cookie: String(res.headers['set-cookie']).split(';')[0] };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** CPU seconds of this process since `from` (user + system, all threads) */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

/** a distinct ID-photo-like JPEG (358 × 441, 二寸): a face-coloured ellipse on a tinted background with noise */
async function idPhoto(i: number): Promise<string> {
  const bg = { r: 200 + (i % 50), g: 210 + ((i * 7) % 40), b: 230 + ((i * 3) % 25) };
  const face = Buffer.from(`<svg width="358" height="441"><ellipse cx="179" cy="190" rx="${90 + (i % 20)}" ry="120" fill="rgb(${220 - (i % 30)},180,150)"/><rect x="60" y="320" width="238" height="121" fill="rgb(20,20,${40 + (i % 60)})"/></svg>`);
  const img = await sharp({ create: { width: 358, height: 441, channels: 3, background: bg, noise: { type: 'gaussian', mean: 0, sigma: 12 } } })
    .composite([{ input: face }])
    .jpeg({ quality: 90 })
    .toBuffer();
  return img.toString('base64');
}

/**
 * LRMX import through the API. `photos: 'one'` — every generated file carries the same tiny JPEG (the target
 * scenario, as generated since the first run; the server re-encodes identical photos once); `'distinct'` — each
 * file its own realistic 358 × 441 ID photo (INFO: what re-encoding every photo costs per file)
 */
async function lrmxScenario(count = FILES, photos: 'one' | 'distinct' = 'one'): Promise<SummaryRow> {
  const files: Record<string, Uint8Array> = {};
  let photoBytes = 0;
  for (let i = 0; i < count; i++) {
    const photo = photos === 'distinct' ? await idPhoto(i) : JPEG;
    photoBytes += (photo.length * 3) / 4;
    files[`lrmx/${i}.lrmx`] = new TextEncoder().encode(generateLrmx(i, photo));
  }
  const zip = Buffer.from(zipSync(files, { level: 6 }));
  const { app, database, cookie } = await freshApp();
  try {
    const l0 = load();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const pre = await app.inject({ method: 'POST', url: '/api/interop/lrmx/preview', headers: { cookie, 'content-type': 'application/zip' }, payload: zip });
    const t1 = performance.now();
    if (pre.statusCode !== 200) throw new Error(`preview ${pre.statusCode}: ${pre.body.slice(0, 300)}`);
    const body = pre.json();
    if (body.summary.reject) throw new Error(`preview rejected ${body.summary.reject}: ${JSON.stringify(body.files.find((f: { status: string }) => f.status === 'reject'))}`);
    const com = await app.inject({ method: 'POST', url: '/api/interop/lrmx/commit', headers: { cookie }, payload: { token: body.token } });
    const t2 = performance.now();
    if (com.statusCode !== 200) throw new Error(`commit ${com.statusCode}: ${com.body.slice(0, 300)}`);
    const cpu = cpuSince(c0);
    const rate = count / ((t2 - t0) / 1000);
    const target = photos === 'one';
    const ok = rate >= 500;
    const how = `preview ${s(t1 - t0)}, commit ${s(t2 - t1)}; CPU ${s(cpu)} (${(count / (cpu / 1000)).toFixed(0)} files per CPU-second); load ${l0} → ${load()}`;
    const what = photos === 'one' ? 'one shared tiny photo' : `each its own 358×441 photo, ${Math.round(photoBytes / count / 1024)} KB average`;
    console.log(`LRMX import: ${count} files (${what}; ${(zip.length / 1024 / 1024).toFixed(1)} MB zip) — total ${s(t2 - t0)} → ${rate.toFixed(0)} files/s (target ≥ 500) ${target ? (ok ? 'PASS' : 'MISSED') : 'INFO'}; ${how}`);
    return { bench: 'interop', engine: 'PGlite', cadres: count, scenario: `LRMX import ${count} files (preview+commit${photos === 'distinct' ? ', distinct photos' : ''})`, median: t2 - t0, status: target ? (ok ? 'PASS' : 'MISSED') : 'INFO', note: `${rate.toFixed(0)} files/s${target ? ' (≥ 500)' : ''}; ${what}; ${how}` };
  } finally {
    await app.close();
    await database.close();
  }
}

async function excelScenario(): Promise<SummaryRow> {
  const pass = new PassThrough();
  const chunks: Buffer[] = [];
  pass.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pass, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('干部花名册');
  ws.addRow(['姓名', '性别', '民族', '出生年月', '身份证号', '籍贯', '政治面貌', '入党时间', '参加工作时间', '全日制学历', '全日制学位', '全日制毕业院校系及专业', '单位', '现任职务', '职务层次', '任现职时间', '简历']).commit();
  for (let i = 0; i < ROWS; i++) {
    const p = person(i + 20_000);
    const id = makeIdNumber(String(110101 + (i % 90) * 100), p.birth, ((i >> 1) % 500) * 2 + (p.sex === '1' ? 1 : 0));
    ws.addRow([p.name, p.sex === '1' ? '男' : '女', '汉族', p.birth.slice(0, 7).replace('-', '.'), id, '浙江杭州', '中共党员', `${p.y + 23}.07`, `${p.y + 22}.08`, '大学', '法学学士', '浙江大学法学专业', p.unit, `${p.unit}科员`, '科员级', `${p.y + 30}.01`, `${p.y + 22}.08--${p.y + 30}.01  ${p.unit}办事员\n${p.y + 30}.01--         ${p.unit}科员`]).commit();
  }
  await ws.commit();
  await wb.commit();
  const xlsx = Buffer.concat(chunks);
  const { app, database, cookie } = await freshApp();
  try {
    const l0 = load();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const pre = await app.inject({ method: 'POST', url: '/api/interop/excel/preview', headers: { cookie, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: xlsx });
    const t1 = performance.now();
    if (pre.statusCode !== 200) throw new Error(`preview ${pre.statusCode}: ${pre.body.slice(0, 300)}`);
    const body = pre.json();
    if (body.summary.reject) throw new Error(`preview rejected ${body.summary.reject}: ${JSON.stringify(body.files.find((f: { status: string }) => f.status === 'reject'))}`);
    const com = await app.inject({ method: 'POST', url: '/api/interop/excel/commit', headers: { cookie }, payload: { token: body.token } });
    const t2 = performance.now();
    if (com.statusCode !== 200) throw new Error(`commit ${com.statusCode}: ${com.body.slice(0, 300)}`);
    const cpu = cpuSince(c0);
    const ok = t2 - t0 <= 60_000;
    const how = `preview ${s(t1 - t0)}, commit ${s(t2 - t1)}; CPU ${s(cpu)}; load ${l0} → ${load()}`;
    console.log(`Excel import: ${ROWS} rows (${(xlsx.length / 1024 / 1024).toFixed(1)} MB) — total ${s(t2 - t0)} (target ≤ 60 s) ${ok ? 'PASS' : 'MISSED'}; ${how}`);
    return { bench: 'interop', engine: 'PGlite', cadres: ROWS, scenario: `Excel import ${ROWS} rows (preview+commit)`, median: t2 - t0, status: ok ? 'PASS' : 'MISSED', note: `total ${s(t2 - t0)} (≤ 60 s); ${how}` };
  } finally {
    await app.close();
    await database.close();
  }
}

export async function run(): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  rows.push(await lrmxScenario());
  rows.push(await lrmxScenario(Math.min(FILES, Number(process.env.BENCH_INTEROP_PHOTO_FILES ?? 1000)), 'distinct'));
  rows.push(await excelScenario());
  return rows;
}

export const bench: Bench = { name: 'interop', description: 'LRMX (10k files) and Excel (100k rows) import, preview + commit, PGlite', run };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then(
    (rows) => {
      for (const r of rows) console.log(`${r.status.padEnd(7)} ${r.scenario}: ${r.note}`);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
