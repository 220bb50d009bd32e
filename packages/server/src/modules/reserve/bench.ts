/**
 * Bench strength (后备力量) for every key post in scope: load the posts (正职 and 关键岗位), their
 * incumbents on asOf and the admitted pool members — three statements whatever the size — and hand
 * them to core benchStrength, which flags 急用现找 (nobody 随时能用) with the incumbents' retirement
 * horizon.
 *
 * Successor mapping inputs (docs/reserve.md): an entry with a target post counts for that post; an
 * entry of a pool with `targetLevel` (正职后备库) and no target post counts for the 正职 posts of that
 * level in units of the same kind as the member's own unit (a 镇街 deputy backs 镇街 正职 posts).
 */
import { sql, type SQL } from 'drizzle-orm';
import { benchStrength, todayISO, type BenchIncumbentInput, type KeyPostInput, type PoolStage, type SuccessorInput, type Tier } from '@cadre/core';
import type { Db } from '../../db/client';
import type { CurrentUser } from '../../auth/roles';
import { assertOrgInScope } from '../../auth/policy';
import { entryVisibleSql } from './policy';
import type { RulesRef } from './workflow';
import type { BenchQuery } from './schema';

type Rows<T> = { rows: T[] };
const rowsOf = <T>(r: unknown): T[] => (r as Rows<T>).rows;

/** inputs of core benchStrength for the posts under `orgPath` (or the user's scope) on asOf */
export async function benchInputs(db: Db, user: CurrentUser, q: { orgPath: string | null; keyOnly: boolean; asOf: string }) {
  const scope = q.orgPath ?? user.scopePath;
  const orgCond = scope ? sql`o.path like ${scope + '%'}` : sql`true`;
  const keyCond = q.keyOnly ? sql`(p.is_chief or p.is_key)` : sql`true`;
  const visible: SQL = entryVisibleSql(user) ?? sql`true`;
  const [posts, incumbents, entries] = await Promise.all([
    db.execute(sql`
      select p.id as "positionId", p.title, p.level, p.is_chief as "isChief", p.is_key as "isKey", p.org_unit_id as "orgUnitId",
             o.name as "orgName", o.kind as "unitKind", p.team_id as "teamId", t.name as "teamName"
      from position p join org_unit o on o.id = p.org_unit_id join team t on t.id = p.team_id
      where ${orgCond} and ${keyCond}`),
    db.execute(sql`
      select a.position_id as "positionId", c.id as "cadreId", c.name, c.birth_date::text as "birthDate", c.sex
      from appointment a
      join position p on p.id = a.position_id
      join org_unit o on o.id = p.org_unit_id
      join cadre c on c.id = a.cadre_id
      where ${orgCond} and ${keyCond} and a.start_date <= ${q.asOf} and (a.end_date is null or a.end_date > ${q.asOf}) and a.kind <> '挂职'`),
    db.execute(sql`
      select pool_entry.id as "entryId", pool_entry.cadre_id as "cadreId", c.name, pool_entry.pool_id as "poolId", pool.kind as "poolKind",
             pool.target_level as "targetLevel", pool_entry.target_position_id as "targetPositionId", uo.kind as "unitKind",
             pool_entry.tier as "confirmedTier", pool_entry.suggested_tier as "suggestedTier",
             (pool_entry.suggested_basis->>'concentration')::float8 as "concentration", (pool_entry.suggested_basis->>'maturity')::float8 as "maturity"
      from pool_entry
      join pool on pool.id = pool_entry.pool_id
      join cadre c on c.id = pool_entry.cadre_id
      left join org_unit uo on uo.id = c.current_org_id
      where pool_entry.stage = 'admitted' and (pool_entry.target_position_id is not null or pool.target_level is not null) and ${visible}`),
  ]);
  const byPost = new Map<number, BenchIncumbentInput[]>();
  for (const i of rowsOf<BenchIncumbentInput & { positionId: number }>(incumbents)) {
    let l = byPost.get(i.positionId);
    if (!l) byPost.set(i.positionId, (l = []));
    l.push({ cadreId: i.cadreId, name: i.name, birthDate: i.birthDate, sex: i.sex });
  }
  const postInputs: KeyPostInput[] = rowsOf<Omit<KeyPostInput, 'incumbents'>>(posts).map((p) => ({ ...p, incumbents: byPost.get(p.positionId) ?? [] }));
  const successorInputs: SuccessorInput[] = rowsOf<{
    entryId: number;
    cadreId: number;
    name: string;
    poolId: number;
    poolKind: string;
    targetLevel: string | null;
    targetPositionId: number | null;
    unitKind: string | null;
    confirmedTier: Tier | null;
    suggestedTier: Tier | null;
    concentration: number | null;
    maturity: number | null;
  }>(entries).map((e) => ({
    entryId: e.entryId,
    cadreId: e.cadreId,
    name: e.name,
    poolId: e.poolId,
    poolKind: e.poolKind,
    stage: 'admitted' as PoolStage,
    targetPositionId: e.targetPositionId,
    targetLevel: e.targetPositionId == null ? e.targetLevel : null,
    // a pool with a target level holds reserves for 正职 posts of that level, in units like the member's own
    targetChief: e.targetPositionId == null ? true : null,
    unitKind: e.targetPositionId == null ? e.unitKind : null,
    confirmedTier: e.confirmedTier,
    suggestedTier: e.suggestedTier,
    concentration: e.concentration == null ? null : Number(e.concentration),
    maturity: e.maturity == null ? null : Number(e.maturity),
  }));
  return { posts: postInputs, successors: successorInputs };
}

export async function benchStrengthBoard(db: Db, user: CurrentUser, r: RulesRef, q: BenchQuery) {
  const asOf = q.asOf ?? todayISO();
  const orgPath = q.orgId ? await assertOrgInScope(db, user, q.orgId) : null;
  const t0 = performance.now();
  const { posts, successors } = await benchInputs(db, user, { orgPath, keyOnly: q.keyOnly, asOf });
  const t1 = performance.now();
  const b = benchStrength(posts, successors, { asOf, rules: r.rules, keyOnly: q.keyOnly, maxPerTier: q.maxPerTier });
  const t2 = performance.now();
  const rows = q.urgentOnly ? b.rows.filter((x) => x.urgent) : b.rows;
  return {
    asOf,
    summary: b.summary,
    total: rows.length,
    offset: q.offset,
    rows: rows.slice(q.offset, q.offset + q.limit),
    timing: { loadMs: Math.round(t1 - t0), computeMs: Math.round(t2 - t1) },
  };
}
