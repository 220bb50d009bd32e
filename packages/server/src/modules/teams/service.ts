/**
 * 班子运行全息图 use cases: load teams in the user's scope with their positions, the members holding
 * them on a date (open appointments), each member's career experience and recent annual
 * assessments — a fixed number of queries whatever the number of teams — and hand them to
 * @cadre/core teamAnalysis / teamLedger.
 */
import { and, asc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { teamAnalysis, teamLedger, todayISO, type RulesConfig, type TeamAnalysis, type TeamInput, type TeamMemberInput } from '@cadre/core';
import type { Db } from '../../db/client';
import { appointment, assessment, cadre, career, orgUnit, position, team } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { assertOrgInScope, orgUnitScopeCondition, pathInScope } from '../../auth/policy';
import { notFound } from '../../http/errors';
import type { TeamsAnalysisQuery } from './schema';

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
  const teams = await db
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
    .orderBy(asc(orgUnit.path), asc(orgUnit.sort), asc(team.id));
  if (!teams.length) return { teams: [], members: [] };
  const teamIds = teams.map((r) => r.t.id);
  const inTeams = (col: typeof position.teamId) => (teamIds.length <= 1000 ? inArray(col, teamIds) : sql`${col} in (select ${team.id} from ${team} inner join ${orgUnit} on ${orgUnit.id} = ${team.orgUnitId} where ${teamWhere ?? sql`true`})`);
  const open = and(lte(appointment.startDate, asOf), or(isNull(appointment.endDate), gt(appointment.endDate, windowStart)));

  const [positions, rows] = await Promise.all([
    db
      .select({ id: position.id, teamId: position.teamId, title: position.title, level: position.level, isChief: position.isChief, category: position.category, isKey: position.isKey, quota: position.quota, description: position.description })
      .from(position)
      .where(inTeams(position.teamId)).orderBy(asc(position.teamId), asc(position.sort), asc(position.id)),
    db
      .select({
        teamId: position.teamId,
        positionId: appointment.positionId,
        startDate: appointment.startDate,
        endDate: appointment.endDate,
        kind: appointment.kind,
        cadreId: cadre.id,
        name: cadre.name,
        sex: cadre.sex,
        ethnicity: cadre.ethnicity,
        birthDate: cadre.birthDate,
        politicalStatus: cadre.politicalStatus,
        fullTimeEducation: cadre.fullTimeEducation,
        highestEducation: cadre.highestEducation,
        highestDegree: cadre.highestDegree,
        specialtyCategory: cadre.specialtyCategory,
      })
      .from(appointment)
      .innerJoin(position, eq(position.id, appointment.positionId))
      .innerJoin(cadre, eq(cadre.id, appointment.cadreId))
      .where(and(inTeams(position.teamId), open))
      .orderBy(asc(appointment.startDate), asc(appointment.id)),
  ]);

  // member facts: career experience (up to asOf) and recent annual assessments, per cadre
  const memberIds = db
    .select({ id: appointment.cadreId })
    .from(appointment)
    .innerJoin(position, eq(position.id, appointment.positionId))
    .where(and(inTeams(position.teamId), open));
  const asOfYear = Number(asOf.slice(0, 4));
  // years shown for the earliest date of the window: [windowYear − N, asOfYear)
  const firstYear = Number(windowStart.slice(0, 4)) - rules.teamAnalysis.recentAssessmentYears - 1;
  const [careers, assessments] = rows.length
    ? await Promise.all([
        db
          .select({
            cadreId: career.cadreId,
            grassroots: sql<boolean>`bool_or(${career.isGrassroots})`,
            types: sql<string | null>`string_agg(array_to_string(${career.experienceTypes}, ','), ',')`,
          })
          .from(career)
          .where(and(inArray(career.cadreId, memberIds), lte(career.startDate, asOf)))
          .groupBy(career.cadreId),
        db
          .select({ cadreId: assessment.cadreId, year: assessment.year, result: assessment.result, score: assessment.score })
          .from(assessment)
          .where(and(inArray(assessment.cadreId, memberIds), isNull(assessment.quarter), gt(assessment.year, firstYear), lte(assessment.year, asOfYear))),
      ])
    : [[], []];
  const careerBy = new Map(careers.map((c) => [c.cadreId, { grassroots: !!c.grassroots, types: [...new Set((c.types ?? '').split(',').filter(Boolean))] }]));
  const assessBy = new Map<number, { year: number; result: string | null; score: number | null }[]>();
  for (const a of assessments) {
    let l = assessBy.get(a.cadreId);
    if (!l) assessBy.set(a.cadreId, (l = []));
    l.push({ year: a.year, result: a.result, score: a.score });
  }

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
    members: rows.map((m) => {
      const c = careerBy.get(m.cadreId);
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
        grassroots: c?.grassroots ?? false,
        experienceTypes: c?.types ?? [],
        assessments: assessBy.get(m.cadreId) ?? [],
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

/** all teams in scope with colour, reasons and key figures (overview grid / heatmap) */
export async function teamsOverview(db: Db, user: CurrentUser, rules: RulesConfig, q: TeamsAnalysisQuery) {
  const { asOf, inputs } = await overviewInputs(db, user, rules, q);
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
      metrics: a.metrics,
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

