/** 首页 overview figures of the user's scope, each matching a roster filter so the UI can link to the people behind it. */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { todayISO, type RulesConfig } from '@cadre/core';
import type { Db } from '../../db/client';
import { appointment, cadre, orgUnit, position } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { assertOrgInScope, orgUnitScopeCondition } from '../../auth/policy';
import { RosterQuery } from '../registry/schema';
import { rosterConditions } from '../registry/search';

const countIf = (cond: SQL | undefined) => sql<number>`(count(*) filter (where ${cond ?? sql`true`}))::int`;

export async function overview(db: Db, user: CurrentUser, rules: RulesConfig, orgId?: number, asOf = todayISO()) {
  if (orgId) await assertOrgInScope(db, user, orgId);
  const base = RosterQuery.parse({ orgId, asOf });
  const q = (extra: Record<string, unknown>) => rosterConditions(user, { ...base, ...RosterQuery.parse({ ...extra, asOf }), orgId }, rules);
  const horizon = rules.retirementHorizonYears;
  const bands = rules.ageBands;
  const [row] = await db
    .select({
      cadreCount: countIf(undefined),
      women: countIf(eq(cadre.sex, '2')),
      nonParty: countIf(sql`${cadre.politicalStatus} not in ('01','02')`),
      young: countIf(q({ young: 'true' })),
      retiringSoon: countIf(q({ retiringWithinYears: horizon })),
      ...Object.fromEntries(bands.map((b, i) => [`band${i}`, countIf(q({ ageMin: b.min, ageMax: b.max }))])),
    })
    .from(cadre)
    .where(rosterConditions(user, base, rules));
  const r = row as Record<string, number>;

  const scopeOrg = orgId
    ? sql`${position.orgUnitId} in (select id from org_unit where path like (select path from org_unit where id = ${orgId}) || '%')`
    : undefined;
  const vac = await db
    .select({ quota: position.quota, filled: sql<number>`count(${appointment.id})::int` })
    .from(position)
    .innerJoin(orgUnit, eq(orgUnit.id, position.orgUnitId))
    .leftJoin(appointment, and(eq(appointment.positionId, position.id), isNull(appointment.endDate), eq(appointment.kind, '任职')))
    .where(and(orgUnitScopeCondition(user), scopeOrg))
    .groupBy(position.id, position.quota);
  const vacancies = vac.reduce((s, p) => s + Math.max(0, p.quota - p.filled), 0);
  const quota = vac.reduce((s, p) => s + p.quota, 0);

  return {
    asOf,
    cadreCount: r.cadreCount,
    women: r.women,
    nonParty: r.nonParty,
    youngCount: r.young,
    youngShare: r.cadreCount ? r.young / r.cadreCount : 0,
    retiringSoon: r.retiringSoon,
    retiringHorizonYears: horizon,
    ageBands: bands.map((b, i) => ({ label: b.label, min: b.min ?? null, max: b.max ?? null, count: r[`band${i}`] })),
    positions: vac.length,
    quota,
    vacancies,
  };
}
