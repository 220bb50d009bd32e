/**
 * The rules configuration: every number an organisation department may change without a
 * release (DOMAIN.md "Rules with numbers"), as a zod v4 schema plus the documented defaults.
 * The server stores versions of this object in `rules_config`; `parseRules` validates one,
 * `mergeRules` deep-merges a partial edit over the defaults.
 */
import { z } from 'zod';
import { CODE_SETS, ROLES } from './codes';
import { isValidISODate } from './dates';
import {
  DEFAULT_EXPERIENCE_MAPPING,
  DEFAULT_FIT_RULES,
  DEFAULT_POSITION_TEMPLATES,
  ExperienceMappingSchema,
  FitRulesSchema,
  PositionTemplatesSchema,
} from './fit/config';
import { DEFAULT_RESERVE_RULES, ReserveRulesSchema } from './reserve/config';

// ───────────────────────────── building blocks ─────────────────────────────
const Bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const Hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #1677ff');
const ISODate = z.string().refine((s) => isValidISODate(s), 'expected a date YYYY-MM-DD');
const Years = z.number().int().nonnegative();
const PosInt = z.number().int().positive();
const Share = z.number().min(0).max(1);
const Age = z.number().int().min(1).max(120);
const RoleSchema = z.enum(ROLES);
/** a band on a continuous number of years (tenure, time to retirement) */
const YearBand = z.object({ label: z.string().min(1), min: z.number().nonnegative().optional(), max: z.number().positive().optional() });
const bandOrder = (bs: { min?: number; max?: number }[], ctx: z.RefinementCtx) => {
  bs.forEach((b, i) => {
    if (b.min != null && b.max != null && b.min >= b.max) ctx.addIssue({ code: 'custom', message: `min ${b.min} >= max ${b.max}`, path: [i, 'min'] });
  });
};

export const ComparisonOpSchema = z.enum(['<', '<=', '>', '>=', '==', '!=']);
/** a literal value, or a reference to another number in the rules (e.g. 'rotation.mustRotateYears') */
const ConditionValue = z.union([z.number(), z.boolean(), z.object({ ref: z.string().min(1) })]);
export const ConditionSchema = z.object({
  metric: z.string().min(1),
  op: ComparisonOpSchema,
  value: ConditionValue,
});

const indicatorRule = <C extends z.ZodType>(color: C) =>
  z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    /** main condition */
    when: ConditionSchema,
    /** further conditions that must all hold too */
    also: z.array(ConditionSchema).optional(),
    appliesTo: z
      .object({
        unitKinds: z.array(z.string()).optional(),
        teamKinds: z.array(z.string()).optional(),
        postLevels: z.array(z.string()).optional(),
      })
      .optional(),
    color,
    reason: Bilingual,
    /** source document / regulation, for the tooltip */
    source: z.string().optional(),
    enabled: z.boolean().optional(),
  });

export const TeamIndicatorSchema = indicatorRule(z.enum(['red', 'blue']));
export const CadreWarningRuleSchema = indicatorRule(z.enum(['red', 'orange', 'yellow']));

const RetirementGroup = <T extends z.ZodType>(t: T) => z.object({ male: t, femaleCadre: t, femaleWorker: t });

const RoleList = z.array(RoleSchema);

// defaults of the keys added with the team-analysis issue; the schema fills them in for rules
// versions stored before they existed
/** <2, 2–5, 5–10, ≥10 full years: the upper edges are the rotation thresholds (5 should, 10 must) */
const DEFAULT_TENURE_BANDS = [
  { label: '不满2年', max: 2 },
  { label: '2-5年', min: 2, max: 5 },
  { label: '5-10年', min: 5, max: 10 },
  { label: '10年及以上', min: 10 },
];
/** ≤1, 1–3, 3–5, >5 years to the statutory retirement date */
const DEFAULT_RETIREMENT_BANDS = [
  { label: '1年内（含已到龄）', max: 1 },
  { label: '1-3年', min: 1, max: 3 },
  { label: '3-5年', min: 3, max: 5 },
  { label: '5年以上', min: 5 },
];
const DEFAULT_TEAM_ANALYSIS = {
  grassrootsExperienceTypes: ['基层', '镇街'],
  recentAssessmentYears: 3,
  lowAssessmentResults: ['基本称职', '不称职'],
  excellentResults: ['优秀'],
  historyQuarters: 8,
};

// ───────────────────────────── the schema ─────────────────────────────
export const RulesConfigSchema = z
  .object({
    /** 年轻干部: age ≤ threshold by 职务级别 code (001: 科级 35; 副处 40; 正处 45) */
    youngCadre: z.object({
      thresholds: z.record(z.string(), Age),
      default: Age,
      /** "N岁左右" counts up to N + slack (ZHGBSYS: 35岁左右 < 38, 40岁左右 < 43) */
      aboutSlackYears: Years,
    }),
    /** generation labels by birth year (002, 004) */
    generations: z
      .array(z.object({ label: z.string().min(1), from: z.number().int(), to: z.number().int() }))
      .superRefine((gs, ctx) => {
        gs.forEach((g, i) => {
          if (g.from > g.to) ctx.addIssue({ code: 'custom', message: `from ${g.from} > to ${g.to}`, path: [i, 'from'] });
        });
      }),
    /** age bands for statistics */
    ageBands: z
      .array(z.object({ label: z.string().min(1), min: Years.optional(), max: Years.optional() }))
      .superRefine((bs, ctx) => {
        bs.forEach((b, i) => {
          if (b.min != null && b.max != null && b.min > b.max) {
            ctx.addIssue({ code: 'custom', message: `min ${b.min} > max ${b.max}`, path: [i, 'min'] });
          }
        });
      }),
    /** 交流轮岗 (党政领导干部交流工作规定; 000 "任职满*年") */
    rotation: z.object({ shouldRotateYears: PosInt, mustRotateYears: PosInt }),
    /** 党政领导干部选拔任用工作条例 第八、九条 */
    promotion: z.object({
      deputyToChiefSameLevelYears: Years,
      chiefToHigherDeputyYears: Years,
      countyLevelMinWorkYears: Years,
      countyLevelMinGrassrootsYears: Years,
    }),
    /** 001: pool members ≥ 1 week off-job political training every 3 years; ≥ 80 h centralised a year */
    training: z.object({
      poolPoliticalTrainingEveryYears: PosInt,
      poolPoliticalTrainingMinDays: PosInt,
      annualCentralisedHours: z.number().nonnegative(),
    }),
    /** 001: new cadres under 35 ≥ 60% of the year's intake */
    intake: z.object({ youngUnderAge: Age, minYoungShare: Share }),
    /** months of impact on promotion per sanction kind */
    disciplineImpactMonths: z.record(z.string(), Years),
    /** overrides by category, e.g. 政务 警告 = 6 months (公职人员政务处分法 第八条) */
    disciplineImpactMonthsByCategory: z.record(z.string(), z.record(z.string(), Years)),
    /** kinds whose impact never ends (开除党籍, 开除) */
    permanentDisciplineKinds: z.array(z.string()),
    /** statutory retirement and the 2025 gradual raise (全国人大常委会 2024-09-13 决定) */
    retirement: z.object({
      baseAge: RetirementGroup(Age),
      targetAge: RetirementGroup(Age),
      reformStart: ISODate,
      /** months of (original retirement month) per one month of delay */
      monthsPerStep: RetirementGroup(PosInt),
    }),
    /** "who retires in the next N years" */
    retirementHorizonYears: PosInt,
    /**
     * years-in-post bands for structure statistics, in FULL years (same anniversary rule as
     * rotationStatus): a band holds min ≤ years < max (open ends when min/max are absent)
     */
    tenureBands: z.array(YearBand).min(1).superRefine(bandOrder).default(() => structuredClone(DEFAULT_TENURE_BANDS)),
    /**
     * years-to-retirement bands: a band holds the people whose statutory retirement date falls in
     * (asOf + min years, asOf + max years]; a first band without min also holds those already past it
     */
    retirementBands: z.array(YearBand).min(1).superRefine(bandOrder).default(() => structuredClone(DEFAULT_RETIREMENT_BANDS)),
    /** team analysis (班子运行全息图) classifications */
    teamAnalysis: z.object({
      /** experience types that count as 基层 experience (career.isGrassroots counts as all of them) */
      grassrootsExperienceTypes: z.array(z.string().min(1)),
      /** annual assessments of the last N completed years are shown and checked */
      recentAssessmentYears: PosInt,
      /** results that count as a weak assessment (ledger item, lowAssessmentCount metric) */
      lowAssessmentResults: z.array(z.string().min(1)),
      /** results that count as excellent (excellentCount metric) */
      excellentResults: z.array(z.string().min(1)),
      /** quarters of colour history shown on the hologram (季度预警) */
      historyQuarters: PosInt,
    }).default(() => structuredClone(DEFAULT_TEAM_ANALYSIS)),
    /** 最低任职年限 per 职级 code (职务与职级并行规定 第十八条); overrides the code-set value */
    rankMinYears: z.record(z.string(), Years),
    /** team colour rules (003 季度预警, 004 structure indicators); green when none applies */
    teamIndicators: z.array(TeamIndicatorSchema),
    teamColors: z.object({ red: Hex, blue: Hex, green: Hex }),
    /** cadre warnings 红/橙/黄 for "躺平" cadres (000) */
    cadreWarnings: z.array(CadreWarningRuleSchema),
    cadreWarningColors: z.object({ red: Hex, orange: Hex, yellow: Hex }),
    /** which roles may see each sensitive category */
    sensitiveAccess: z
      .object({
        discipline: RoleList,
        supervision: RoleList,
        family: RoleList,
        idNumber: RoleList,
        care: RoleList,
      })
      .catchall(RoleList),
    /** 人岗适配 weights (004 four degrees) */
    fitWeights: z
      .object({
        position: z.number().nonnegative(),
        experience: z.number().nonnegative(),
        competency: z.number().nonnegative(),
        temperament: z.number().nonnegative(),
      })
      .refine((w) => w.position + w.experience + w.competency + w.temperament > 0, 'weights must not all be 0'),
    /** 储备链 tiers from 推荐集中度 × 干部成熟度 (000) */
    reserveTiers: z.object({
      readyNow: z.object({ concentration: Share, maturity: Share }),
      shortTerm: z.object({ concentration: Share, maturity: Share }),
    }),
    /** 岗位说明书 templates per position kind (镇街党委书记, 镇长, 经济部门正职 …); see fit/config.ts */
    positionTemplates: PositionTemplatesSchema.default(() => structuredClone(DEFAULT_POSITION_TEMPLATES)),
    /** career entry (orgName/postTitle keywords, isGrassroots) → experience kinds; see fit/config.ts */
    experienceMapping: ExperienceMappingSchema.default(() => structuredClone(DEFAULT_EXPERIENCE_MAPPING)),
    /** 人岗适配 model parameters: exclusions, part weights, points tables; see fit/config.ts */
    fit: FitRulesSchema.default(() => structuredClone(DEFAULT_FIT_RULES)),
    /** 储备链: concentration window, maturity model, 9-box, workflow reasons, training modes, quarterly review; see reserve/config.ts */
    reserve: ReserveRulesSchema.default(() => structuredClone(DEFAULT_RESERVE_RULES)),
  })
  .superRefine((r, ctx) => {
    if (r.rotation.shouldRotateYears > r.rotation.mustRotateYears) {
      ctx.addIssue({
        code: 'custom',
        message: `shouldRotateYears (${r.rotation.shouldRotateYears}) must not exceed mustRotateYears (${r.rotation.mustRotateYears})`,
        path: ['rotation', 'shouldRotateYears'],
      });
    }
    for (const k of ['male', 'femaleCadre', 'femaleWorker'] as const) {
      if (r.retirement.targetAge[k] < r.retirement.baseAge[k]) {
        ctx.addIssue({
          code: 'custom',
          message: `targetAge.${k} (${r.retirement.targetAge[k]}) is below baseAge.${k} (${r.retirement.baseAge[k]})`,
          path: ['retirement', 'targetAge', k],
        });
      }
    }
    const ids = new Set<string>();
    r.teamIndicators.forEach((t, i) => {
      if (ids.has(t.id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${t.id}`, path: ['teamIndicators', i, 'id'] });
      ids.add(t.id);
    });
    ids.clear();
    r.cadreWarnings.forEach((t, i) => {
      if (ids.has(t.id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${t.id}`, path: ['cadreWarnings', i, 'id'] });
      ids.add(t.id);
    });
    if (
      r.reserveTiers.shortTerm.concentration > r.reserveTiers.readyNow.concentration ||
      r.reserveTiers.shortTerm.maturity > r.reserveTiers.readyNow.maturity
    ) {
      ctx.addIssue({ code: 'custom', message: 'shortTerm thresholds must not exceed readyNow thresholds', path: ['reserveTiers', 'shortTerm'] });
    }
  });

export type RulesConfig = z.infer<typeof RulesConfigSchema>;
export type TeamIndicator = z.infer<typeof TeamIndicatorSchema>;
export type CadreWarningRule = z.infer<typeof CadreWarningRuleSchema>;
export type Condition = z.infer<typeof ConditionSchema>;
export type ComparisonOp = z.infer<typeof ComparisonOpSchema>;
export type SensitiveCategory = 'discipline' | 'supervision' | 'family' | 'idNumber' | 'care';

// ───────────────────────────── defaults ─────────────────────────────
const rankMinYearsDefault: Record<string, number> = Object.fromEntries(
  CODE_SETS.rank.map((e) => [e.code, Number(e.extra?.minYears ?? 2)]),
);

const DEFAULT_RULES_INPUT: RulesConfig = {
  youngCadre: {
    // 科级 and below ≤ 35 (001 "35岁以下"), 副处 ≤ 40, 正处 ≤ 45; higher levels fall back to default
    thresholds: { '141': 35, '142': 35, '150': 35, '160': 35, '199': 35, '132': 40, '131': 45 },
    default: 35,
    aboutSlackYears: 2,
  },
  generations: [
    { label: '60后', from: 1960, to: 1964 },
    { label: '65后', from: 1965, to: 1969 },
    { label: '70后', from: 1970, to: 1974 },
    { label: '75后', from: 1975, to: 1979 },
    { label: '80后', from: 1980, to: 1984 },
    { label: '85后', from: 1985, to: 1989 },
    { label: '90后', from: 1990, to: 1994 },
    { label: '95后', from: 1995, to: 1999 },
    { label: '00后', from: 2000, to: 2004 },
    { label: '05后', from: 2005, to: 2009 },
  ],
  ageBands: [
    { label: '30岁及以下', max: 30 },
    { label: '31-35岁', min: 31, max: 35 },
    { label: '36-40岁', min: 36, max: 40 },
    { label: '41-45岁', min: 41, max: 45 },
    { label: '46-50岁', min: 46, max: 50 },
    { label: '51-55岁', min: 51, max: 55 },
    { label: '56岁及以上', min: 56 },
  ],
  rotation: { shouldRotateYears: 5, mustRotateYears: 10 },
  promotion: {
    deputyToChiefSameLevelYears: 2,
    chiefToHigherDeputyYears: 3,
    countyLevelMinWorkYears: 5,
    countyLevelMinGrassrootsYears: 2,
  },
  training: { poolPoliticalTrainingEveryYears: 3, poolPoliticalTrainingMinDays: 7, annualCentralisedHours: 80 },
  intake: { youngUnderAge: 35, minYoungShare: 0.6 },
  disciplineImpactMonths: {
    // 党纪 (中国共产党纪律处分条例 2023): 警告 1 年内、严重警告 1 年半内不得提升职务
    警告: 12,
    严重警告: 18,
    // 撤销党内职务: 2 年内不得担任与原任职务相当或更高的职务
    撤销党内职务: 24,
    // 留党察看: 察看期 (1 或 2 年) + 恢复党员权利后 2 年内不得担任相当或更高职务 → 1 + 2 years by
    // default; a record with a 2-year 察看期 sets impactMonths = 48
    留党察看: 36,
    // 政务 (公职人员政务处分法 第八条 / 公务员法 第六十四条): 记过 12, 记大过 18, 降级、撤职 24
    // (政务 警告 6 months: see disciplineImpactMonthsByCategory)
    记过: 12,
    记大过: 18,
    降级: 24,
    撤职: 24,
    // 组织处理 (中国共产党组织处理规定(试行) 2021; 关于对党员领导干部进行诫勉的规定 2019):
    // 诫勉 6 个月内不得提拔或重用; 调离岗位 1 年内不得提拔; 责令辞职、免职 1 年内不得安排领导职务、
    // 2 年内不得担任高于原任职务层次的职务 (引咎辞职 likewise, 党政领导干部辞职暂行规定); 降职 2 年内不得提拔
    诫勉: 6,
    调离岗位: 12,
    引咎辞职: 24,
    责令辞职: 24,
    免职: 24,
    降职: 24,
    // 停职检查: no statutory promotion ban; treated as its usual maximum length (≤ 6 months)
    停职检查: 6,
  },
  disciplineImpactMonthsByCategory: { 政务: { 警告: 6 } },
  permanentDisciplineKinds: ['开除党籍', '开除'],
  retirement: {
    baseAge: { male: 60, femaleCadre: 55, femaleWorker: 50 },
    targetAge: { male: 63, femaleCadre: 58, femaleWorker: 55 },
    reformStart: '2025-01-01',
    monthsPerStep: { male: 4, femaleCadre: 4, femaleWorker: 2 },
  },
  retirementHorizonYears: 3,
  tenureBands: DEFAULT_TENURE_BANDS,
  retirementBands: DEFAULT_RETIREMENT_BANDS,
  teamAnalysis: DEFAULT_TEAM_ANALYSIS,

  rankMinYears: rankMinYearsDefault,
  teamIndicators: [
    {
      id: 'no_woman',
      name: '缺配女干部',
      when: { metric: 'womenCount', op: '<', value: 1 },
      appliesTo: { teamKinds: ['党政班子', '党委', '政府'] },
      color: 'red',
      reason: { zh: '班子中没有女干部', en: 'no woman in the team' },
      source: '004',
    },
    {
      id: 'no_young',
      name: '缺配年轻干部',
      when: { metric: 'youngCount', op: '<', value: 1 },
      color: 'red',
      reason: { zh: '班子中没有年轻干部', en: 'no young cadre in the team' },
      source: '003',
    },
    {
      id: 'no_non_party',
      name: '缺配党外干部',
      when: { metric: 'nonPartyRequired', op: '==', value: true },
      also: [{ metric: 'nonPartyDeputyCount', op: '<', value: 1 }],
      color: 'blue',
      reason: { zh: '要求配备党外副职但未配备', en: 'a non-CPC deputy is required but missing' },
      source: '004',
    },
    {
      id: 'vacancy_high',
      name: '空缺较多',
      when: { metric: 'vacancyShare', op: '>=', value: 0.3 },
      color: 'blue',
      reason: { zh: '空缺职数达到核定职数的30%', en: 'vacancies reach 30% of the quota' },
    },
    {
      id: 'must_rotate',
      name: '任职满10年应交流',
      when: { metric: 'maxYearsInPost', op: '>=', value: { ref: 'rotation.mustRotateYears' } },
      color: 'blue',
      reason: { zh: '有成员同一职位任职已满必须交流年限', en: 'a member has reached the mandatory rotation tenure' },
      source: '党政领导干部交流工作规定',
    },
    {
      id: 'chief_no_grassroots',
      name: '正职缺少基层经历',
      when: { metric: 'chiefWithoutGrassrootsCount', op: '>', value: 0 },
      color: 'blue',
      reason: { zh: '正职缺少基层工作经历', en: 'a chief lacks grassroots experience' },
      source: '004',
    },
  ],
  teamColors: { red: '#cf1322', blue: '#1677ff', green: '#389e0d' },
  cadreWarnings: [
    {
      id: 'annual_low',
      name: '年度考核基本称职或不称职',
      when: { metric: 'lastAnnualBelowCompetent', op: '==', value: true },
      color: 'red',
      reason: { zh: '上一年度考核为基本称职或不称职', en: 'last annual assessment was basically competent or incompetent' },
      source: '000',
    },
    {
      id: 'negative_info_many',
      name: '负面信息较多',
      when: { metric: 'negativeInfoCount12m', op: '>=', value: 3 },
      color: 'red',
      reason: { zh: '近12个月负面信息3条及以上', en: '3 or more negative information items in the last 12 months' },
    },
    {
      id: 'discipline_active',
      name: '处分/处理影响期内',
      when: { metric: 'activeDisciplineCount', op: '>', value: 0 },
      color: 'orange',
      reason: { zh: '处于处分或组织处理影响期内', en: 'within a sanction impact period' },
    },
    {
      id: 'low_stars_repeated',
      name: '季度星级连续偏低',
      when: { metric: 'lowStarQuarters', op: '>=', value: 2 },
      color: 'orange',
      reason: { zh: '近4个季度中有2个及以上季度星级不高于2星', en: '2 or more of the last 4 quarters rated 2 stars or fewer' },
      source: '000',
    },
    {
      id: 'no_excellent_low_stars',
      name: '长期无优秀且星级偏低',
      when: { metric: 'yearsWithoutExcellent', op: '>=', value: 2 },
      also: [{ metric: 'avgQuarterStars', op: '<', value: 3 }],
      color: 'yellow',
      reason: { zh: '连续2年以上未评为优秀且季度平均星级低于3星', en: 'no "excellent" for 2+ years and average quarterly stars below 3' },
      source: '000',
    },
    {
      id: 'negative_info',
      name: '有负面信息',
      when: { metric: 'negativeInfoCount12m', op: '>=', value: 1 },
      color: 'yellow',
      reason: { zh: '近12个月有负面信息', en: 'negative information in the last 12 months' },
    },
  ],
  cadreWarningColors: { red: '#cf1322', orange: '#fa8c16', yellow: '#fadb14' },
  sensitiveAccess: {
    discipline: ['admin', 'cadre', 'supervision'],
    supervision: ['admin', 'supervision'],
    family: ['admin', 'cadre', 'supervision'],
    idNumber: ['admin', 'cadre', 'supervision'],
    care: ['admin', 'cadre', 'supervision'],
  },
  fitWeights: { position: 0.3, experience: 0.3, competency: 0.25, temperament: 0.15 },
  reserveTiers: {
    readyNow: { concentration: 0.5, maturity: 0.7 },
    shortTerm: { concentration: 0.3, maturity: 0.5 },
  },
  positionTemplates: DEFAULT_POSITION_TEMPLATES,
  experienceMapping: DEFAULT_EXPERIENCE_MAPPING,
  fit: DEFAULT_FIT_RULES,
  reserve: DEFAULT_RESERVE_RULES,
};

// ───────────────────────────── parse / merge ─────────────────────────────
export type RulesIssue = { path: string; message: string };

export class RulesValidationError extends Error {
  readonly issues: RulesIssue[];
  constructor(issues: RulesIssue[]) {
    super(`规则配置无效 / invalid rules configuration:\n${issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
    this.name = 'RulesValidationError';
    this.issues = issues;
  }
}

/** 'a.b[2].c' from a zod path */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/** Validate a rules object; throws RulesValidationError listing every bad path. */
export function parseRules(json: unknown): RulesConfig {
  const r = RulesConfigSchema.safeParse(json);
  if (!r.success) {
    throw new RulesValidationError(r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  return r.data;
}

/** Like parseRules but returns the issues instead of throwing. */
export function checkRules(json: unknown): { ok: true; rules: RulesConfig } | { ok: false; issues: RulesIssue[] } {
  try {
    return { ok: true, rules: parseRules(json) };
  } catch (e) {
    if (e instanceof RulesValidationError) return { ok: false, issues: e.issues };
    throw e;
  }
}

export const DEFAULT_RULES: RulesConfig = parseRules(DEFAULT_RULES_INPUT);

export type DeepPartial<T> = T extends (infer U)[]
  ? U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep merge: plain objects merge key by key, arrays and scalars replace, undefined is ignored. */
export function deepMerge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return structuredClone(base);
  if (isPlainObject(base) && isPlainObject(patch)) {
    const out: Record<string, unknown> = structuredClone(base);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      out[k] = k in base ? deepMerge(base[k], v) : structuredClone(v);
    }
    return out;
  }
  return structuredClone(patch);
}

/** Deep-merge `partial` over `base` (default DEFAULT_RULES), then validate (throws with paths). */
export function mergeRules(partial: DeepPartial<RulesConfig> | Record<string, unknown> | null | undefined, base: RulesConfig = DEFAULT_RULES): RulesConfig {
  return parseRules(deepMerge(base, partial ?? {}));
}

/** Read a number (or boolean) from the rules by dotted path, e.g. 'rotation.mustRotateYears'. */
export function rulesValueAt(rules: RulesConfig, path: string): unknown {
  let cur: unknown = rules;
  for (const key of path.split('.')) {
    if (!isPlainObject(cur) && !Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** May `role` see records of `category`? */
export function canSeeSensitive(role: string, category: SensitiveCategory | string, rules: RulesConfig = DEFAULT_RULES): boolean {
  const list = (rules.sensitiveAccess as Record<string, string[] | undefined>)[category];
  return Array.isArray(list) && list.includes(role);
}
