/**
 * Set-based loading of the facts the fit model needs (FitCandidate) for many cadres at once, and a
 * small cache of the prepared candidate set (core prepareCandidates) of the whole in-service
 * registry, refreshed incrementally.
 *
 * Loading = 6 queries whatever the number of cadres (cadres, careers, annual assessments, 政治素质,
 * 关键时刻, discipline), each filtered by the same sub-select on cadre — no per-person query.
 *
 * Cache: one set per (rules version, asOf), stamped with the data version it reflects. The data
 * version is the id of the newest audit entry of a write (every registry/org write is audited in
 * its own transaction, so a committed change always moves it); reads, logins, exports and this
 * module's own records do not count. Each request probes the audit log once (an index range scan
 * of the last LATE_COMMIT_WINDOW ids): unchanged → the cached set as is. Changed → incremental
 * refresh: the new write entries name what changed — a cadre id (the cadre row and every section:
 * career, assessment, 政治素质, 关键时刻, discipline, appointment, import …) or an org unit (its
 * in-service cadres and those of its subtree: org name and path are part of the meta) — and only
 * those cadres are loaded again (the same 6 queries, filtered by id) and prepared (core
 * refreshPrepared: every other candidate's features are copied); a cadre no longer in service
 * (or deleted) leaves the set, a new one joins it in id order. The result equals a full reload
 * (tested). A write entry of a kind not known to leave the candidates' facts alone, a restore, or
 * more than FULL_RELOAD_SHARE of the registry changed → full reload.
 *
 * Transactions can commit out of id order (PostgreSQL): an entry with an id below the cached data
 * version may become visible later. The cache remembers the write ids it has seen in the last
 * LATE_COMMIT_WINDOW ids below its version; the probe counts them, so a late commit in that
 * window is noticed and applied like any other change. (A commit later than that — thousands of
 * audit entries between a transaction's audit insert and its commit — would be missed until a
 * full reload; the previous design missed every late commit until the next write.)
 * The first set is prepared in the background when the server starts listening (routes.ts).
 */
import { and, asc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { DERIVED_COMPETENCIES, PositionDescriptionSchema, prepareCandidates, refreshPrepared, type FitCandidate, type PositionDescription, type PreparedCandidates, type RulesConfig } from '@cadre/core';
import type { Db } from '../../db/client';
import { assessment, auditLog, cadre, career, discipline, keyMoment, orgUnit, politicalQuality } from '../../db/schema';

/** what the pages show about a candidate besides the fit facts */
export interface CandidateMeta {
  id: number;
  name: string;
  sex: string;
  birthDate: string;
  ethnicity: string | null;
  politicalStatus: string | null;
  fullTimeEducation: string | null;
  highestEducation: string | null;
  highestDegree: string | null;
  specialtyCategory: string | null;
  orgId: number | null;
  orgName: string | null;
  orgPath: string | null;
  currentPositionId: number | null;
  currentPostTitle: string | null;
  postLevel: string | null;
  rank: string | null;
  style: string | null;
  workStartDate: string | null;
  levelStartDate: string | null;
  /** any career entry flagged isGrassroots, and the union of explicit experience types (team analysis input) */
  grassroots: boolean;
  experienceTypes: string[];
}

export interface CandidateSet {
  prepared: PreparedCandidates;
  meta: CandidateMeta[];
  /** cadre id → index in prepared */
  index: Map<number, number>;
  asOf: string;
  rulesVersion: number;
  /** the newest write entry this set reflects */
  dataVersion: number;
  /** write entry ids in (dataVersion − LATE_COMMIT_WINDOW, dataVersion] seen when it was read */
  windowIds: ReadonlySet<number>;
  /** the last (re)build: full load, or incremental with the number of cadres loaded again */
  refresh: 'full' | 'incremental';
  reloadedCadres: number;
  /** time of the last (re)build: queries, preparation */
  loadMs: number;
  prepareMs: number;
  loadedAt: number;
}

/** years of annual assessments loaded (比选 shows 5; the fit model reads the most recent 3) */
export const ASSESSMENT_YEARS = 6;

/** Load FitCandidates (+ meta) for the cadres matching `where` (a condition on the cadre table). */
export async function loadFitCandidates(db: Db, where: SQL | undefined, asOf: string, rules: RulesConfig): Promise<{ facts: FitCandidate[]; meta: CandidateMeta[] }> {
  const ids = db.select({ id: cadre.id }).from(cadre).where(where);
  const asOfYear = Number(asOf.slice(0, 4));
  const kmFrom = `${asOfYear - rules.fit.competency.keyMomentYears}${asOf.slice(4)}`;
  const [people, careers, assessments, pq, km, disc] = await Promise.all([
    db
      .select({
        id: cadre.id,
        name: cadre.name,
        sex: cadre.sex,
        birthDate: cadre.birthDate,
        ethnicity: cadre.ethnicity,
        politicalStatus: cadre.politicalStatus,
        fullTimeEducation: cadre.fullTimeEducation,
        highestEducation: cadre.highestEducation,
        highestDegree: cadre.highestDegree,
        specialtyCategory: cadre.specialtyCategory,
        orgId: cadre.currentOrgId,
        orgName: orgUnit.name,
        orgPath: orgUnit.path,
        currentPositionId: cadre.currentPositionId,
        currentPostTitle: cadre.currentPostTitle,
        postLevel: cadre.postLevel,
        rank: cadre.rank,
        style: cadre.style,
        workStartDate: cadre.workStartDate,
        levelStartDate: cadre.levelStartDate,
      })
      .from(cadre)
      .leftJoin(orgUnit, eq(orgUnit.id, cadre.currentOrgId))
      .where(where)
      .orderBy(asc(cadre.id)),
    db
      .select({
        cadreId: career.cadreId,
        start: career.startDate,
        end: career.endDate,
        orgName: career.orgName,
        postTitle: career.postTitle,
        postLevel: career.postLevel,
        isGrassroots: career.isGrassroots,
        experienceTypes: career.experienceTypes,
      })
      .from(career)
      .where(and(inArray(career.cadreId, ids), lte(career.startDate, asOf))),
    db
      .select({ cadreId: assessment.cadreId, year: assessment.year, result: assessment.result, score: assessment.score })
      .from(assessment)
      .where(and(inArray(assessment.cadreId, ids), isNull(assessment.quarter), gt(assessment.year, asOfYear - ASSESSMENT_YEARS), lte(assessment.year, asOfYear))),
    db
      .select({
        cadreId: politicalQuality.cadreId,
        date: politicalQuality.date,
        loyalty: politicalQuality.loyalty,
        steadiness: politicalQuality.steadiness,
        responsibility: politicalQuality.responsibility,
        capability: politicalQuality.capability,
        selfDiscipline: politicalQuality.selfDiscipline,
      })
      .from(politicalQuality)
      .where(and(inArray(politicalQuality.cadreId, ids), lte(politicalQuality.date, asOf))),
    db
      .select({ cadreId: keyMoment.cadreId, date: keyMoment.date, rating: keyMoment.rating, event: keyMoment.event })
      .from(keyMoment)
      .where(and(inArray(keyMoment.cadreId, ids), gt(keyMoment.date, kmFrom), lte(keyMoment.date, asOf))),
    db
      .select({ cadreId: discipline.cadreId, date: discipline.date, kind: discipline.kind, category: discipline.category, impactMonths: discipline.impactMonths, revokedOn: discipline.revokedOn })
      .from(discipline)
      .where(and(inArray(discipline.cadreId, ids), lte(discipline.date, asOf))),
  ]);
  const group = <T extends { cadreId: number }>(rows: T[]) => {
    const m = new Map<number, Omit<T, 'cadreId'>[]>();
    for (const r of rows) {
      const { cadreId, ...rest } = r;
      let l = m.get(cadreId);
      if (!l) m.set(cadreId, (l = []));
      l.push(rest);
    }
    return m;
  };
  const careerBy = group(careers);
  const assessBy = group(assessments);
  const pqBy = group(pq);
  const kmBy = group(km);
  const discBy = group(disc);
  const facts: FitCandidate[] = new Array(people.length);
  const meta: CandidateMeta[] = new Array(people.length);
  people.forEach((p, i) => {
    const cs = careerBy.get(p.id) ?? [];
    const types = new Set<string>();
    let grassroots = false;
    for (const c of cs) {
      if (c.isGrassroots) grassroots = true;
      for (const t of c.experienceTypes ?? []) types.add(t);
    }
    facts[i] = {
      id: p.id,
      birthDate: p.birthDate,
      sex: p.sex,
      postLevel: p.postLevel,
      levelStartDate: p.levelStartDate,
      rank: p.rank,
      rankStartDate: null,
      specialtyCategory: p.specialtyCategory,
      style: p.style,
      politicalStatus: p.politicalStatus,
      workStartDate: p.workStartDate,
      career: cs,
      assessments: (assessBy.get(p.id) ?? []).map((a) => ({ year: a.year, quarter: null, result: a.result, score: a.score })),
      politicalQuality: pqBy.get(p.id) ?? [],
      keyMoments: kmBy.get(p.id) ?? [],
      disciplines: discBy.get(p.id) ?? [],
    };
    meta[i] = { ...p, grassroots, experienceTypes: [...types] };
  });
  return { facts, meta };
}

/** see the module comment: ids below the data version watched for late commits */
export const LATE_COMMIT_WINDOW = 2000;
/** more changed cadres than this share of the set (or FULL_RELOAD_MIN, whichever is larger) → full reload */
export const FULL_RELOAD_SHARE = 0.1;
const FULL_RELOAD_MIN = 2000;
/** entities written without a cadre id that never change a candidate's facts (org_unit is handled; anything else → full reload) */
const NOT_CANDIDATE_FACTS = new Set(['team', 'position', 'app_user', 'pool', 'pool.suggestions', 'recommendation_round', 'rules_config', 'reserve_review', 'saved_filter']);

const writeEntry = sql`${auditLog.action} not in ('read', 'login', 'login_failed', 'logout', 'export') and ${auditLog.entity} not in ('adjustment_plan', 'position.description')`;

/** the newest audited write (see the module comment) */
export async function dataVersion(db: Db): Promise<number> {
  const [r] = await db.select({ id: auditLog.id }).from(auditLog).where(writeEntry).orderBy(sql`${auditLog.id} desc`).limit(1);
  return r?.id ?? 0;
}

type WriteRow = { id: number; entity: string; entityId: string | null; cadreId: number | null };
interface WriteHead {
  version: number;
  windowIds: Set<number>;
}
const headOf = (rows: readonly { id: number }[], floor = 0): WriteHead => {
  const version = rows.length ? rows[rows.length - 1].id : floor;
  const windowIds = new Set<number>();
  for (const r of rows) if (r.id > version - LATE_COMMIT_WINDOW) windowIds.add(r.id);
  return { version, windowIds };
};

/** the data version and the write ids of the window below it (read before the data) */
async function readHead(db: Db): Promise<WriteHead> {
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(sql`${writeEntry} and ${auditLog.id} > (select coalesce(max(a.id), 0) from ${auditLog} a where a.action not in ('read', 'login', 'login_failed', 'logout', 'export') and a.entity not in ('adjustment_plan', 'position.description')) - ${LATE_COMMIT_WINDOW}`)
    .orderBy(asc(auditLog.id));
  return headOf(rows.map((r) => ({ id: Number(r.id) })));
}

/** is the set still current: one index range scan over the last LATE_COMMIT_WINDOW ids */
async function isCurrent(db: Db, cs: CandidateSet): Promise<boolean> {
  const [r] = await db
    .select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)`, n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(writeEntry, gt(auditLog.id, cs.dataVersion - LATE_COMMIT_WINDOW)));
  return Number(r.max) === cs.dataVersion && Number(r.n) === cs.windowIds.size;
}

async function fullLoad(db: Db, rulesVersion: number, rules: RulesConfig, asOf: string, head?: WriteHead): Promise<CandidateSet> {
  const t0 = performance.now();
  const h = head ?? (await readHead(db));
  const { facts, meta } = await loadFitCandidates(db, eq(cadre.status, '在职'), asOf, rules);
  const t1 = performance.now();
  const prepared = prepareCandidates(facts, asOf, rules);
  const t2 = performance.now();
  const index = new Map<number, number>();
  meta.forEach((x, i) => index.set(x.id, i));
  return { prepared, meta, index, asOf, rulesVersion, dataVersion: h.version, windowIds: h.windowIds, refresh: 'full', reloadedCadres: meta.length, loadMs: t1 - t0, prepareMs: t2 - t1, loadedAt: Date.now() };
}

/**
 * The changes since `prev` (new write entries, and late commits in its window): the cadres to
 * load again, or 'full'.
 */
function changesSince(prev: CandidateSet, rows: readonly WriteRow[]): { cadreIds: Set<number>; orgIds: Set<number> } | 'full' {
  let seen = 0;
  const cadreIds = new Set<number>();
  const orgIds = new Set<number>();
  for (const r of rows) {
    if (r.id <= prev.dataVersion && prev.windowIds.has(r.id)) {
      seen++;
      continue;
    }
    if (r.cadreId != null) cadreIds.add(r.cadreId);
    else if (r.entity === 'org_unit') {
      const id = Number(r.entityId);
      if (!Number.isInteger(id)) return 'full';
      orgIds.add(id);
    } else if (!NOT_CANDIDATE_FACTS.has(r.entity)) return 'full';
  }
  // entries it had seen are gone (audit log restored or pruned): nothing to compare with
  if (seen !== prev.windowIds.size) return 'full';
  if (cadreIds.size > Math.max(FULL_RELOAD_MIN, FULL_RELOAD_SHARE * prev.meta.length)) return 'full';
  return { cadreIds, orgIds };
}

/** prev brought up to date by reloading only the changed cadres (see the module comment) */
async function refreshSet(db: Db, prev: CandidateSet, rules: RulesConfig): Promise<CandidateSet> {
  const t0 = performance.now();
  const rows = (
    await db
      .select({ id: auditLog.id, entity: auditLog.entity, entityId: auditLog.entityId, cadreId: auditLog.cadreId })
      .from(auditLog)
      .where(and(writeEntry, gt(auditLog.id, prev.dataVersion - LATE_COMMIT_WINDOW)))
      .orderBy(asc(auditLog.id))
  ).map((r) => ({ ...r, id: Number(r.id) }));
  const head = headOf(rows, prev.dataVersion);
  if (head.version < prev.dataVersion) return fullLoad(db, prev.rulesVersion, rules, prev.asOf);
  const ch = changesSince(prev, rows);
  if (ch === 'full') return fullLoad(db, prev.rulesVersion, rules, prev.asOf, head);
  const { cadreIds, orgIds } = ch;
  let facts: FitCandidate[] = [];
  let meta: CandidateMeta[] = [];
  if (cadreIds.size || orgIds.size) {
    const inOrgs = orgIds.size
      ? sql`${cadre.currentOrgId} in (select d.id from ${orgUnit} d join ${orgUnit} u on d.path like u.path || '%' where u.id in (${sql.join([...orgIds].map((id) => sql`${id}`), sql`, `)}))`
      : undefined;
    const byId = cadreIds.size ? inArray(cadre.id, [...cadreIds]) : undefined;
    ({ facts, meta } = await loadFitCandidates(db, and(eq(cadre.status, '在职'), byId && inOrgs ? or(byId, inOrgs) : (byId ?? inOrgs)), prev.asOf, rules));
  }
  const t1 = performance.now();
  // merge in id order (the full load's order): loaded rows replace or join, requested ids not
  // loaded (deleted, no longer in service) leave, every other row is reused
  const old = prev.meta;
  const n0 = old.length;
  let sameIds = true;
  for (const m of meta) if (!prev.index.has(m.id)) sameIds = false;
  if (sameIds && meta.length < cadreIds.size) {
    const loaded = new Set(meta.map((m) => m.id));
    for (const id of cadreIds) if (prev.index.has(id) && !loaded.has(id)) sameIds = false;
  }
  let outFacts: FitCandidate[];
  let outMeta: CandidateMeta[];
  let reuse: Int32Array;
  if (sameIds) {
    // only replacements (the usual profile edit): same positions
    outFacts = prev.prepared.facts.slice();
    outMeta = old.slice();
    reuse = new Int32Array(n0);
    for (let i = 0; i < n0; i++) reuse[i] = i;
    for (let j = 0; j < meta.length; j++) {
      const i = prev.index.get(meta[j].id)!;
      outFacts[i] = facts[j];
      outMeta[i] = meta[j];
      reuse[i] = -1;
    }
  } else {
    outFacts = new Array<FitCandidate>(n0 + meta.length);
    outMeta = new Array<CandidateMeta>(n0 + meta.length);
    reuse = new Int32Array(n0 + meta.length);
    let k = 0;
    let j = 0;
    const take = (f: FitCandidate, m: CandidateMeta, from: number) => {
      outFacts[k] = f;
      outMeta[k] = m;
      reuse[k++] = from;
    };
    for (let i = 0; i < n0; i++) {
      const id = old[i].id;
      while (j < meta.length && meta[j].id < id) take(facts[j], meta[j++], -1);
      if (j < meta.length && meta[j].id === id) take(facts[j], meta[j++], -1);
      else if (!cadreIds.has(id)) take(prev.prepared.facts[i], old[i], i);
    }
    for (; j < meta.length; j++) take(facts[j], meta[j], -1);
    outFacts.length = k;
    outMeta.length = k;
    reuse = reuse.subarray(0, k);
  }
  const prepared = meta.length || !sameIds ? refreshPrepared(prev.prepared, outFacts, reuse) : prev.prepared;
  let index = prev.index;
  if (!sameIds) {
    index = new Map<number, number>();
    for (let i = 0; i < outMeta.length; i++) index.set(outMeta[i].id, i);
  }
  const t2 = performance.now();
  return {
    prepared,
    meta: outMeta,
    index,
    asOf: prev.asOf,
    rulesVersion: prev.rulesVersion,
    dataVersion: head.version,
    windowIds: head.windowIds,
    refresh: 'incremental',
    reloadedCadres: meta.length,
    loadMs: t1 - t0,
    prepareMs: t2 - t1,
    loadedAt: Date.now(),
  };
}

const caches = new WeakMap<Db, Map<string, Promise<CandidateSet>>>();
/** cached sets per database: the current rules version, up to this many evaluation dates */
const MAX_DATES = 3;

/**
 * The prepared candidate set of every in-service cadre (status 在职) on asOf under the given
 * rules version, brought up to the current data version (see the module comment). Scope and
 * filters are applied by the callers on top. Concurrent callers share one load / refresh.
 */
export async function candidateSet(db: Db, rulesVersion: number, rules: RulesConfig, asOf: string): Promise<CandidateSet> {
  const key = `${rulesVersion}|${asOf}`;
  let m = caches.get(db);
  if (!m) caches.set(db, (m = new Map()));
  const cached = m.get(key);
  if (!cached) {
    // keep the current rules version only, and a few dates
    for (const k of [...m.keys()]) if (k.split('|')[0] !== String(rulesVersion) || m.size >= MAX_DATES) m.delete(k);
    return track(m, key, fullLoad(db, rulesVersion, rules, asOf));
  }
  let cs: CandidateSet;
  try {
    cs = await cached;
  } catch {
    return candidateSet(db, rulesVersion, rules, asOf); // that load failed (and was dropped): try again
  }
  if (await isCurrent(db, cs)) return cs;
  const now = m.get(key);
  if (now !== cached) return now ? now : candidateSet(db, rulesVersion, rules, asOf); // another request is refreshing it
  return track(m, key, refreshSet(db, cs, rules));
}

function track(m: Map<string, Promise<CandidateSet>>, key: string, p: Promise<CandidateSet>): Promise<CandidateSet> {
  m.set(key, p);
  p.catch(() => {
    if (m.get(key) === p) m.delete(key);
  });
  return p;
}

/** drop every cached candidate set of this database (tests, bench cold runs) */
export function clearCandidateCache(db: Db): void {
  caches.delete(db);
}

/** a from-scratch preparation, never cached (tests: the incremental result must equal it) */
export function loadCandidateSetFresh(db: Db, rulesVersion: number, rules: RulesConfig, asOf: string): Promise<CandidateSet> {
  return fullLoad(db, rulesVersion, rules, asOf);
}

// ───────────────────────────── descriptions ─────────────────────────────
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : []);
const KNOWN_COMPETENCIES = new Set<string>(Object.values(DERIVED_COMPETENCIES));

/**
 * The stored position.description as a PositionDescription for the fit model. Older descriptions
 * (demo seed, imports) use { specialties, experienceTypes, ageMin, ageMax }: they are mapped to
 * preferredSpecialties, requiredExperience (minYears 0 = preferred) and ageBand. Competency
 * weights on names without a data source (only 政治素质 / 工作实绩 / 担当作为 are derived from the
 * file) are dropped, so the default weights apply when none is left.
 */
export function fitDescriptionOf(raw: Record<string, unknown> | null | undefined): PositionDescription {
  const r = raw ?? {};
  const parsed = PositionDescriptionSchema.safeParse(r);
  const d: PositionDescription = parsed.success
    ? parsed.data
    : PositionDescriptionSchema.parse({ requiredLevel: typeof r.requiredLevel === 'string' ? r.requiredLevel : undefined });
  if (!d.preferredSpecialties.length) d.preferredSpecialties = strings(r.specialties);
  if (!d.requiredExperience.length) d.requiredExperience = strings(r.experienceTypes).map((kind) => ({ kind, minYears: 0 }));
  if (!d.ageBand && (typeof r.ageMin === 'number' || typeof r.ageMax === 'number')) {
    d.ageBand = { min: typeof r.ageMin === 'number' ? r.ageMin : undefined, max: typeof r.ageMax === 'number' ? r.ageMax : undefined };
  }
  if (d.preferredStyle === undefined && (r.preferredStyle === 'tiger' || r.preferredStyle === 'ox')) d.preferredStyle = r.preferredStyle;
  const w: Record<string, number> = {};
  for (const [k, v] of Object.entries(d.competencyWeights)) if (KNOWN_COMPETENCIES.has(k)) w[k] = v;
  d.competencyWeights = w;
  return d;
}

/** what is stored in position.description: the description plus the keys the team hologram reads */
export function storedDescription(d: PositionDescription): Record<string, unknown> {
  return {
    ...d,
    specialties: d.preferredSpecialties,
    experienceTypes: d.requiredExperience.map((e) => e.kind),
    ...(d.ageBand?.min != null ? { ageMin: d.ageBand.min } : {}),
    ...(d.ageBand?.max != null ? { ageMax: d.ageBand.max } : {}),
  };
}
