/** Request schemas of the teams module (班子运行全息图). */
import { z } from 'zod';
import { isoDate } from '../../http/zod';

const csv = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .optional();

export const TeamsAnalysisQuery = z.object({
  /** 单位类型 (comma list): 党政机关 | 事业单位 | 国有企业 | 镇街 | 园区 | 高校科研 */
  unitKind: csv,
  /** teams of this unit's subtree */
  orgId: z.coerce.number().int().positive().optional(),
  /** 红 | 蓝 | 绿 (comma list: red,blue,green) */
  color: csv,
  asOf: isoDate.optional(),
  /** true: every team's full `metrics` too (the grid does not need them; the xlsx export always has them) */
  metrics: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type TeamsAnalysisQuery = z.infer<typeof TeamsAnalysisQuery>;

export const TeamAnalysisQuery = z.object({ asOf: isoDate.optional() });
