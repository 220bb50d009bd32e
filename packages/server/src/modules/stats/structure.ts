/**
 * 干部队伍结构分析 for any roster filter (org subtree + every 干部名册 filter) as of any date:
 * the filtered cadres' columns in ONE query (rosterConditions), promotions in the period from
 * rank_history and appointments, intake from 参加工作时间 + 进入渠道; the figures themselves are
 * computed by @cadre/core structureStats.
 */
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import {
  ageAt,
  BUCKETED_FIGURES,
  ColumnDecoder,
  SELECTION_KEYS,
  SelectionError,
  structureSelectColumns,
  structureSentences,
  structureStatsColumns,
  todayISO,
  type PromotionEvent,
  type RulesConfig,
  type SelectionKey,
  type StatColumns,
  type StructureSelection,
  type StructureStats,
} from '@cadre/core';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { appointment, cadre, position, rankHistory } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { assertOrgInScope } from '../../auth/policy';
import { isoDate } from '../../http/zod';
import { badRequest, issue } from '../../http/errors';
import { RosterQuery } from '../registry/schema';
import { rosterConditions, searchRoster } from '../registry/search';

export const StructureQuery = RosterQuery.extend({
  /** promotion / intake period; default 1 January of asOf's year … asOf */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /**
   * GET /stats/structure: true adds the id list behind every number (10.8 MB at 100,000 cadres; default
   * false — figures only, the people of one number come from GET /stats/structure/people).
   * GET /stats/structure/people: false leaves the ids out (rows only); default true.
   */
  withIds: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type StructureQuery = z.infer<typeof StructureQuery>;

/** the drill-down: the people behind ONE number of GET /stats/structure with the same filters */
export const StructurePeopleQuery = StructureQuery.extend({
  /** a dimension key (ageBand, sex, specialty, …) or total | young | youngByLevel | youngByTier | promotions | promotionsYoung | promotionsByLevel | intake | intakeYoung | intakeByChannel */
  dimension: z.enum(SELECTION_KEYS as [SelectionKey, ...SelectionKey[]]),
  /** the bucket / row key (dimensions and the …By… figures; absent for the others) */
  bucket: z.string().min(1).max(200).optional(),
  /** true: also a page (page, pageSize, sort) of roster rows of these people */
  rows: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type StructurePeopleQuery = z.infer<typeof StructurePeopleQuery>;

export type StructureResult = StructureStats & { sentences: string[]; filter: Record<string, unknown> };

/** a separator that never occurs in a code, a name or a date */
const SEP = '\u001f';

/**
 * The statistics columns of the cadres matching `where`, in id order, as ONE row of column
 * strings (string_agg per column over the same ordered scan, so the columns stay aligned),
 * decoded by @cadre/core's ColumnDecoder straight into typed arrays: ids and dates parsed from
 * the character codes, coded columns matched against their few distinct values in place — no
 * string per value, no object per person (the split + objects cost ≈ 5× more CPU). string_agg
 * skips NULLs, so nullable columns come as '' (= null).
 */
async function loadColumns(db: Db, where: ReturnType<typeof rosterConditions>): Promise<StatColumns> {
  const agg = (expr: string) => sql.raw(`string_agg(${expr}, '${SEP}')`);
  const nullable = (col: string) => agg(`coalesce(c.${col}, '')`);
  const res = (await db.execute(sql`
    select count(*)::int as n,
      ${agg('c.id::text')} as id, ${agg('c.sex')} as sex, ${agg('c.ethnicity')} as ethnicity,
      ${agg('c.birth_date::text')} as birth, ${agg('c.political_status')} as political,
      ${nullable('full_time_education')} as fte, ${nullable('highest_education')} as he, ${nullable('highest_degree')} as hd,
      ${nullable('specialty_category')} as sc, ${nullable('post_level')} as pl, ${nullable('rank')} as rk,
      ${agg(`coalesce(c.post_start_date::text, '')`)} as psd,
      ${agg(`coalesce(c.work_start_date::text, '')`)} as wsd, ${nullable('intake_channel')} as ic
    from (select ${cadre.id} as id, ${cadre.sex} as sex, ${cadre.ethnicity} as ethnicity, ${cadre.birthDate} as birth_date,
                 ${cadre.politicalStatus} as political_status, ${cadre.fullTimeEducation} as full_time_education,
                 ${cadre.highestEducation} as highest_education, ${cadre.highestDegree} as highest_degree,
                 ${cadre.specialtyCategory} as specialty_category, ${cadre.postLevel} as post_level, ${cadre.rank} as rank,
                 ${cadre.postStartDate} as post_start_date, ${cadre.workStartDate} as work_start_date, ${cadre.intakeChannel} as intake_channel
            from ${cadre} where ${where ?? sql`true`} order by ${cadre.id}) c`)) as unknown as { rows: Record<string, string | number | null>[] };
  const r = res.rows[0];
  const n = Number(r?.n ?? 0);
  const dec = new ColumnDecoder(n, SEP);
  const text = (k: string) => String(r?.[k] ?? '');
  const coded = (k: string) => (n ? dec.coded(text(k), k) : { values: [null], codes: new Uint16Array(0) });
  return {
    n,
    id: n ? dec.ints(text('id'), 'id') : new Int32Array(0),
    birth: n ? dec.dates(text('birth'), 'birth_date') : new Int32Array(0),
    postStart: n ? dec.dates(text('psd'), 'post_start_date') : new Int32Array(0),
    workStart: n ? dec.dates(text('wsd'), 'work_start_date') : new Int32Array(0),
    retirement: null,
    sex: coded('sex'),
    ethnicity: coded('ethnicity'),
    politicalStatus: coded('political'),
    fullTimeEducation: coded('fte'),
    highestEducation: coded('he'),
    highestDegree: coded('hd'),
    specialtyCategory: coded('sc'),
    postLevel: coded('pl'),
    rank: coded('rk'),
    intakeChannel: coded('ic'),
  };
}

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
  // a fixed order (the rows come in plan order, parallel on PostgreSQL): the promotion id lists, and so the
  // drill-down of a promotion figure, are then the same on every request
  out.sort((x, y) => x.cadreId - y.cadreId || (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || (x.toLevel < y.toLevel ? -1 : x.toLevel > y.toLevel ? 1 : 0));
  return out;
}

/** the rows structureStats gets for this query, exactly as the endpoint loads them (also used by bench/) */
export async function structureInputs(db: Db, user: CurrentUser, rules: RulesConfig, q: StructureQuery) {
  if (q.orgId) await assertOrgInScope(db, user, q.orgId);
  const asOf = q.asOf ?? todayISO();
  const from = q.from ?? `${asOf.slice(0, 4)}-01-01`;
  const to = q.to ?? asOf;
  if (from > to) throw badRequest([issue('query.from', 'after_to', `开始日期(${from})晚于结束日期(${to})`, `from ${from} is after to ${to}`)]);
  const where = rosterConditions(user, { ...q, asOf }, rules);
  const [columns, promotions] = await Promise.all([
    loadColumns(db, where),
    loadPromotions(db, where, from, to),
  ]);
  return { asOf, from, to, columns, promotions };
}

export async function structure(db: Db, user: CurrentUser, rules: RulesConfig, q: StructureQuery): Promise<StructureResult> {
  const { asOf, from, to, columns, promotions } = await structureInputs(db, user, rules, q);
  // figures only unless withIds=true: core then builds no id lists at all (counts only)
  const stats = structureStatsColumns(columns, { asOf, rules, period: { from, to }, promotions, withIds: q.withIds === true });
  const { page: _p, pageSize: _s, sort: _o, withIds: _w, ...filter } = q;
  return { ...stats, sentences: structureSentences(stats), filter: { ...filter, asOf, from, to } };
}

/** ORDER BY of a page of drill-down rows: the roster's sort keys (registry/search.ts orderBy), by column name */
const PAGE_ORDER: Record<string, string> = {
  name: 'c.pinyin {d}, c.id {d}',
  birthDate: 'c.birth_date {d}, c.id asc',
  postStartDate: 'c.post_start_date {d}, c.id asc',
  postLevel: 'c.post_level {d}, c.birth_date asc, c.id asc',
  id: 'c.id {d}',
  orgName: 'u.sort {d}, u.id {d}, c.post_level asc, c.post_start_date asc, c.id asc',
};

/**
 * One page of roster rows of `ids` in the roster's sort order: the page's ids are chosen in SQL over the
 * whole list (one array parameter, any length), then the rows come from searchRoster (the roster's own
 * columns, presentation and scope) with the same sort — so paging through gives every person once.
 */
async function rosterPage(db: Db, user: CurrentUser, rules: RulesConfig, ids: number[], q: StructurePeopleQuery, asOf: string) {
  const desc = q.sort.startsWith('-');
  const order = PAGE_ORDER[q.sort.replace(/^-/, '')].replaceAll('{d}', desc ? 'desc' : 'asc');
  const res = (await db.execute(sql`
    select c.id from ${cadre} c left join org_unit u on u.id = c.current_org_id
     where c.id = any(${sql.param(ids)}::int[])
     order by ${sql.raw(order)} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`)) as unknown as { rows: { id: number | string }[] };
  const pageIds = res.rows.map((r) => Number(r.id));
  if (!pageIds.length) return [];
  const page = await searchRoster(db, user, { ...RosterQuery.parse({ asOf, sort: q.sort }), status: q.status, ids: pageIds, pageSize: pageIds.length }, rules, { count: false });
  return page.items;
}

export type StructurePeople = Omit<StructureSelection, 'ids'> & {
  ids?: number[];
  asOf: string;
  from: string;
  to: string;
  /** rows=true: a page of roster rows (GET /api/cadres items) of these people */
  items?: Awaited<ReturnType<typeof searchRoster>>['items'];
  page?: number;
  pageSize?: number;
  filter: Record<string, unknown>;
};

/**
 * The people behind one number of the structure statistics under the same filters, scope and dates:
 * loaded and computed exactly as GET /stats/structure does (structureInputs + core), the number's
 * people read from the same pass (core structureSelectColumns) — `ids.length === count`.
 */
export async function structurePeople(db: Db, user: CurrentUser, rules: RulesConfig, q: StructurePeopleQuery): Promise<StructurePeople> {
  const { asOf, from, to, columns, promotions } = await structureInputs(db, user, rules, q);
  let selection: StructureSelection;
  try {
    ({ selection } = structureSelectColumns(columns, { asOf, rules, period: { from, to }, promotions }, { dimension: q.dimension, bucket: q.bucket ?? null }));
  } catch (e) {
    if (!(e instanceof SelectionError)) throw e;
    const zh = !BUCKETED_FIGURES.has(q.dimension)
      ? `统计项 ${q.dimension} 不分组，不能指定 bucket（${q.bucket}）`
      : q.bucket == null
        ? `统计项 ${q.dimension} 需要指定分组 bucket`
        : `统计项 ${q.dimension} 中没有分组“${q.bucket}”（现有分组：${e.known.join('、') || '无'}）`;
    throw badRequest([issue('query.bucket', 'unknown_bucket', zh, e.message)]);
  }
  const { page: _p, pageSize: _s, sort: _o, withIds: _w, dimension: _d, bucket: _b, rows: _r, ...filter } = q;
  const { ids, ...figure } = selection;
  const out: StructurePeople = { ...figure, asOf, from, to, filter: { ...filter, asOf, from, to } };
  if (q.withIds !== false) out.ids = ids;
  if (q.rows) {
    out.items = await rosterPage(db, user, rules, ids, q, asOf);
    out.page = q.page;
    out.pageSize = q.pageSize;
  }
  return out;
}

/** drop every `ids` / `youngIds` list (figures only); the endpoint now asks core for `withIds: false` instead */
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
