import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { benchStrength, DEFAULT_RULES, type Tier } from '@cadre/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { testDatabase } from '../../../test/db';
import { checkDataset } from './check';
import { type Dataset, generateDistrict, TABLE_ORDER } from './generate';
import { loadDataset } from './load';
import { seedDemo } from './seed';

const hash = (ds: Dataset) => createHash('sha256').update(JSON.stringify(ds)).digest('hex');

/** the bench-strength board of a data set as the server builds it (open appointments, admitted members with a target) */
function board(ds: Dataset) {
  const units = new Map(ds.orgUnit.map((u) => [u.id, u]));
  const pools = new Map(ds.pool.map((p) => [p.id, p]));
  const asOf = ds.meta.asOf;
  const open = new Map<number, Dataset['appointment']>();
  for (const a of ds.appointment) {
    if (a.startDate > asOf || (a.endDate && a.endDate <= asOf) || a.kind === '挂职') continue;
    const l = open.get(a.positionId) ?? [];
    l.push(a);
    open.set(a.positionId, l);
  }
  const posts = ds.position.map((p) => ({
    positionId: p.id, title: p.title, level: p.level, isChief: !!p.isChief, isKey: !!p.isKey, orgUnitId: p.orgUnitId, unitKind: units.get(p.orgUnitId)!.kind,
    incumbents: (open.get(p.id) ?? []).map((a) => ({ cadreId: a.cadreId, name: '', birthDate: ds.cadre[a.cadreId - 1].birthDate, sex: ds.cadre[a.cadreId - 1].sex })),
  }));
  const successors = ds.poolEntry
    .filter((e) => e.stage === 'admitted' && (e.targetPositionId != null || pools.get(e.poolId)!.targetLevel))
    .map((e) => ({
      entryId: e.id, cadreId: e.cadreId, name: '', stage: 'admitted' as const, targetPositionId: e.targetPositionId ?? null,
      targetLevel: e.targetPositionId == null ? pools.get(e.poolId)!.targetLevel : null, targetChief: e.targetPositionId == null ? true : null,
      unitKind: e.targetPositionId == null ? units.get(ds.cadre[e.cadreId - 1].currentOrgId!)!.kind : null,
      confirmedTier: (e.tier ?? null) as Tier | null, suggestedTier: (e.suggestedTier ?? null) as Tier | null,
    }));
  return benchStrength(posts, successors, { asOf, rules: DEFAULT_RULES });
}
const SEED = 20261121;

describe('generateDistrict', () => {
  const ds = generateDistrict({ seed: SEED, cadres: 2000 });

  it('is deterministic by seed', () => {
    expect(hash(generateDistrict({ seed: SEED, cadres: 2000 }))).toBe(hash(ds));
    expect(hash(generateDistrict({ seed: SEED + 1, cadres: 2000 }))).not.toBe(hash(ds));
  });

  it('passes every consistency check (ids, FKs, codes, 身份证号, dates, denormalised post, promotion years, quotas)', () => {
    expect(checkDataset(ds)).toEqual([]);
  });

  it('looks like a district', () => {
    const c = ds.cadre;
    expect(c).toHaveLength(2000);
    expect(ds.orgUnit.length).toBeGreaterThanOrEqual(70);
    expect(ds.orgUnit.length).toBeLessThanOrEqual(100);
    const towns = ds.orgUnit.filter((o) => o.kind === '镇街' && ds.team.some((t) => t.orgUnitId === o.id));
    expect(towns.length).toBe(12);
    expect(new Set(ds.orgUnit.map((o) => o.kind))).toEqual(new Set(['党政机关', '镇街', '国有企业', '事业单位', '园区']));
    // vacancies: seats not all filled
    const seats = ds.position.reduce((s, p) => s + (p.quota ?? 1), 0);
    const leaders = c.filter((x) => x.currentPositionId != null).length;
    expect(1 - leaders / seats).toBeGreaterThan(0.04);
    expect(1 - leaders / seats).toBeLessThan(0.14);
    // ~1% disciplined, some still inside the impact period
    const disciplined = new Set(ds.discipline.map((d) => d.cadreId)).size;
    expect(disciplined).toBeGreaterThanOrEqual(8);
    expect(disciplined).toBeLessThanOrEqual(40);
    expect(ds.discipline.some((d) => d.date > '2025-11-01')).toBe(true);
    // structure shares
    const share = (f: (x: (typeof c)[number]) => boolean) => c.filter(f).length / c.length;
    expect(share((x) => x.sex === '2')).toBeGreaterThan(0.3);
    expect(share((x) => x.sex === '2')).toBeLessThan(0.42);
    expect(share((x) => x.politicalStatus === '01')).toBeGreaterThan(0.8);
    expect(share((x) => x.politicalStatus === '01')).toBeLessThan(0.93);
    expect(share((x) => x.ethnicity !== '01')).toBeGreaterThan(0.01);
    // tenure: some ≥ 10 years and more ≥ 5 years in the same leading post
    const tenure = c.filter((x) => x.currentPositionId).map((x) => 2026.8 - Number(x.postStartDate!.slice(0, 4)));
    expect(tenure.filter((t) => t >= 10).length).toBeGreaterThan(3);
    expect(tenure.filter((t) => t >= 5).length).toBeGreaterThan(40);
    // pools, rounds, mentoring
    const young = ds.pool.find((p) => p.kind === '优秀年轻干部')!;
    expect(young.level).toBe('科级');
    // 001: "在库优秀年轻干部196人"
    const inYoung = ds.poolEntry.filter((e) => e.poolId === young.id && e.stage === 'admitted').length;
    expect(inYoung).toBeGreaterThan(180);
    expect(inYoung).toBeLessThan(215);
    // entries in every workflow stage, each with its history; tiers suggested and (mostly) confirmed
    expect(new Set(ds.poolEntry.map((e) => e.stage))).toEqual(new Set(['nominated', 'inspected', 'compared', 'admitted', 'exited', 'rejected']));
    expect(new Set(ds.poolEntryEvent.map((e) => e.entryId)).size).toBe(ds.poolEntry.length);
    expect(new Set(ds.poolEntryEvent.map((e) => e.kind))).toEqual(new Set(['stage', 'tier_suggestion', 'tier_decision']));
    const chief = ds.pool.find((p) => p.kind === '正职后备' && p.targetLevel === '141')!;
    const chiefAdmitted = ds.poolEntry.filter((e) => e.poolId === chief.id && e.stage === 'admitted');
    expect(chiefAdmitted.every((e) => e.suggestedTier && e.suggestedBasis)).toBe(true);
    expect(chiefAdmitted.filter((e) => e.tier).length / chiefAdmitted.length).toBeGreaterThan(0.6);
    expect(chiefAdmitted.some((e) => e.tier === 'readyNow')).toBe(true);
    expect(ds.mentorship.some((m, i) => ds.mentorship.some((n, j) => i !== j && n.menteeId === m.menteeId))).toBe(true); // 多对一
    expect(ds.movement.some((m) => m.status === 'planned')).toBe(true);
    expect(ds.recommendationRound.length).toBeGreaterThanOrEqual(2);
    expect(ds.mentorship.length).toBeGreaterThan(10);
    expect(ds.developmentPlan.length).toBeGreaterThan(10);
    expect(ds.supervisionItem.length).toBeGreaterThan(10);
    expect(ds.careRecord.length).toBeGreaterThan(3);
  });

  it('gives a bench-strength board with a minority of 急用现找 posts (core benchStrength, the server mapping)', () => {
    const { summary } = board(ds);
    expect(summary.keyPosts).toBeGreaterThan(50);
    expect(summary.urgent).toBeGreaterThanOrEqual(summary.keyPosts * 0.15);
    expect(summary.urgent).toBeLessThanOrEqual(summary.keyPosts * 0.35);
    // the 镇街 正职 posts share the generic reserves of the district-wide rounds: someone among them is 随时能用
    expect(summary.withReadyNow).toBeGreaterThan(summary.urgent);
  });

  it('scales (more units and teams, lite sections) and stays consistent; tiny sets work too', () => {
    const big = generateDistrict({ seed: 7, cadres: 8000, lite: true });
    expect(big.cadre).toHaveLength(8000);
    expect(big.team.length).toBeGreaterThanOrEqual(390);
    expect(big.familyMember).toHaveLength(0);
    expect(checkDataset(big)).toEqual([]);
    // the 正职后备 reserves grow with the key posts (4× the posts of the 2,000 demo): still a minority 急用现找
    const b = board(big).summary;
    expect(b.keyPosts).toBeGreaterThan(400);
    expect(b.urgent).toBeGreaterThanOrEqual(b.keyPosts * 0.15);
    expect(b.urgent).toBeLessThanOrEqual(b.keyPosts * 0.35);
    // the 优秀年轻干部库 grows with the head count (≈ 196 per 2,000)
    const young = big.pool.find((p) => p.kind === '优秀年轻干部')!;
    const inYoung = big.poolEntry.filter((e) => e.poolId === young.id && e.stage === 'admitted').length;
    expect(inYoung).toBeGreaterThan(700);
    expect(inYoung).toBeLessThan(900);
    const tiny = generateDistrict({ seed: 3, cadres: 40 });
    expect(tiny.cadre).toHaveLength(40);
    expect(checkDataset(tiny)).toEqual([]);
  });
});

describe('loadDataset (PGlite)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase();
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('loads every row with foreign keys checked, resets sequences, refuses a second load', async () => {
    const ds = generateDistrict({ seed: SEED, cadres: 2000 });
    const res = await loadDataset(database, ds, { checkForeignKeys: true, analyze: false, rebuildIndexesFrom: 5000 });
    expect(res.fkChecks).toBe(true);
    for (const k of TABLE_ORDER) {
      const table = k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
      const r = (await database.db.execute(sql.raw(`SELECT count(*)::int AS n, coalesce(max(id), 0)::int AS m FROM "${table}"`))) as unknown as { rows: { n: number; m: number }[] };
      expect([k, r.rows[0].n]).toEqual([k, ds[k].length]);
      expect(r.rows[0].m).toBe(ds[k].length);
    }
    // sequences continue after the loaded ids
    const ins = (await database.db.execute(
      sql.raw(`INSERT INTO org_unit (name, kind, path) VALUES ('测试单位', '党政机关', '/') RETURNING id`),
    )) as unknown as { rows: { id: number }[] };
    expect(ins.rows[0].id).toBe(ds.orgUnit.length + 1);
    // secondary indexes were rebuilt
    const ix = (await database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname IN ('cadre_tags_idx', 'cadre_id_number_uq', 'assessment_cadre_idx')`))) as unknown as { rows: { n: number }[] };
    expect(ix.rows[0].n).toBe(3);
    // jsonb, arrays, numerics round-trip
    const c = (await database.db.execute(sql.raw(`SELECT tags, birth_date FROM cadre WHERE id = 1`))) as unknown as { rows: { tags: string[]; birth_date: string }[] };
    expect(c.rows[0].tags).toEqual(ds.cadre[0].tags);
    const p = (await database.db.execute(sql.raw(`SELECT description FROM position WHERE id = 1`))) as unknown as { rows: { description: unknown }[] };
    expect(p.rows[0].description).toEqual(ds.position[0].description);
    await expect(seedDemo(database, { cadres: 10 })).rejects.toThrow(/not empty/);
  }, 120_000);
});
