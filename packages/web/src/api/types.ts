/** Types of the HTTP contract (docs/api.md). */

export type Role = 'admin' | 'cadre' | 'supervision' | 'leader' | 'unit_hr';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scopeOrgId: number | null;
  scopeOrgName: string | null;
}

export interface Permissions {
  /** any record category (the supervision role writes only 监督信息) */
  canWrite: boolean;
  /** the registry itself: 新增/删除干部, 任职/免职 */
  canWriteRegistry?: boolean;
  /** 单位 records */
  canWriteOrg?: boolean;
  sensitive: { discipline: boolean; supervision: boolean; family: boolean; idNumber: boolean; care: boolean };
}

export interface MeResponse {
  user: User;
  permissions: Permissions;
}

export interface CodeItem {
  code: string;
  name: string;
  parent?: string | null;
}

export interface CodesResponse {
  sets: Record<string, CodeItem[]>;
}

export interface RulesResponse {
  version: number;
  config: RulesConfig;
  createdAt: string;
  comment: string | null;
}

export interface RulesConfig {
  training?: { annualCentralisedHours?: number; [k: string]: unknown };
  disciplineImpactMonths?: Record<string, number>;
  [k: string]: unknown;
}

export interface OrgUnit {
  id: number;
  parentId: number | null;
  path: string;
  name: string;
  shortName: string | null;
  kind: string;
  managementLevel: string;
  rankLevel: string | null;
  sort: number;
  version: number;
}

export interface Team {
  id: number;
  orgUnitId: number;
  name: string;
  kind: string;
  description?: string | null;
  /** the structure the team should have (班子结构要求): { woman, young, nonParty, specialties, experience } */
  needs?: Record<string, unknown> | null;
  version: number;
}

export interface Position {
  id: number;
  teamId: number;
  orgUnitId: number;
  title: string;
  level: string;
  isChief: boolean;
  category: string;
  isKey: boolean;
  quota: number;
  version: number;
}

export interface Holder {
  appointmentId: number;
  cadreId: number;
  name: string;
  sex: string;
  birthDate: string;
  age: number;
  startDate: string;
  yearsInPost: number;
  /** 任职 | 兼任 | 挂职 | 代理 — only 任职 fills the quota */
  kind: string | null;
  /** the appointment's version (免职 is a PATCH with it) */
  version: number;
}

export interface OrgUnitDetail {
  unit: OrgUnit;
  teams: { team: Team; positions: { position: Position; holders: Holder[]; filled: number; vacancies: number }[] }[];
}

export interface RosterRow {
  id: number;
  name: string;
  sex: string;
  ethnicity: string;
  birthDate: string;
  age: number;
  politicalStatus: string;
  highestEducation: string | null;
  specialtyCategory: string | null;
  currentOrgId: number | null;
  orgName: string | null;
  currentPostTitle: string | null;
  postLevel: string | null;
  rank: string | null;
  postStartDate: string | null;
  yearsInPost: number | null;
  tags: string[];
  style: string | null;
  isYoung: boolean;
  version: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Cadre {
  id: number;
  name: string;
  pinyin?: string;
  sex: string;
  ethnicity: string;
  birthDate: string;
  nativePlace: string | null;
  birthPlace: string | null;
  idNumber?: string | null;
  politicalStatus: string;
  partyJoinDate: string | null;
  workStartDate: string;
  health: string | null;
  professionalTitle: string | null;
  expertise: string | null;
  specialtyCategory: string | null;
  fullTimeEducation: string | null;
  fullTimeDegree: string | null;
  highestEducation: string | null;
  highestDegree: string | null;
  currentOrgId: number | null;
  currentPositionId: number | null;
  currentPostTitle: string | null;
  postLevel: string | null;
  rank: string | null;
  postStartDate: string | null;
  levelStartDate: string | null;
  status: string;
  style: string | null;
  tags: string[];
  intakeChannel: string | null;
  photo: string | null;
  remark: string | null;
  version: number;
  createdAt?: string;
  updatedAt?: string;
  [k: string]: unknown;
}

export interface CadreResponse {
  cadre: Cadre;
  sections: string[];
}

/** A row of any profile section; every row carries id and version. */
export interface SectionRow {
  id: number;
  cadreId: number;
  version: number;
  [k: string]: unknown;
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  cadreId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
}

export interface StatsOverview {
  cadreCount: number;
  youngCount: number;
  youngShare: number;
  ageBands: { label: string; count: number; min?: number | null; max?: number | null }[];
  vacancies: number;
  retiringSoon: number;
  retiringHorizonYears: number;
  women: number;
  nonParty: number;
}

export interface SavedFilter {
  id: number;
  name: string;
  filter: Record<string, string>;
  createdAt?: string;
}

export interface RulesVersion {
  version: number;
  comment: string | null;
  createdAt: string;
  createdBy?: number | null;
}

// ── 干部队伍结构分析 / 班子研判 (docs/api.md: Statistics, Teams) ──

export type TeamColor = 'red' | 'blue' | 'green';

export interface Bucket {
  key: string;
  label: string;
  count: number;
  share: number;
  ids: number[];
}

export interface Distribution {
  key: string;
  title: string;
  total: number;
  buckets: Bucket[];
}

export interface YoungRow {
  key: string;
  label: string;
  threshold: number | null;
  total: number;
  count: number;
  share: number;
  ids: number[];
}

export interface StructureStats {
  asOf: string;
  total: number;
  ids: number[];
  summary: {
    meanAge: number | null; minAge: number | null; maxAge: number | null;
    women: number; womenShare: number; minority: number; minorityShare: number;
    nonParty: number; nonPartyShare: number; young: number; youngShare: number;
  };
  dimensions: Record<string, Distribution>;
  young: { total: number; count: number; share: number; ids: number[]; byLevel: YoungRow[]; byTier: YoungRow[] };
  promotions: { from: string; to: string; total: number; ids: number[]; young: number; youngIds: number[]; youngShare: number; youngThreshold: number; byLevel: Bucket[] };
  intake: {
    from: string; to: string; total: number; ids: number[]; byChannel: Bucket[]; young: number; youngIds: number[];
    youngShare: number; youngUnderAge: number; minYoungShare: number; meetsTarget: boolean;
  };
  sentences: string[];
  filter: Record<string, unknown>;
}

export interface IndicatorHit {
  id: string;
  name: string;
  color: TeamColor;
  reason: { zh: string; en: string };
  source?: string | null;
  metrics?: string[];
}

export interface TeamFigures {
  quota: number; filled: number; vacancies: number; memberCount: number;
  meanAge: number | null; youngestAge: number | null; oldestAge: number | null;
  youngCount: number; women: number; nonParty: number; nonPartyDeputy: number; minority: number;
}

export interface TeamSummary {
  teamId: number;
  name: string;
  kind: string;
  orgUnitId: number;
  orgName: string;
  unitKind: string;
  level: string | null;
  color: TeamColor;
  /** ids of the indicator rules the team hits, in rule order; texts in `TeamsAnalysis.indicators` */
  reasons: string[];
  figures: TeamFigures;
  /** only with `metrics=true` (the grid does not need them) */
  metrics?: Record<string, number | boolean | null>;
}

export interface TeamsAnalysis {
  asOf: string;
  /** hex per colour: a team's hex is colors[team.color] */
  colors: Record<TeamColor, string>;
  counts: Record<TeamColor, number>;
  total: number;
  /** every indicator rule hit by a listed team, by id (sent once instead of per team) */
  indicators: Record<string, IndicatorHit>;
  items: TeamSummary[];
}

export interface MemberCard {
  cadreId: number; name: string; sex: string | null; age: number | null; ethnicity: string | null; minority: boolean;
  politicalStatus: string | null; nonParty: boolean; fullTimeEducation: string | null; highestEducation: string | null;
  educationGroup: string | null; highestDegree: string | null; specialtyCategory: string | null;
  positionId: number; positionTitle: string; level: string | null; isChief: boolean; kind: string;
  startDate: string | null; yearsInPost: number | null; rotation: 'ok' | 'should' | 'must';
  young: boolean; youngThreshold: number | null; retirementDate: string | null; retiringSoon: boolean; pastRetirement: boolean;
  grassroots: boolean; experienceTypes: string[]; missingExperience: string[]; specialtyMatch: boolean;
  lastAssessment: { year: number; result: string } | null; assessments: { year: number; result: string; score?: number | null }[];
  flags: string[];
}

export interface Coverage {
  required: string[];
  covered: string[];
  missing: string[];
  share: number;
}

export interface LedgerItem {
  kind: 'vacancy' | 'woman' | 'young' | 'nonParty' | 'rotate' | 'chiefExperience' | 'specialty' | 'experience' | 'retire' | 'assessment';
  priority: 'high' | 'medium' | 'low';
  text: string;
  reason: string;
  metric: string;
  count?: number;
  cadreId?: number;
  positionId?: number;
  level?: string;
  due?: string;
}

export interface TeamAnalysis {
  team: { id: number; name: string; kind: string; orgUnitId: number; orgName: string; unitKind: string; level: string | null };
  asOf: string;
  color: TeamColor;
  hex: string;
  colors: Record<TeamColor, string>;
  hits: IndicatorHit[];
  metrics: Record<string, number | boolean | null>;
  figures: TeamFigures;
  needs: { woman: boolean; young: number; nonParty: boolean; specialties: string[]; experience: string[] };
  positions: {
    id: number; title: string; level: string | null; levelName: string | null; isChief: boolean; isKey: boolean; category: string | null;
    quota: number; filled: number; vacancies: number; members: MemberCard[];
  }[];
  members: MemberCard[];
  education: { key: string; label: string; count: number; ids: number[] }[];
  specialties: { key: string; label: string; count: number; ids: number[] }[];
  coverage: { specialties: Coverage; experience: Coverage };
  rotation: { should: number[]; must: number[] };
  chiefsMissingExperience: { cadreId: number; name: string; positionId: number; positionTitle: string; missing: string[]; noGrassroots: boolean }[];
  retiring: { cadreId: number; name: string; positionTitle: string; retirementDate: string; overdue: boolean }[];
  assessments: { years: number[]; byYear: { year: number; counts: Record<string, number> }[]; low: number[]; excellent: number[] };
  radar: { key: string; label: string; value: number; target: number | null }[];
  ledger: LedgerItem[];
}

export interface TeamHistory {
  teamId: number;
  colors: Record<TeamColor, string>;
  items: { quarter: string; date: string; color: TeamColor; hex: string; reasons: IndicatorHit[]; memberCount: number }[];
}
