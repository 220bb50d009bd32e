/**
 * 岗位说明书 (position description, seed 000) and the per-kind templates kept in the rules
 * configuration. Only zod here: rules.ts imports this module, so it must not import rules.ts.
 */
import { z } from 'zod';

const NonNegYears = z.number().nonnegative().max(60);

export const StyleCodeSchema = z.enum(['tiger', 'ox']);

export const ExperienceRequirementSchema = z.object({
  /** experience kind: 镇街, 基层, 经济, 招商引资, 乡村振兴, 基层治理, 城建规划, 法治, 党建, 信访维稳, 应急 … */
  kind: z.string().min(1),
  /** minimum years of that experience; 0 = preferred (any amount counts) */
  minYears: NonNegYears,
});

export const AgeBandSchema = z
  .object({ min: z.number().int().min(16).max(80).optional(), max: z.number().int().min(16).max(80).optional() })
  .refine((b) => b.min == null || b.max == null || b.min <= b.max, { message: 'age band: min > max', path: ['min'] });

/** 岗位说明书: what a post asks of the person who fills it. Every field is optional. */
export const PositionDescriptionSchema = z.object({
  /** the template this description started from (key of rules.positionTemplates) */
  template: z.string().min(1).optional(),
  /** required 职务级别 of the post (GB/T 12407: 131 正处, 132 副处, 141 正科, 142 副科 …); default: the position's level */
  requiredLevel: z.string().min(1).optional(),
  /** minimum years at the level below for a promotion into this post (on top of rules.promotion) */
  minYearsAtLevelBelow: NonNegYears.optional(),
  /** preferred 学科门类 of the specialty (法学, 经济学, 工学 …); empty = no preference */
  preferredSpecialties: z.array(z.string().min(1)).default([]),
  /** required experience kinds with minimum years */
  requiredExperience: z.array(ExperienceRequirementSchema).default([]),
  /** competency name → weight (≥ 0); empty = rules.fit.competency.defaultWeights */
  competencyWeights: z.record(z.string().min(1), z.number().nonnegative()).default({}),
  /** preferred style: tiger 小老虎型 | ox 老黄牛型; null/absent = no preference */
  preferredStyle: StyleCodeSchema.nullable().optional(),
  /** age band in full years on the date of the evaluation */
  ageBand: AgeBandSchema.optional(),
  /** free remarks shown with the description */
  remark: z.string().optional(),
});

export type PositionDescription = z.infer<typeof PositionDescriptionSchema>;
/** what callers may pass (defaults not yet applied) */
export type PositionDescriptionInput = z.input<typeof PositionDescriptionSchema>;
export type ExperienceRequirement = z.infer<typeof ExperienceRequirementSchema>;

/** A default description per position kind (镇街党委书记, 镇长, 经济部门正职 …). */
export const PositionTemplateSchema = PositionDescriptionSchema.extend({
  /** display name; the record key is the kind */
  name: z.string().min(1),
  en: z.string().min(1).optional(),
});
export type PositionTemplate = z.infer<typeof PositionTemplateSchema>;

/** Validate a stored 岗位说明书 (position.description JSON); throws a ZodError. */
export function parsePositionDescription(json: unknown): PositionDescription {
  return PositionDescriptionSchema.parse(json ?? {});
}
