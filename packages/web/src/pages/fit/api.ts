/** Client of the 人岗适配 API (docs/api.md "Fit and plans"); only imported by the lazy fit pages. */
import { request, toQueryString, type Query } from '../../api/client';

export type Degree = 'position' | 'experience' | 'competency' | 'temperament';
export const DEGREES: Degree[] = ['position', 'experience', 'competency', 'temperament'];
export type Degrees = Record<Degree, number>;
export type Band = 'good' | 'fair' | 'misfit';
export interface Factor { factor: string; effect: '+' | '-' | '='; detail: string; detailEn: string; points?: number; degree?: Degree }
export interface Exclusion { code: string; zh: string; en: string }
export interface ExperienceReq { kind: string; minYears: number }
export interface PositionDescription {
  template?: string;
  requiredLevel?: string;
  minYearsAtLevelBelow?: number;
  preferredSpecialties: string[];
  requiredExperience: ExperienceReq[];
  competencyWeights: Record<string, number>;
  preferredStyle?: 'tiger' | 'ox' | null;
  ageBand?: { min?: number; max?: number };
  remark?: string;
}
export interface Template extends PositionDescription { key: string; name: string; en?: string }

export interface CandidateRow {
  rank?: number;
  cadreId: number;
  name: string;
  sex: string;
  age: number;
  orgId: number | null;
  orgName: string | null;
  currentPostTitle: string | null;
  postLevel: string | null;
  specialtyCategory: string | null;
  style: string | null;
  total: number;
  degrees: Degrees;
}
export interface PositionBrief { id: number; title: string; level: string; isChief?: boolean; teamId?: number; teamName: string; orgName: string; description: PositionDescription }
export interface Ranking {
  asOf: string;
  position: PositionBrief;
  eligibleTotal: number;
  items: CandidateRow[];
  excluded: { total: number; byReason: Record<string, number>; items: (Omit<CandidateRow, 'total' | 'degrees'> & { reasons: Exclusion[] })[] };
  timing: { totalMs: number };
}
export interface FitDetail { total: number; degrees: Degrees; explanation: Record<Degree, Factor[]>; exclusions: Exclusion[]; eligible: boolean }
export interface CandidateFacts extends Omit<CandidateRow, 'total' | 'degrees' | 'rank'> {
  birthDate: string;
  yearsAtLevel: number;
  workYears: number;
  grassrootsYears: number;
  retirementDate: string;
  highestEducation: string | null;
  politicalStatus: string | null;
  experience: { kind: string; years: number; required: number | null }[];
}
export interface Explain { asOf: string; position: PositionBrief; candidate: CandidateFacts; fit: FitDetail }
export interface Compare {
  asOf: string;
  position: PositionBrief;
  years: number[];
  candidates: (CandidateFacts & { fit: FitDetail; assessments: { year: number; result: string | null; score: number | null; points: number | null }[] })[];
  competencies: { name: string; weight: number; values: (number | null)[] }[];
}
export interface BarometerRow {
  teamId: number; teamName: string; orgUnitId: number; orgName: string; positionId: number; positionTitle: string; level: string; kind: string;
  cadreId: number; name: string; age: number; total: number; degrees: Degrees; band: Band; reasons: Factor[]; exclusions: Exclusion[];
}
export interface Barometer {
  asOf: string;
  bands: { good: number; misfit: number };
  summary: { count: number; mean: number | null; good: number; fair: number; misfit: number };
  teams: { teamId: number; name: string; orgName: string; count: number; mean: number | null; misfits: number; rows: BarometerRow[] }[];
  rows: BarometerRow[];
}
export interface Vacancy {
  positionId: number; title: string; level: string; isChief: boolean; teamId: number; teamName: string; orgUnitId: number; orgName: string;
  quota: number; filled: number; vacancies: number; retiring: { cadreId: number; name: string; retirementDate: string }[]; hasDescription: boolean; template: string | null;
}
export interface Pair { positionId: number; cadreId: number }
export interface PlanInputs {
  positionIds: number[];
  candidateIds?: number[];
  candidateFilter?: Record<string, unknown>;
  topPerPost?: number;
  pins?: Pair[];
  forbids?: Pair[];
  teamConstraints?: { enabled: boolean; requireWoman?: boolean; requireYoung?: boolean; requireNonParty?: boolean; maxFromOneUnit?: number | null; requireFill?: boolean };
  asOf?: string;
}
export interface TeamState { color: 'red' | 'blue' | 'green'; hex: string; reasons: { id: string; name: string; color: string; reason: { zh: string; en: string } }[]; figures: Record<string, number | null> }
export interface PlanResult {
  asOf: string;
  status: string;
  solver: 'hungarian' | 'ilp';
  total: number;
  unconstrainedTotal: number | null;
  gap: number;
  filled: number;
  posts: { positionId: number; title: string; level: string; teamId: number; teamName: string; orgName: string; incumbents: number[]; candidate: (Omit<CandidateRow, 'total' | 'degrees'> & { teamId: number | null }) | null; fit: { total: number; degrees: Degrees } | null; pinned: boolean }[];
  constraints: { id: string; kind: string; teamId?: number; teamName?: string | null; after?: number; bound: number; slack: number; tight: boolean; binding: boolean | null; objectiveWithout?: number; zh: string; en: string }[];
  unsatisfiable: { teamId: number; kind: string; zh: string; en: string }[];
  teams: { teamId: number; name: string; orgName: string | null; before: TeamState; after: TeamState; changed: boolean }[];
  candidates: { count: number; unknown: number[]; excludedPairs: number };
  timing: { solveMs: number; totalMs: number };
}
export interface PlanRecord { id: number; name: string; status: 'draft' | 'final'; version: number; inputs: PlanInputs; result: PlanResult | null; createdAt: string; updatedAt: string }
export interface PlanListItem { id: number; name: string; status: string; version: number; createdByName: string | null; updatedAt: string; posts: number; total: number | null; filled: number | null }
export interface DescriptionResponse {
  positionId: number; title: string; level: string; isChief: boolean; teamId: number; teamName: string; orgUnitId: number; orgName: string;
  version: number; descriptionVersion: number; description: PositionDescription; hasDescription: boolean; suggestedTemplate: string | null;
}
export interface DescriptionHistory { items: { version: number; description: PositionDescription; comment: string | null; createdByName: string | null; createdAt: string }[] }

const get = <T,>(url: string, q?: Query) => request<T>('GET', url + toQueryString(q));

export const fitApi = {
  templates: () => get<{ items: Template[] }>('/api/position-templates'),
  description: (id: number) => get<DescriptionResponse>(`/api/positions/${id}/description`),
  saveDescription: (id: number, body: { description: PositionDescription; version: number; comment?: string }) => request<DescriptionResponse>('PUT', `/api/positions/${id}/description`, body),
  descriptionHistory: (id: number) => get<DescriptionHistory>(`/api/positions/${id}/description/history`),
  barometer: (q: Query) => get<Barometer>('/api/fit/barometer', q),
  vacancies: (q: Query) => get<{ items: Vacancy[] }>('/api/fit/vacancies', q),
  positions: (orgUnitId: number) => get<{ items: { id: number; title: string; level: string; teamId: number }[] }>('/api/positions', { orgUnitId }),
  candidates: (id: number, q: Query) => get<Ranking>(`/api/positions/${id}/candidates`, q),
  explain: (id: number, cadreId: number) => get<Explain>(`/api/positions/${id}/candidates/${cadreId}/explain`),
  compare: (positionId: number, ids: number[]) => get<Compare>('/api/fit/compare', { positionId, ids }),
  solve: (inputs: PlanInputs) => request<PlanResult>('POST', '/api/plans/solve', inputs),
  plans: () => get<{ items: PlanListItem[] }>('/api/plans'),
  plan: (id: number) => get<PlanRecord>(`/api/plans/${id}`),
  savePlan: (name: string, inputs: PlanInputs) => request<PlanRecord>('POST', '/api/plans', { name, inputs }),
  updatePlan: (id: number, body: { version: number; name?: string; status?: 'draft' | 'final'; inputs?: PlanInputs }) => request<PlanRecord>('PATCH', `/api/plans/${id}`, body),
};
