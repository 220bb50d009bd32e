export type CodeEntry = {
  code: string;
  name: string;
  /** parent code in hierarchical sets (学历 ZB64, 学位 GB/T 6864) */
  parent?: string;
  /** set-specific data: en (English label), order, tier, minYears, category, aliases … */
  extra?: Record<string, unknown>;
};

export const CODE_SET_IDS = [
  'sex',
  'ethnicity',
  'political',
  'education',
  'educationGb',
  'degree',
  'health',
  'postLevel',
  'rank',
  'orgKind',
  'assessmentResult',
  'disciplineKind',
  'disciplineCategory',
  'specialtyCategory',
  'experienceType',
  'intakeChannel',
  'trainingMode',
  'educationMode',
  'style',
  'cadreStatus',
  'managementLevel',
  'relation',
  'talkKind',
  'movementKind',
  'supervisionKind',
  'supervisionAction',
  'careKind',
  'poolKind',
  'poolTier',
  'teamKind',
  'positionCategory',
  'appointmentMethod',
  'appointmentKind',
  'keyMomentRating',
  'role',
] as const;

export type CodeSetId = (typeof CODE_SET_IDS)[number];

export type CodeSetMeta = { id: CodeSetId; name: string; en: string; standard?: string };
