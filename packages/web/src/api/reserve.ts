/**
 * Client of the 储备链 API (docs/reserve.md, "Server"): pools and entries, 民主推荐 rounds, bench strength,
 * training compliance, mentorships, 成长纪实, quarterly reviews, pipeline figures.
 * Only imported by the lazy reserve pages (and the profile's 成长纪实 tab / the home figure, which load it lazily).
 */
import type { BenchRow, BenchSummary, MaturityResult as CoreMaturity, PipelineFigures, TrainingCompliance as CoreTrainingCompliance } from '@cadre/core';
import { request, toQueryString, uploadRaw, type Query } from './client';

/** readiness tiers: 随时能用 / 短期可用 / 未来有用 */
export type Tier = 'readyNow' | 'shortTerm' | 'future';
export const TIERS: Tier[] = ['readyNow', 'shortTerm', 'future'];
/** workflow stages: 单位推荐 → 组织考察 → 比选研究 → 入库; 出库 / 未入库 */
export type Stage = 'nominated' | 'inspected' | 'compared' | 'admitted' | 'exited' | 'rejected';
export const STAGES: Stage[] = ['nominated', 'inspected', 'compared', 'admitted', 'exited', 'rejected'];
export type PoolAction = 'inspect' | 'compare' | 'admit' | 'reject' | 'exit';
export interface Bi { zh: string; en: string }
export interface Factor { factor: string; effect: '+' | '-' | '='; detail: string; detailEn: string; points?: number }

export interface PoolCounts {
  members?: number;
  unconfirmed?: number;
  byTier?: Partial<Record<Tier | 'none', number>>;
  byStage?: Partial<Record<Stage, number>>;
  [k: string]: unknown;
}
export interface Pool {
  id: number;
  kind: string;
  kindName?: string;
  name: string;
  level?: string | null;
  /** false: the user sees only the entries of cadres in their subtree */
  fullAccess?: boolean;
  orgUnitId?: number | null;
  orgName?: string | null;
  description?: string | null;
  version: number;
  counts?: PoolCounts;
}
export interface TierSuggestion { tier: Tier; reasons?: Bi[] }
export interface PoolEntry {
  id: number;
  poolId: number;
  cadreId: number;
  name: string;
  sex?: string | null;
  age?: number | null;
  orgName?: string | null;
  currentPostTitle?: string | null;
  postLevel?: string | null;
  field?: string | null;
  stage: Stage;
  suggestedTier?: Tier | TierSuggestion | null;
  suggestionReasons?: Bi[];
  confirmedTier?: Tier | null;
  concentration?: number | null;
  concentrationRound?: { roundId: number; date: string; name?: string } | null;
  maturity?: number | null;
  targetPositionId?: number | null;
  targetPositionTitle?: string | null;
  enteredOn?: string | null;
  exitedOn?: string | null;
  exitReason?: string | null;
  allowedActions?: PoolAction[];
  version: number;
  [k: string]: unknown;
}
export interface PoolDetail { pool: Pool; entries: PoolEntry[]; asOf?: string; exportUrl?: string }

/** the server nests the cadre summary and the suggestion basis; the pages use one flat row */
type RawEntry = PoolEntry & {
  cadre?: { name: string; sex?: string; age?: number; orgName?: string | null; currentPostTitle?: string | null; postLevel?: string | null; postLevelName?: string | null; young?: boolean };
  tier?: Tier | null;
  targetTitle?: string | null;
  suggestion?: { concentration: number | null; roundId: number | null; roundDate: string | null; maturity: number; reasons?: Bi[] } | null;
};
export function normEntry(r: RawEntry): PoolEntry {
  const c = r.cadre;
  const s = r.suggestion;
  return {
    ...r,
    name: r.name ?? c?.name ?? String(r.cadreId),
    sex: r.sex ?? c?.sex,
    age: r.age ?? c?.age,
    orgName: r.orgName ?? c?.orgName,
    currentPostTitle: r.currentPostTitle ?? c?.currentPostTitle,
    postLevel: r.postLevel ?? c?.postLevelName ?? c?.postLevel,
    confirmedTier: r.confirmedTier !== undefined ? r.confirmedTier : (r.tier ?? null),
    suggestionReasons: r.suggestionReasons ?? s?.reasons,
    concentration: r.concentration !== undefined ? r.concentration : (s?.concentration ?? null),
    maturity: r.maturity !== undefined ? r.maturity : (s?.maturity ?? null),
    concentrationRound: r.concentrationRound ?? (s?.roundId ? { roundId: s.roundId, date: s.roundDate ?? '' } : null),
    targetPositionTitle: r.targetPositionTitle ?? r.targetTitle,
  };
}
export interface HistoryEvent {
  id: number;
  kind: string;
  action?: string | null;
  fromStage?: Stage | null;
  toStage?: Stage | null;
  tier?: Tier | null;
  reason?: string | null;
  exitReason?: string | null;
  date: string;
  at: string;
  detail?: Record<string, unknown> | null;
  by?: { id: number | null; username: string; displayName: string | null } | null;
}
export interface NineBoxCell { row: 0 | 1 | 2; col: 0 | 1 | 2; label: Bi; members: (PoolEntry & { noRound?: boolean })[] }
export interface NineBox { asOf: string; cuts: { concentration: { low: number; high: number }; maturity: { low: number; high: number } }; cells: NineBoxCell[]; total: number }
export type MaturityResult = CoreMaturity;
export interface CadreMaturity { asOf: string; maturity: MaturityResult; concentration: { value: number; roundId: number; date: string; votes: number; voterCount: number } | null; suggestion: { tier: Tier; reasons: Bi[] } }

export interface RoundVoteRow { cadreId: number; votes: number; name?: string; orgName?: string | null; currentPostTitle?: string | null; concentration?: number }
export interface Round {
  id: number;
  name: string;
  date: string;
  orgUnitId?: number | null;
  orgName?: string | null;
  positionId?: number | null;
  positionTitle?: string | null;
  targetLevel?: string | null;
  scope?: string | null;
  voterCount: number;
  candidates?: number;
  topConcentration?: number | null;
  votes?: RoundVoteRow[];
}
export interface RoundBody {
  name: string;
  date: string;
  orgUnitId?: number;
  positionId?: number;
  targetLevel?: string;
  scope?: string;
  voterCount: number;
  votes: { cadreId: number; votes: number }[];
}

/** bench strength (GET /reserve/bench-strength): core BenchRow / BenchSummary, paged */
export type { BenchRow, BenchSuccessor, BenchSummary } from '@cadre/core';
export interface BenchStrength { asOf: string; summary: BenchSummary; total: number; offset: number; rows: BenchRow[]; timing?: { loadMs: number; computeMs: number } }

export interface TrainingMember {
  cadreId: number;
  name: string;
  age?: number;
  postLevel?: string | null;
  orgName?: string | null;
  currentPostTitle?: string | null;
  pools?: { id: number; name: string }[];
  compliance: CoreTrainingCompliance;
}
export interface TrainingCompliance {
  asOf: string;
  rules: { political: { everyYears: number; minDays: number }; annualHours: number };
  summary: { members: number; behind: number; politicalOverdue: number; hoursBehind: number };
  items: TrainingMember[];
}

export interface Mentorship {
  id: number;
  mentorId: number;
  menteeId: number;
  mentor?: { id: number; name: string; currentPostTitle?: string | null };
  mentee?: { id: number; name: string; currentPostTitle?: string | null };
  active?: boolean;
  /** 一对一 / 多对一 */
  mode?: string | null;
  startDate: string;
  endDate?: string | null;
  note?: string | null;
  version: number;
}

export interface DevelopmentPlan { id: number; title: string; status: string; goals: { text: string; due?: string; done?: boolean }[]; checkpoints: { date: string; note: string }[]; outcomes?: { date: string; text: string }[] | null; version?: number }
export interface Movement { id: number; kind: string; date: string; fromOrg?: string | null; toOrg?: string | null; hostUnit?: string | null; startDate?: string | null; endDate?: string | null; note?: string | null; status?: 'planned' | 'done' | string }
export interface GrowthEvent { id: number; entryId: number; kind: string; action?: string | null; fromStage?: Stage | null; toStage?: Stage | null; tier?: string | null; reason?: string | null; exitReason?: string | null; date: string; at: string; username?: string | null }
export interface Growth {
  cadre: { id: number; name: string; age?: number; orgName?: string | null; currentPostTitle?: string | null };
  asOf: string;
  pools: { entryId: number; poolId: number; poolName: string; poolKind?: string; stage: Stage; open?: boolean; field?: string | null; enteredOn?: string; admittedOn?: string | null; exitedOn?: string | null; exitReason?: string | null; tier?: Tier | null; suggestedTier?: Tier | null; suggestion?: { concentration: number | null; maturity: number; reasons?: Bi[] } | null; history: GrowthEvent[] }[];
  mentors: Mentorship[];
  mentoring?: Mentorship[];
  plans: DevelopmentPlan[];
  training: CoreTrainingCompliance;
  movements: Movement[];
  keyMoments: { id: number; date: string; event: string; rating?: string | null; summary?: string | null }[];
  assessments: { year: number; quarter?: number | null; result: string | null; score?: number | null; stars?: number | null }[];
  posts?: { startDate: string; endDate: string | null; kind: string; title: string; level: string; orgName: string }[];
  timeline: { date: string; kind: string; text: string; en?: string }[];
}

/** 问题清单 / 实绩清单 / 整改清单 */
export type ReviewListKind = 'problem' | 'achievement' | 'rectification';
export const REVIEW_LISTS: ReviewListKind[] = ['problem', 'achievement', 'rectification'];
/** item statuses (server ReviewItemPatch) */
export const ITEM_STATUS = ['未开始', '进行中', '已完成'];
export interface ReviewItem {
  id: number;
  list: ReviewListKind | string;
  cadreId?: number | null;
  cadreName?: string | null;
  text: string;
  source?: string | null;
  owner?: string | null;
  dueDate?: string | null;
  status?: string | null;
  version: number;
  [k: string]: unknown;
}
export interface Review {
  id: number;
  poolId: number;
  poolName?: string;
  quarter: string;
  version?: number;
  createdAt?: string;
  items: ReviewItem[];
  [k: string]: unknown;
}

export type Pipeline = PipelineFigures & { poolId: number | null };

const get = <T,>(url: string, q?: Query) => request<T>('GET', url + toQueryString(q));

export const reserveApi = {
  pools: () => get<{ items: Pool[]; kinds?: string[] }>('/api/pools'),
  createPool: (body: { kind: string; name: string; level?: string; orgUnitId?: number; description?: string }) => request<Pool>('POST', '/api/pools', body),
  pool: async (id: number): Promise<PoolDetail> => {
    const d = await get<PoolDetail>(`/api/pools/${id}`);
    return { ...d, entries: d.entries.map((e) => normEntry(e)) };
  },
  updatePool: (id: number, body: { name?: string; description?: string; version: number }) => request<Pool>('PATCH', `/api/pools/${id}`, body),
  nominate: (poolId: number, body: { cadreId: number; field?: string; targetPositionId?: number; reason: string; date?: string }) =>
    request<PoolEntry>('POST', `/api/pools/${poolId}/entries`, body),
  transition: (entryId: number, body: { action: PoolAction; reason?: string; exitReason?: string; date?: string; version: number }) =>
    request<PoolEntry>('POST', `/api/pool-entries/${entryId}/transition`, body),
  confirmTier: (entryId: number, body: { tier: Tier; note?: string; version: number }) => request<PoolEntry>('POST', `/api/pool-entries/${entryId}/tier`, body),
  history: (entryId: number) => get<{ events: HistoryEvent[] }>(`/api/pool-entries/${entryId}/history`),
  nineBox: async (poolId: number): Promise<NineBox> => {
    const d = await get<NineBox>(`/api/pools/${poolId}/nine-box`);
    return { ...d, cells: d.cells.map((c) => ({ ...c, members: c.members.map((m) => ({ ...normEntry(m), noRound: m.noRound })) })) };
  },
  maturity: (cadreId: number) => get<CadreMaturity>(`/api/cadres/${cadreId}/maturity`),

  rounds: (q?: Query) => get<{ items: Round[] } | Round[]>('/api/recommendation-rounds', q),
  round: (id: number) => get<Round>(`/api/recommendation-rounds/${id}`),
  createRound: (body: RoundBody) => request<{ round: Round; suggestionsRefreshed?: unknown }>('POST', '/api/recommendation-rounds', body),
  importRound: (file: File, meta: Query) => uploadRaw<{ round: Round }>(`/api/recommendation-rounds/import${toQueryString(meta)}`, file),
  roundTemplateUrl: '/api/recommendation-rounds/template.xlsx',

  bench: (q: Query) => get<BenchStrength>('/api/reserve/bench-strength', q),
  training: (q: Query) => get<TrainingCompliance>('/api/reserve/training-compliance', q),
  mentorships: (q?: Query) => get<{ items: Mentorship[] } | Mentorship[]>('/api/mentorships', q),
  createMentorship: (body: { mentorIds: number[]; menteeId: number; startDate: string; note?: string; mode?: string }) => request<unknown>('POST', '/api/mentorships', body),
  updateMentorship: (id: number, body: { endDate?: string | null; note?: string; version: number }) => request<Mentorship>('PATCH', `/api/mentorships/${id}`, body),
  growth: (cadreId: number) => get<Growth>(`/api/cadres/${cadreId}/growth`),

  reviews: (poolId: number) => get<{ items: Review[] } | Review[]>('/api/reviews', { poolId }),
  generateReview: (poolId: number, quarter: string, replace?: boolean) => request<Review>('POST', `/api/pools/${poolId}/reviews`, { quarter, replace }),
  review: (id: number) => get<Review>(`/api/reviews/${id}`),
  updateItem: (id: number, body: { text?: string; owner?: string | null; dueDate?: string | null; status?: string; version: number }) =>
    request<ReviewItem>('PATCH', `/api/review-items/${id}`, body),
  reviewExportUrl: (id: number) => `/api/reviews/${id}/export.xlsx`,
  reviewPrintUrl: (id: number) => `/api/reviews/${id}/print`,

  pipeline: (q: Query) => get<Pipeline>('/api/reserve/pipeline', q),
};
