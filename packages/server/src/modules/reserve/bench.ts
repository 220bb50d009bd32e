/**
 * Bench strength (后备力量) for every key post in scope: load the posts (正职 and 关键岗位), their
 * incumbents on asOf and the admitted pool members, hand them to core benchStrength, which flags
 * 急用现找 (nobody 随时能用) with the incumbents' retirement horizon, and name the posts and people of
 * the requested page only.
 *
 * Successor mapping inputs (docs/reserve.md): an entry with a target post counts for that post; an
 * entry of a pool with `targetLevel` (正职后备库) and no target post counts for the 正职 posts of that
 * level in units of the same kind as the member's own unit (a 镇街 deputy backs 镇街 正职 posts).
 *
 * Speed (docs/benchmarks.md "reserve"; 100,000 cadres, 5,414 key posts): the whole board is two
 * statements run side by side, each returning json arrays of tuples — (posts, incumbents) and the
 * admitted members — with only the columns the computation needs (no titles, unit or team names,
 * no successor names); one more statement names the posts and successors of the page (≤ `limit`
 * rows). The two run in transactions with JIT off: the planner prices them near `jit_above_cost`
 * at this size, and compiling a plan (≈ 0.3 s measured) costs far more than running it
 * (teams/service.ts has the same finding). Admitted members are read as two
 * index-driven halves (targeted: pool_entry_target_idx; by level: pool_entry_pool_idx) instead of a
 * scan of every pool entry; the member's unit kind is looked up only for the by-level half.
 */
import { sql, type SQL } from 'drizzle-orm';
import { benchStrength, todayISO, type BenchIncumbentInput, type BenchRow, type KeyPostInput, type SuccessorInput, type Tier } from '@cadre/core';
import type { Db } from '../../db/client';
import type { CurrentUser } from '../../auth/roles';
import { assertOrgInScope } from '../../auth/policy';
import { entryVisibleSql } from './policy';
import type { RulesRef } from './workflow';
import type { BenchQuery } from './schema';

/** json columns come parsed from node-postgres and PGlite; text when a driver leaves them alone */
const parsed = <T>(v: unknown): T[] => (v == null ? [] : typeof v === 'string' ? ((JSON.parse(v) as T[] | null) ?? []) : (v as T[]));

// tuples of the board statement (json_build_array order)
type PostTuple = [id: number, level: string, isChief: boolean, isKey: boolean, orgUnitId: number, unitKind: string | null];
type IncumbentTuple = [positionId: number, cadreId: number, name: string, birthDate: string, sex: string];
type EntryTuple = [
  entryId: number,
  cadreId: number,
  poolId: number,
  poolKind: string,
  targetLevel: string | null,
  targetPositionId: number | null,
  unitKind: string | null,
  confirmedTier: Tier | null,
  suggestedTier: Tier | null,
  concentration: number | null,
  maturity: number | null,
];

export interface BenchInputs {
  /** key posts with incumbents (named: core words the retirement reasons with the name); title, orgName, teamId/teamName left empty (see nameRows) */
  posts: KeyPostInput[];
  /** admitted members that back a post (by target post or by the pool's target level); names left empty */
  successors: SuccessorInput[];
}

/**
 * Inputs of core benchStrength for the posts under `orgPath` (or the user's scope) on asOf — every
 * key post, without display names (nameRows adds them to the rows that are shown).
 */
export async function benchInputs(db: Db, user: CurrentUser, q: { orgPath: string | null; keyOnly: boolean; asOf: string }): Promise<BenchInputs> {
  const scope = q.orgPath ?? user.scopePath;
  const orgCond = scope ? sql`o.path like ${scope + '%'}` : sql`true`;
  const keyCond = q.keyOnly ? sql`(p.is_chief or p.is_key)` : sql`true`;
  const visible: SQL = entryVisibleSql(user) ?? sql`true`;
  /** one statement in its own transaction with JIT off (two of these run side by side on two connections) */
  const jitOff = <T>(statement: SQL) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      return (await tx.execute(statement)) as unknown as { rows: T[] };
    });
  const [pr, er] = await Promise.all([
    jitOff<{ posts: unknown; incumbents: unknown }>(sql`
      with kp as materialized (
        select p.id, p.level, p.is_chief, p.is_key, p.org_unit_id, o.kind
          from position p join org_unit o on o.id = p.org_unit_id
         where ${orgCond} and ${keyCond}
      )
      select
        (select json_agg(json_build_array(kp.id, kp.level, kp.is_chief, kp.is_key, kp.org_unit_id, kp.kind)) from kp) as posts,
        (select json_agg(json_build_array(a.position_id, a.cadre_id, c.name, c.birth_date, c.sex))
           from appointment a join kp on kp.id = a.position_id join cadre c on c.id = a.cadre_id
          where a.start_date <= ${q.asOf} and (a.end_date is null or a.end_date > ${q.asOf}) and a.kind <> '挂职') as incumbents`),
    jitOff<{ entries: unknown }>(sql`
        select json_agg(json_build_array(e.id, e.cadre_id, e.pool_id, e.kind, e.target_level, e.target_position_id, e.unit_kind,
                                          e.tier, e.suggested_tier, e.concentration, e.maturity)) as entries
           from (
             select pool_entry.id, pool_entry.cadre_id, pool_entry.pool_id, pool.kind, pool.target_level, pool_entry.target_position_id,
                    null::text as unit_kind, pool_entry.tier, pool_entry.suggested_tier,
                    pool_entry.suggested_basis->'concentration' as concentration, pool_entry.suggested_basis->'maturity' as maturity
               from pool_entry join pool on pool.id = pool_entry.pool_id
              where pool_entry.stage = 'admitted' and pool_entry.target_position_id is not null and ${visible}
             union all
             select pool_entry.id, pool_entry.cadre_id, pool_entry.pool_id, pool.kind, pool.target_level, null,
                    (select uo.kind from cadre c join org_unit uo on uo.id = c.current_org_id where c.id = pool_entry.cadre_id),
                    pool_entry.tier, pool_entry.suggested_tier,
                    pool_entry.suggested_basis->'concentration', pool_entry.suggested_basis->'maturity'
               from pool join pool_entry on pool_entry.pool_id = pool.id
              where pool.target_level is not null and pool_entry.stage = 'admitted' and pool_entry.target_position_id is null and ${visible}
           ) e`),
  ]);
  const row = { posts: pr.rows[0]?.posts, incumbents: pr.rows[0]?.incumbents, entries: er.rows[0]?.entries };

  const byPost = new Map<number, BenchIncumbentInput[]>();
  for (const [positionId, cadreId, name, birthDate, sex] of parsed<IncumbentTuple>(row.incumbents)) {
    const inc = { cadreId, name, birthDate, sex };
    const l = byPost.get(positionId);
    if (l) l.push(inc);
    else byPost.set(positionId, [inc]);
  }
  const NONE: BenchIncumbentInput[] = [];
  const posts: KeyPostInput[] = parsed<PostTuple>(row.posts).map(([positionId, level, isChief, isKey, orgUnitId, unitKind]) => ({
    positionId,
    title: '',
    level,
    isChief,
    isKey,
    orgUnitId,
    unitKind,
    incumbents: byPost.get(positionId) ?? NONE,
  }));
  const successors: SuccessorInput[] = parsed<EntryTuple>(row.entries).map(
    ([entryId, cadreId, poolId, poolKind, targetLevel, targetPositionId, unitKind, confirmedTier, suggestedTier, concentration, maturity]) => {
      const generic = targetPositionId == null;
      return {
        entryId,
        cadreId,
        name: '',
        poolId,
        poolKind,
        stage: 'admitted' as const,
        targetPositionId,
        targetLevel: generic ? targetLevel : null,
        // a pool with a target level holds reserves for 正职 posts of that level, in units like the member's own
        targetChief: generic ? true : null,
        unitKind: generic ? unitKind : null,
        confirmedTier,
        suggestedTier,
        concentration: concentration == null ? null : Number(concentration),
        maturity: maturity == null ? null : Number(maturity),
      };
    },
  );
  return { posts, successors };
}

/**
 * Names the posts (title, unit, team) and the successors of the given rows,
 * in place: one statement for the page whatever its size. Rows are core BenchRows built from
 * benchInputs; successor objects may be shared between rows (core reuses a level group's lists).
 */
export async function nameRows(db: Db, rows: BenchRow[]): Promise<void> {
  if (!rows.length) return;
  const postIds = rows.map((r) => r.positionId);
  const people = new Set<number>();
  for (const r of rows) {
    for (const list of [r.successors.readyNow, r.successors.shortTerm, r.successors.future]) for (const s of list) people.add(s.cadreId);
  }
  const res = (await db.execute(sql`
    select
      (select json_agg(json_build_array(p.id, p.title, o.name, p.team_id, t.name))
         from position p join org_unit o on o.id = p.org_unit_id left join team t on t.id = p.team_id
        where p.id = any(${`{${postIds.join(',')}}`}::int[])) as posts,
      (select json_agg(json_build_array(c.id, c.name)) from cadre c where c.id = any(${`{${[...people].join(',')}}`}::int[])) as people`)) as unknown as {
    rows: { posts: unknown; people: unknown }[];
  };
  const posts = new Map<number, [number, string, string | null, number | null, string | null]>();
  for (const p of parsed<[number, string, string | null, number | null, string | null]>(res.rows[0]?.posts)) posts.set(p[0], p);
  const names = new Map<number, string>();
  for (const [id, name] of parsed<[number, string]>(res.rows[0]?.people)) names.set(id, name);
  for (const r of rows) {
    const p = posts.get(r.positionId);
    if (p) {
      r.title = p[1];
      r.orgName = p[2];
      r.teamId = p[3];
      r.teamName = p[4];
    }
    for (const list of [r.successors.readyNow, r.successors.shortTerm, r.successors.future]) for (const s of list) s.name = names.get(s.cadreId) ?? s.name;
  }
}

export async function benchStrengthBoard(db: Db, user: CurrentUser, r: RulesRef, q: BenchQuery) {
  const asOf = q.asOf ?? todayISO();
  const orgPath = q.orgId ? await assertOrgInScope(db, user, q.orgId) : null;
  const t0 = performance.now();
  const { posts, successors } = await benchInputs(db, user, { orgPath, keyOnly: q.keyOnly, asOf });
  const t1 = performance.now();
  const b = benchStrength(posts, successors, { asOf, rules: r.rules, keyOnly: q.keyOnly, maxPerTier: q.maxPerTier });
  const t2 = performance.now();
  const all = q.urgentOnly ? b.rows.filter((x) => x.urgent) : b.rows;
  const rows = q.summaryOnly ? [] : all.slice(q.offset, q.offset + q.limit);
  await nameRows(db, rows);
  const t3 = performance.now();
  return {
    asOf,
    summary: b.summary,
    total: all.length,
    offset: q.offset,
    rows,
    timing: { loadMs: Math.round(t1 - t0), computeMs: Math.round(t2 - t1), pageMs: Math.round(t3 - t2) },
  };
}
