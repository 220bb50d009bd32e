/**
 * 班子运行全息图 use cases: load teams in the user's scope with their positions, the members holding
 * them on a date (open appointments), each member's career experience and recent annual
 * assessments — a fixed number of queries whatever the number of teams — and hand them to
 * @cadre/core teamAnalysis / teamLedger.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { teamAnalysis, teamLedger, teamsOverview as overviewOfTeams, todayISO, type RulesConfig, type TeamColor, type TeamAnalysis, type TeamInput, type TeamMemberInput } from '@cadre/core';
import type { Db } from '../../db/client';
import { orgUnit, team } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { assertOrgInScope, orgUnitScopeCondition, pathInScope } from '../../auth/policy';
import { notFound } from '../../http/errors';
import type { TeamsAnalysisQuery } from './schema';

/** a position as the loader sends it: [id, teamId, title, level, isChief, category, isKey, quota, specialties, experienceTypes] */
type PositionTuple = [number, number, string, string, boolean, string | null, boolean, number, unknown, unknown];
/**
 * a team: [id, name, kind, orgUnitId, orgName, unitKind, needs.woman, needs.young, needs.nonParty, needs.specialties,
 * needs.experience, has needs] — the parts of team.needs the analysis reads, as columns: core then reads needs of ONE
 * shape (jsonb objects of varying keys parse into as many hidden classes, and every read of them was a megamorphic lookup)
 */
type TeamTuple = [number, string, string, number, string, string | null, unknown, unknown, unknown, unknown, unknown, boolean];
/**
 * a member (appointment overlapping the window): [teamId, positionId, startDate, endDate, kind, cadreId, name, sex,
 * ethnicity, birthDate, politicalStatus, fullTimeEducation, highestEducation, highestDegree, specialtyCategory,
 * grassroots, experience types (comma string), annual assessments [[year, result, score, id], …] in no order]
 */
type MemberTuple = [
  number, number, string, string | null, string | null, number, string, string, string | null, string, string | null,
  string | null, string | null, string | null, string | null, boolean | null, string | null, AssessmentTuple[] | null,
];
type AssessmentTuple = [number, string | null, number | string | null, number];
/**
 * a member in lean mode (the overview on one date): [teamId, positionId, startDate, kind, cadreId, sex, ethnicity,
 * birthDate, politicalStatus, highestEducation, specialtyCategory, grassroots, experience types (comma string),
 * latest annual assessment before asOf's year: year, result]
 */
type LeanMemberTuple = [
  number, number, string, string | null, number, string, string | null, string, string | null, string | null, string | null,
  boolean | null, string | null, number | null, string | null,
];
/** shared empty lists (core never mutates its inputs) */
const NO_TYPES: string[] = [];
const NO_ASSESSMENTS: NonNullable<TeamMemberInput['assessments']> = [];
const byYearThenId = (a: AssessmentTuple, b: AssessmentTuple) => a[0] - b[0] || a[3] - b[3];
/** pg parses json columns; keep working if a driver hands the text instead */
const parsed = <T>(v: unknown): T[] => (v == null ? [] : typeof v === 'string' ? ((JSON.parse(v) as T[] | null) ?? []) : (v as T[]));

interface Loaded {
  teams: Omit<TeamInput, 'members'>[];
  /** appointments overlapping the window, with end dates */
  members: (TeamMemberInput & { teamId: number; endDate: string | null })[];
}

/**
 * Load teams matching `teamWhere` (already scoped) and the appointments open at some point in
 * [windowStart, asOf]. `windowStart = asOf` loads the members on asOf only.
 *
 * Two statements, sent at once on two connections, each answering ONE row of json arrays of
 * tuples (teams + posts; members with their facts): 5,000 teams cost two DataRows and two
 * JSON.parse calls instead of ~27,000 rows through the driver and the ORM, and the objects
 * handed to core are built here as plain literals of one shape. Posts carry only the parts of
 * their description the analysis reads (specialties, experienceTypes), not the whole 岗位说明书.
 */
async function load(db: Db, teamWhere: SQL | undefined, asOf: string, windowStart: string, rules: RulesConfig, lean = false): Promise<Loaded> {
  // the team filter as a subquery (not an id list): both statements run at once
  const teamIds = sql`select ${team.id} from ${team} inner join ${orgUnit} on ${orgUnit.id} = ${team.orgUnitId} where ${teamWhere ?? sql`true`}`;
  const asOfYear = Number(asOf.slice(0, 4));
  // years shown for the earliest date of the window: [windowYear − N, asOfYear)
  const firstYear = Number(windowStart.slice(0, 4)) - rules.teamAnalysis.recentAssessmentYears - 1;

  const teamsAndPosts = db.execute(sql`
    select
      (select json_agg(json_build_array(${team.id}, ${team.name}, ${team.kind}, ${team.orgUnitId}, ${orgUnit.name}, ${orgUnit.kind},
                                        ${team.needs} -> 'woman', ${team.needs} -> 'young', ${team.needs} -> 'nonParty',
                                        ${team.needs} -> 'specialties', ${team.needs} -> 'experience', ${team.needs} is not null)
                       order by ${orgUnit.path}, ${orgUnit.sort}, ${team.id})
         from ${team} inner join ${orgUnit} on ${orgUnit.id} = ${team.orgUnitId} where ${teamWhere ?? sql`true`}) as teams,
      (select json_agg(json_build_array(p.id, p.team_id, p.title, p.level, p.is_chief, p.category, p.is_key, p.quota,
                                        p.description -> 'specialties', p.description -> 'experienceTypes') order by p.team_id, p.sort, p.id)
         from position p where p.team_id in (${teamIds})) as positions`) as unknown as Promise<{ rows: { teams: unknown; positions: unknown }[] }>;
  /*
   * the appointments overlapping the window with each member's facts: career experience up to
   * asOf (bool_or / string_agg) and recent annual assessments (json_agg without ORDER BY: a
   * sort per member costs more than ordering the few tuples here). In a transaction with JIT
   * off: the planner prices the two lateral aggregates × ~12k members above jit_above_cost,
   * and compiling the plan (≈ 70–160 ms) costs more than running it.
   */
  const members = db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    const where = sql`p.team_id in (${teamIds}) and a.start_date <= ${asOf} and (a.end_date is null or a.end_date > ${windowStart})`;
    const career = sql`left join lateral (
          select bool_or(k.is_grassroots) as grassroots, string_agg(array_to_string(k.experience_types, ','), ',') as types
            from career k where k.cadre_id = c.id and k.start_date <= ${asOf}
        ) cr on true`;
    if (lean) {
      /*
       * lean (the overview on one date): only what teamAnalysis(…, { detail: false }) reads — no name, 全日制学历,
       * degree or end date (the window is the date itself), and of the annual assessments only the latest year
       * before asOf's year (lowest id on a tie: the one core keeps as `last` among the (year, id)-ordered list)
       */
      return (await tx.execute(sql`
      select json_agg(json_build_array(p.team_id, a.position_id, a.start_date, a.kind, c.id, c.sex, c.ethnicity, c.birth_date,
                                       c.political_status, c.highest_education, c.specialty_category,
                                       cr.grassroots, cr.types, asm.year, asm.result) order by p.team_id, a.start_date, a.id) as members
        from appointment a
        inner join position p on p.id = a.position_id
        inner join cadre c on c.id = a.cadre_id
        ${career}
        left join lateral (
          select s.year, s.result from assessment s
           where s.cadre_id = c.id and s.quarter is null and s.year > ${firstYear} and s.year < ${asOfYear}
           order by s.year desc, s.id limit 1
        ) asm on true
       where ${where}`)) as unknown as { rows: { members: unknown }[] };
    }
    return (await tx.execute(sql`
      select json_agg(json_build_array(p.team_id, a.position_id, a.start_date, a.end_date, a.kind, c.id, c.name, c.sex, c.ethnicity, c.birth_date,
                                       c.political_status, c.full_time_education, c.highest_education, c.highest_degree, c.specialty_category,
                                       cr.grassroots, cr.types, asm.list) order by a.start_date, a.id) as members
        from appointment a
        inner join position p on p.id = a.position_id
        inner join cadre c on c.id = a.cadre_id
        ${career}
        left join lateral (
          select json_agg(json_build_array(s.year, s.result, s.score, s.id)) as list
            from assessment s where s.cadre_id = c.id and s.quarter is null and s.year > ${firstYear} and s.year <= ${asOfYear}
        ) asm on true
       where ${where}`)) as unknown as { rows: { members: unknown }[] };
  });
  const [tp, mr] = await Promise.all([teamsAndPosts, members]);
  const teams = parsed<TeamTuple>(tp.rows[0]?.teams);
  if (!teams.length) return { teams: [], members: [] };

  // positions grouped by team in one pass (they come ordered by team, sort, id)
  const posBy = new Map<number, TeamInput['positions'][number][]>();
  for (const p of parsed<PositionTuple>(tp.rows[0]?.positions)) {
    let l = posBy.get(p[1]) as TeamInput['positions'][number][] | undefined;
    if (!l) posBy.set(p[1], (l = []));
    const description = p[8] == null && p[9] == null ? null : { specialties: p[8], experienceTypes: p[9] };
    l.push({ id: p[0], title: p[2], level: p[3], isChief: p[4], category: p[5], isKey: p[6], quota: p[7], description });
  }

  const out: Loaded['members'] = [];
  if (lean) {
    /*
     * members come ordered by team (then start date, id: the order core keeps within a team), so each team's member
     * objects are allocated next to each other; members with the same experience types share one list (core never
     * mutates its inputs) — measured in-process at 100k: core over these objects 40 → ~25 ms
     */
    const typesOf = new Map<string, string[]>();
    for (const m of parsed<LeanMemberTuple>(mr.rows[0]?.members)) {
      const typesText = m[12];
      let types = NO_TYPES;
      if (typesText) {
        const known = typesOf.get(typesText);
        if (known) types = known;
        else typesOf.set(typesText, (types = [...new Set(typesText.split(',').filter(Boolean))]));
      }
      // plain literals of the same shape as the full branch's: one hidden class for every member (core's hot loop stays monomorphic)
      out.push({
        teamId: m[0],
        positionId: m[1],
        startDate: m[2],
        endDate: null,
        kind: m[3],
        cadreId: m[4],
        name: '',
        sex: m[5],
        ethnicity: m[6],
        birthDate: m[7],
        politicalStatus: m[8],
        fullTimeEducation: null,
        highestEducation: m[9],
        highestDegree: null,
        specialtyCategory: m[10],
        grassroots: m[11] === true,
        experienceTypes: types,
        assessments: m[13] == null ? NO_ASSESSMENTS : [{ year: m[13], result: m[14], score: null }],
      });
    }
  } else {
    for (const m of parsed<MemberTuple>(mr.rows[0]?.members)) {
      const typesText = m[16];
      const types = typesText ? [...new Set(typesText.split(',').filter(Boolean))] : NO_TYPES;
      const list = m[17];
      let assessments: NonNullable<TeamMemberInput['assessments']> = NO_ASSESSMENTS;
      if (list?.length) {
        if (list.length > 1) list.sort(byYearThenId);
        const a: { year: number; result: string | null; score: number | null }[] = [];
        for (const [year, result, score] of list) a.push({ year, result, score: score == null ? null : Number(score) });
        assessments = a;
      }
      // plain literals (no rest/spread): one hidden class for every member, which keeps core's hot loop monomorphic
      out.push({
        teamId: m[0],
        positionId: m[1],
        startDate: m[2],
        endDate: m[3],
        kind: m[4],
        cadreId: m[5],
        name: m[6],
        sex: m[7],
        ethnicity: m[8],
        birthDate: m[9],
        politicalStatus: m[10],
        fullTimeEducation: m[11],
        highestEducation: m[12],
        highestDegree: m[13],
        specialtyCategory: m[14],
        grassroots: m[15] === true,
        experienceTypes: types,
        assessments,
      });
    }
  }

  return {
    teams: teams.map((t) => ({
      id: t[0],
      name: t[1],
      kind: t[2],
      orgUnitId: t[3],
      orgName: t[4],
      unitKind: t[5],
      // one literal shape for every team (see TeamTuple)
      needs: t[11] ? { woman: t[6], young: t[7], nonParty: t[8], specialties: t[9], experience: t[10] } : null,
      positions: posBy.get(t[0]) ?? [],
    })),
    members: out,
  };
}

/** TeamInputs as of `date` (members whose appointment is open on that date) */
function inputsOn(l: Loaded, date: string): TeamInput[] {
  const byTeam = new Map<number, TeamMemberInput[]>();
  for (const m of l.members) {
    if (m.startDate > date || (m.endDate != null && m.endDate <= date)) continue;
    let a = byTeam.get(m.teamId);
    if (!a) byTeam.set(m.teamId, (a = []));
    a.push(m);
  }
  // plain literals (no rest/spread): every TeamInput gets the same hidden class, which keeps core's hot loop monomorphic
  return l.teams.map((t) => ({
    id: t.id,
    name: t.name,
    kind: t.kind,
    orgUnitId: t.orgUnitId,
    orgName: t.orgName,
    unitKind: t.unitKind,
    needs: t.needs,
    positions: t.positions,
    members: byTeam.get(t.id) ?? [],
  }));
}

function scopedTeamWhere(user: CurrentUser, q: { orgId?: number; unitKind?: string[]; teamId?: number }): SQL | undefined {
  return and(
    orgUnitScopeCondition(user),
    q.teamId ? eq(team.id, q.teamId) : undefined,
    q.unitKind?.length ? inArray(orgUnit.kind, q.unitKind) : undefined,
    q.orgId ? sql`${orgUnit.path} like (select path from org_unit where id = ${q.orgId}) || '%'` : undefined,
  );
}

/**
 * the TeamInputs of every team in scope on asOf, exactly as the overview hands them to core (also used by bench/):
 * lean members — what teamAnalysis(…, { detail: false }) reads; no names (''), 全日制学历, degree, and only the
 * annual assessment core keeps as the latest. Not for a detailed analysis (the hologram loads the full members).
 */
export async function overviewInputs(db: Db, user: CurrentUser, rules: RulesConfig, q: TeamsAnalysisQuery): Promise<{ asOf: string; inputs: TeamInput[] }> {
  if (q.orgId) await assertOrgInScope(db, user, q.orgId);
  const asOf = q.asOf ?? todayISO();
  const l = await load(db, scopedTeamWhere(user, q), asOf, asOf, rules, true);
  return { asOf, inputs: inputsOn(l, asOf) };
}

/**
 * all teams in scope with colour, reasons and key figures (overview grid / heatmap), computed by @cadre/core
 * teamsOverview. A team's `reasons` are the ids of the indicator rules it hits, in rule order; their names,
 * colours and texts come once in `indicators` (the same few strings were repeated in thousands of items). The
 * colour's hex is `colors[color]`. The full `metrics` of every team (≈ 30 numbers, not read by the grid) only
 * with `metrics: true` (?metrics=true, and the xlsx export).
 */
export async function teamsOverview(db: Db, user: CurrentUser, rules: RulesConfig, q: TeamsAnalysisQuery) {
  const { asOf, inputs } = await overviewInputs(db, user, rules, q);
  const o = overviewOfTeams(inputs, { asOf, rules, colors: q.color?.length ? (q.color as TeamColor[]) : null, withMetrics: q.metrics === true });
  return { asOf, colors: rules.teamColors, counts: o.counts, total: o.total, indicators: o.indicators, items: o.items };
}

async function assertTeamInScope(db: Db, user: CurrentUser, id: number) {
  const [t] = await db.select({ id: team.id, path: orgUnit.path }).from(team).innerJoin(orgUnit, eq(orgUnit.id, team.orgUnitId)).where(eq(team.id, id));
  if (!t || !pathInScope(user, t.path)) throw notFound('班子', 'team');
}

/** full hologram data of one team: cards by post, radar, indicators with reasons, ledger */
export async function teamHologram(db: Db, user: CurrentUser, rules: RulesConfig, id: number, asOf = todayISO()): Promise<TeamAnalysis & { ledger: ReturnType<typeof teamLedger>; colors: RulesConfig['teamColors'] }> {
  await assertTeamInScope(db, user, id);
  const l = await load(db, scopedTeamWhere(user, { teamId: id }), asOf, asOf, rules);
  const [input] = inputsOn(l, asOf);
  if (!input) throw notFound('班子', 'team');
  const a = teamAnalysis(input, { asOf, rules });
  return { ...a, ledger: teamLedger(a), colors: rules.teamColors };
}

/** quarter ends on or before asOf, newest last ('2025-09-30' …) */
export function quarterEnds(asOf: string, n: number): { quarter: string; date: string }[] {
  const out: { quarter: string; date: string }[] = [];
  let y = Number(asOf.slice(0, 4));
  let q = Math.floor((Number(asOf.slice(5, 7)) - 1) / 3) + 1;
  const end = (yy: number, qq: number) => `${yy}-${['03-31', '06-30', '09-30', '12-31'][qq - 1]}`;
  if (end(y, q) > asOf) q--;
  while (out.length < n) {
    if (q < 1) {
      q = 4;
      y--;
    }
    out.unshift({ quarter: `${y}Q${q}`, date: end(y, q) });
    q--;
  }
  return out;
}

/** 季度预警: the team's colour at each of the last N quarter ends (rules.teamAnalysis.historyQuarters), computed */
export async function teamHistory(db: Db, user: CurrentUser, rules: RulesConfig, id: number, asOf = todayISO()) {
  await assertTeamInScope(db, user, id);
  const quarters = quarterEnds(asOf, rules.teamAnalysis.historyQuarters);
  const last = quarters[quarters.length - 1].date;
  const l = await load(db, scopedTeamWhere(user, { teamId: id }), last, quarters[0].date, rules);
  if (!l.teams.length) throw notFound('班子', 'team');
  return {
    teamId: id,
    colors: rules.teamColors,
    items: quarters.map(({ quarter, date }) => {
      const [input] = inputsOn(l, date);
      const a = teamAnalysis(input, { asOf: date, rules, detail: false });
      return { quarter, date, color: a.color, hex: a.hex, reasons: a.hits.map((h) => ({ id: h.id, name: h.name, color: h.color, reason: h.reason })), memberCount: a.figures.memberCount };
    }),
  };
}

