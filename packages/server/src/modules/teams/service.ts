/**
 * 班子运行全息图 use cases: load teams in the user's scope with their positions, the members holding
 * them on a date (open appointments), each member's career experience and recent annual
 * assessments — a fixed number of queries whatever the number of teams — and hand them to
 * @cadre/core teamAnalysis / teamLedger.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { teamAnalysis, teamLedger, todayISO, type RulesConfig, type TeamAnalysis, type TeamInput, type TeamMemberInput } from '@cadre/core';
import type { Db } from '../../db/client';
import { orgUnit, position, team } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { assertOrgInScope, orgUnitScopeCondition, pathInScope } from '../../auth/policy';
import { notFound } from '../../http/errors';
import type { TeamsAnalysisQuery } from './schema';

/** one row of the members statement (raw SQL: dates as text, assessments as a json array or its text) */
interface MemberRow {
  teamId: number;
  positionId: number;
  startDate: string;
  endDate: string | null;
  kind: string | null;
  cadreId: number;
  name: string;
  sex: string;
  ethnicity: string | null;
  birthDate: string;
  politicalStatus: string | null;
  fullTimeEducation: string | null;
  highestEducation: string | null;
  highestDegree: string | null;
  specialtyCategory: string | null;
  grassroots: boolean | null;
  types: string | null;
  assessments: AssessmentTuple[] | string | null;
}
type AssessmentTuple = [number, string | null, number | string | null];
/** shared empty lists (core never mutates its inputs) */
const NO_TYPES: string[] = [];
const NO_ASSESSMENTS: NonNullable<TeamMemberInput['assessments']> = [];

interface Loaded {
  teams: (Omit<TeamInput, 'members'> & { path: string })[];
  /** appointments overlapping the window, with end dates */
  members: (TeamMemberInput & { teamId: number; endDate: string | null })[];
}

/**
 * Load teams matching `teamWhere` (already scoped) and the appointments open at some point in
 * [windowStart, asOf]. `windowStart = asOf` loads the members on asOf only.
 */
async function load(db: Db, teamWhere: SQL | undefined, asOf: string, windowStart: string, rules: RulesConfig): Promise<Loaded> {
  // the team filter as a subquery (not an id list): teams, posts and members load in parallel, one round trip
  const teamIds = sql`select ${team.id} from ${team} inner join ${orgUnit} on ${orgUnit.id} = ${team.orgUnitId} where ${teamWhere ?? sql`true`}`;
  const asOfYear = Number(asOf.slice(0, 4));
  // years shown for the earliest date of the window: [windowYear − N, asOfYear)
  const firstYear = Number(windowStart.slice(0, 4)) - rules.teamAnalysis.recentAssessmentYears - 1;

  const [teams, positions, rows] = await Promise.all([
    db
      .select({
        // only the columns the analysis uses (no timestamps to turn into Date objects)
        t: { id: team.id, name: team.name, kind: team.kind, orgUnitId: team.orgUnitId, needs: team.needs },
        orgName: orgUnit.name,
        unitKind: orgUnit.kind,
        path: orgUnit.path,
      })
      .from(team)
      .innerJoin(orgUnit, eq(orgUnit.id, team.orgUnitId))
      .where(teamWhere)
      .orderBy(asc(orgUnit.path), asc(orgUnit.sort), asc(team.id)),
    db
      .select({ id: position.id, teamId: position.teamId, title: position.title, level: position.level, isChief: position.isChief, category: position.category, isKey: position.isKey, quota: position.quota, description: position.description })
      .from(position)
      .where(sql`${position.teamId} in (${teamIds})`)
      .orderBy(asc(position.teamId), asc(position.sort), asc(position.id)),
    /*
     * the appointments overlapping the window with each member's facts in the same statement
     * (one query instead of three, no per-assessment rows through the driver and the ORM):
     * career experience up to asOf (bool_or / string_agg) and recent annual assessments as one
     * json array [[year, result, score], …] per member
     */
    db.execute(sql`
      select p.team_id as "teamId", a.position_id as "positionId", a.start_date::text as "startDate", a.end_date::text as "endDate", a.kind,
             c.id as "cadreId", c.name, c.sex, c.ethnicity, c.birth_date::text as "birthDate", c.political_status as "politicalStatus",
             c.full_time_education as "fullTimeEducation", c.highest_education as "highestEducation", c.highest_degree as "highestDegree",
             c.specialty_category as "specialtyCategory", cr.grassroots, cr.types, asm.list as assessments
        from appointment a
        inner join position p on p.id = a.position_id
        inner join cadre c on c.id = a.cadre_id
        left join lateral (
          select bool_or(k.is_grassroots) as grassroots, string_agg(array_to_string(k.experience_types, ','), ',') as types
            from career k where k.cadre_id = c.id and k.start_date <= ${asOf}
        ) cr on true
        left join lateral (
          select json_agg(json_build_array(s.year, s.result, s.score) order by s.year, s.id) as list
            from assessment s where s.cadre_id = c.id and s.quarter is null and s.year > ${firstYear} and s.year <= ${asOfYear}
        ) asm on true
       where p.team_id in (${teamIds}) and a.start_date <= ${asOf} and (a.end_date is null or a.end_date > ${windowStart})
       order by a.start_date, a.id`) as unknown as Promise<{ rows: MemberRow[] }>,
  ]);
  if (!teams.length) return { teams: [], members: [] };

  // positions grouped by team in one pass (they come ordered by team, sort, id)
  const posBy = new Map<number, TeamInput['positions'][number][]>();
  for (const p of positions) {
    let l = posBy.get(p.teamId) as TeamInput['positions'][number][] | undefined;
    if (!l) posBy.set(p.teamId, (l = []));
    l.push({ id: p.id, title: p.title, level: p.level, isChief: p.isChief, category: p.category, isKey: p.isKey, quota: p.quota, description: p.description ?? null });
  }

  return {
    teams: teams.map((r) => ({
      id: r.t.id,
      name: r.t.name,
      kind: r.t.kind,
      orgUnitId: r.t.orgUnitId,
      orgName: r.orgName,
      unitKind: r.unitKind,
      needs: r.t.needs ?? null,
      path: r.path,
      positions: posBy.get(r.t.id) ?? [],
    })),
    members: rows.rows.map((m) => {
      let types: string[] = NO_TYPES;
      if (m.types) types = [...new Set(m.types.split(',').filter(Boolean))];
      const list = typeof m.assessments === 'string' ? (JSON.parse(m.assessments) as AssessmentTuple[] | null) : m.assessments;
      let assessments: NonNullable<TeamMemberInput['assessments']> = NO_ASSESSMENTS;
      if (list?.length) {
        const out: { year: number; result: string | null; score: number | null }[] = [];
        for (const [year, result, score] of list) out.push({ year, result, score: score == null ? null : Number(score) });
        assessments = out;
      }
      return {
        teamId: m.teamId,
        positionId: m.positionId,
        startDate: m.startDate,
        endDate: m.endDate,
        kind: m.kind,
        cadreId: m.cadreId,
        name: m.name,
        sex: m.sex,
        ethnicity: m.ethnicity,
        birthDate: m.birthDate,
        politicalStatus: m.politicalStatus,
        fullTimeEducation: m.fullTimeEducation,
        highestEducation: m.highestEducation,
        highestDegree: m.highestDegree,
        specialtyCategory: m.specialtyCategory,
        grassroots: m.grassroots === true,
        experienceTypes: types,
        assessments,
      };
    }),
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

/** the TeamInputs of every team in scope on asOf, exactly as the overview hands them to core (also used by bench/) */
export async function overviewInputs(db: Db, user: CurrentUser, rules: RulesConfig, q: TeamsAnalysisQuery): Promise<{ asOf: string; inputs: TeamInput[] }> {
  if (q.orgId) await assertOrgInScope(db, user, q.orgId);
  const asOf = q.asOf ?? todayISO();
  const l = await load(db, scopedTeamWhere(user, q), asOf, asOf, rules);
  return { asOf, inputs: inputsOn(l, asOf) };
}

/**
 * all teams in scope with colour, reasons and key figures (overview grid / heatmap). The full
 * `metrics` of every team (≈ 30 numbers, over half of the response for thousands of teams, not
 * read by the grid) only with `metrics: true` (?metrics=true, and the xlsx export).
 */
export async function teamsOverview(db: Db, user: CurrentUser, rules: RulesConfig, q: TeamsAnalysisQuery) {
  const { asOf, inputs } = await overviewInputs(db, user, rules, q);
  const withMetrics = q.metrics === true;
  const items = inputs.map((t) => {
    const a = teamAnalysis(t, { asOf, rules, detail: false });
    return {
      teamId: a.team.id,
      name: a.team.name,
      kind: a.team.kind,
      orgUnitId: a.team.orgUnitId,
      orgName: a.team.orgName,
      unitKind: a.team.unitKind,
      level: a.team.level,
      color: a.color,
      hex: a.hex,
      reasons: a.hits.map((h) => ({ id: h.id, name: h.name, color: h.color, reason: h.reason, source: h.source ?? null })),
      figures: a.figures,
      // undefined: left out of the JSON (same hidden class for every item either way)
      metrics: withMetrics ? a.metrics : undefined,
    };
  });
  const filtered = q.color?.length ? items.filter((i) => q.color!.includes(i.color)) : items;
  const counts = { red: 0, blue: 0, green: 0 };
  for (const i of items) counts[i.color]++;
  return { asOf, colors: rules.teamColors, counts, total: items.length, items: filtered };
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

