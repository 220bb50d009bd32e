/**
 * The facts the reserve rules need, loaded in a fixed number of queries for any number of cadres:
 * maturity inputs (level start, career, annual assessments, trainings, key moments), their
 * recommendation-round votes, and from them the tier suggestion (core latestConcentration ×
 * maturityScore → suggestTier) stored on the entry with its basis.
 *
 * Stored suggestions leave out the maturity's fit part (it needs the whole fit model of the
 * registry; core renormalises the other weights). GET /cadres/:id/maturity?positionId= adds it.
 */
import { and, asc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import {
  addMonths,
  addYears,
  latestConcentration,
  maturityScore,
  suggestTier,
  type MaturityInput,
  type MaturityResult,
  type RoundVote,
  type RulesConfig,
  type TierSuggestion,
} from '@cadre/core';
import type { Db } from '../../db/client';
import { assessment, cadre, career, keyMoment, recommendationRound, recommendationVote, training, type TierSuggestionBasis } from '../../db/schema';

const CHUNK = 5000;
/** run query thunks one after the other (typed like Promise.all) */
async function sequence<T extends readonly (() => Promise<unknown>)[]>(fns: T): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const out: unknown[] = [];
  for (const f of fns) out.push(await f());
  return out as { [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
function chunks<T>(a: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < a.length; i += CHUNK) out.push(a.slice(i, i + CHUNK));
  return out;
}
function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  let l = m.get(k);
  if (!l) m.set(k, (l = []));
  l.push(v);
}

/** maturity inputs (without fit) of the given cadres on asOf */
export async function maturityInputs(db: Db, ids: number[], asOf: string, rules: RulesConfig): Promise<Map<number, MaturityInput>> {
  const out = new Map<number, MaturityInput>();
  const uniq = [...new Set(ids)];
  const m = rules.reserve.maturity;
  const asOfYear = Number(asOf.slice(0, 4));
  // the political duty looks back everyYears; hours look back 12 months — one more year is enough
  const trainingFrom = addYears(asOf, -(rules.training.poolPoliticalTrainingEveryYears + 1));
  const kmFrom = addYears(asOf, -m.keyMomentYears);
  for (const part of chunks(uniq)) {
    // one after the other: this often runs inside a transaction (one connection)
    const [people, careers, assessments, trainings, moments] = await sequence([
      () => db.select({ id: cadre.id, postLevel: cadre.postLevel, levelStartDate: cadre.levelStartDate }).from(cadre).where(inArray(cadre.id, part)),
      () => db
        .select({ cadreId: career.cadreId, start: career.startDate, end: career.endDate, orgName: career.orgName, postTitle: career.postTitle, isGrassroots: career.isGrassroots, experienceTypes: career.experienceTypes, postLevel: career.postLevel })
        .from(career)
        .where(and(inArray(career.cadreId, part), lte(career.startDate, asOf)))
        .orderBy(asc(career.startDate)),
      () => db
        .select({ cadreId: assessment.cadreId, year: assessment.year, quarter: assessment.quarter, result: assessment.result })
        .from(assessment)
        .where(and(inArray(assessment.cadreId, part), isNull(assessment.quarter), gte(assessment.year, asOfYear - m.assessmentYears), lte(assessment.year, asOfYear)))
        .orderBy(asc(assessment.year), asc(assessment.id)),
      () => db
        .select({ cadreId: training.cadreId, name: training.name, startDate: training.startDate, endDate: training.endDate, hours: training.hours, mode: training.mode, isPolitical: training.isPolitical })
        .from(training)
        .where(and(inArray(training.cadreId, part), gte(training.startDate, trainingFrom), lte(training.startDate, asOf))),
      () => db
        .select({ cadreId: keyMoment.cadreId, date: keyMoment.date, rating: keyMoment.rating })
        .from(keyMoment)
        .where(and(inArray(keyMoment.cadreId, part), gte(keyMoment.date, kmFrom), lte(keyMoment.date, asOf))),
    ] as const);
    const cBy = new Map<number, NonNullable<MaturityInput['career']>[number][]>();
    for (const { cadreId, ...c } of careers) push(cBy, cadreId, c);
    const aBy = new Map<number, { year: number; quarter: number | null; result: string | null }[]>();
    for (const { cadreId, ...a } of assessments) push(aBy, cadreId, a);
    const tBy = new Map<number, NonNullable<MaturityInput['trainings']>[number][]>();
    for (const { cadreId, ...t } of trainings) push(tBy, cadreId, { ...t, hours: Number(t.hours) });
    const kBy = new Map<number, { date: string; rating: string | null }[]>();
    for (const { cadreId, ...k } of moments) push(kBy, cadreId, k);
    for (const p of people) {
      out.set(p.id, {
        postLevel: p.postLevel,
        levelStartDate: p.levelStartDate,
        career: cBy.get(p.id) ?? [],
        assessments: aBy.get(p.id) ?? [],
        trainings: tBy.get(p.id) ?? [],
        keyMoments: kBy.get(p.id) ?? [],
        fit: null,
      });
    }
  }
  return out;
}

/** every round result of the given cadres within the concentration window before asOf */
export async function roundVotes(db: Db, ids: number[], asOf: string, rules: RulesConfig): Promise<Map<number, RoundVote[]>> {
  const out = new Map<number, RoundVote[]>();
  const from = addMonths(asOf, -rules.reserve.concentrationWindowMonths);
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db
      .select({ cadreId: recommendationVote.cadreId, roundId: recommendationRound.id, date: recommendationRound.date, votes: recommendationVote.votes, voterCount: recommendationRound.voterCount })
      .from(recommendationVote)
      .innerJoin(recommendationRound, eq(recommendationRound.id, recommendationVote.roundId))
      .where(and(inArray(recommendationVote.cadreId, part), gte(recommendationRound.date, from), lte(recommendationRound.date, asOf)));
    for (const { cadreId, ...v } of rows) push(out, cadreId, v);
  }
  return out;
}

export interface Suggestion {
  suggestion: TierSuggestion;
  maturity: MaturityResult;
  basis: TierSuggestionBasis;
}

/** tier suggestions of the given cadres on asOf (one per cadre) */
export async function suggestFor(db: Db, ids: number[], asOf: string, rules: RulesConfig, rulesVersion: number): Promise<Map<number, Suggestion>> {
  const inputs = await maturityInputs(db, ids, asOf, rules);
  const votes = await roundVotes(db, ids, asOf, rules);
  const out = new Map<number, Suggestion>();
  for (const [id, input] of inputs) {
    const maturity = maturityScore(input, { asOf, rules });
    const c = latestConcentration(votes.get(id) ?? [], asOf, rules);
    const suggestion = suggestTier(c?.value ?? null, maturity.score, rules);
    out.set(id, {
      suggestion,
      maturity,
      basis: {
        concentration: c ? Math.round(c.value * 10000) / 10000 : null,
        roundId: c?.roundId ?? null,
        roundDate: c?.date ?? null,
        maturity: maturity.score,
        rulesVersion,
        asOf,
        reasons: suggestion.reasons,
      },
    });
  }
  return out;
}
