/** Request schemas of the registry module: the cadre record (一人一档) and each profile section. */
import { z } from 'zod';
import { isoDate, patchOf } from '../../http/zod';
import type { CodeSpec } from '../../http/codes';

const text = (max = 200) => z.string().trim().max(max);
const opt = (max = 200) => text(max).nullish();

export const CadreBody = z.object({
  name: text(50).min(1),
  sex: z.string().min(1),
  ethnicity: z.string().min(1),
  birthDate: isoDate,
  nativePlace: opt(100),
  birthPlace: opt(100),
  idNumber: z.string().trim().toUpperCase().nullish(),
  politicalStatus: z.string().min(1),
  partyJoinDate: isoDate.nullish(),
  workStartDate: isoDate,
  health: opt(50),
  professionalTitle: opt(100),
  expertise: opt(500),
  specialtyCategory: z.string().nullish(),
  fullTimeEducation: z.string().nullish(),
  fullTimeDegree: z.string().nullish(),
  highestEducation: z.string().nullish(),
  highestDegree: z.string().nullish(),
  currentOrgId: z.number().int().positive().nullish(),
  currentPostTitle: opt(200),
  postLevel: z.string().nullish(),
  rank: z.string().nullish(),
  postStartDate: isoDate.nullish(),
  levelStartDate: isoDate.nullish(),
  status: z.string().default('在职'),
  style: z.enum(['tiger', 'ox']).nullish(),
  tags: z.array(text(30).min(1)).max(30).default([]),
  intakeChannel: z.string().nullish(),
  photo: z
    .string()
    .max(2_800_000)
    .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/, 'photo must be a PNG/JPEG/WebP data URL')
    .nullish(),
  remark: opt(2000),
});
export const CadrePatch = patchOf(CadreBody);

export const CADRE_CODES: CodeSpec = {
  sex: ['sex', 'code'],
  ethnicity: ['ethnicity', 'code'],
  politicalStatus: ['political', 'code'],
  fullTimeEducation: ['education', 'code'],
  highestEducation: ['education', 'code'],
  fullTimeDegree: ['degree', 'code'],
  highestDegree: ['degree', 'code'],
  postLevel: ['postLevel', 'code'],
  rank: ['rank', 'code'],
  specialtyCategory: ['specialtyCategory', 'name'],
  status: ['cadreStatus', 'name'],
  intakeChannel: ['intakeChannel', 'name'],
};

const csv = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .optional();

/** max number of ids in the roster's `ids` filter (links from statistics to the people behind a number) */
export const ROSTER_IDS_MAX = 5000;
const idList = z
  .string()
  .max(ROSTER_IDS_MAX * 12)
  .transform((s, ctx) => {
    const parts = s.split(',').map((x) => x.trim()).filter(Boolean);
    if (parts.length > ROSTER_IDS_MAX) {
      ctx.addIssue({ code: 'custom', message: `at most ${ROSTER_IDS_MAX} ids` });
      return z.NEVER;
    }
    const ids = parts.map(Number);
    if (ids.some((n) => !Number.isInteger(n) || n <= 0 || n > 2147483647)) {
      ctx.addIssue({ code: 'custom', message: 'ids must be positive integers' });
      return z.NEVER;
    }
    return ids;
  })
  .optional();

export const RosterQuery = z.object({
  q: z.string().trim().max(50).optional(),
  /** comma list of cadre ids (≤ 5,000): the people behind a statistic */
  ids: idList,
  orgId: z.coerce.number().int().positive().optional(),
  postLevel: csv,
  rank: csv,
  ageMin: z.coerce.number().int().min(0).max(120).optional(),
  ageMax: z.coerce.number().int().min(0).max(120).optional(),
  sex: z.string().optional(),
  ethnicity: csv,
  political: csv,
  nonParty: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  education: csv,
  specialty: csv,
  tag: csv,
  young: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  status: z.string().default('在职'),
  retiringWithinYears: z.coerce.number().int().min(0).max(20).optional(),
  sort: z
    .enum(['name', '-name', 'birthDate', '-birthDate', 'postStartDate', '-postStartDate', 'postLevel', '-postLevel', 'orgName', '-orgName', 'id', '-id'])
    .default('orgName'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  asOf: isoDate.optional(),
});
export type RosterQuery = z.infer<typeof RosterQuery>;

// ───────────── sections ─────────────
export const EducationBody = z.object({
  mode: z.string().min(1),
  education: z.string().min(1),
  degree: z.string().nullish(),
  school: text(100).min(1),
  major: opt(100),
  majorCategory: z.string().nullish(),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
});
export const CareerBody = z.object({
  startDate: isoDate,
  endDate: isoDate.nullish(),
  orgName: text(100).min(1),
  postTitle: text(100).min(1),
  postLevel: z.string().nullish(),
  isGrassroots: z.boolean().default(false),
  experienceTypes: z.array(z.string()).max(20).default([]),
});
export const RankHistoryBody = z.object({
  kind: z.enum(['post_level', 'rank']),
  code: z.string().min(1),
  startDate: isoDate,
  endDate: isoDate.nullish(),
  docNo: opt(100),
});
export const AssessmentBody = z.object({
  year: z.number().int().min(1950).max(2100),
  quarter: z.number().int().min(1).max(4).nullish(),
  result: z.string().nullish(),
  score: z.number().min(0).max(100).nullish(),
  stars: z.number().int().min(0).max(5).nullish(),
  remark: opt(500),
});
export const TrainingBody = z.object({
  name: text(200).min(1),
  organizer: opt(100),
  startDate: isoDate,
  endDate: isoDate.nullish(),
  hours: z.number().positive().max(2000),
  mode: z.string().min(1),
  isPolitical: z.boolean().default(false),
});
export const RewardBody = z.object({ date: isoDate, name: text(200).min(1), level: opt(50), issuer: opt(100) });
export const DisciplineBody = z.object({
  date: isoDate,
  kind: z.string().min(1),
  category: z.enum(['党纪', '政务', '组织处理']),
  reason: text(1000).min(1),
  authority: opt(100),
  impactMonths: z.number().int().min(0).max(120).nullish(),
  revokedOn: isoDate.nullish(),
});
export const FamilyBody = z.object({
  relation: z.string().min(1),
  name: text(50).min(1),
  birthDate: isoDate.nullish(),
  politicalStatus: z.string().nullish(),
  workUnitPost: opt(200),
});
export const KeyMomentBody = z.object({
  date: isoDate,
  event: text(200).min(1),
  performance: text(2000).min(1),
  rating: z.enum(['突出', '较好', '一般', '较差']).nullish(),
  recorder: opt(50),
});
const score5 = z.number().int().min(1).max(5).nullish();
export const PoliticalQualityBody = z.object({
  date: isoDate,
  loyalty: score5,
  steadiness: score5,
  responsibility: score5,
  capability: score5,
  selfDiscipline: score5,
  summary: opt(2000),
  recorder: opt(50),
});
export const TalkBody = z.object({ date: isoDate, kind: z.string().min(1), talker: text(50).min(1), summary: text(2000).min(1), followUp: opt(1000) });
export const MovementBody = z.object({
  kind: z.string().min(1),
  date: isoDate,
  fromOrg: opt(100),
  toOrg: opt(100),
  hostUnit: opt(100),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
  docNo: opt(100),
  note: opt(1000),
  /** 储备链: a 挂职 / 轮岗 decided ahead is planned (its dates may lie ahead); history rows are done (dates not in the future) */
  status: z.enum(['planned', 'done']).default('done'),
});
export const SupervisionBody = z.object({
  kind: z.string().min(1),
  category: opt(50),
  sourceDept: opt(100),
  date: isoDate,
  summary: text(2000).min(1),
  action: z.enum(['提醒', '函询', '诫勉']).nullish(),
  finding: opt(2000),
  closedOn: isoDate.nullish(),
});
export const CareBody = z.object({ kind: z.string().min(1), date: isoDate, summary: text(2000).min(1), outcome: opt(1000) });
export const DevelopmentPlanBody = z.object({
  title: text(200).min(1),
  goals: z.array(z.object({ text: text(500).min(1), due: isoDate.optional(), done: z.boolean().optional() })).max(50).default([]),
  checkpoints: z.array(z.object({ date: isoDate, note: text(1000).min(1) })).max(100).default([]),
  /** 成效: what came of the plan */
  outcomes: z.array(z.object({ date: isoDate, text: text(1000).min(1) })).max(100).default([]),
  status: z.enum(['进行中', '已完成', '已终止']).default('进行中'),
});
