/**
 * Who may see and change what in the reserve chain (储备链).
 *
 * Scope (docs/reserve.md): a user limited to an org subtree sees the pools owned by a unit of
 * that subtree with all their entries ("full"), and in every other pool only the entries of
 * cadres whose current unit lies in the subtree. Such a pool is visible when it covers the user's
 * unit (district-wide: no owner, or owned by an ancestor unit — a unit nominates its people into
 * the district's 优秀年轻干部库) or holds one of the user's cadres; a pool of a sibling subtree is
 * not. Anything outside answers 404, so ids outside the scope cannot be probed.
 *
 * Roles: 单位推荐 (nominate) is open to every registry writer (a unit's HR officer recommends
 * their own people); the department's steps — 组织考察, 比选研究, 入库, 出库, 未入库, tier
 * decisions, 民主推荐 rounds, 季度研判 — are the 组织部's (admin, 干部科). Mentorships follow the
 * registry rule (the mentee must be in scope).
 */
import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { RulesConfig } from '@cadre/core';
import type { Db } from '../../db/client';
import { cadre, orgUnit, pool, poolEntry } from '../../db/schema';
import type { CurrentUser, Role } from '../../auth/roles';
import { assertCanWrite, pathInScope } from '../../auth/policy';
import { forbidden, notFound } from '../../http/errors';

/** roles that run the department's side of the workflow */
const DEPARTMENT: readonly Role[] = ['admin', 'cadre'];

export function isDepartment(user: CurrentUser): boolean {
  return DEPARTMENT.includes(user.role);
}

/** 单位推荐 and mentorships: any registry writer (unit HR within their subtree) */
export function assertReserveWrite(user: CurrentUser, rules: RulesConfig): void {
  assertCanWrite(user, 'registry', rules);
}

/** 组织考察 / 比选 / 入库 / 出库 / tier decisions / rounds / reviews: the department only */
export function assertDepartment(user: CurrentUser, what: string, whatEn: string): void {
  if (!isDepartment(user)) {
    throw forbidden(`${what}由组织部（干部科）办理，当前角色无权操作`, `${whatEn} is done by the organisation department (cadre section); your role may not do it`);
  }
}

/** SQL: the pool's owning unit lies in the user's subtree (pools without a unit are district-wide) */
export function poolInScopeSql(user: CurrentUser): SQL | undefined {
  if (!user.scopePath) return undefined;
  return sql`${pool.orgUnitId} in (select id from org_unit where path like ${user.scopePath + '%'})`;
}

/** SQL: the cadre's current unit lies in the user's subtree */
export function cadreInScopeSql(user: CurrentUser, cadreIdColumn: SQL | AnyColumn = poolEntry.cadreId): SQL | undefined {
  if (!user.scopePath) return undefined;
  return sql`${cadreIdColumn} in (select c.id from cadre c join org_unit o on o.id = c.current_org_id where o.path like ${user.scopePath + '%'})`;
}

/** SQL on pool_entry (joined with pool): the entry is visible to the user */
export function entryVisibleSql(user: CurrentUser): SQL | undefined {
  if (!user.scopePath) return undefined;
  return sql`(${poolInScopeSql(user)} or ${cadreInScopeSql(user)})`;
}

export type PoolRow = typeof pool.$inferSelect;
export interface ScopedPool extends PoolRow {
  orgName: string | null;
  /** the whole pool is in the user's scope (else only the entries of their cadres) */
  full: boolean;
}

/** SQL on pool: visible to the user (in part or whole) */
export function poolVisibleSql(user: CurrentUser): SQL | undefined {
  if (!user.scopePath) return undefined;
  return sql`(${pool.orgUnitId} is null
    or exists (select 1 from org_unit o where o.id = ${pool.orgUnitId} and (o.path like ${user.scopePath + '%'} or ${user.scopePath} like o.path || '%'))
    or exists (select 1 from pool_entry pe where pe.pool_id = ${pool.id} and ${cadreInScopeSql(user, sql`pe.cadre_id`)}))`;
}

/** a pool the user may see (whole or in part), else 404 */
export async function loadPool(db: Db, user: CurrentUser, id: number): Promise<ScopedPool> {
  const [r] = await db
    .select({ p: pool, orgName: orgUnit.name, orgPath: orgUnit.path })
    .from(pool)
    .leftJoin(orgUnit, eq(orgUnit.id, pool.orgUnitId))
    .where(and(eq(pool.id, id), poolVisibleSql(user)))
    .limit(1);
  if (!r) throw notFound('储备库', 'pool');
  const full = !user.scopePath || (r.orgPath != null && pathInScope(user, r.orgPath));
  return { ...r.p, orgName: r.orgName, full };
}

export type EntryRow = typeof poolEntry.$inferSelect;

/** a pool entry the user may see, with its pool; else 404 */
export async function loadEntry(db: Db, user: CurrentUser, id: number, forUpdate = false): Promise<EntryRow & { pool: PoolRow; cadrePath: string | null; poolPath: string | null }> {
  const q = db
    .select({ e: poolEntry, p: pool, cadrePath: sql<string | null>`(select o.path from org_unit o where o.id = ${cadre.currentOrgId})`, poolPath: sql<string | null>`(select o.path from org_unit o where o.id = ${pool.orgUnitId})` })
    .from(poolEntry)
    .innerJoin(pool, eq(pool.id, poolEntry.poolId))
    .innerJoin(cadre, eq(cadre.id, poolEntry.cadreId))
    .where(eq(poolEntry.id, id))
    .limit(1);
  const [r] = forUpdate ? await q.for('update', { of: poolEntry }) : await q;
  if (!r) throw notFound('储备库成员', 'pool entry');
  if (user.scopePath && !pathInScope(user, r.poolPath) && !pathInScope(user, r.cadrePath)) throw notFound('储备库成员', 'pool entry');
  return { ...r.e, pool: r.p, cadrePath: r.cadrePath, poolPath: r.poolPath };
}
