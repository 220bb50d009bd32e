/**
 * 干部队伍结构分析 for any roster filter (org subtree + every 干部名册 filter) as of any date:
 * the filtered cadres' columns in ONE query (rosterConditions), promotions in the period from
 * rank_history and appointments, intake from 参加工作时间 + 进入渠道; the figures themselves are
 * computed by @cadre/core structureStats.
 */
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { ageAt, structureSentences, structureStats, todayISO, type PromotionEvent, type RulesConfig, type StatPerson, type StructureStats } from '@cadre/core';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { appointment, cadre, position, rankHistory } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { assertOrgInScope } from '../../auth/policy';
import { isoDate } from '../../http/zod';
import { badRequest, issue } from '../../http/errors';
import { RosterQuery } from '../registry/schema';
import { rosterConditions } from '../registry/search';

export const StructureQuery = RosterQuery.extend({
  /** promotion / intake period; default 1 January of asOf's year … asOf */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** false: leave out the id lists (figures only) */
  withIds: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type StructureQuery = z.infer<typeof StructureQuery>;

export type StructureResult = StructureStats & { sentences: string[]; filter: Record<string, unknown> };

const STAT_COLUMNS = {
  id: cadre.id,
  sex: cadre.sex,
  ethnicity: cadre.ethnicity,
  birthDate: cadre.birthDate,
  politicalStatus: cadre.politicalStatus,
  fullTimeEducation: cadre.fullTimeEducation,
  highestEducation: cadre.highestEducation,
  highestDegree: cadre.highestDegree,
  specialtyCategory: cadre.specialtyCategory,
  postLevel: cadre.postLevel,
  rank: cadre.rank,
  postStartDate: cadre.postStartDate,
  workStartDate: cadre.workStartDate,
  intakeChannel: cadre.intakeChannel,
};

/** promotions (a step to a higher 职务层次) in [from, to] of the cadres matching `where` */
async function loadPromotions(db: Db, where: ReturnType<typeof rosterConditions>, from: string, to: string): Promise<PromotionEvent[]> {
  const prevLevel = sql<string | null>`(select p.code from rank_history p where p.cadre_id = ${rankHistory.cadreId} and p.kind = 'post_level' and p.start_date < ${rankHistory.startDate} order by p.start_date desc limit 1)`;
  const fromRank = db
    .select({ cadreId: rankHistory.cadreId, date: rankHistory.startDate, toLevel: rankHistory.code, fromLevel: prevLevel, birthDate: cadre.birthDate })
    .from(rankHistory)
    .innerJoin(cadre, eq(cadre.id, rankHistory.cadreId))
    .where(and(eq(rankHistory.kind, 'post_level'), gte(rankHistory.startDate, from), lte(rankHistory.startDate, to), where));
  const prevPost = sql<string | null>`(select pp.level from appointment a2 inner join position pp on pp.id = a2.position_id where a2.cadre_id = ${appointment.cadreId} and a2.kind = '任职' and a2.start_date < ${appointment.startDate} order by a2.start_date desc limit 1)`;
  const fromAppointments = db
    .select({ cadreId: appointment.cadreId, date: appointment.startDate, toLevel: position.level, fromLevel: prevPost, birthDate: cadre.birthDate })
    .from(appointment)
    .innerJoin(position, eq(position.id, appointment.positionId))
    .innerJoin(cadre, eq(cadre.id, appointment.cadreId))
    .where(and(eq(appointment.kind, '任职'), gte(appointment.startDate, from), lte(appointment.startDate, to), where));
  const [a, b] = await Promise.all([fromRank, fromAppointments]);
  const out: PromotionEvent[] = [];
  for (const r of [...a, ...b]) {
    if (r.fromLevel == null) continue; // the first level on record is not a promotion
    out.push({ cadreId: r.cadreId, date: r.date, fromLevel: r.fromLevel, toLevel: r.toLevel, ageAtDate: ageAt(r.birthDate, r.date) });
  }
  return out;
}

export async function structure(db: Db, user: CurrentUser, rules: RulesConfig, q: StructureQuery): Promise<StructureResult> {
  if (q.orgId) await assertOrgInScope(db, user, q.orgId);
  const asOf = q.asOf ?? todayISO();
  const from = q.from ?? `${asOf.slice(0, 4)}-01-01`;
  const to = q.to ?? asOf;
  if (from > to) throw badRequest([issue('query.from', 'after_to', `开始日期(${from})晚于结束日期(${to})`, `from ${from} is after to ${to}`)]);
  const where = rosterConditions(user, { ...q, asOf }, rules);
  const [people, promotions] = await Promise.all([
    db.select(STAT_COLUMNS).from(cadre).where(where).orderBy(asc(cadre.id)) as Promise<StatPerson[]>,
    loadPromotions(db, where, from, to),
  ]);
  const stats = structureStats(people, { asOf, rules, period: { from, to }, promotions });
  const { page: _p, pageSize: _s, sort: _o, withIds: _w, ...filter } = q;
  const result: StructureResult = { ...stats, sentences: structureSentences(stats), filter: { ...filter, asOf, from, to } };
  if (q.withIds === false) stripIds(result);
  return result;
}

/** drop every `ids` / `youngIds` list (figures only) */
export function stripIds(o: unknown): void {
  if (Array.isArray(o)) {
    for (const x of o) if (x && typeof x === 'object') stripIds(x);
    return;
  }
  if (!o || typeof o !== 'object') return;
  const r = o as Record<string, unknown>;
  for (const k of Object.keys(r)) {
    if (k === 'ids' || k === 'youngIds') delete r[k];
    else if (r[k] && typeof r[k] === 'object') stripIds(r[k]);
  }
}
