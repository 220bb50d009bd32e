/**
 * 储备库 pools: list with member counts by tier and stage, create, rename, and one pool with its
 * entries (cadre summary, stage, field, suggested and confirmed tier, 推荐集中度, 成熟度).
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { ageOn, codeName, codesOf, isValidCode, isYoungCadre, STAGE_NAMES, TIER_NAMES, todayISO, type PoolStage, type RulesConfig, type Tier } from '@cadre/core';
import type { Db } from '../../db/client';
import { cadre, orgUnit, pool, poolEntry, position } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { assertOrgInScope } from '../../auth/policy';
import { writeAudit, type AuditActor } from '../../audit/audit';
import { badRequest, forbidden, issue } from '../../http/errors';
import { updateVersioned } from '../../db/versioned';
import { assertDepartment, cadreInScopeSql, entryVisibleSql, loadPool, poolInScopeSql, poolVisibleSql, type PoolRow } from './policy';
import { STAGES, TIERS, type PoolBody, type PoolPatch } from './schema';

export const tx = <T>(db: Db, fn: (t: Db) => Promise<T>) => db.transaction((t) => fn(t as unknown as Db));

/** pool kinds: the poolKind code set plus user-defined pools (自定义) */
export const CUSTOM_POOL_KIND = '自定义';
export function poolKinds(): string[] {
  return [...codesOf('poolKind').map((e) => e.code), CUSTOM_POOL_KIND].filter((v, i, a) => a.indexOf(v) === i);
}
export const OPEN_STAGES = ['nominated', 'inspected', 'compared', 'admitted'] as const;

/** tier label (core TIER_NAMES) */
export function tierLabel(key: string | null | undefined): { zh: string; en: string } | null {
  if (!key) return null;
  return TIER_NAMES[key as Tier] ?? { zh: key, en: key };
}

const emptyCounts = () => ({
  byStage: Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<(typeof STAGES)[number], number>,
  /** admitted members by effective tier (confirmed, else suggested; 'none' without either) */
  byTier: { readyNow: 0, shortTerm: 0, future: 0, none: 0 } as Record<(typeof TIERS)[number] | 'none', number>,
  members: 0,
  unconfirmed: 0,
});

export async function listPools(db: Db, user: CurrentUser, q: { kind?: string; orgId?: number }) {
  const conds: SQL[] = [];
  if (q.kind) conds.push(eq(pool.kind, q.kind));
  if (q.orgId) {
    const path = await assertOrgInScope(db, user, q.orgId);
    conds.push(sql`${pool.orgUnitId} in (select id from org_unit where path like ${path + '%'})`);
  }
  const pools = await db
    .select({ p: pool, orgName: orgUnit.name, full: user.scopePath ? sql<boolean>`coalesce(${poolInScopeSql(user)}, false)` : sql<boolean>`true` })
    .from(pool)
    .leftJoin(orgUnit, eq(orgUnit.id, pool.orgUnitId))
    .where(and(poolVisibleSql(user), ...conds))
    .orderBy(asc(pool.id));
  // counts of the visible entries, one grouped query
  const rows = await db
    .select({
      poolId: poolEntry.poolId,
      stage: poolEntry.stage,
      tier: sql<string | null>`coalesce(${poolEntry.tier}, ${poolEntry.suggestedTier})`,
      confirmed: sql<boolean>`${poolEntry.tier} is not null`,
      n: sql<number>`count(*)::int`,
    })
    .from(poolEntry)
    .innerJoin(pool, eq(pool.id, poolEntry.poolId))
    .where(entryVisibleSql(user))
    .groupBy(poolEntry.poolId, poolEntry.stage, sql`coalesce(${poolEntry.tier}, ${poolEntry.suggestedTier})`, sql`${poolEntry.tier} is not null`);
  const counts = new Map<number, ReturnType<typeof emptyCounts>>();
  for (const r of rows) {
    let c = counts.get(r.poolId);
    if (!c) counts.set(r.poolId, (c = emptyCounts()));
    c.byStage[r.stage as (typeof STAGES)[number]] = (c.byStage[r.stage as (typeof STAGES)[number]] ?? 0) + r.n;
    if (r.stage === 'admitted') {
      c.members += r.n;
      c.byTier[(r.tier as (typeof TIERS)[number]) ?? 'none'] += r.n;
      if (!r.confirmed) c.unconfirmed += r.n;
    }
  }
  const items = pools
    .map((p) => ({ ...presentPool(p.p, p.orgName, !!p.full), counts: counts.get(p.p.id) ?? emptyCounts() }));
  return { items, kinds: poolKinds() };
}

export function presentPool(p: PoolRow, orgName: string | null, full: boolean) {
  return {
    id: p.id,
    kind: p.kind,
    kindName: p.kind === CUSTOM_POOL_KIND ? '自定义' : (codeName('poolKind', p.kind) ?? p.kind),
    name: p.name,
    level: p.level,
    targetLevel: p.targetLevel,
    targetLevelName: p.targetLevel ? (codeName('postLevel', p.targetLevel) ?? p.targetLevel) : null,
    orgUnitId: p.orgUnitId,
    orgName,
    description: p.description,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    /** false: the user sees only the entries of cadres in their subtree */
    fullAccess: full,
  };
}

function checkKind(kind: string) {
  const kinds = poolKinds();
  if (!kinds.includes(kind)) throw badRequest([issue('kind', 'unknown_pool_kind', `储备库类型“${kind}”无效，应为：${kinds.join('、')}`, `unknown pool kind "${kind}"; expected one of ${kinds.join(', ')}`)]);
}

function checkTargetLevel(v: string | null | undefined) {
  if (v && !isValidCode('postLevel', v)) throw badRequest([issue('targetLevel', 'unknown_code', `“${v}”不是职务级别代码`, `"${v}" is not a post-level code`)]);
}

export async function createPool(db: Db, user: CurrentUser, actor: AuditActor, body: PoolBody) {
  assertDepartment(user, '建立储备库', 'creating a pool');
  checkKind(body.kind);
  checkTargetLevel(body.targetLevel);
  if (body.orgUnitId != null) await assertOrgInScope(db, user, body.orgUnitId);
  return tx(db, async (t) => {
    const [row] = await t
      .insert(pool)
      .values({ kind: body.kind, name: body.name, level: body.level ?? null, targetLevel: body.targetLevel ?? null, orgUnitId: body.orgUnitId ?? null, description: body.description ?? null })
      .returning();
    await writeAudit(t, actor, { action: 'create', entity: 'pool', entityId: row.id, after: row });
    return presentPool(row, null, true);
  });
}

export async function updatePool(db: Db, user: CurrentUser, actor: AuditActor, id: number, body: PoolPatch) {
  assertDepartment(user, '修改储备库', 'changing a pool');
  checkTargetLevel(body.targetLevel);
  const p = await loadPool(db, user, id);
  if (!p.full) throw forbidden('只能修改本单位范围内的储备库', 'only pools of your own subtree may be changed');
  return tx(db, async (t) => {
    const patch: Record<string, unknown> = {};
    for (const k of ['name', 'level', 'targetLevel', 'description'] as const) if (body[k] !== undefined) patch[k] = body[k];
    const { before, after } = await updateVersioned<PoolRow>(t, pool, id, body.version, patch);
    await writeAudit(t, actor, { action: 'update', entity: 'pool', entityId: id, before, after });
    return presentPool(after, p.orgName, true);
  });
}

type EntryListRow = {
  e: typeof poolEntry.$inferSelect;
  name: string;
  sex: string;
  birthDate: string;
  postLevel: string | null;
  currentPostTitle: string | null;
  orgName: string | null;
  targetTitle: string | null;
};

export function presentEntry(r: EntryListRow, rules: RulesConfig, asOf: string) {
  const e = r.e;
  const basis = e.suggestedBasis;
  const effective = e.tier ?? e.suggestedTier;
  return {
    id: e.id,
    poolId: e.poolId,
    cadreId: e.cadreId,
    cadre: {
      id: e.cadreId,
      name: r.name,
      sex: r.sex,
      age: ageOn(r.birthDate, asOf),
      birthDate: r.birthDate,
      postLevel: r.postLevel,
      postLevelName: codeName('postLevel', r.postLevel) ?? r.postLevel,
      currentPostTitle: r.currentPostTitle,
      orgName: r.orgName,
      young: isYoungCadre(r.birthDate, r.postLevel, asOf, rules),
    },
    stage: e.stage,
    stageLabel: STAGE_NAMES[e.stage as PoolStage] ?? { zh: e.stage, en: e.stage },
    stageDate: e.stageDate,
    field: e.field,
    targetPositionId: e.targetPositionId,
    targetTitle: r.targetTitle,
    enteredOn: e.enteredOn,
    entryReason: e.entryReason,
    admittedOn: e.admittedOn,
    exitedOn: e.exitedOn,
    exitReason: e.exitReason,
    suggestedTier: e.suggestedTier,
    suggestedAt: e.suggestedAt,
    suggestion: basis ?? null,
    tier: e.tier,
    tierConfirmedBy: e.tierConfirmedBy,
    tierConfirmedAt: e.tierConfirmedAt,
    tierNote: e.tierNote,
    /** confirmed tier, else the suggestion (tierConfirmed says which) */
    effectiveTier: effective,
    effectiveTierLabel: tierLabel(effective),
    tierConfirmed: e.tier != null,
    concentration: basis?.concentration ?? null,
    maturity: basis?.maturity ?? null,
    version: e.version,
  };
}

/** entries of the given pools visible to the user (joined with the cadre summary), optionally by stage */
export async function entriesOf(db: Db, user: CurrentUser, where: SQL | undefined): Promise<EntryListRow[]> {
  return db
    .select({
      e: poolEntry,
      name: cadre.name,
      sex: cadre.sex,
      birthDate: cadre.birthDate,
      postLevel: cadre.postLevel,
      currentPostTitle: cadre.currentPostTitle,
      orgName: orgUnit.name,
      targetTitle: sql<string | null>`(select o.name || ${'·'} || p.title from ${position} p join ${orgUnit} o on o.id = p.org_unit_id where p.id = ${poolEntry.targetPositionId})`,
    })
    .from(poolEntry)
    .innerJoin(pool, eq(pool.id, poolEntry.poolId))
    .innerJoin(cadre, eq(cadre.id, poolEntry.cadreId))
    .leftJoin(orgUnit, eq(orgUnit.id, cadre.currentOrgId))
    .where(and(where, entryVisibleSql(user)))
    .orderBy(asc(poolEntry.poolId), asc(orgUnit.path), asc(cadre.birthDate), asc(poolEntry.id));
}

export async function getPool(db: Db, user: CurrentUser, rules: RulesConfig, id: number, q: { stage?: string; asOf?: string }) {
  const p = await loadPool(db, user, id);
  const asOf = q.asOf ?? todayISO();
  let stageCond: SQL | undefined;
  if (q.stage && q.stage !== 'all') {
    if (q.stage === 'open') stageCond = inArray(poolEntry.stage, [...OPEN_STAGES]);
    else if ((STAGES as readonly string[]).includes(q.stage)) stageCond = eq(poolEntry.stage, q.stage);
    else throw badRequest([issue('query.stage', 'unknown_stage', `阶段“${q.stage}”无效，应为：${STAGES.join('、')}、open、all`, `unknown stage "${q.stage}"`)]);
  }
  const rows = await entriesOf(db, user, and(eq(poolEntry.poolId, id), stageCond));
  return { pool: presentPool(p, p.orgName, p.full), asOf, entries: rows.map((r) => presentEntry(r, rules, asOf)) };
}

/** cadre ids of a pool's admitted members visible to the user */
export async function admittedCadreIds(db: Db, user: CurrentUser, poolId: number): Promise<number[]> {
  const rows = await db
    .select({ id: poolEntry.cadreId })
    .from(poolEntry)
    .innerJoin(pool, eq(pool.id, poolEntry.poolId))
    .where(and(eq(poolEntry.poolId, poolId), eq(poolEntry.stage, 'admitted'), entryVisibleSql(user)));
  return rows.map((r) => r.id);
}

export { cadreInScopeSql };
