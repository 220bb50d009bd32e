/**
 * 结构分析下钻 GET /api/stats/structure/people: the people behind ONE number of GET /api/stats/structure,
 * on the shared fixture (test/app.ts) plus six cadres of this file (other 民族, 政治面貌, 学历, 层次, an
 * intake in 2025 via 选调生, one retired) and level histories for promotions. For every number the
 * structure page shows, the drill-down's list has exactly that many people — the very ids withIds=true
 * lists — and a unit HR officer only ever gets people of their subtree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '@cadre/core';
import { eq } from 'drizzle-orm';
import { setup, type Client, type TestContext } from './app';
import { cadre, rankHistory } from '../src/db/schema';

const asOf = '2025-12-31';
const period = 'from=2015-01-01&to=2025-12-31';
let t: TestContext;
let ganbu: Client;
let danwei: Client;

/** cadres in the unit HR officer's subtree (城关镇 2 and its 村 4) */
const subtree = new Set<number>();

beforeAll(async () => {
  t = await setup();
  ganbu = await t.as('ganbu');
  danwei = await t.as('danwei');
  const { db } = t.database;
  const extra = (id: number, sex: '1' | '2', birth: string, org: number, over: Record<string, unknown>) => ({
    id,
    name: `测试${id}`,
    pinyin: `cs${id}`,
    sex,
    ethnicity: '01',
    birthDate: birth,
    idNumber: makeIdNumber('330103', birth, sex === '1' ? 11 + id * 2 : 12 + id * 2),
    politicalStatus: '01',
    workStartDate: `${Number(birth.slice(0, 4)) + 23}-07-01`,
    currentOrgId: org,
    currentPostTitle: '科员',
    postLevel: '150',
    postStartDate: '2023-01-01',
    highestEducation: '21',
    fullTimeEducation: '21',
    specialtyCategory: '工学',
    ...over,
  });
  await db.insert(cadre).values([
    extra(11, '2', '1998-11-30', 2, { ethnicity: '03', politicalStatus: '03', highestEducation: '11', highestDegree: '303', workStartDate: '2025-07-01', intakeChannel: '选调生', rank: 'ZJ12' }),
    extra(12, '1', '1963-01-09', 3, { postLevel: '132', highestEducation: '31', fullTimeEducation: '31', specialtyCategory: null, postStartDate: '2012-05-01', rank: 'ZJ05' }),
    extra(13, '1', '1988-02-29', 4, { politicalStatus: '13', postLevel: null, postStartDate: null, ethnicity: '05', intakeChannel: '公务员招录' }),
    extra(14, '2', '1979-07-15', 3, { postLevel: '131', highestDegree: '203', specialtyCategory: '经济学', postStartDate: '2018-03-01', workStartDate: '2001-07-01' }),
    extra(15, '1', '1996-04-01', 2, { workStartDate: '2025-03-01', intakeChannel: '公务员招录', highestEducation: '11', highestDegree: '303' }),
    extra(16, '1', '1960-05-05', 2, { status: '退休' }),
  ]);
  await db.insert(rankHistory).values([
    { cadreId: 2, kind: 'post_level', code: '150', startDate: '2016-08-01', endDate: '2022-02-28' },
    { cadreId: 2, kind: 'post_level', code: '142', startDate: '2022-03-01' },
    { cadreId: 3, kind: 'post_level', code: '142', startDate: '2012-01-01', endDate: '2018-12-31' },
    { cadreId: 3, kind: 'post_level', code: '141', startDate: '2019-01-01' },
    { cadreId: 14, kind: 'post_level', code: '132', startDate: '2012-01-01', endDate: '2018-02-28' },
    { cadreId: 14, kind: 'post_level', code: '131', startDate: '2018-03-01' },
  ]);
  await db.update(cadre).set({ intakeChannel: '到村工作大学生' }).where(eq(cadre.id, 4));
  for (const r of await db.select({ id: cadre.id, org: cadre.currentOrgId }).from(cadre)) if (r.org === 2 || r.org === 4) subtree.add(r.id);
});
afterAll(() => t.close());

const json = async (c: Client, url: string, status = 200) => {
  const res = await c.get(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(status);
  return res.json();
};

interface Bucket {
  key: string;
  label: string;
  count: number;
  ids?: number[];
}
interface Row extends Bucket {
  total: number;
}
interface Structure {
  total: number;
  ids?: number[];
  dimensions: Record<string, { buckets: Bucket[] }>;
  ageSex: { key: string; label: string; male: number; female: number }[];
  young: { count: number; ids?: number[]; byLevel: Row[]; byTier: Row[] };
  promotions: { total: number; ids?: number[]; young: number; youngIds?: number[]; byLevel: Bucket[] };
  intake: { total: number; ids?: number[]; young: number; youngIds?: number[]; byChannel: Bucket[] };
}
interface Number_ {
  dimension: string;
  bucket: string | null;
  /** the number as GET /api/stats/structure (figures only, the web's call) shows it */
  count: number;
  /** the ids withIds=true lists for it */
  ids: number[];
}

/** every number of the structure page: figures (default call) paired with the id lists of withIds=true */
function numbers(s: Structure, full: Structure): Number_[] {
  const rows = (dimension: string, a: Bucket[], b: Bucket[]) => a.map((x, i) => ({ dimension, bucket: x.key, count: x.count, ids: b[i].ids! }));
  return [
    ...Object.keys(s.dimensions).flatMap((k) => rows(k, s.dimensions[k].buckets, full.dimensions[k].buckets)),
    { dimension: 'total', bucket: null, count: s.total, ids: full.ids! },
    { dimension: 'young', bucket: null, count: s.young.count, ids: full.young.ids! },
    ...rows('youngByLevel', s.young.byLevel, full.young.byLevel),
    ...rows('youngByTier', s.young.byTier, full.young.byTier),
    { dimension: 'promotions', bucket: null, count: s.promotions.total, ids: full.promotions.ids! },
    { dimension: 'promotionsYoung', bucket: null, count: s.promotions.young, ids: full.promotions.youngIds! },
    ...rows('promotionsByLevel', s.promotions.byLevel, full.promotions.byLevel),
    { dimension: 'intake', bucket: null, count: s.intake.total, ids: full.intake.ids! },
    { dimension: 'intakeYoung', bucket: null, count: s.intake.young, ids: full.intake.youngIds! },
    ...rows('intakeByChannel', s.intake.byChannel, full.intake.byChannel),
  ];
}

const drill = (n: { dimension: string; bucket: string | null }, query: string) =>
  `/api/stats/structure/people?${query}&dimension=${n.dimension}${n.bucket == null ? '' : `&bucket=${encodeURIComponent(n.bucket)}`}`;

describe('GET /api/stats/structure/people (drill-down)', () => {
  it.each([
    ['ganbu', `asOf=${asOf}&${period}`],
    ['ganbu', `asOf=2024-06-30&from=2019-01-01&to=2022-12-31&sex=2`],
    ['ganbu', `asOf=${asOf}&${period}&orgId=2&status=退休`],
    ['danwei', `asOf=${asOf}&${period}`],
  ] as const)('for every dimension, bucket and figure the list has exactly as many people as the number, the same ids as withIds=true (%s, %s)', async (who, query) => {
    const c = who === 'ganbu' ? ganbu : danwei;
    const s = (await json(c, `/api/stats/structure?${query}`)) as Structure;
    const full = (await json(c, `/api/stats/structure?${query}&withIds=true`)) as Structure;
    const all = numbers(s, full);
    // the fixture reaches the figures outside the dimensions too
    if (query.includes(period) && !query.includes('status')) {
      for (const d of ['young', 'youngByLevel', 'youngByTier', 'promotions', 'promotionsYoung', 'promotionsByLevel', 'intake', 'intakeYoung', 'intakeByChannel']) {
        expect(all.some((n) => n.dimension === d && n.count > 0), `${who} ${query}: a non-zero ${d}`).toBe(true);
      }
    }
    expect(all.length).toBeGreaterThan(60);
    for (const n of all) {
      const p = await json(c, drill(n, query));
      const what = `${who} ${query} ${n.dimension}/${n.bucket}`;
      expect(p.count, what).toBe(n.count);
      expect(p.ids.length, what).toBe(p.count);
      expect(p.ids, what).toEqual(n.ids);
      expect(p).toMatchObject({ dimension: n.dimension, bucket: n.bucket });
    }
  });

  it('the age pyramid: each age band × sex is the drill-down of that band with the sex filter', async () => {
    const s = (await json(ganbu, `/api/stats/structure?asOf=${asOf}`)) as Structure;
    expect(s.ageSex.map((r) => r.key)).toEqual(s.dimensions.ageBand.buckets.map((b) => b.key));
    let people = 0;
    for (const r of s.ageSex) {
      for (const [sex, n] of [['1', r.male], ['2', r.female]] as const) {
        const p = await json(ganbu, drill({ dimension: 'ageBand', bucket: r.key }, `asOf=${asOf}&sex=${sex}`));
        expect(p.count, `${r.key} sex ${sex}`).toBe(n);
        expect(p.ids.length).toBe(n);
        people += n;
      }
    }
    expect(people).toBe(s.total);
  });

  it('a hand-checked number: 女 under the 城关镇 subtree, with a page of roster rows', async () => {
    const p = await json(ganbu, `/api/stats/structure/people?asOf=${asOf}&orgId=2&dimension=sex&bucket=2&rows=true`);
    // 李娜 (2, 城关镇), 赵敏 (4, 村), 测试11 (2, 城关镇)
    expect(p).toMatchObject({ label: '女', count: 3, ids: [2, 4, 11], page: 1, pageSize: 50, asOf });
    expect(p.items.map((i: { id: number }) => i.id).sort((a: number, b: number) => a - b)).toEqual([2, 4, 11]);
    expect(p.items[0]).toHaveProperty('orgName');
    expect(p.items[0]).toHaveProperty('age');
  });

  it('rows page through every person once, in the roster order (the same order as GET /api/cadres)', async () => {
    const all = await json(ganbu, `/api/stats/structure/people?asOf=${asOf}&dimension=total`);
    expect(all.count).toBe(9); // 10 cadres, 1 retired
    for (const sort of ['orgName', '-birthDate', 'name']) {
      const seen: number[] = [];
      for (let page = 1; page <= 5; page++) {
        const p = await json(ganbu, `/api/stats/structure/people?asOf=${asOf}&dimension=total&rows=true&withIds=false&pageSize=2&page=${page}&sort=${sort}`);
        expect(p.ids).toBeUndefined();
        expect(p.items.length).toBe(page < 5 ? 2 : 1);
        seen.push(...p.items.map((i: { id: number }) => i.id));
      }
      const roster = await json(ganbu, `/api/cadres?ids=${all.ids.join(',')}&sort=${sort}&pageSize=200&asOf=${asOf}`);
      expect(seen, sort).toEqual(roster.items.map((i: { id: number }) => i.id));
    }
  });

  it('a unit HR officer only ever sees their subtree', async () => {
    const mine = await json(danwei, `/api/stats/structure/people?asOf=${asOf}&${period}&dimension=total&rows=true&pageSize=200`);
    expect(mine.ids.length).toBeGreaterThan(0);
    expect(new Set(mine.ids)).toEqual(new Set([...subtree].filter((id) => id !== 16))); // 16 is retired
    expect(mine.items.map((i: { id: number }) => i.id).sort((a: number, b: number) => a - b)).toEqual([...mine.ids].sort((a: number, b: number) => a - b));
    // every number's people are in the subtree
    const s = (await json(danwei, `/api/stats/structure?asOf=${asOf}&${period}`)) as Structure;
    const full = (await json(danwei, `/api/stats/structure?asOf=${asOf}&${period}&withIds=true`)) as Structure;
    for (const n of numbers(s, full)) {
      const p = await json(danwei, drill(n, `asOf=${asOf}&${period}`));
      for (const id of p.ids) expect(subtree.has(id), `${n.dimension}/${n.bucket}: cadre ${id} outside the subtree`).toBe(true);
    }
    // 财政局 (3) is outside: 404, and its people do not come back through the ids filter either
    await json(danwei, `/api/stats/structure/people?orgId=3&dimension=total`, 404);
    const viaIds = await json(danwei, `/api/stats/structure/people?ids=3,12,14,1&dimension=total&rows=true`);
    expect(viaIds.ids).toEqual([1]);
    expect(viaIds.items.map((i: { id: number }) => i.id)).toEqual([1]);
    // the administrator's view of the same bucket is larger
    const men = await json(ganbu, `/api/stats/structure/people?asOf=${asOf}&dimension=sex&bucket=1`);
    const myMen = await json(danwei, `/api/stats/structure/people?asOf=${asOf}&dimension=sex&bucket=1`);
    expect(myMen.ids.every((id: number) => subtree.has(id))).toBe(true);
    expect(men.ids.filter((id: number) => !subtree.has(id)).length).toBeGreaterThan(0);
  });

  it('says which bucket is wrong', async () => {
    const bad = await json(ganbu, `/api/stats/structure/people?dimension=sex&bucket=9`, 400);
    expect(bad.issues[0]).toMatchObject({ path: 'query.bucket', code: 'unknown_bucket' });
    expect(bad.message).toContain('现有分组：1、2');
    expect((await json(ganbu, `/api/stats/structure/people?dimension=sex`, 400)).message).toContain('需要指定分组');
    expect((await json(ganbu, `/api/stats/structure/people?dimension=young&bucket=x`, 400)).message).toContain('不分组');
    await json(ganbu, `/api/stats/structure/people?dimension=nope`, 400);
    await json(ganbu, `/api/stats/structure/people`, 400);
    await json(ganbu, `/api/stats/structure/people?dimension=total&from=2022-01-01&to=2021-01-01`, 400);
  });
});
