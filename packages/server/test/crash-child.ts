/**
 * Child process of crash.test.ts: over the database given (a PGlite data directory or a PostgreSQL URL),
 * migrate, previews an LRMX zip of N generated files through the API, prints the registry's counts, then
 * starts the commit — and is killed with SIGKILL by the parent while the commit runs.
 *
 *   node --import tsx packages/server/test/crash-child.ts <dataDir|postgres://…> <files>
 *
 * stdout lines: `BEFORE <json counts>`, `PREVIEW <ms>`, `COMMIT`, then `DONE` only if it was not killed in time.
 */
import { makeIdNumber, addDays } from '@cadre/core';
import { zipSync } from 'fflate';
import { buildApp } from '../src/app';
import { bootstrap } from '../src/db/bootstrap';
import { openDatabase } from '../src/db/client';
import { registryCounts } from './crash-counts';

const [target, filesArg] = process.argv.slice(2);
const N = Number(filesArg ?? 3000);
const PASSWORD = 'crash-test-password-1';

function file(i: number): string {
  const birth = addDays('1970-01-01', (i * 53) % 9000);
  const y = Number(birth.slice(0, 4));
  const sex = i % 3 === 0 ? '女' : '男';
  const id = makeIdNumber(String(330102 + (i % 40)), birth, ((i >> 2) % 400) * 2 + (sex === '男' ? 1 : 0));
  const f: [string, string][] = [
    ['XingMing', `测试${String.fromCharCode(0x4e00 + (i % 2000))}${String.fromCharCode(0x4e00 + ((i * 7) % 2000))}`], ['XingBie', sex],
    ['ChuShengNianYue', birth.slice(0, 7).replace('-', '.')], ['MinZu', '汉族'], ['JiGuan', '浙江杭州'], ['ChuShengDi', '浙江杭州'],
    ['RuDangShiJian', `${y + 23}07`], ['CanJiaGongZuoShiJian', `${y + 22}08`], ['JianKangZhuangKuang', '健康'],
    ['QuanRiZhiJiaoYu_XueLi', '大学'], ['QuanRiZhiJiaoYu_XueWei', '法学学士'], ['QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', '浙江大学法学专业'],
    ['XianRenZhiWu', '城关镇科员'],
    ['JianLi', `${y + 18}.09--${y + 22}.07  浙江大学法学专业学生\n${y + 22}.08--         城关镇科员`],
    ['NianDuKaoHeJieGuo', '2023年度考核称职；2024年度考核优秀'], ['ShenFenZheng', id], ['Version', '3.2.1.16'],
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Person>\n${f.map(([k, v]) => `  <${k}>${v}</${k}>`).join('\n')}\n</Person>\n`;
}

const database = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
await bootstrap(database, { adminPassword: PASSWORD, demo: false });
const app = await buildApp({ database });
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: PASSWORD } });
const cookie = String(login.headers['set-cookie']).split(';')[0];
const files: Record<string, Uint8Array> = {};
for (let i = 0; i < N; i++) files[`crash/${i}.lrmx`] = new TextEncoder().encode(file(i));
const zip = Buffer.from(zipSync(files, { level: 1 }));
const t0 = performance.now();
const pre = await app.inject({ method: 'POST', url: '/api/interop/lrmx/preview', headers: { cookie, 'content-type': 'application/zip' }, payload: zip });
if (pre.statusCode !== 200) throw new Error(`preview ${pre.statusCode} ${pre.body.slice(0, 300)}`);
const body = pre.json() as { token: string; summary: { create: number; reject: number } };
if (body.summary.reject || body.summary.create !== N) throw new Error(`preview: ${JSON.stringify(body.summary)}`);
console.log(`BEFORE ${JSON.stringify(await registryCounts(database))}`);
console.log(`PREVIEW ${Math.round(performance.now() - t0)}`);
console.log('COMMIT');
const com = await app.inject({ method: 'POST', url: '/api/interop/lrmx/commit', headers: { cookie }, payload: { token: body.token } });
console.log(`DONE ${com.statusCode}`);
await app.close();
await database.close();
