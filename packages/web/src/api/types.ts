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
  canWrite: boolean;
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
}

export interface OrgUnitDetail {
  unit: OrgUnit;
  teams: { team: Team; positions: { position: Position; holders: Holder[]; vacancies: number }[] }[];
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
