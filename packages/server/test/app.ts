/** Builds the app over a fresh test database with a small, hand-made district and one user per role. */
import { makeIdNumber } from '@cadre/core';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../src/app';
import type { Database } from '../src/db/client';
import { createUser } from '../src/db/bootstrap';
import { resetSequences } from '../src/db/backup';
import { appointment, assessment, cadre, career, discipline, familyMember, orgUnit, position, team } from '../src/db/schema';
import { testDatabase } from './db';

export const PASSWORD = 'correct-horse-battery';

/**
 * District:  1 临江区 ─┬─ 2 城关镇 ── 4 城关镇某村(sub-unit)
 *                      └─ 3 财政局
 * Teams/positions: 城关镇 党委书记(141, chief, key) quota 1, 副镇长(142) quota 3; 财政局 局长(141) quota 1.
 * Cadres: 1 张伟 (城关镇书记, male 1975), 2 李娜 (城关镇副镇长, female 1992, young), 3 王强 (财政局局长, male 1968, disciplined), 4 赵敏 (村, female 1995)
 */
export async function seedFixture(database: Database) {
  const { db } = database;
  await db.insert(orgUnit).values([
    { id: 1, parentId: null, path: '/1/', name: '临江区', kind: '党政机关', sort: 0 },
    { id: 2, parentId: 1, path: '/1/2/', name: '城关镇', kind: '镇街', sort: 1 },
    { id: 3, parentId: 1, path: '/1/3/', name: '财政局', kind: '党政机关', sort: 2 },
    { id: 4, parentId: 2, path: '/1/2/4/', name: '城关镇东村', kind: '镇街', sort: 3 },
  ]);
  await db.insert(team).values([
    { id: 1, orgUnitId: 2, name: '城关镇党政班子' },
    { id: 2, orgUnitId: 3, name: '财政局领导班子' },
  ]);
  await db.insert(position).values([
    { id: 1, teamId: 1, orgUnitId: 2, title: '党委书记', level: '141', isChief: true, isKey: true, quota: 1 },
    { id: 2, teamId: 1, orgUnitId: 2, title: '副镇长', level: '142', quota: 3 },
    { id: 3, teamId: 2, orgUnitId: 3, title: '局长', level: '141', isChief: true, quota: 1 },
  ]);
  const person = (id: number, name: string, pinyin: string, sex: '1' | '2', birth: string, org: number, pos: number, title: string, level: string, postStart: string, extra: Record<string, unknown> = {}) => ({
    id,
    name,
    pinyin,
    sex,
    ethnicity: '01',
    birthDate: birth,
    idNumber: makeIdNumber('330102', birth, sex === '1' ? 11 + id * 2 : 12 + id * 2),
    politicalStatus: '01',
    partyJoinDate: `${Number(birth.slice(0, 4)) + 21}-07-01`,
    workStartDate: `${Number(birth.slice(0, 4)) + 22}-08-01`,
    currentOrgId: org,
    currentPositionId: pos,
    currentPostTitle: title,
    postLevel: level,
    postStartDate: postStart,
    levelStartDate: postStart,
    highestEducation: '21',
    fullTimeEducation: '21',
    specialtyCategory: '法学',
    tags: [] as string[],
    ...extra,
  });
  await db.insert(cadre).values([
    person(1, '张伟', 'zw', '1', '1975-03-15', 2, 1, '城关镇党委书记', '141', '2014-06-01', { tags: ['懂经济'], specialtyCategory: '经济学' }),
    person(2, '李娜', 'ln', '2', '1992-02-29', 2, 2, '城关镇副镇长', '142', '2022-03-01', { tags: ['懂经济', '基层经验丰富'] }),
    person(3, '王强', 'wq', '1', '1968-10-01', 3, 3, '财政局局长', '141', '2019-01-01'),
    person(4, '赵敏', 'zm', '2', '1995-05-20', 4, null as never, '城关镇东村党支部书记', '150', '2021-09-01', { politicalStatus: '13', partyJoinDate: null, currentPositionId: null }),
  ]);
  await db.insert(appointment).values([
    { cadreId: 1, positionId: 1, startDate: '2014-06-01' },
    { cadreId: 2, positionId: 2, startDate: '2022-03-01' },
    { cadreId: 3, positionId: 3, startDate: '2019-01-01' },
  ]);
  await db.insert(career).values([
    { cadreId: 1, startDate: '1997-08-01', endDate: '2014-05-31', orgName: '城关镇', postTitle: '科员、副镇长', isGrassroots: true },
    { cadreId: 1, startDate: '2014-06-01', orgName: '城关镇', postTitle: '党委书记', isGrassroots: true },
  ]);
  await db.insert(assessment).values([
    { cadreId: 1, year: 2024, result: '优秀', score: 95 },
    { cadreId: 1, year: 2025, result: '称职', score: 88 },
  ]);
  await db.insert(discipline).values([{ cadreId: 3, date: '2025-06-01', kind: '警告', category: '党纪', reason: '违反工作纪律' }]);
  await db.insert(familyMember).values([{ cadreId: 1, relation: '配偶', name: '陈红', workUnitPost: '区人民医院护士' }]);
  await resetSequences(db);

  const users = {
    admin: await createUser(database, { username: 'admin', role: 'admin', password: PASSWORD }),
    cadre: await createUser(database, { username: 'ganbu', role: 'cadre', password: PASSWORD }),
    supervision: await createUser(database, { username: 'jiandu', role: 'supervision', password: PASSWORD }),
    leader: await createUser(database, { username: 'lingdao', role: 'leader', password: PASSWORD }),
    unitHr: await createUser(database, { username: 'danwei', role: 'unit_hr', password: PASSWORD, scopeOrgId: 2 }),
  };
  return { users };
}

export interface TestContext {
  app: App;
  database: Database;
  as: (username: string) => Promise<Client>;
  close: () => Promise<void>;
}

export interface Client {
  cookie: string;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  put: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  del: (url: string) => Promise<LightMyRequestResponse>;
}

export async function setup(opts: { fixture?: boolean; loginRateLimit?: { max: number; timeWindow: number } } = {}): Promise<TestContext> {
  const database = await testDatabase();
  if (opts.fixture !== false) await seedFixture(database);
  const app = await buildApp({ database, serveWeb: false, loginRateLimit: opts.loginRateLimit ?? { max: 1000, timeWindow: 60_000 } });
  await app.ready();
  const as = async (username: string): Promise<Client> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const cookie = String(res.headers['set-cookie']).split(';')[0];
    const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE') => (url: string, body?: unknown) =>
      app.inject({ method, url, headers: { cookie }, ...(body !== undefined ? { payload: body as object } : {}) });
    return { cookie, get: call('GET'), post: call('POST'), patch: call('PATCH'), put: call('PUT'), del: call('DELETE') };
  };
  return {
    app,
    database,
    as,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
