/** Shared zod building blocks for route schemas. */
import { z } from 'zod';
import { isValidISODate } from '@cadre/core';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
  .refine((s) => isValidISODate(s), { message: 'not a calendar date' });

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const versionQuery = z.object({ version: z.coerce.number().int().positive() });
export const withVersion = { version: z.number().int().positive() };

/** PATCH schema: every field optional, defaults removed (an absent field is left unchanged), plus `version` */
export function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(schema.shape)) {
    const f = v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType);
    shape[k] = f.optional();
  }
  return z.object(shape).extend(withVersion) as unknown as z.ZodObject<{ [K in keyof T]: z.ZodOptional<T[K]> } & typeof withVersion>;
}
