/**
 * Set-based loading of the facts the fit model needs (FitCandidate) for many cadres at once, and a
 * small cache of the prepared candidate set (core prepareCandidates) of the whole in-service
 * registry.
 *
 * Loading = 6 queries whatever the number of cadres (cadres, careers, annual assessments, 政治素质,
 * 关键时刻, discipline), each filtered by the same sub-select on cadre — no per-person query.
 *
 * Cache key: (rules version, data version, asOf). The data version is the id of the newest audit
 * entry of a write (every registry/org write is audited in its own transaction, so a committed
 * change always moves it); reads, logins, exports and this module's own records do not count.
 * One backward scan of the audit primary key per request decides whether the cache is fresh.
 */
import { and, asc, eq, gt, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { DERIVED_COMPETENCIES, PositionDescriptionSchema, prepareCandidates, type FitCandidate, type PositionDescription, type PreparedCandidates, type RulesConfig } from '@cadre/core';
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
  dataVersion: number;
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

/** the newest audited write (see the module comment) */
export async function dataVersion(db: Db): Promise<number> {
  const [r] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(sql`${auditLog.action} not in ('read', 'login', 'login_failed', 'logout', 'export') and ${auditLog.entity} not in ('adjustment_plan', 'position.description')`)
    .orderBy(sql`${auditLog.id} desc`)
    .limit(1);
  return r?.id ?? 0;
}

const caches = new WeakMap<Db, Map<string, Promise<CandidateSet>>>();

/**
 * The prepared candidate set of every in-service cadre (status 在职) on asOf, cached per
 * (rules version, data version, asOf). Scope and filters are applied by the callers on top.
 */
export async function candidateSet(db: Db, rulesVersion: number, rules: RulesConfig, asOf: string): Promise<CandidateSet> {
  const dv = await dataVersion(db);
  const key = `${rulesVersion}|${dv}|${asOf}`;
  let m = caches.get(db);
  if (!m) caches.set(db, (m = new Map()));
  let p = m.get(key);
  if (!p) {
    // keep at most the current key and two others (other asOf dates)
    for (const k of [...m.keys()]) if (k.split('|')[0] !== String(rulesVersion) || k.split('|')[1] !== String(dv) || m.size > 2) m.delete(k);
    p = (async () => {
      const t0 = performance.now();
      const { facts, meta } = await loadFitCandidates(db, eq(cadre.status, '在职'), asOf, rules);
      const t1 = performance.now();
      const prepared = prepareCandidates(facts, asOf, rules);
      const t2 = performance.now();
      const index = new Map<number, number>();
      meta.forEach((x, i) => index.set(x.id, i));
      return { prepared, meta, index, asOf, rulesVersion, dataVersion: dv, loadMs: t1 - t0, prepareMs: t2 - t1, loadedAt: Date.now() };
    })();
    m.set(key, p);
    p.catch(() => m!.delete(key));
  }
  return p;
}

/** drop every cached candidate set of this database (tests, bench cold runs) */
export function clearCandidateCache(db: Db): void {
  caches.delete(db);
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
