/**
 * Server-side access rules: role → writable areas, org-subtree scope, sensitive categories.
 * Scope violations answer 404 (not 403) so ids outside the subtree cannot be probed.
 */
import { eq, like, sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { RulesConfig } from '@cadre/core';
import type { Db } from '../db/client';
import { orgUnit } from '../db/schema';
import { forbidden, notFound } from '../http/errors';
import type { CurrentUser, Role, SensitiveCategory } from './roles';

/** what a role may write. Sensitive areas also need read access (rules.sensitiveAccess). */
export type Area = 'org' | 'registry' | 'rules' | 'users' | SensitiveCategory;

const WRITE: Record<Role, readonly Area[]> = {
  admin: ['org', 'registry', 'rules', 'users', 'discipline', 'supervision', 'family', 'idNumber', 'care'],
  cadre: ['org', 'registry', 'discipline', 'family', 'idNumber', 'care'],
  supervision: ['discipline', 'supervision', 'care'],
  leader: [],
  unit_hr: ['registry'],
};

export function canSee(user: CurrentUser, category: SensitiveCategory, rules: RulesConfig): boolean {
  const allowed = (rules.sensitiveAccess as Record<string, string[]>)[category] ?? [];
  return allowed.includes(user.role);
}

export function canWrite(user: CurrentUser, area: Area, rules: RulesConfig): boolean {
  if (!WRITE[user.role].includes(area)) return false;
  if (area === 'org' || area === 'registry' || area === 'rules' || area === 'users') return true;
  return canSee(user, area, rules);
}

export function assertCanWrite(user: CurrentUser, area: Area, rules: RulesConfig): void {
  if (!canWrite(user, area, rules)) {
    throw forbidden(`当前角色无权修改此类数据（${area}）`, `your role may not change ${area} records`);
  }
}

export function assertAdmin(user: CurrentUser, also: Role[] = []): void {
  if (user.role !== 'admin' && !also.includes(user.role)) throw forbidden();
}

/** SQL condition: an org-unit id column lies in the user's subtree (undefined = no limit) */
export function orgScopeCondition(user: CurrentUser, orgIdColumn: AnyColumn): SQL | undefined {
  if (!user.scopePath) return undefined;
  return sql`${orgIdColumn} in (select id from org_unit where path like ${user.scopePath + '%'})`;
}

/** SQL condition on org_unit itself */
export function orgUnitScopeCondition(user: CurrentUser): SQL | undefined {
  if (!user.scopePath) return undefined;
  return like(orgUnit.path, `${user.scopePath}%`);
}

export function pathInScope(user: CurrentUser, path: string | null | undefined): boolean {
  if (!user.scopePath) return true;
  return !!path && path.startsWith(user.scopePath);
}

/** throws 404 unless the org unit exists and lies in the user's subtree; returns its path */
export async function assertOrgInScope(db: Db, user: CurrentUser, orgId: number | null | undefined): Promise<string> {
  if (orgId == null) {
    if (user.scopePath) throw forbidden('单位组织人事只能管理本单位干部', 'a unit HR officer may only manage people of their own unit');
    return '/';
  }
  const [u] = await db.select({ path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.id, orgId)).limit(1);
  if (!u || !pathInScope(user, u.path)) throw notFound('单位', 'org unit');
  return u.path;
}

