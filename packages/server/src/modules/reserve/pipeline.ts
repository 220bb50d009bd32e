/**
 * Pipeline figures (队伍数据): pool sizes by level, age band, field and sex; flows in and out per
 * quarter; the cohort funnel / Sankey; the young share of promotions in the period (001 "96人，占29.3%")
 * — core pipelineFigures over the visible entries of one pool (or all) and the promotions (a step to
 * a higher 职务层次 in rank_history, as the structure statistics count them) of the user's scope.
 */
import { sql } from 'drizzle-orm';
import { addYears, ageAt, pipelineFigures, todayISO, type PipelineEntry, type PoolStage, type PromotionEvent, type RulesConfig } from '@cadre/core';
import type { Db } from '../../db/client';
import type { CurrentUser } from '../../auth/roles';
import { badRequest, issue } from '../../http/errors';
import { entryVisibleSql, loadPool } from './policy';

type Rows<T> = { rows: T[] };

export async function pipeline(db: Db, user: CurrentUser, rules: RulesConfig, q: { from?: string; to?: string; poolId?: number; asOf?: string }) {
  const asOf = q.asOf ?? todayISO();
  const to = q.to ?? asOf;
  const from = q.from ?? addYears(to, -1);
  if (from > to) throw badRequest([issue('query.from', 'after_to', `开始日期(${from})晚于结束日期(${to})`, `from ${from} is after to ${to}`)]);
  if (q.poolId) await loadPool(db, user, q.poolId);
  const visible = entryVisibleSql(user) ?? sql`true`;
  const stageDate = (s: string) => sql`(select min(ev.date)::text from pool_entry_event ev where ev.entry_id = pool_entry.id and ev.to_stage = ${s})`;
  const [entries, promo] = await Promise.all([
    db.execute(sql`
      select pool_entry.id as "entryId", pool_entry.cadre_id as "cadreId", pool_entry.pool_id as "poolId", pool_entry.stage, pool_entry.field,
             c.birth_date::text as "birthDate", c.sex, c.post_level as "postLevel", pool_entry.entered_on::text as "nominatedOn",
             ${stageDate('inspected')} as "inspectedOn", ${stageDate('compared')} as "comparedOn",
             pool_entry.admitted_on::text as "admittedOn",
             case when pool_entry.stage = 'exited' then pool_entry.exited_on::text end as "exitedOn",
             case when pool_entry.stage = 'exited' then pool_entry.exit_reason end as "exitReason",
             case when pool_entry.stage = 'rejected' then pool_entry.exited_on::text end as "rejectedOn"
      from pool_entry join pool on pool.id = pool_entry.pool_id join cadre c on c.id = pool_entry.cadre_id
      where ${q.poolId ? sql`pool_entry.pool_id = ${q.poolId}` : sql`true`} and ${visible}`),
    db.execute(sql`
      select r.cadre_id as "cadreId", r.start_date::text as "date", r.code as "toLevel", c.birth_date::text as "birthDate",
             (select p.code from rank_history p where p.cadre_id = r.cadre_id and p.kind = 'post_level' and p.start_date < r.start_date order by p.start_date desc limit 1) as "fromLevel"
      from rank_history r join cadre c on c.id = r.cadre_id
      where r.kind = 'post_level' and r.start_date >= ${from} and r.start_date <= ${to}
        ${user.scopePath ? sql`and c.current_org_id in (select id from org_unit where path like ${user.scopePath + '%'})` : sql``}`),
  ]);
  const promotions: PromotionEvent[] = [];
  for (const r of (promo as unknown as Rows<{ cadreId: number; date: string; toLevel: string; fromLevel: string | null; birthDate: string }>).rows) {
    if (r.fromLevel == null) continue; // the first level on record is not a promotion
    promotions.push({ cadreId: r.cadreId, date: r.date, fromLevel: r.fromLevel, toLevel: r.toLevel, ageAtDate: ageAt(r.birthDate, r.date) });
  }
  const list = (entries as unknown as Rows<PipelineEntry & { stage: PoolStage }>).rows;
  const figures = pipelineFigures(list, { from, to, asOf, rules, promotions });
  return { poolId: q.poolId ?? null, ...figures };
}

