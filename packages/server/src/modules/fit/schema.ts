/** Request schemas of the fit module (岗位说明书, 晴雨表, candidate ranking, 比选, 调整方案). */
import { z } from 'zod';
import { PositionDescriptionSchema } from '@cadre/core';
import { isoDate } from '../../http/zod';

const csv = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .optional();
const bool = z.enum(['true', 'false']).transform((v) => v === 'true').optional();
const id = z.number().int().positive();

export const DescriptionBody = z.object({
  description: PositionDescriptionSchema,
  /** position.version the edit is based on (optimistic locking: stale → 409) */
  version: z.number().int().positive(),
  comment: z.string().trim().max(500).nullish(),
});

export const BarometerQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  teamId: z.coerce.number().int().positive().optional(),
  asOf: isoDate.optional(),
});

/** the roster filters (same meaning as GET /api/cadres) that narrow the candidate set */
export const CandidateFilter = z.object({
  poolId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(50).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  postLevel: csv,
  rank: csv,
  ageMin: z.coerce.number().int().min(0).max(120).optional(),
  ageMax: z.coerce.number().int().min(0).max(120).optional(),
  sex: z.string().optional(),
  political: csv,
  nonParty: bool,
  education: csv,
  specialty: csv,
  tag: csv,
  young: bool,
});
export type CandidateFilter = z.infer<typeof CandidateFilter>;

export const CandidatesQuery = CandidateFilter.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** how many excluded candidates to list (their total is always given) */
  excludedLimit: z.coerce.number().int().min(0).max(1000).default(100),
  asOf: isoDate.optional(),
});
export type CandidatesQuery = z.infer<typeof CandidatesQuery>;

export const ExplainParams = z.object({ id: z.coerce.number().int().positive(), cadreId: z.coerce.number().int().positive() });
export const AsOfQuery = z.object({ asOf: isoDate.optional() });

export const CompareQuery = z.object({
  positionId: z.coerce.number().int().positive(),
  ids: z
    .string()
    .transform((s) => s.split(',').map((x) => Number(x.trim())).filter((n) => n > 0))
    .refine((a) => a.every((n) => Number.isInteger(n)) && a.length >= 2 && a.length <= 5 && new Set(a).size === a.length, '2–5 distinct cadre ids'),
  asOf: isoDate.optional(),
});

export const VacancyQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  /** also list posts whose incumbent reaches retirement within this many months */
  retiringWithinMonths: z.coerce.number().int().min(0).max(60).default(12),
  asOf: isoDate.optional(),
});

const Pair = z.object({ positionId: id, cadreId: id });
export const TeamConstraintOptions = z.object({
  enabled: z.boolean().default(false),
  /** require ≥ 1 woman / young / 党外 member in every affected team (else only where team.needs asks) */
  requireWoman: z.boolean().default(false),
  requireYoung: z.boolean().default(false),
  requireNonParty: z.boolean().default(false),
  /** at most N of the plan's appointees to one team from the same source unit */
  maxFromOneUnit: z.number().int().min(1).max(20).nullish(),
  /** fill every post when feasible */
  requireFill: z.boolean().default(false),
});

export const PlanInputs = z.object({
  positionIds: z.array(id).min(1).max(200).refine((a) => new Set(a).size === a.length, 'duplicate position ids'),
  /** explicit candidate set … */
  candidateIds: z.array(id).max(20_000).optional(),
  /** … or a roster filter: the best `topPerPost` eligible candidates of each post (default 30) */
  candidateFilter: CandidateFilter.partial().optional(),
  topPerPost: z.number().int().min(1).max(500).default(30),
  pins: z.array(Pair).max(200).default([]),
  forbids: z.array(Pair).max(2000).default([]),
  teamConstraints: TeamConstraintOptions.default({ enabled: false, requireWoman: false, requireYoung: false, requireNonParty: false, requireFill: false }),
  asOf: isoDate.optional(),
});
export type PlanInputs = z.infer<typeof PlanInputs>;

export const PlanBody = z.object({
  name: z.string().trim().min(1).max(200),
  inputs: PlanInputs,
});
export const PlanPatch = z.object({
  version: z.number().int().positive(),
  name: z.string().trim().min(1).max(200).optional(),
  status: z.enum(['draft', 'final']).optional(),
  /** new inputs (e.g. more pins/forbids): the plan is solved again */
  inputs: PlanInputs.optional(),
});
