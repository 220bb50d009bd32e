/**
 * The reserve-chain (储备链) part of the rules configuration: `rules.reserve` (schema + documented
 * defaults). Kept here (zod only, no import of rules.ts) so rules.ts just plugs it in; rules
 * versions stored before this key existed get the defaults.
 *
 * The tier thresholds themselves stay in `rules.reserveTiers`; the training duties in
 * `rules.training`; the incumbent horizon in `rules.retirementHorizonYears`.
 */
import { z } from 'zod';

const Points = z.number().min(0).max(100);
const Weight = z.number().nonnegative();
const Share = z.number().min(0).max(1);
const PosInt = z.number().int().positive();
const NonNegInt = z.number().int().nonnegative();
const Names = z.array(z.string().min(1));

/** a pair of cut points on a 0..1 scale: band 0 below `low`, band 1 in [low, high), band 2 from `high` */
const CutsSchema = z
  .object({ low: Share, high: Share })
  .refine((c) => c.low <= c.high, { message: 'low must not exceed high', path: ['low'] });

export const MATURITY_PARTS = ['levelYears', 'experienceBreadth', 'assessments', 'training', 'keyMoments', 'fit'] as const;
export type MaturityPart = (typeof MATURITY_PARTS)[number];

export const MaturityRulesSchema = z.object({
  /** part weights, normalised by their sum (a part without data — fit without a target post — drops out) */
  weights: z
    .object({
      levelYears: Weight,
      experienceBreadth: Weight,
      assessments: Weight,
      training: Weight,
      keyMoments: Weight,
      fit: Weight,
    })
    .refine((w) => Object.values(w).some((v) => v > 0), 'weights must not all be 0'),
  /** years at the current 职务级别 that give the full levelYears part */
  levelYearsFull: z.number().positive(),
  /** distinct experience kinds (rules.experienceMapping) that give the full experienceBreadth part */
  experienceKindsFull: PosInt,
  /** annual assessments of the last N completed calendar years count */
  assessmentYears: PosInt,
  /** annual assessment result → points (results not listed are ignored) */
  assessmentPoints: z.record(z.string(), Points),
  /** key-moment rating → points (ratings not listed are ignored) */
  keyMomentPoints: z.record(z.string(), Points),
  /** Σ points / 100 over the counted key moments that gives the full keyMoments part (3 × 突出 = full) */
  keyMomentsFull: z.number().positive(),
  /** key moments of the last N years count */
  keyMomentYears: PosInt,
  /** training part: share of it given by political-training compliance; the rest by centralised hours in the last 12 months vs the annual target */
  trainingPoliticalShare: Share,
  /** explanation: a part ≥ good is shown '+', < weak '-', else '=' */
  goodPart: Points,
  weakPart: Points,
});
export type MaturityRules = z.infer<typeof MaturityRulesSchema>;

export const ReserveRulesSchema = z.object({
  /** recommendation rounds older than this many months (before asOf) are ignored; the latest round counts */
  concentrationWindowMonths: PosInt,
  /** how to suggest a tier for a member without a round in the window: on maturity alone, or 未来有用 */
  noRoundPolicy: z.enum(['maturityOnly', 'future']),
  maturity: MaturityRulesSchema,
  /** 9-box cut points on 0..1 (maturity compared as score / 100); null = from reserveTiers (shortTerm, readyNow) */
  nineBox: z.object({ concentration: CutsSchema.nullable(), maturity: CutsSchema.nullable() }),
  /** 出库 reasons (an `exit` needs one of these) */
  exitReasons: Names.min(1),
  /** 未入库 reason categories (optional on `reject`; when given must be one of these) */
  rejectReasons: Names,
  training: z.object({
    /** modes counted as 集中培训 hours (在线 is not by default: online self-study is not 集中培训) */
    centralisedModes: Names.min(1),
    /** modes in which a political training counts towards the off-job duty (脱产) */
    politicalModes: Names.min(1),
    /** a record without an end date lasts hours / hoursPerDay days */
    hoursPerDay: z.number().positive(),
  }),
  quarterly: z.object({
    /** an annual result counts as slipping when its points (maturity.assessmentPoints) are at least this much below the previous year's */
    slippingDrop: z.number().positive(),
    /** a quarterly star rating counts as slipping when at least this many stars below the previous quarter's */
    slippingStarDrop: PosInt,
    /** a quarterly rating with at least this many stars is a 实绩 */
    goodStars: PosInt,
    /** political training overdue by more than this many days (past its due date) is a problem */
    overdueTrainingDays: NonNegInt,
    /** 整改 due date = quarter end + this many days */
    rectificationDueDays: NonNegInt,
    /** suggested owner (role / office) of the 整改 action per problem kind */
    owners: z.object({
      warning: z.string().min(1),
      assessment: z.string().min(1),
      training: z.string().min(1),
      discipline: z.string().min(1),
    }),
  }),
});
export type ReserveRules = z.infer<typeof ReserveRulesSchema>;

export const DEFAULT_RESERVE_RULES: ReserveRules = {
  concentrationWindowMonths: 24,
  noRoundPolicy: 'maturityOnly',
  maturity: {
    weights: { levelYears: 0.25, experienceBreadth: 0.2, assessments: 0.25, training: 0.1, keyMoments: 0.1, fit: 0.1 },
    levelYearsFull: 5,
    experienceKindsFull: 4,
    assessmentYears: 5,
    assessmentPoints: { 优秀: 100, 称职: 70, 基本称职: 30, 不称职: 0 },
    // the key_moment table rates 突出 | 较好 | 一般 | 较差; 优秀 / 良好 accepted as synonyms
    keyMomentPoints: { 突出: 100, 优秀: 100, 较好: 70, 良好: 70, 一般: 40, 较差: 0 },
    keyMomentsFull: 3,
    keyMomentYears: 5,
    trainingPoliticalShare: 0.5,
    goodPart: 70,
    weakPart: 40,
  },
  nineBox: { concentration: null, maturity: null },
  exitReasons: ['状态滑坡', '问题', '不再符合条件', '提拔使用', '其他'],
  rejectReasons: ['考察未通过', '比选未入选', '不符合条件', '其他'],
  training: { centralisedModes: ['脱产', '在职'], politicalModes: ['脱产'], hoursPerDay: 8 },
  quarterly: {
    slippingDrop: 1,
    slippingStarDrop: 1,
    goodStars: 4,
    overdueTrainingDays: 0,
    rectificationDueDays: 30,
    owners: { warning: '干部监督科', assessment: '所在单位党组织', training: '干部教育科', discipline: '干部监督科' },
  },
};
