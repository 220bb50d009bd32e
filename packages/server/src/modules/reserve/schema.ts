/** Request schemas of the reserve-chain module (储备库, 民主推荐, 梯次, 急用现找, 导师, 季度研判, 队伍figures). */
import { z } from 'zod';
import { isoDate } from '../../http/zod';

const id = z.number().int().positive();
const qid = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** tier codes (poolTier code set, extra.key): 随时能用 / 短期可用 / 未来有用 */
export const TIERS = ['readyNow', 'shortTerm', 'future'] as const;
export const Tier = z.enum(TIERS);
/** workflow actions after 单位推荐 (core nextStage) */
export const ACTIONS = ['inspect', 'compare', 'admit', 'reject', 'exit'] as const;
export const STAGES = ['nominated', 'inspected', 'compared', 'admitted', 'exited', 'rejected'] as const;

// ───────────── pools ─────────────
export const PoolsQuery = z.object({
  kind: z.string().trim().max(20).optional(),
  /** only pools owned by this unit's subtree */
  orgId: qid.optional(),
});

export const PoolBody = z.object({
  /** poolKind code (正职后备, 优秀年轻干部, 五类干部, 四类干部清单, 四型六类) or 自定义 */
  kind: text(20),
  name: text(100),
  /** 优秀年轻干部库 by level: 科级 | 处级 … */
  level: z.string().trim().max(20).nullish(),
  /** 职务级别 code the members are reserves for (正职后备库: 141, 131 …); drives the bench-strength board */
  targetLevel: z.string().trim().max(10).nullish(),
  orgUnitId: id.nullish(),
  description: z.string().trim().max(1000).nullish(),
});
export type PoolBody = z.infer<typeof PoolBody>;

export const PoolPatch = z.object({
  version: id,
  name: text(100).optional(),
  level: z.string().trim().max(20).nullish(),
  targetLevel: z.string().trim().max(10).nullish(),
  description: z.string().trim().max(1000).nullish(),
});
export type PoolPatch = z.infer<typeof PoolPatch>;

export const PoolQuery = z.object({
  /** stage filter: a stage code, or 'open' (nominated…admitted) / 'all'; default all */
  stage: z.string().trim().max(20).optional(),
  asOf: isoDate.optional(),
});

// ───────────── workflow ─────────────
export const NominateBody = z.object({
  cadreId: id,
  /** 五类干部库 field / 四类干部清单 list */
  field: z.string().trim().max(20).nullish(),
  targetPositionId: id.nullish(),
  /** 推荐理由 */
  reason: text(1000),
  /** date of the 单位推荐 (default today) */
  date: isoDate.optional(),
});
export type NominateBody = z.infer<typeof NominateBody>;

export const TransitionBody = z.object({
  action: z.enum(ACTIONS),
  reason: z.string().trim().max(1000).optional(),
  /** 出库 reason from rules.reserve.exitReasons (exit), or 未入库 reason from rejectReasons (reject) */
  exitReason: z.string().trim().max(50).optional(),
  /** effective date of the decision (default today) */
  date: isoDate.optional(),
  version: id,
});
export type TransitionBody = z.infer<typeof TransitionBody>;

export const TierBody = z.object({
  tier: Tier,
  note: z.string().trim().max(1000).nullish(),
  version: id,
});
export type TierBody = z.infer<typeof TierBody>;

export const EntryPatch = z.object({
  version: id,
  field: z.string().trim().max(20).nullish(),
  targetPositionId: id.nullish(),
  /** why the edit was made (kept in the history) */
  reason: z.string().trim().max(1000).optional(),
});
export type EntryPatch = z.infer<typeof EntryPatch>;

export const AsOfQuery = z.object({ asOf: isoDate.optional() });

// ───────────── recommendation rounds 民主推荐 ─────────────
export const RoundsQuery = z.object({
  orgId: qid.optional(),
  positionId: qid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const RoundMeta = {
  name: text(200),
  date: isoDate,
  orgUnitId: id.nullish(),
  positionId: id.nullish(),
  /** 职务级别 code the round recommends for (141 正科 …) */
  targetLevel: z.string().trim().max(10).nullish(),
  /** 推荐范围 */
  scope: z.string().trim().max(500).nullish(),
  voterCount: z.number().int().positive().max(100_000),
};

export const RoundBody = z.object({
  ...RoundMeta,
  votes: z
    .array(z.object({ cadreId: id, votes: z.number().int().min(0) }))
    .min(1)
    .max(5000),
});
export type RoundBody = z.infer<typeof RoundBody>;

/** POST /recommendation-rounds/import: the round's facts in the query, the .xlsx as the raw body */
export const RoundImportQuery = z.object({
  name: text(200),
  date: isoDate,
  orgUnitId: qid.optional(),
  positionId: qid.optional(),
  targetLevel: z.string().trim().max(10).optional(),
  scope: z.string().trim().max(500).optional(),
  voterCount: z.coerce.number().int().positive().max(100_000),
});
export type RoundImportQuery = z.infer<typeof RoundImportQuery>;

// ───────────── bench strength, training, pipeline ─────────────
export const BenchQuery = z.object({
  orgId: qid.optional(),
  /** only 关键岗位 and 正职 posts (default true) */
  keyOnly: bool.default(true),
  /** only posts flagged 急用现找 */
  urgentOnly: bool.optional(),
  /** successors listed per tier per post (counts are complete) */
  maxPerTier: z.coerce.number().int().min(0).max(50).default(5),
  /** rows (posts) returned, in board order; the summary always covers all */
  limit: z.coerce.number().int().min(1).max(20_000).default(500),
  /** the summary (and total) only, no rows: the dashboard's 急用现找 card */
  summaryOnly: bool.optional(),
  offset: z.coerce.number().int().min(0).default(0),
  asOf: isoDate.optional(),
});
export type BenchQuery = z.infer<typeof BenchQuery>;

export const TrainingQuery = z.object({
  poolId: qid.optional(),
  /** only members behind on a duty */
  behindOnly: bool.optional(),
  asOf: isoDate.optional(),
});

export const PipelineQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  poolId: qid.optional(),
  asOf: isoDate.optional(),
});

// ───────────── mentorships 导师 ─────────────
export const MentorshipsQuery = z.object({
  menteeId: qid.optional(),
  mentorId: qid.optional(),
  /** only mentorships open today (default all) */
  active: bool.optional(),
});
export const MentorshipBody = z.object({
  /** one mentor (一对一) or several (多对一) for the mentee */
  mentorIds: z.array(id).min(1).max(5),
  menteeId: id,
  startDate: isoDate,
  endDate: isoDate.nullish(),
  note: z.string().trim().max(500).nullish(),
});
export type MentorshipBody = z.infer<typeof MentorshipBody>;
export const MentorshipPatch = z.object({
  version: id,
  startDate: isoDate.optional(),
  endDate: isoDate.nullish(),
  note: z.string().trim().max(500).nullish(),
});
export type MentorshipPatch = z.infer<typeof MentorshipPatch>;

// ───────────── quarterly review 季度研判 ─────────────
export const QUARTER_RE = /^(\d{4})Q([1-4])$/;
export const ReviewBody = z.object({
  quarter: z.string().regex(QUARTER_RE, 'quarter must look like 2026Q3'),
  /** regenerate when the quarter's review exists (its edited items are replaced) */
  replace: z.boolean().optional(),
});
export const REVIEW_LISTS = ['problem', 'achievement', 'rectification'] as const;
export const ITEM_STATUS = ['未开始', '进行中', '已完成'] as const;
export const ReviewPatch = z.object({ version: id, note: z.string().trim().max(2000).nullish() });
export const ReviewItemPatch = z.object({
  version: id,
  text: text(2000).optional(),
  owner: z.string().trim().max(100).nullish(),
  dueDate: isoDate.nullish(),
  status: z.enum(ITEM_STATUS).optional(),
});
export type ReviewItemPatch = z.infer<typeof ReviewItemPatch>;
export const ReviewItemBody = z.object({
  list: z.enum(REVIEW_LISTS),
  cadreId: id.nullish(),
  text: text(2000),
  owner: z.string().trim().max(100).nullish(),
  dueDate: isoDate.nullish(),
});
export type ReviewItemBody = z.infer<typeof ReviewItemBody>;
export const ReviewsQuery = z.object({ poolId: qid.optional() });
