/**
 * 人岗适配 use cases over @cadre/core fit + assign: 岗位说明书 with history, 晴雨表 (every incumbent's
 * fit to their own post), candidate ranking for a post with explanations, 比选, and 调整方案
 * (optimal assignment, with or without team constraints, and the teams' indicators before and
 * after on a copy — the what-if never writes to the registry). Plans are saved as records.
 *
 * Candidates come from the cached prepared set of the whole in-service registry (loader.ts); the
 * user's scope, a pool and the roster filters are masks on top of it.
 */
import { and, asc, desc, eq, inArray, isNull, lte, gt, or, sql, type SQL } from 'drizzle-orm';
import {
  compilePosition,
  degreesAt,
  EXCLUSION_BITS,
  EXCLUSION_LABELS,
  exclusionMaskAt,
  exclusionReasons,
  FIT_DEGREE_NAMES,
  FIT_DEGREES,
  fitResultAt,
  isNonParty,
  isYoungCadre,
  parseNeeds,
  rankCandidates,
  solveAssignment,
  solveWithTeamConstraints,
  teamAnalysis,
  todayISO,
  youngThreshold,
  AssignmentInputError,
  addMonths,
  retirementDate,
  type CompiledPosition,
  type FitDegrees,
  type FitExclusion,
  type FitFactor,
  type FitPosition,
  type FitResult,
  type PositionDescription,
  type RulesConfig,
  type TeamCandidate,
  type TeamInput,
  type TeamMemberInput,
  type TeamSpec,
} from '@cadre/core';
import type { Db } from '../../db/client';
import { adjustmentPlan, appUser, appointment, assessment, cadre, career, orgUnit, poolEntry, pool, position, positionDescriptionVersion, team } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { assertCanWrite, assertOrgInScope, canSee, pathInScope } from '../../auth/policy';
import { writeAudit, type AuditActor } from '../../audit/audit';
import { badRequest, issue, notFound } from '../../http/errors';
import { updateVersioned } from '../../db/versioned';
import { rosterConditions } from '../registry/search';
import type { RosterQuery } from '../registry/schema';
import { candidateSet, fitDescriptionOf, storedDescription, type CandidateMeta, type CandidateSet } from './loader';
import type { CandidateFilter, CandidatesQuery, PlanInputs } from './schema';

const tx = <T>(db: Db, fn: (t: Db) => Promise<T>) => db.transaction((t) => fn(t as unknown as Db));

/** 晴雨表 bands: total ≥ good → 适配, ≥ misfit → 基本适配, below → 不适配 */
export const FIT_BANDS = { good: 75, misfit: 60 } as const;
export type FitBand = 'good' | 'fair' | 'misfit';
export const bandOf = (total: number): FitBand => (total >= FIT_BANDS.good ? 'good' : total >= FIT_BANDS.misfit ? 'fair' : 'misfit');

export interface RulesRef {
  rules: RulesConfig;
  version: number;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const degreesOf = (d: Float64Array): FitDegrees => ({ position: round1(d[1]), experience: round1(d[2]), competency: round1(d[3]), temperament: round1(d[4]) });

/** discipline details are sensitive: users who may not see them get the generic label only */
function maskExclusions(ex: FitExclusion[], user: CurrentUser, rules: RulesConfig): FitExclusion[] {
  if (canSee(user, 'discipline', rules)) return ex;
  return ex.map((e) => (e.code === 'discipline_active' ? { code: e.code, ...EXCLUSION_LABELS.discipline_active } : e));
}
function presentFit(r: FitResult, user: CurrentUser, rules: RulesConfig) {
  return {
    total: round1(r.total),
    degrees: { position: round1(r.degrees.position), experience: round1(r.degrees.experience), competency: round1(r.degrees.competency), temperament: round1(r.degrees.temperament) },
    explanation: r.explanation,
    exclusions: maskExclusions(r.exclusions, user, rules),
    eligible: r.eligible,
  };
}

// ───────────────────────────── positions & teams ─────────────────────────────
type PositionRow = typeof position.$inferSelect;
export type LoadedPosition = PositionRow & { teamName: string; orgName: string; orgPath: string; orgKind: string };

async function loadPositions(db: Db, user: CurrentUser, ids: number[]): Promise<LoadedPosition[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ p: position, teamName: team.name, orgName: orgUnit.name, orgPath: orgUnit.path, orgKind: orgUnit.kind })
    .from(position)
    .innerJoin(team, eq(team.id, position.teamId))
    .innerJoin(orgUnit, eq(orgUnit.id, position.orgUnitId))
    .where(inArray(position.id, ids));
  const by = new Map(rows.map((r) => [r.p.id, { ...r.p, teamName: r.teamName, orgName: r.orgName, orgPath: r.orgPath, orgKind: r.orgKind }]));
  return ids.map((id) => {
    const p = by.get(id);
    if (!p || !pathInScope(user, p.orgPath)) throw notFound('职位', 'position');
    return p;
  });
}
export async function loadPosition(db: Db, user: CurrentUser, id: number): Promise<LoadedPosition> {
  return (await loadPositions(db, user, [id]))[0];
}

type Holder = { cadreId: number; positionId: number; teamId: number; style: string | null; kind: string };
/** open appointments (on asOf) of the given teams, with the holder's style */
async function teamHolders(db: Db, teamIds: number[], asOf: string): Promise<Holder[]> {
  if (!teamIds.length) return [];
  return db
    .select({ cadreId: appointment.cadreId, positionId: appointment.positionId, teamId: position.teamId, style: cadre.style, kind: appointment.kind })
    .from(appointment)
    .innerJoin(position, eq(position.id, appointment.positionId))
    .innerJoin(cadre, eq(cadre.id, appointment.cadreId))
    .where(and(inArray(position.teamId, [...new Set(teamIds)]), lte(appointment.startDate, asOf), or(isNull(appointment.endDate), gt(appointment.endDate, asOf))));
}

function fitPositionOf(p: PositionRow, otherStyles: (string | null)[]): FitPosition {
  return { description: fitDescriptionOf(p.description), level: p.level, teamContext: { styles: otherStyles } };
}

/**
 * TeamInputs (the team hologram's input) of the given teams on asOf: a fixed number of queries,
 * the same facts as the teams module loads.
 */
export async function loadTeamInputs(db: Db, teamIds: number[], asOf: string, rules: RulesConfig): Promise<TeamInput[]> {
  const ids = [...new Set(teamIds)];
  if (!ids.length) return [];
  const open = and(lte(appointment.startDate, asOf), or(isNull(appointment.endDate), gt(appointment.endDate, asOf)));
  const [teams, positions, rows] = await Promise.all([
    db.select({ t: team, orgName: orgUnit.name, unitKind: orgUnit.kind }).from(team).innerJoin(orgUnit, eq(orgUnit.id, team.orgUnitId)).where(inArray(team.id, ids)).orderBy(asc(orgUnit.path), asc(team.id)),
    db.select().from(position).where(inArray(position.teamId, ids)).orderBy(asc(position.teamId), asc(position.sort), asc(position.id)),
    db
      .select({
        teamId: position.teamId,
        positionId: appointment.positionId,
        startDate: appointment.startDate,
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
      .where(and(inArray(position.teamId, ids), open))
      .orderBy(asc(appointment.startDate), asc(appointment.id)),
  ]);
  const memberIds = [...new Set(rows.map((r) => r.cadreId))];
  const asOfYear = Number(asOf.slice(0, 4));
  const firstYear = asOfYear - rules.teamAnalysis.recentAssessmentYears - 1;
  const [careers, assessments] = memberIds.length
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
  const posBy = new Map<number, TeamInput['positions'][number][]>();
  for (const p of positions) {
    let l = posBy.get(p.teamId) as TeamInput['positions'][number][] | undefined;
    if (!l) posBy.set(p.teamId, (l = []));
    l.push({ id: p.id, title: p.title, level: p.level, isChief: p.isChief, category: p.category, isKey: p.isKey, quota: p.quota, description: p.description ?? null });
  }
  const memBy = new Map<number, TeamMemberInput[]>();
  for (const { teamId, ...m } of rows) {
    let l = memBy.get(teamId);
    if (!l) memBy.set(teamId, (l = []));
    const c = careerBy.get(m.cadreId);
    l.push({ ...m, grassroots: c?.grassroots ?? false, experienceTypes: c?.types ?? [], assessments: assessBy.get(m.cadreId) ?? [] });
  }
  return teams.map((r) => ({
    id: r.t.id,
    name: r.t.name,
    kind: r.t.kind,
    orgUnitId: r.t.orgUnitId,
    orgName: r.orgName,
    unitKind: r.unitKind,
    needs: r.t.needs ?? null,
    positions: posBy.get(r.t.id) ?? [],
    members: memBy.get(r.t.id) ?? [],
  }));
}

// ───────────────────────────── 岗位说明书 ─────────────────────────────
/** guess the template key of a position from its title, level and unit kind */
export function guessTemplate(p: Pick<LoadedPosition, 'title' | 'isChief' | 'level' | 'orgKind' | 'category'>): string | null {
  const t = p.title;
  const town = p.orgKind === '镇街';
  if (town && /镇长|乡长|办事处主任/.test(t)) return 'town_mayor';
  if (town && p.isChief && /书记/.test(t) && !/副书记/.test(t)) return 'town_party_secretary';
  if (p.isChief && (p.category === '政法' || /公安|司法|法院|检察|政法/.test(t))) return 'legal_chief';
  if (p.isChief) return 'economic_chief';
  if (/副/.test(t) || !p.isChief) return 'general_deputy';
  return null;
}

async function descriptionVersionNo(db: Db, positionId: number): Promise<number> {
  const [r] = await db.select({ v: sql<number>`coalesce(max(${positionDescriptionVersion.version}), 0)::int` }).from(positionDescriptionVersion).where(eq(positionDescriptionVersion.positionId, positionId));
  return r?.v ?? 0;
}

function presentDescription(p: LoadedPosition, descriptionVersion: number) {
  return {
    positionId: p.id,
    title: p.title,
    level: p.level,
    isChief: p.isChief,
    teamId: p.teamId,
    teamName: p.teamName,
    orgUnitId: p.orgUnitId,
    orgName: p.orgName,
    /** position.version (send it back with PUT) */
    version: p.version,
    descriptionVersion,
    description: fitDescriptionOf(p.description),
    hasDescription: p.description != null && Object.keys(p.description).length > 0,
    suggestedTemplate: guessTemplate(p),
  };
}

export async function getDescription(db: Db, user: CurrentUser, id: number) {
  const p = await loadPosition(db, user, id);
  return presentDescription(p, await descriptionVersionNo(db, id));
}

export async function putDescription(db: Db, user: CurrentUser, actor: AuditActor, rules: RulesConfig, id: number, body: { description: PositionDescription; version: number; comment?: string | null }) {
  assertCanWrite(user, 'org', rules);
  return tx(db, async (t) => {
    const p = await loadPosition(t, user, id);
    let v = await descriptionVersionNo(t, id);
    // the description stored before any history existed becomes version 1
    if (v === 0 && p.description && Object.keys(p.description).length) {
      await t.insert(positionDescriptionVersion).values({ positionId: id, version: 1, description: p.description, comment: '初始版本 / initial', createdBy: null });
      v = 1;
    }
    const stored = storedDescription(body.description);
    const res = await updateVersioned<PositionRow>(t, position, id, body.version, { description: stored });
    await t.insert(positionDescriptionVersion).values({ positionId: id, version: v + 1, description: stored, comment: body.comment ?? null, createdBy: user.id });
    await writeAudit(t, actor, { action: 'update', entity: 'position.description', entityId: id, before: p.description ?? null, after: stored });
    return presentDescription({ ...p, ...res.after }, v + 1);
  });
}

export async function descriptionHistory(db: Db, user: CurrentUser, id: number) {
  await loadPosition(db, user, id);
  const rows = await db
    .select({ v: positionDescriptionVersion, username: appUser.username, displayName: appUser.displayName })
    .from(positionDescriptionVersion)
    .leftJoin(appUser, eq(appUser.id, positionDescriptionVersion.createdBy))
    .where(eq(positionDescriptionVersion.positionId, id))
    .orderBy(desc(positionDescriptionVersion.version));
  return {
    positionId: id,
    items: rows.map((r) => ({
      version: r.v.version,
      description: fitDescriptionOf(r.v.description),
      comment: r.v.comment,
      createdBy: r.v.createdBy,
      createdByName: r.displayName ?? r.username ?? null,
      createdAt: r.v.createdAt,
    })),
  };
}

export function positionTemplates(rules: RulesConfig) {
  return { items: Object.entries(rules.positionTemplates).map(([key, t]) => ({ key, ...t })) };
}

// ───────────────────────────── candidate masks ─────────────────────────────
const FILTER_KEYS = ['q', 'orgId', 'postLevel', 'rank', 'ageMin', 'ageMax', 'sex', 'political', 'nonParty', 'education', 'specialty', 'tag', 'young'] as const;

/** the candidates inside an org subtree, per candidate set (kept with it: the set is immutable, a refresh makes a new one) */
const SCOPE_MASKS = new WeakMap<CandidateSet, Map<string, Uint8Array>>();
function scopeMask(cs: CandidateSet, scopePath: string): Uint8Array {
  let byPath = SCOPE_MASKS.get(cs);
  if (!byPath) SCOPE_MASKS.set(cs, (byPath = new Map()));
  let mask = byPath.get(scopePath);
  if (!mask) {
    mask = new Uint8Array(cs.prepared.n);
    for (let i = 0; i < cs.prepared.n; i++) {
      const p = cs.meta[i].orgPath;
      if (p && p.startsWith(scopePath)) mask[i] = 1;
    }
    byPath.set(scopePath, mask);
  }
  return mask;
}

/** which candidates of the set the user may consider: scope, pool, roster filters (null = all) */
async function candidateMask(db: Db, user: CurrentUser, rules: RulesConfig, cs: CandidateSet, f: Partial<CandidateFilter> | undefined, asOf: string): Promise<Uint8Array | null> {
  const n = cs.prepared.n;
  let mask: Uint8Array | null = null;
  const and1 = (ids: Iterable<number>) => {
    const m = new Uint8Array(n);
    for (const id of ids) {
      const i = cs.index.get(id);
      if (i !== undefined && (!mask || mask[i])) m[i] = 1;
    }
    mask = m;
  };
  if (user.scopePath) mask = scopeMask(cs, user.scopePath);
  if (f?.poolId) {
    const [pl] = await db.select({ id: pool.id, orgUnitId: pool.orgUnitId }).from(pool).where(eq(pool.id, f.poolId));
    if (!pl) throw notFound('储备库', 'pool');
    // members only: admitted (入库) entries — not those still at 单位推荐 / 组织考察 / 比选研究, nor exited or rejected ones
    const rows = await db.select({ id: poolEntry.cadreId }).from(poolEntry).where(and(eq(poolEntry.poolId, f.poolId), eq(poolEntry.stage, 'admitted')));
    and1(rows.map((r) => r.id));
  }
  if (f && FILTER_KEYS.some((k) => f[k] !== undefined && !(Array.isArray(f[k]) && (f[k] as unknown[]).length === 0))) {
    if (f.orgId) await assertOrgInScope(db, user, f.orgId);
    const q = { ...f, status: '在职', sort: 'id', page: 1, pageSize: 50, asOf } as unknown as RosterQuery;
    const rows = await db.select({ id: cadre.id }).from(cadre).where(rosterConditions(user, q, rules));
    and1(rows.map((r) => r.id));
  }
  return mask;
}

// ───────────────────────────── ranking ─────────────────────────────
function metaRow(m: CandidateMeta, cs: CandidateSet, i: number) {
  return {
    cadreId: m.id,
    name: m.name,
    sex: m.sex,
    age: cs.prepared.age[i],
    orgId: m.orgId,
    orgName: m.orgName,
    currentPostTitle: m.currentPostTitle,
    postLevel: m.postLevel,
    specialtyCategory: m.specialtyCategory,
    style: m.style,
  };
}

/**
 * The page of ranked candidates and the exclusion counts of one ranking, in one top-level function with the access
 * check written inline (a per-request closure called 100,000 times deoptimised the loop: "wrong call target")
 */
function collectRanked(
  cs: Awaited<ReturnType<typeof candidateSet>>,
  res: ReturnType<typeof rankCandidates>,
  mask: Uint8Array | null | undefined,
  own: Set<number>,
  limit: number,
  excludedLimit: number,
) {
  const meta = cs.meta;
  // ids from prepared's packed array, not meta[i].id: the 100,000 meta objects are spread over the heap, and reading one
  // field of each cost ~400 ns per object on PGlite (the same loop: 40 ms there, 1 ms on PostgreSQL)
  const ids = cs.prepared.ids as number[];
  const checkOwn = own.size > 0;
  const buf = new Float64Array(5);
  const items: (ReturnType<typeof metaRow> & { rank: number; total: number; degrees: FitDegrees })[] = [];
  let eligible = 0;
  const order = res.order;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if ((mask && mask[i] !== 1) || (checkOwn && own.has(ids[i]))) continue;
    eligible++;
    if (items.length < limit) {
      const d = degreesAt(cs.prepared, i, res.compiled, buf);
      items.push({ rank: eligible, ...metaRow(meta[i], cs, i), total: round1(d[0]), degrees: degreesOf(d) });
    }
  }
  // counts per exclusion bit without allocating per person (most of a large registry is excluded for any one post)
  const bitCount = new Int32Array(16);
  const excluded: (ReturnType<typeof metaRow> & { reasons: FitExclusion[] })[] = [];
  let excludedTotal = 0;
  const ex = res.excluded;
  const exMask = res.excludedMask;
  for (let k = 0; k < ex.length; k++) {
    const i = ex[k];
    if ((mask && mask[i] !== 1) || (checkOwn && own.has(ids[i]))) continue;
    excludedTotal++;
    let m = exMask[k];
    for (let b = 0; m !== 0; b++, m >>>= 1) if (m & 1) bitCount[b]++;
    if (excluded.length < excludedLimit) excluded.push({ ...metaRow(meta[i], cs, i), reasons: exclusionReasons(exMask[k]) });
  }
  return { items, eligible, excluded, excludedTotal, bitCount };
}

export async function rankForPosition(db: Db, user: CurrentUser, r: RulesRef, id: number, q: CandidatesQuery) {
  const t0 = performance.now();
  const asOf = q.asOf ?? todayISO();
  const p = await loadPosition(db, user, id);
  const [cs, holders] = await Promise.all([candidateSet(db, r.version, r.rules, asOf), teamHolders(db, [p.teamId], asOf)]);
  const tLoad = performance.now();
  const mask = await candidateMask(db, user, r.rules, cs, q, asOf);
  const own = new Set(holders.filter((h) => h.positionId === p.id).map((h) => h.cadreId));
  const styles = holders.filter((h) => h.positionId !== p.id).map((h) => h.style);
  const fp = fitPositionOf(p, styles);
  const res = rankCandidates(cs.prepared, fp);
  const tRank = performance.now();
  const { items, eligible, excluded, excludedTotal, bitCount } = collectRanked(cs, res, mask, own, q.limit, q.excludedLimit);
  const byReason: Record<string, number> = {};
  for (const [code, bit] of Object.entries(EXCLUSION_BITS)) if (bitCount[Math.log2(bit)]) byReason[code] = bitCount[Math.log2(bit)];
  return {
    asOf,
    position: { id: p.id, title: p.title, level: p.level, isChief: p.isChief, teamId: p.teamId, teamName: p.teamName, orgName: p.orgName, description: res.compiled.description },
    incumbents: [...own],
    eligibleTotal: eligible,
    items,
    excluded: { total: excludedTotal, byReason, items: excluded },
    timing: { loadMs: round1(tLoad - t0), rankMs: round1(tRank - tLoad), totalMs: round1(performance.now() - t0), cache: { loadMs: round1(cs.loadMs), prepareMs: round1(cs.prepareMs), candidates: cs.prepared.n, refresh: cs.refresh, reloadedCadres: cs.reloadedCadres, dataVersion: cs.dataVersion } },
  };
}

async function cadreIndex(db: Db, user: CurrentUser, cs: CandidateSet, cadreId: number): Promise<number> {
  const i = cs.index.get(cadreId);
  if (i === undefined || !pathInScope(user, cs.meta[i].orgPath)) throw notFound('干部', 'cadre');
  return i;
}

function factsOf(cs: CandidateSet, i: number, cp: CompiledPosition | null) {
  const p = cs.prepared;
  const m = cs.meta[i];
  const experience: { kind: string; years: number; required: number | null }[] = [];
  for (let k = 0; k < p.expKinds.length; k++) {
    const y = p.expYears[k][i];
    const req = cp ? cp.description.requiredExperience.find((e) => e.kind === p.expKinds[k]) : undefined;
    if (y > 0 || req) experience.push({ kind: p.expKinds[k], years: round1(y), required: req ? req.minYears : null });
  }
  return {
    ...metaRow(m, cs, i),
    birthDate: m.birthDate,
    ethnicity: m.ethnicity,
    politicalStatus: m.politicalStatus,
    fullTimeEducation: m.fullTimeEducation,
    highestEducation: m.highestEducation,
    highestDegree: m.highestDegree,
    rank: m.rank,
    workStartDate: m.workStartDate,
    levelStartDate: m.levelStartDate,
    yearsAtLevel: round1(p.yearsAtLevel[i]),
    workYears: round1(p.workYears[i]),
    grassrootsYears: round1(p.grassrootsYears[i]),
    retirementDate: new Date(p.retireDay[i] * 86400000).toISOString().slice(0, 10),
    experience,
  };
}

async function compiledFor(db: Db, cs: CandidateSet, p: LoadedPosition, asOf: string) {
  const holders = await teamHolders(db, [p.teamId], asOf);
  const styles = holders.filter((h) => h.positionId !== p.id).map((h) => h.style);
  return compilePosition(cs.prepared, fitPositionOf(p, styles));
}

export async function explainCandidate(db: Db, user: CurrentUser, r: RulesRef, positionId: number, cadreId: number, asOf = todayISO()) {
  const p = await loadPosition(db, user, positionId);
  const cs = await candidateSet(db, r.version, r.rules, asOf);
  const i = await cadreIndex(db, user, cs, cadreId);
  const cp = await compiledFor(db, cs, p, asOf);
  const fit = fitResultAt(cs.prepared, i, cp);
  return {
    asOf,
    position: { id: p.id, title: p.title, level: p.level, teamName: p.teamName, orgName: p.orgName, description: cp.description },
    candidate: factsOf(cs, i, cp),
    fit: presentFit(fit, user, r.rules),
    degreeNames: FIT_DEGREE_NAMES,
    weights: r.rules.fitWeights,
  };
}

export async function compareCandidates(db: Db, user: CurrentUser, r: RulesRef, positionId: number, ids: number[], asOf = todayISO()) {
  const p = await loadPosition(db, user, positionId);
  const cs = await candidateSet(db, r.version, r.rules, asOf);
  const idx: number[] = [];
  for (const id of ids) idx.push(await cadreIndex(db, user, cs, id));
  const cp = await compiledFor(db, cs, p, asOf);
  const asOfYear = Number(asOf.slice(0, 4));
  const years = [asOfYear - 4, asOfYear - 3, asOfYear - 2, asOfYear - 1, asOfYear];
  const pts = r.rules.fit.competency.assessmentPoints;
  const candidates = idx.map((i) => {
    const fit = fitResultAt(cs.prepared, i, cp);
    const ann = (cs.prepared.facts[i].assessments ?? []).filter((a) => a.quarter == null);
    return {
      ...factsOf(cs, i, cp),
      fit: presentFit(fit, user, r.rules),
      assessments: years.map((y) => {
        const a = ann.find((x) => x.year === y);
        return { year: y, result: a?.result ?? null, score: a?.score ?? null, points: a ? (a.score ?? (a.result != null ? pts[a.result] ?? null : null)) : null };
      }),
    };
  });
  // 能力素质对比表: every competency with data or weight in the post
  const names = [...new Set([...cp.compNames, ...cs.prepared.compNames])];
  const competencies = names.map((name) => {
    const k = cs.prepared.compNames.indexOf(name);
    const w = cp.compNames.indexOf(name);
    return {
      name,
      weight: w >= 0 ? round1(cp.compW[w] * 100) / 100 : 0,
      values: idx.map((i) => {
        const v = k >= 0 ? cs.prepared.comp[k][i] : NaN;
        return v === v ? round1(v) : null;
      }),
    };
  });
  return {
    asOf,
    position: { id: p.id, title: p.title, level: p.level, teamName: p.teamName, orgName: p.orgName, description: cp.description },
    degreeNames: FIT_DEGREE_NAMES,
    years,
    candidates,
    competencies,
  };
}

// ───────────────────────────── 晴雨表 ─────────────────────────────
function topReasons(fit: FitResult): (FitFactor & { degree: string })[] {
  const all = FIT_DEGREES.flatMap((d) => fit.explanation[d].map((f) => ({ ...f, degree: d })));
  const neg = all.filter((f) => f.effect === '-').sort((a, b) => (a.points ?? 100) - (b.points ?? 100));
  const pos = all.filter((f) => f.effect === '+').sort((a, b) => (b.points ?? 0) - (a.points ?? 0));
  return [...neg, ...pos].slice(0, 3);
}

export async function barometer(db: Db, user: CurrentUser, r: RulesRef, q: { orgId?: number; teamId?: number; asOf?: string }) {
  const asOf = q.asOf ?? todayISO();
  if (q.orgId) await assertOrgInScope(db, user, q.orgId);
  const where: (SQL | undefined)[] = [user.scopePath ? sql`${orgUnit.path} like ${user.scopePath + '%'}` : undefined];
  if (q.orgId) where.push(sql`${orgUnit.path} like (select path from org_unit where id = ${q.orgId}) || '%'`);
  if (q.teamId) where.push(eq(team.id, q.teamId));
  const teams = await db
    .select({ id: team.id, name: team.name, orgUnitId: team.orgUnitId, orgName: orgUnit.name })
    .from(team)
    .innerJoin(orgUnit, eq(orgUnit.id, team.orgUnitId))
    .where(and(...where))
    .orderBy(asc(orgUnit.path), asc(orgUnit.sort), asc(team.id));
  if (q.teamId && !teams.length) throw notFound('班子', 'team');
  const teamIds = teams.map((t) => t.id);
  const [cs, holders, positions] = await Promise.all([
    candidateSet(db, r.version, r.rules, asOf),
    teamHolders(db, teamIds, asOf),
    teamIds.length ? db.select().from(position).where(inArray(position.teamId, teamIds)).orderBy(asc(position.sort), asc(position.id)) : Promise.resolve([] as PositionRow[]),
  ]);
  const posById = new Map(positions.map((p) => [p.id, p]));
  const holdersBy = new Map<number, Holder[]>();
  for (const h of holders) {
    let l = holdersBy.get(h.teamId);
    if (!l) holdersBy.set(h.teamId, (l = []));
    l.push(h);
  }
  const rows = [];
  const out = [];
  const posOrder = new Map(positions.map((p, k) => [p.id, k]));
  for (const t of teams) {
    const hs = (holdersBy.get(t.id) ?? []).slice().sort((a, b) => (posOrder.get(a.positionId) ?? 0) - (posOrder.get(b.positionId) ?? 0));
    const teamRows = [];
    for (const h of hs) {
      const i = cs.index.get(h.cadreId);
      const p = posById.get(h.positionId);
      if (i === undefined || !p) continue;
      const others = hs.filter((x) => x.cadreId !== h.cadreId).map((x) => x.style);
      const cp = compilePosition(cs.prepared, fitPositionOf(p, others));
      const fit = fitResultAt(cs.prepared, i, cp);
      const row = {
        teamId: t.id,
        teamName: t.name,
        orgUnitId: t.orgUnitId,
        orgName: t.orgName,
        positionId: p.id,
        positionTitle: p.title,
        level: p.level,
        kind: h.kind,
        cadreId: h.cadreId,
        name: cs.meta[i].name,
        age: cs.prepared.age[i],
        total: round1(fit.total),
        degrees: { position: round1(fit.degrees.position), experience: round1(fit.degrees.experience), competency: round1(fit.degrees.competency), temperament: round1(fit.degrees.temperament) },
        band: bandOf(fit.total),
        reasons: topReasons(fit),
        exclusions: maskExclusions(fit.exclusions, user, r.rules).map((e) => ({ code: e.code, zh: e.zh, en: e.en })),
      };
      teamRows.push(row);
      rows.push(row);
    }
    const mean = teamRows.length ? round1(teamRows.reduce((a, x) => a + x.total, 0) / teamRows.length) : null;
    out.push({ teamId: t.id, name: t.name, orgUnitId: t.orgUnitId, orgName: t.orgName, count: teamRows.length, mean, misfits: teamRows.filter((x) => x.band === 'misfit').length, rows: teamRows });
  }
  const counts = { good: 0, fair: 0, misfit: 0 };
  for (const x of rows) counts[x.band]++;
  return {
    asOf,
    bands: FIT_BANDS,
    summary: { count: rows.length, mean: rows.length ? round1(rows.reduce((a, x) => a + x.total, 0) / rows.length) : null, ...counts },
    teams: out,
    rows,
  };
}

// ───────────────────────────── vacancies ─────────────────────────────
export async function vacancies(db: Db, user: CurrentUser, r: RulesRef, q: { orgId?: number; retiringWithinMonths: number; asOf?: string }) {
  const asOf = q.asOf ?? todayISO();
  if (q.orgId) await assertOrgInScope(db, user, q.orgId);
  const where: (SQL | undefined)[] = [user.scopePath ? sql`${orgUnit.path} like ${user.scopePath + '%'}` : undefined];
  if (q.orgId) where.push(sql`${orgUnit.path} like (select path from org_unit where id = ${q.orgId}) || '%'`);
  const rows = await db
    .select({ p: position, teamName: team.name, orgName: orgUnit.name, orgKind: orgUnit.kind })
    .from(position)
    .innerJoin(team, eq(team.id, position.teamId))
    .innerJoin(orgUnit, eq(orgUnit.id, position.orgUnitId))
    .where(and(...where))
    .orderBy(asc(orgUnit.path), asc(orgUnit.sort), asc(position.teamId), asc(position.sort), asc(position.id));
  const teamIds = [...new Set(rows.map((x) => x.p.teamId))];
  const holders = teamIds.length
    ? await db
        .select({ cadreId: appointment.cadreId, positionId: appointment.positionId, name: cadre.name, birthDate: cadre.birthDate, sex: cadre.sex })
        .from(appointment)
        .innerJoin(position, eq(position.id, appointment.positionId))
        .innerJoin(cadre, eq(cadre.id, appointment.cadreId))
        .where(and(inArray(position.teamId, teamIds), eq(appointment.kind, '任职'), lte(appointment.startDate, asOf), or(isNull(appointment.endDate), gt(appointment.endDate, asOf))))
    : [];
  const byPos = new Map<number, typeof holders>();
  for (const h of holders) {
    let l = byPos.get(h.positionId);
    if (!l) byPos.set(h.positionId, (l = []));
    l.push(h);
  }
  const horizon = addMonths(asOf, q.retiringWithinMonths);
  const items = [];
  for (const x of rows) {
    const hs = byPos.get(x.p.id) ?? [];
    const retiring = hs
      .map((h) => ({ cadreId: h.cadreId, name: h.name, retirementDate: retirementDate(h.birthDate, h.sex, 'cadre', r.rules) }))
      .filter((m) => m.retirementDate <= horizon);
    const vacant = Math.max(0, x.p.quota - hs.length);
    if (!vacant && !retiring.length) continue;
    items.push({
      positionId: x.p.id,
      title: x.p.title,
      level: x.p.level,
      isChief: x.p.isChief,
      teamId: x.p.teamId,
      teamName: x.teamName,
      orgUnitId: x.p.orgUnitId,
      orgName: x.orgName,
      quota: x.p.quota,
      filled: hs.length,
      vacancies: vacant,
      retiring,
      hasDescription: x.p.description != null && Object.keys(x.p.description).length > 0,
      template: guessTemplate({ ...x.p, orgKind: x.orgKind }),
    });
  }
  return { asOf, items };
}

// ───────────────────────────── 调整方案 ─────────────────────────────
function teamSummary(a: ReturnType<typeof teamAnalysis>) {
  return {
    color: a.color,
    hex: a.hex,
    reasons: a.hits.map((h) => ({ id: h.id, name: h.name, color: h.color, reason: h.reason })),
    figures: a.figures,
  };
}

export type PlanResult = Awaited<ReturnType<typeof solvePlan>>;

export async function solvePlan(db: Db, user: CurrentUser, r: RulesRef, inputs: PlanInputs) {
  const t0 = performance.now();
  const rules = r.rules;
  const asOf = inputs.asOf ?? todayISO();
  const posts = await loadPositions(db, user, inputs.positionIds);
  const cs = await candidateSet(db, r.version, rules, asOf);
  const postTeamIds = [...new Set(posts.map((p) => p.teamId))];
  const holders = await teamHolders(db, postTeamIds, asOf);
  const planPosts = new Set(posts.map((p) => p.id));
  const compiled = posts.map((p) => {
    const styles = holders.filter((h) => h.teamId === p.teamId && !planPosts.has(h.positionId)).map((h) => h.style);
    return compilePosition(cs.prepared, fitPositionOf(p, styles));
  });
  const ownHolders = posts.map((p) => new Set(holders.filter((h) => h.positionId === p.id).map((h) => h.cadreId)));

  // the candidate set
  const mask = await candidateMask(db, user, rules, cs, inputs.candidateFilter, asOf);
  const allowed = (i: number) => !mask || mask[i] === 1;
  const candIdx: number[] = [];
  const seen = new Set<number>();
  const addCand = (i: number) => {
    if (!seen.has(i)) {
      seen.add(i);
      candIdx.push(i);
    }
  };
  const unknown: number[] = [];
  if (inputs.candidateIds?.length) {
    for (const id of inputs.candidateIds) {
      const i = cs.index.get(id);
      if (i === undefined || !pathInScope(user, cs.meta[i].orgPath)) unknown.push(id);
      else addCand(i);
    }
  } else {
    posts.forEach((p, k) => {
      const res = rankCandidates(cs.prepared, { description: compiled[k].description, level: p.level, teamContext: null });
      let taken = 0;
      for (let j = 0; j < res.order.length && taken < inputs.topPerPost; j++) {
        const i = res.order[j];
        if (!allowed(i) || ownHolders[k].has(cs.meta[i].id)) continue;
        addCand(i);
        taken++;
      }
    });
  }
  for (const pr of inputs.pins) {
    const i = cs.index.get(pr.cadreId);
    if (i === undefined || !pathInScope(user, cs.meta[i].orgPath)) throw notFound('干部', 'cadre');
    addCand(i);
  }
  // score matrix: excluded pairs and the post's own incumbents are NaN (never assigned)
  const buf = new Float64Array(5);
  let excludedPairs = 0;
  const scores = compiled.map((cp, k) => {
    const row = new Float64Array(candIdx.length);
    candIdx.forEach((i, c) => {
      if (exclusionMaskAt(cs.prepared, i, cp) !== 0 || ownHolders[k].has(cs.meta[i].id)) {
        row[c] = NaN;
        excludedPairs++;
      } else row[c] = degreesAt(cs.prepared, i, cp, buf)[0];
    });
    return row;
  });
  const postIndex = new Map(posts.map((p, k) => [p.id, k]));
  const candIndex = new Map(candIdx.map((i, c) => [cs.meta[i].id, c]));
  const pair = (x: { positionId: number; cadreId: number }, what: string): [number, number] => {
    const p = postIndex.get(x.positionId);
    const c = candIndex.get(x.cadreId);
    if (p === undefined) throw badRequest([issue(what, 'unknown_position', `职位 ${x.positionId} 不在本方案的空缺中`, `position ${x.positionId} is not one of the plan's vacancies`)]);
    if (c === undefined) return [-1, -1];
    return [p, c];
  };
  const pinned = inputs.pins.map((x) => pair(x, 'pins')).filter(([p]) => p >= 0);
  for (const [p, c] of pinned) {
    if (!(scores[p][c] === scores[p][c])) {
      const i = candIdx[c];
      const why = exclusionReasons(exclusionMaskAt(cs.prepared, i, compiled[p])).map((e) => e.zh).join('、') || '现任本职';
      throw badRequest([issue('pins', 'excluded', `${cs.meta[i].name} 不能锁定到 ${posts[p].title}：${why}`, `${cs.meta[i].name} cannot be pinned to ${posts[p].title}: excluded`)]);
    }
  }
  const forbidden = inputs.forbids.map((x) => pair(x, 'forbids')).filter(([p, c]) => p >= 0 && c >= 0);

  // candidates' current teams (they leave them when they move)
  const candIds = candIdx.map((i) => cs.meta[i].id);
  const candTeams = candIds.length
    ? await db
        .select({ cadreId: appointment.cadreId, teamId: position.teamId })
        .from(appointment)
        .innerJoin(position, eq(position.id, appointment.positionId))
        .where(and(inArray(appointment.cadreId, candIds), eq(appointment.kind, '任职'), lte(appointment.startDate, asOf), or(isNull(appointment.endDate), gt(appointment.endDate, asOf))))
    : [];
  const teamOfCand = new Map<number, number>();
  for (const x of candTeams) if (!teamOfCand.has(x.cadreId)) teamOfCand.set(x.cadreId, x.teamId);

  let assignment: Int32Array;
  let status: string = 'optimal';
  let solver: 'hungarian' | 'ilp' = 'hungarian';
  let constraints: unknown[] = [];
  let unsatisfiable: unknown[] = [];
  let unconstrainedTotal: number | null = null;
  let gap = 0;
  let fillRelaxed = false;
  const tSolve = performance.now();
  const tc = inputs.teamConstraints;
  // teams touched by the plan: the posts' teams and (with constraints) every candidate's team
  const teamIdsBefore = new Set<number>(postTeamIds);
  if (tc.enabled) for (const t of teamOfCand.values()) teamIdsBefore.add(t);
  let teamInputs = tc.enabled ? await loadTeamInputs(db, [...teamIdsBefore], asOf, rules) : [];
  try {
    if (!tc.enabled) {
      const a = solveAssignment({ scores, pinned, forbidden });
      assignment = a.assignment;
    } else {
      solver = 'ilp';
      const minThreshold = Math.min(...posts.map((p) => youngThreshold(p.level, rules)));
      const levelOf = new Map<number, string>();
      for (const t of teamInputs) for (const p of t.positions) levelOf.set(p.id, p.level);
      const teams: TeamSpec[] = teamInputs.map((t) => {
        const needs = parseNeeds(t.needs);
        const staying = t.members.filter((m) => !planPosts.has(m.positionId));
        const distinct = new Map(staying.map((m) => [m.cadreId, m]));
        const st = [...distinct.values()];
        return {
          id: t.id,
          currentWomen: st.filter((m) => m.sex === '2').length,
          currentYoung: st.filter((m) => isYoungCadre(m.birthDate, levelOf.get(m.positionId), asOf, rules)).length,
          currentNonParty: st.filter((m) => isNonParty(m.politicalStatus)).length,
          requireWoman: tc.requireWoman || needs.woman,
          requireYoung: tc.requireYoung || needs.young > 0,
          requireNonParty: tc.requireNonParty || needs.nonParty,
          maxFromOneUnit: tc.maxFromOneUnit ?? null,
          currentFromUnit: {},
        };
      });
      const candidates: TeamCandidate[] = candIdx.map((i) => ({
        female: cs.prepared.female[i] === 1,
        young: cs.prepared.age[i] <= minThreshold,
        nonParty: cs.prepared.nonParty[i] === 1,
        unitId: cs.meta[i].orgId,
        teamId: teamOfCand.get(cs.meta[i].id) ?? null,
      }));
      const res = await solveWithTeamConstraints({
        scores,
        posts: posts.map((p) => ({ teamId: p.teamId })),
        candidates,
        teams,
        pinned,
        forbidden,
        requireFill: tc.requireFill,
        timeLimitSeconds: 20,
        bindingTimeBudgetMs: 3000,
      });
      assignment = res.assignment;
      status = res.status;
      gap = res.gap;
      fillRelaxed = res.fillRelaxed;
      unconstrainedTotal = round1(res.unconstrainedObjective);
      const teamName = new Map(teamInputs.map((t) => [t.id, t.name]));
      constraints = res.constraints.map((c) => ({ ...c, teamName: c.teamId != null ? teamName.get(Number(c.teamId)) ?? null : null }));
      unsatisfiable = res.unsatisfiable;
    }
  } catch (e) {
    if (e instanceof AssignmentInputError) throw badRequest([issue('pins', 'invalid', e.message, e.message)]);
    throw e;
  }
  const solveMs = performance.now() - tSolve;

  // result rows
  let total = 0;
  const rows = posts.map((p, k) => {
    const c = assignment[k];
    const i = c >= 0 ? candIdx[c] : -1;
    let fit = null;
    let cand = null;
    if (i >= 0) {
      const d = degreesAt(cs.prepared, i, compiled[k], buf);
      total += d[0];
      fit = { total: round1(d[0]), degrees: degreesOf(d) };
      cand = { ...metaRow(cs.meta[i], cs, i), teamId: teamOfCand.get(cs.meta[i].id) ?? null };
    }
    return {
      positionId: p.id,
      title: p.title,
      level: p.level,
      teamId: p.teamId,
      teamName: p.teamName,
      orgName: p.orgName,
      incumbents: [...ownHolders[k]],
      candidate: cand,
      fit,
      pinned: pinned.some(([pp]) => pp === k),
    };
  });

  // what-if: the affected teams before and after, on copies
  const moved = new Map<number, number>(); // cadre id → post index
  assignment.forEach((c, k) => c >= 0 && moved.set(cs.meta[candIdx[c]].id, k));
  const affected = new Set<number>(postTeamIds);
  for (const id of moved.keys()) {
    const t = teamOfCand.get(id);
    if (t != null) affected.add(t);
  }
  const have = new Set(teamInputs.map((t) => t.id));
  const missing = [...affected].filter((t) => !have.has(t));
  if (missing.length) teamInputs = [...teamInputs, ...(await loadTeamInputs(db, missing, asOf, rules))];
  const before = teamInputs.filter((t) => affected.has(t.id));
  const filledPosts = new Set(posts.filter((_, k) => assignment[k] >= 0).map((p) => p.id));
  const after: TeamInput[] = before.map((t) => ({
    ...t,
    members: t.members.filter((m) => !moved.has(m.cadreId) && !filledPosts.has(m.positionId)),
  }));
  const afterBy = new Map(after.map((t) => [t.id, t]));
  moved.forEach((k, id) => {
    const i = cs.index.get(id)!;
    const m = cs.meta[i];
    const t = afterBy.get(posts[k].teamId);
    if (!t) return;
    (t.members as TeamMemberInput[]).push({
      cadreId: m.id,
      name: m.name,
      sex: m.sex,
      ethnicity: m.ethnicity,
      birthDate: m.birthDate,
      politicalStatus: m.politicalStatus,
      fullTimeEducation: m.fullTimeEducation,
      highestEducation: m.highestEducation,
      highestDegree: m.highestDegree,
      specialtyCategory: m.specialtyCategory,
      positionId: posts[k].id,
      startDate: asOf,
      kind: '任职',
      grassroots: m.grassroots,
      experienceTypes: m.experienceTypes,
      assessments: (cs.prepared.facts[i].assessments ?? []).map((a) => ({ year: a.year, result: a.result ?? null, score: a.score ?? null })),
    });
  });
  const teams = before.map((t) => {
    const b = teamAnalysis(t, { asOf, rules, detail: false });
    const a = teamAnalysis(afterBy.get(t.id)!, { asOf, rules, detail: false });
    const bs = teamSummary(b);
    const as = teamSummary(a);
    return {
      teamId: t.id,
      name: t.name,
      orgName: t.orgName ?? null,
      before: bs,
      after: as,
      changed: bs.color !== as.color || JSON.stringify(bs.figures) !== JSON.stringify(as.figures),
    };
  });

  return {
    asOf,
    status,
    solver,
    total: round1(total),
    unconstrainedTotal,
    gap,
    fillRelaxed,
    filled: rows.filter((x) => x.candidate).length,
    posts: rows,
    constraints,
    unsatisfiable,
    teams,
    candidates: { count: candIdx.length, unknown, excludedPairs },
    timing: { solveMs: round1(solveMs), totalMs: round1(performance.now() - t0) },
  };
}

// ───────────────────────────── saved plans ─────────────────────────────
type PlanRow = typeof adjustmentPlan.$inferSelect;

function planVisible(user: CurrentUser, p: PlanRow): boolean {
  return !user.scopePath || p.createdBy === user.id;
}

export async function listPlans(db: Db, user: CurrentUser) {
  const rows = await db
    .select({ p: adjustmentPlan, createdByName: appUser.displayName })
    .from(adjustmentPlan)
    .leftJoin(appUser, eq(appUser.id, adjustmentPlan.createdBy))
    .where(user.scopePath ? eq(adjustmentPlan.createdBy, user.id) : undefined)
    .orderBy(desc(adjustmentPlan.updatedAt), desc(adjustmentPlan.id));
  return {
    items: rows.map(({ p, createdByName }) => {
      const res = (p.result ?? {}) as { total?: number; filled?: number; status?: string };
      const inp = p.inputs as { positionIds?: number[] };
      return { id: p.id, name: p.name, status: p.status, version: p.version, createdBy: p.createdBy, createdByName, createdAt: p.createdAt, updatedAt: p.updatedAt, posts: inp.positionIds?.length ?? 0, total: res.total ?? null, filled: res.filled ?? null, solveStatus: res.status ?? null };
    }),
  };
}

export async function getPlan(db: Db, user: CurrentUser, id: number) {
  const [p] = await db.select().from(adjustmentPlan).where(eq(adjustmentPlan.id, id));
  if (!p || !planVisible(user, p)) throw notFound('调整方案', 'plan');
  return p;
}

export async function createPlan(db: Db, user: CurrentUser, actor: AuditActor, r: RulesRef, body: { name: string; inputs: PlanInputs }) {
  assertCanWrite(user, 'org', r.rules);
  const result = await solvePlan(db, user, r, body.inputs);
  return tx(db, async (t) => {
    const [row] = await t
      .insert(adjustmentPlan)
      .values({ name: body.name, status: 'draft', inputs: body.inputs as never, result: result as never, createdBy: user.id })
      .returning();
    await writeAudit(t, actor, { action: 'create', entity: 'adjustment_plan', entityId: row.id, after: { name: row.name, inputs: row.inputs, total: result.total } });
    return row;
  });
}

export async function updatePlan(db: Db, user: CurrentUser, actor: AuditActor, r: RulesRef, id: number, patch: { version: number; name?: string; status?: 'draft' | 'final'; inputs?: PlanInputs }) {
  assertCanWrite(user, 'org', r.rules);
  await getPlan(db, user, id);
  const result = patch.inputs ? await solvePlan(db, user, r, patch.inputs) : undefined;
  return tx(db, async (t) => {
    const fields: Record<string, unknown> = {};
    if (patch.name !== undefined) fields.name = patch.name;
    if (patch.status !== undefined) fields.status = patch.status;
    if (patch.inputs) {
      fields.inputs = patch.inputs;
      fields.result = result;
    }
    const res = await updateVersioned<PlanRow>(t, adjustmentPlan, id, patch.version, fields);
    await writeAudit(t, actor, {
      action: 'update',
      entity: 'adjustment_plan',
      entityId: id,
      before: { name: res.before.name, status: res.before.status, inputs: res.before.inputs },
      after: { name: res.after.name, status: res.after.status, inputs: res.after.inputs },
    });
    return res.after;
  });
}
