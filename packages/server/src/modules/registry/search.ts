/** 干部名册 roster search: every filter becomes an indexed SQL condition; age and young-cadre rules come from the rules configuration. */
import { and, asc, desc, eq, gt, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { CODE_SETS, retirementDate, todayISO, youngThreshold, type RulesConfig } from '@cadre/core';
import type { Db } from '../../db/client';
import { cadre, orgUnit } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { orgScopeCondition, orgUnitScopeCondition } from '../../auth/policy';
import { RosterQuery } from './schema';
import { presentCadre } from './service';

const CPC_CODES = ['01', '02'];
const NON_PARTY_CODES = CODE_SETS.political.map((e) => e.code).filter((c) => !CPC_CODES.includes(c));

/** asOf minus n years; 29 Feb falls back to 28 Feb. age(b, asOf) ≥ n ⇔ b ≤ yearsBefore(asOf, n) */
export function yearsBefore(asOf: string, n: number): string {
  const y = Number(asOf.slice(0, 4)) - n;
  let md = asOf.slice(5);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) md = '02-28';
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** latest birth date (for a sex) whose statutory retirement falls on or before `until` (retirement is monotonic in birth date) */
function retirementBirthCutoff(sex: '1' | '2', until: string, rules: RulesConfig): string {
  const toDays = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86400000;
  const fromDays = (n: number) => new Date(n * 86400000).toISOString().slice(0, 10);
  let a = toDays(yearsBefore(until, 80));
  let b = toDays(until);
  while (a < b) {
    const mid = Math.ceil((a + b) / 2);
    if (retirementDate(fromDays(mid), sex, 'cadre', rules) <= until) a = mid;
    else b = mid - 1;
  }
  return fromDays(a);
}

export function rosterConditions(user: CurrentUser, q: RosterQuery, rules: RulesConfig): SQL | undefined {
  const asOf = q.asOf ?? todayISO();
  const c: (SQL | undefined)[] = [orgScopeCondition(user, cadre.currentOrgId)];
  if (q.status) c.push(eq(cadre.status, q.status));
  if (q.ids) c.push(q.ids.length ? inArray(cadre.id, q.ids) : sql`false`);
  if (q.q) {
    const s = q.q.toLowerCase();
    c.push(/^[a-z]+$/.test(s) ? sql`${cadre.pinyin} like ${s + '%'}` : sql`${cadre.name} like ${'%' + q.q + '%'}`);
  }
  // = any(array(subquery)): the planner sees the real number of units instead of guessing from the LIKE pattern
  if (q.orgId) c.push(sql`${cadre.currentOrgId} = any(array(select id from org_unit where path like (select path from org_unit where id = ${q.orgId}) || '%'))`);
  if (q.postLevel?.length) c.push(inArray(cadre.postLevel, q.postLevel));
  if (q.rank?.length) c.push(inArray(cadre.rank, q.rank));
  if (q.ageMin != null) c.push(lte(cadre.birthDate, yearsBefore(asOf, q.ageMin)));
  if (q.ageMax != null) c.push(gt(cadre.birthDate, yearsBefore(asOf, q.ageMax + 1)));
  if (q.sex) c.push(eq(cadre.sex, q.sex));
  if (q.ethnicity?.length) c.push(inArray(cadre.ethnicity, q.ethnicity));
  if (q.political?.length) c.push(inArray(cadre.politicalStatus, q.political));
  // 党外 as an IN list of the other codes (not NOT IN): the planner can then bound cadre_filter_cover on it
  if (q.nonParty != null) c.push(inArray(cadre.politicalStatus, q.nonParty ? NON_PARTY_CODES : CPC_CODES));
  if (q.education?.length) c.push(inArray(cadre.highestEducation, q.education));
  if (q.specialty?.length) c.push(inArray(cadre.specialtyCategory, q.specialty));
  if (q.tag?.length) c.push(sql`${cadre.tags} @> ${sql.param(q.tag)}::text[]`);
  if (q.young != null) {
    const young = youngCondition(asOf, rules);
    c.push(q.young ? young : sql`not (${young})`);
  }
  if (q.retiringWithinYears != null) {
    const until = yearsBefore(asOf, -q.retiringWithinYears);
    c.push(
      or(
        and(eq(cadre.sex, '1'), lte(cadre.birthDate, retirementBirthCutoff('1', until, rules))),
        and(eq(cadre.sex, '2'), lte(cadre.birthDate, retirementBirthCutoff('2', until, rules))),
      ),
    );
  }
  return and(...c.filter(Boolean));
}

/** young cadre ⇔ age ≤ threshold of the cadre's level (rules.youngCadre); grouped by threshold */
function youngCondition(asOf: string, rules: RulesConfig): SQL {
  const byThreshold = new Map<number, string[]>();
  for (const { code } of CODE_SETS.postLevel) {
    const t = youngThreshold(code, rules);
    byThreshold.set(t, [...(byThreshold.get(t) ?? []), code]);
  }
  const parts: SQL[] = [];
  for (const [t, codes] of byThreshold) parts.push(and(inArray(cadre.postLevel, codes), gt(cadre.birthDate, yearsBefore(asOf, t + 1)))!);
  parts.push(and(sql`${cadre.postLevel} is null`, gt(cadre.birthDate, yearsBefore(asOf, youngThreshold(null, rules) + 1)))!);
  return or(...parts)!;
}

function orderBy(sort: RosterQuery['sort']) {
  const dir = sort.startsWith('-') ? desc : asc;
  const key = sort.replace(/^-/, '');
  switch (key) {
    case 'name':
      return [dir(cadre.pinyin), dir(cadre.id)];
    case 'birthDate':
      return [dir(cadre.birthDate), asc(cadre.id)];
    case 'postStartDate':
      return [dir(cadre.postStartDate), asc(cadre.id)];
    case 'postLevel':
      return [dir(cadre.postLevel), asc(cadre.birthDate), asc(cadre.id)];
    case 'id':
      return [dir(cadre.id)];
    default:
      return [dir(orgUnit.sort), dir(orgUnit.id), asc(cadre.postLevel), asc(cadre.postStartDate), asc(cadre.id)];
  }
}

const ROSTER_COLUMNS = {
  id: cadre.id,
  name: cadre.name,
  sex: cadre.sex,
  ethnicity: cadre.ethnicity,
  birthDate: cadre.birthDate,
  nativePlace: cadre.nativePlace,
  politicalStatus: cadre.politicalStatus,
  partyJoinDate: cadre.partyJoinDate,
  workStartDate: cadre.workStartDate,
  fullTimeEducation: cadre.fullTimeEducation,
  highestEducation: cadre.highestEducation,
  highestDegree: cadre.highestDegree,
  specialtyCategory: cadre.specialtyCategory,
  professionalTitle: cadre.professionalTitle,
  currentOrgId: cadre.currentOrgId,
  orgName: orgUnit.name,
  currentPostTitle: cadre.currentPostTitle,
  postLevel: cadre.postLevel,
  rank: cadre.rank,
  postStartDate: cadre.postStartDate,
  levelStartDate: cadre.levelStartDate,
  tags: cadre.tags,
  style: cadre.style,
  status: cadre.status,
  version: cadre.version,
};

/** the status the roster shows when none is asked for (在职) */
const DEFAULT_STATUS = RosterQuery.shape.status.parse(undefined);
/** query keys that do not narrow the registry beyond the default view */
const BROAD_KEYS = new Set<string>(['status', 'sort', 'page', 'pageSize', 'asOf']);
/** the unit walk pays off for the first pages only; deeper pages would visit most cadres one unit at a time */
const UNIT_WALK_MAX_ROWS = 1000;

/**
 * Whether a page is the default view — 单位 order (the default sort), in-post cadres, no other filter,
 * one of the first pages: the page every user sees first.
 */
export function isDefaultView(q: RosterQuery, limit: number, offset: number): boolean {
  return (
    q.sort === 'orgName' &&
    q.status === DEFAULT_STATUS &&
    limit + offset <= UNIT_WALK_MAX_ROWS &&
    Object.entries(q).every(([k, v]) => BROAD_KEYS.has(k) || v === undefined)
  );
}

/**
 * Ids of a page of the default view in 单位 order, by walking the units.
 *
 * The join + ORDER BY org_unit.sort … sorts every cadre in scope (≈ 100 ms at 100,000 cadres on PGlite,
 * where a query blocks the server's event loop). Here the units are taken in (sort, id) order and each
 * unit's cadres by cadre_org_idx, sorted within the unit, until the page is full (a few ms). The rows and
 * their order are those of `orderBy('orgName')`: the same conditions on the same cadres, the same sort keys
 * in the same order (cadre.id last, so the order is total), and cadres without a unit last, as the left
 * join's NULL org_unit.sort sorts last (registry tests compare both plans).
 */
async function defaultViewIds(db: Db, user: CurrentUser, where: SQL | undefined, limit: number, offset: number): Promise<number[]> {
  const cond = where ?? sql`true`;
  const n = limit + offset;
  const res = (await db.execute(sql`
    select id from (
      (select c.id, u.sort as unit_sort, u.id as unit_id, c.post_level, c.post_start_date
         from (select ${orgUnit.id} as id, ${orgUnit.sort} as sort from ${orgUnit} where ${orgUnitScopeCondition(user) ?? sql`true`}
               order by ${orgUnit.sort} asc, ${orgUnit.id} asc) u
         cross join lateral (
           select ${cadre.id} as id, ${cadre.postLevel} as post_level, ${cadre.postStartDate} as post_start_date
             from ${cadre} where ${cadre.currentOrgId} = u.id and ${cond}
            order by ${cadre.postLevel} asc, ${cadre.postStartDate} asc, ${cadre.id} asc) c
        order by u.sort asc, u.id asc, c.post_level asc, c.post_start_date asc, c.id asc
        limit ${n})
      union all
      (select ${cadre.id} as id, null::integer, null::integer, ${cadre.postLevel}, ${cadre.postStartDate}
         from ${cadre} where ${cadre.currentOrgId} is null and ${cond}
        order by ${cadre.postLevel} asc, ${cadre.postStartDate} asc, ${cadre.id} asc
        limit ${n})
    ) page
    order by unit_sort asc, unit_id asc, post_level asc, post_start_date asc, id asc
    limit ${limit} offset ${offset}`)) as unknown as { rows: { id: number | string }[] };
  return res.rows.map((r) => Number(r.id));
}

export async function searchRoster(
  db: Db,
  user: CurrentUser,
  q: RosterQuery,
  rules: RulesConfig,
  opts: { count?: boolean; limit?: number; /** only for tests: always the plain join + sort */ plainPlan?: boolean } = {},
) {
  const where = rosterConditions(user, q, rules);
  const limit = opts.limit ?? q.pageSize;
  const offset = opts.limit ? 0 : (q.page - 1) * q.pageSize;
  const select = () => db.select(ROSTER_COLUMNS).from(cadre).leftJoin(orgUnit, eq(orgUnit.id, cadre.currentOrgId));
  const rowsP =
    !opts.plainPlan && isDefaultView(q, limit, offset)
      ? defaultViewIds(db, user, where, limit, offset).then(async (ids) => {
          if (!ids.length) return [];
          const byId = new Map((await select().where(inArray(cadre.id, ids))).map((r) => [r.id, r]));
          return ids.map((id) => byId.get(id)!).filter(Boolean);
        })
      : select()
          .where(where)
          .orderBy(...orderBy(q.sort))
          .limit(limit)
          .offset(offset);
  const countP = opts.count === false ? Promise.resolve([{ n: -1 }]) : db.select({ n: sql<number>`count(*)::int` }).from(cadre).where(where);
  const [rows, [{ n }]] = await Promise.all([rowsP, countP]);
  const asOf = q.asOf ?? todayISO();
  const items = rows.map((r) => {
    const p = presentCadre(r as never, user, rules, asOf);
    return { ...r, age: p.age, isYoung: p.isYoung, yearsInPost: p.yearsInPost };
  });
  return { items, total: n, page: q.page, pageSize: q.pageSize };
}
