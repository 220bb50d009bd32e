/** Request schemas of the org module (单位, 班子, 职位, 任职). */
import { z } from 'zod';
import { isoDate, patchOf } from '../../http/zod';

export const OrgUnitBody = z.object({
  parentId: z.number().int().positive().nullable(),
  name: z.string().trim().min(1).max(100),
  shortName: z.string().max(50).nullish(),
  code: z.string().max(50).nullish(),
  kind: z.string().min(1),
  managementLevel: z.string().default('区管'),
  rankLevel: z.string().nullish(),
  sort: z.number().int().default(0),
});
export const OrgUnitPatch = patchOf(OrgUnitBody);

export const TeamBody = z.object({
  orgUnitId: z.number().int().positive(),
  name: z.string().trim().min(1).max(100),
  kind: z.string().default('党政班子'),
  description: z.string().max(2000).nullish(),
  needs: z.record(z.string(), z.unknown()).nullish(),
});
export const TeamPatch = patchOf(TeamBody);

export const PositionBody = z.object({
  teamId: z.number().int().positive(),
  title: z.string().trim().min(1).max(100),
  level: z.string().min(1),
  isChief: z.boolean().default(false),
  category: z.string().default('行政'),
  isKey: z.boolean().default(false),
  quota: z.number().int().min(0).max(50).default(1),
  description: z.record(z.string(), z.unknown()).nullish(),
  sort: z.number().int().default(0),
});
export const PositionPatch = patchOf(PositionBody);

export const AppointmentBody = z.object({
  cadreId: z.number().int().positive(),
  positionId: z.number().int().positive(),
  startDate: isoDate,
  endDate: isoDate.nullish(),
  method: z.enum(['选任', '委任', '聘任', '考任']).default('委任'),
  kind: z.enum(['任职', '兼任', '挂职', '代理']).default('任职'),
  docNo: z.string().max(100).nullish(),
  endReason: z.string().max(200).nullish(),
});
export const AppointmentPatch = patchOf(AppointmentBody.omit({ cadreId: true }));

export const OrgListQuery = z.object({ orgUnitId: z.coerce.number().int().positive().optional() });
export const PositionListQuery = z.object({
  teamId: z.coerce.number().int().positive().optional(),
  orgUnitId: z.coerce.number().int().positive().optional(),
});
export const AppointmentListQuery = z.object({
  cadreId: z.coerce.number().int().positive().optional(),
  positionId: z.coerce.number().int().positive().optional(),
});
