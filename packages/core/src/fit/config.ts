/**
 * The fit-related parts of the rules configuration (schemas + documented defaults):
 * `positionTemplates`, `experienceMapping` and `fit`. Kept here (zod only) so rules.ts just
 * plugs them in; rules versions stored before these keys existed get the defaults.
 */
import { z } from 'zod';
import { PositionTemplateSchema, StyleCodeSchema, type PositionTemplate } from './description';

const Points = z.number().min(0).max(100);
const Weight = z.number().nonnegative();
const Bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/** the competencies derived from the file when no explicit score exists */
export const DERIVED_COMPETENCIES = {
  /** 政治素质档案 (政治忠诚, 政治定力, 政治担当, 政治能力, 政治自律; 1–5) → 0–100 */
  political: '政治素质',
  /** 年度考核 of the recent years (score, else result points) */
  performance: '工作实绩',
  /** 关键时刻/重大任务表现纪实 ratings */
  keyMoments: '担当作为',
} as const;

// ───────────────────────────── experience mapping ─────────────────────────────
export const ExperienceMappingSchema = z.object({
  /** keyword rules: an entry whose orgName/postTitle contains a keyword counts as that kind */
  rules: z.array(
    z.object({
      kind: z.string().min(1),
      keywords: z.array(z.string().min(1)).min(1),
      /** which texts to search (default both) */
      fields: z.array(z.enum(['orgName', 'postTitle'])).optional(),
    }),
  ),
  /** kinds that an entry flagged isGrassroots counts as */
  grassrootsFlagKinds: z.array(z.string().min(1)),
});
export type ExperienceMapping = z.infer<typeof ExperienceMappingSchema>;

export const DEFAULT_EXPERIENCE_MAPPING: ExperienceMapping = {
  rules: [
    { kind: '镇街', keywords: ['镇', '街道', '乡人民政府', '乡党委'] },
    { kind: '基层', keywords: ['镇', '街道', '乡人民政府', '乡党委', '村', '社区'] },
    { kind: '经济', keywords: ['发改', '发展和改革', '经信', '经济', '商务', '工信', '工业和信息化', '统计', '开发区', '园区'] },
    { kind: '招商引资', keywords: ['招商', '投资促进', '商务', '开发区'] },
    { kind: '乡村振兴', keywords: ['乡村振兴', '农业农村', '扶贫', '农办', '驻村'] },
    { kind: '基层治理', keywords: ['社区', '村委', '村党', '网格', '民政局', '民政办', '民政科', '综治'] },
    { kind: '城建规划', keywords: ['住建', '住房和城乡建设', '规划', '自然资源', '城管', '城市管理', '建设局', '交通'] },
    { kind: '法治', keywords: ['政法', '司法', '公安', '法院', '检察', '法制', '法治', '律师'] },
    { kind: '党建', keywords: ['组织部', '党建', '机关工委', '党群', '组织委员'] },
    { kind: '信访维稳', keywords: ['信访', '维稳', '综治'] },
    { kind: '应急', keywords: ['应急', '消防', '安监', '安全生产', '防汛'] },
    { kind: '财政金融', keywords: ['财政', '金融', '税务', '审计', '银行'] },
    { kind: '科技创新', keywords: ['科技', '科学技术', '创新'] },
    { kind: '生态环保', keywords: ['生态环境', '环保', '环境保护', '林业', '水利', '水务'] },
    { kind: '教育卫生', keywords: ['教育', '卫生', '卫健', '医院', '学校', '疾控'] },
    { kind: '国企管理', keywords: ['集团', '有限公司', '国资'] },
  ],
  grassrootsFlagKinds: ['基层'],
};

// ───────────────────────────── fit model ─────────────────────────────
const TeamStyleRuleSchema = z.object({
  /** the team (other members with a known style) has at least `minShare` of this style … */
  teamStyle: StyleCodeSchema,
  minShare: z.number().min(0).max(1),
  /** … and the candidate has this style */
  candidateStyle: StyleCodeSchema,
  points: Points,
  reason: Bilingual,
});

export const FitRulesSchema = z.object({
  /** exclude a candidate who reaches statutory retirement within this many months of asOf */
  retirementHorizonMonths: z.number().int().nonnegative(),
  /** promotion by more than one level (越级) is an exclusion, not just a low score */
  excludeLevelJump: z.boolean(),
  /** 岗位匹配度 parts (normalised) */
  positionParts: z.object({ level: Weight, specialty: Weight, postType: Weight }),
  /** level points by (post level order − candidate level order): '0' same level, '1' one below … */
  levelGapPoints: z.record(z.string(), Points),
  levelGapOtherPoints: Points,
  specialty: z.object({ match: Points, mismatch: Points, unknown: Points, noPreference: Points }),
  /** chief posts prefer chief experience (current chief level, or a 正职 title in the career) */
  postType: z.object({ chiefWithChiefExperience: Points, chiefWithoutChiefExperience: Points, deputyPost: Points }),
  chiefTitleKeywords: z.array(z.string().min(1)),
  /** a title containing this marker is a deputy title (副书记, 副镇长 …) */
  deputyTitleMarker: z.string().min(1),
  /** 经历相关度 */
  experience: z.object({
    noRequirement: Points,
    /** a requirement with minYears 0 (preferred kind): present / absent */
    preferredPresent: Points,
    preferredAbsent: Points,
  }),
  /** 能力契合度 */
  competency: z.object({
    defaultWeights: z.record(z.string(), Weight),
    /** annual assessment result → points, used when the row has no score */
    assessmentPoints: z.record(z.string(), Points),
    /** the most recent N annual assessments count */
    recentAssessmentYears: z.number().int().positive(),
    keyMomentPoints: z.record(z.string(), Points),
    /** key moments of the last N years count */
    keyMomentYears: z.number().int().positive(),
    /** score used when a competency has no data (neutral) */
    missingScore: Points,
    /** explanation thresholds: ≥ good → '+', < weak → '-' */
    goodThreshold: Points,
    weakThreshold: Points,
  }),
  /** 性格相容度 */
  temperament: z.object({
    positionWeight: Weight,
    teamWeight: Weight,
    styleMatch: Points,
    styleMismatch: Points,
    noPreference: Points,
    unknownStyle: Points,
    /** team part when no rule applies (balanced team) */
    teamNeutral: Points,
    /** teams with fewer known styles than this count as unknown (team part skipped) */
    minKnownTeamStyles: z.number().int().positive(),
    /** first matching rule wins */
    teamRules: z.array(TeamStyleRuleSchema),
  }),
});
export type FitRules = z.infer<typeof FitRulesSchema>;

export const DEFAULT_FIT_RULES: FitRules = {
  retirementHorizonMonths: 24,
  excludeLevelJump: true,
  positionParts: { level: 0.5, specialty: 0.3, postType: 0.2 },
  levelGapPoints: { '0': 100, '1': 85, '-1': 60 },
  levelGapOtherPoints: 20,
  specialty: { match: 100, mismatch: 40, unknown: 50, noPreference: 100 },
  postType: { chiefWithChiefExperience: 100, chiefWithoutChiefExperience: 60, deputyPost: 100 },
  chiefTitleKeywords: ['书记', '镇长', '乡长', '主任', '局长', '部长', '主席', '院长', '校长', '所长', '总经理', '董事长', '区长', '县长'],
  deputyTitleMarker: '副',
  experience: { noRequirement: 100, preferredPresent: 100, preferredAbsent: 50 },
  competency: {
    defaultWeights: { [DERIVED_COMPETENCIES.political]: 0.35, [DERIVED_COMPETENCIES.performance]: 0.4, [DERIVED_COMPETENCIES.keyMoments]: 0.25 },
    assessmentPoints: { 优秀: 100, 称职: 80, 基本称职: 50, 不称职: 0, 不定等次: 60 },
    recentAssessmentYears: 3,
    keyMomentPoints: { 突出: 100, 较好: 80, 一般: 60, 较差: 30 },
    keyMomentYears: 5,
    missingScore: 60,
    goodThreshold: 80,
    weakThreshold: 60,
  },
  temperament: {
    positionWeight: 0.5,
    teamWeight: 0.5,
    styleMatch: 100,
    styleMismatch: 50,
    noPreference: 80,
    unknownStyle: 60,
    teamNeutral: 75,
    minKnownTeamStyles: 2,
    teamRules: [
      { teamStyle: 'ox', minShare: 0.75, candidateStyle: 'tiger', points: 100, reason: { zh: '班子以老黄牛型为主，配小老虎型形成互补', en: 'a mostly steady team gains an enterprising member' } },
      { teamStyle: 'tiger', minShare: 0.75, candidateStyle: 'ox', points: 100, reason: { zh: '班子以小老虎型为主，配老黄牛型形成互补', en: 'a mostly enterprising team gains a steady member' } },
      { teamStyle: 'ox', minShare: 0.75, candidateStyle: 'ox', points: 55, reason: { zh: '班子已以老黄牛型为主，再配同类型结构趋同', en: 'the team is already mostly steady: more of the same' } },
      { teamStyle: 'tiger', minShare: 0.75, candidateStyle: 'tiger', points: 45, reason: { zh: '班子已以小老虎型为主，再配同类型易冒进', en: 'the team is already mostly enterprising: risk of rashness' } },
    ],
  },
};

// ───────────────────────────── position templates ─────────────────────────────
export const PositionTemplatesSchema = z.record(z.string().min(1), PositionTemplateSchema);

const W = DERIVED_COMPETENCIES;
export const DEFAULT_POSITION_TEMPLATES: Record<string, PositionTemplate> = {
  town_party_secretary: {
    name: '镇街党委书记',
    en: 'town / sub-district party secretary',
    requiredLevel: '141',
    minYearsAtLevelBelow: 2,
    preferredSpecialties: ['经济学', '管理学', '法学'],
    requiredExperience: [{ kind: '镇街', minYears: 3 }, { kind: '党建', minYears: 1 }, { kind: '基层治理', minYears: 0 }],
    competencyWeights: { [W.political]: 0.4, [W.performance]: 0.3, [W.keyMoments]: 0.3 },
    preferredStyle: 'tiger',
    ageBand: { min: 30, max: 52 },
  },
  town_mayor: {
    name: '镇长（街道办事处主任）',
    en: 'town mayor / sub-district director',
    requiredLevel: '141',
    minYearsAtLevelBelow: 2,
    preferredSpecialties: ['经济学', '管理学', '工学'],
    requiredExperience: [{ kind: '镇街', minYears: 2 }, { kind: '经济', minYears: 2 }, { kind: '招商引资', minYears: 0 }],
    competencyWeights: { [W.political]: 0.3, [W.performance]: 0.45, [W.keyMoments]: 0.25 },
    preferredStyle: 'tiger',
    ageBand: { min: 28, max: 50 },
  },
  economic_chief: {
    name: '经济部门正职',
    en: 'head of an economic department',
    requiredLevel: '141',
    minYearsAtLevelBelow: 2,
    preferredSpecialties: ['经济学', '管理学'],
    requiredExperience: [{ kind: '经济', minYears: 3 }, { kind: '招商引资', minYears: 1 }],
    competencyWeights: { [W.political]: 0.3, [W.performance]: 0.5, [W.keyMoments]: 0.2 },
    preferredStyle: 'tiger',
    ageBand: { min: 30, max: 54 },
  },
  legal_chief: {
    name: '政法部门正职',
    en: 'head of a political-legal department',
    requiredLevel: '141',
    minYearsAtLevelBelow: 2,
    preferredSpecialties: ['法学'],
    requiredExperience: [{ kind: '法治', minYears: 3 }, { kind: '信访维稳', minYears: 1 }],
    competencyWeights: { [W.political]: 0.45, [W.performance]: 0.3, [W.keyMoments]: 0.25 },
    preferredStyle: 'ox',
    ageBand: { min: 30, max: 54 },
  },
  general_deputy: {
    name: '一般副职',
    en: 'deputy post',
    requiredLevel: '142',
    minYearsAtLevelBelow: 2,
    preferredSpecialties: [],
    requiredExperience: [{ kind: '基层', minYears: 1 }],
    competencyWeights: {},
    preferredStyle: null,
    ageBand: { min: 25, max: 50 },
  },
};
