/**
 * 人岗适配 ranking "for a pool" (GET /api/positions/:id/candidates?poolId=): only the pool's members
 * — admitted (入库) entries — are ranked; people still at 单位推荐 / 组织考察 / 比选研究, and exited or
 * rejected entries, are not. Shared fixture (test/app.ts): 李娜 (2, 城关镇副镇长, 142) is eligible for
 * the 财政局局长 post (3, 141); so is 张伟 (1, 城关镇党委书记, 141).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setup, type Client, type TestContext } from '../../../test/app';

let t: TestContext;
let ganbu: Client;
beforeAll(async () => {
  t = await setup();
  ganbu = await t.as('ganbu');
});
afterAll(() => t.close());

const ok = async (p: Promise<{ statusCode: number; body: string; json: () => any }>, status = 200) => {
  const res = await p;
  expect(res.statusCode, res.body.slice(0, 400)).toBe(status);
  return res.json();
};
const asOf = '2026-11-01';
/** cadre ids ranked, and listed as excluded, for post 3 with the pool filter */
const ranked = async (poolId: number) => {
  const r = await ok(ganbu.get(`/api/positions/3/candidates?asOf=${asOf}&poolId=${poolId}`));
  return { items: r.items.map((x: { cadreId: number }) => x.cadreId).sort(), excluded: r.excluded.items.map((x: { cadreId: number }) => x.cadreId).sort() };
};
const step = async (e: { id: number; version: number }, action: string, extra: Record<string, unknown> = {}) =>
  ok(ganbu.post(`/api/pool-entries/${e.id}/transition`, { action, date: '2026-03-01', version: e.version, ...extra }));

describe('candidate ranking for a pool', () => {
  it('ranks only admitted members: not nominated, inspected, compared, exited or rejected entries', async () => {
    // both are eligible for the post without the pool filter
    const all = await ok(ganbu.get(`/api/positions/3/candidates?asOf=${asOf}`));
    expect(all.items.map((x: { cadreId: number }) => x.cadreId)).toEqual(expect.arrayContaining([1, 2]));

    const poolId = (await ok(ganbu.post('/api/pools', { kind: '自定义', name: '局长人选储备', orgUnitId: 1 }))).id;
    let li = await ok(ganbu.post(`/api/pools/${poolId}/entries`, { cadreId: 2, reason: '单位推荐', date: '2026-02-01' }));
    let zhang = await ok(ganbu.post(`/api/pools/${poolId}/entries`, { cadreId: 1, reason: '单位推荐', date: '2026-02-01' }));
    // 单位推荐 → 组织考察 → 比选研究: still not a member
    expect(await ranked(poolId)).toEqual({ items: [], excluded: [] });
    li = await step(li, 'inspect');
    expect(await ranked(poolId)).toEqual({ items: [], excluded: [] });
    li = await step(li, 'compare');
    expect(await ranked(poolId)).toEqual({ items: [], excluded: [] });
    // 入库: a member
    li = await step(li, 'admit');
    expect(li.stage).toBe('admitted');
    expect((await ranked(poolId)).items).toEqual([2]);
    // 张伟 dropped before admission (未入库): not a member
    zhang = await step(zhang, 'reject', { reason: '综合比选未入选' });
    expect(zhang.stage).toBe('rejected');
    expect((await ranked(poolId)).items).toEqual([2]);
    // 出库: no longer a member
    li = await step(li, 'exit', { exitReason: '提拔使用', date: '2026-06-01' });
    expect(li.stage).toBe('exited');
    expect(await ranked(poolId)).toEqual({ items: [], excluded: [] });
  });
});
