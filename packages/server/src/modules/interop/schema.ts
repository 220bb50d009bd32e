/** Request/response shapes of the interop module (干部任免审批表 LRMX, Excel 花名册). */
import { z } from 'zod';
import { isoDate } from '../../http/zod';

export const CommitBody = z.object({ token: z.string().min(10).max(100) });
export const TokenQuery = z.object({ token: z.string().min(10).max(100) });
export const ExportQuery = z.object({
  ids: z
    .string()
    .transform((s) => s.split(',').map((x) => Number(x.trim())).filter((n) => Number.isInteger(n) && n > 0))
    .refine((a) => a.length >= 1 && a.length <= 10_000, { message: 'ids: 1 to 10000 cadre ids' }),
});
export const PreviewPageQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  status: z.enum(['create', 'update', 'reject']).optional(),
});
export const FormQuery = z.object({ asOf: isoDate.optional() });
export const ExcelPreviewQuery = z.object({
  /** JSON object: header in the file → template header (or field key), for files that do not follow the template */
  mapping: z.string().max(10_000).optional(),
  sheet: z.string().max(100).optional(),
});

export type ReportStatus = 'create' | 'update' | 'reject';

export interface ReportIssue {
  field: string;
  label: string;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  messageEn: string;
  suggestions?: string[];
  /** Excel only: 1-based row and column of the cell */
  row?: number;
  col?: number;
}

export interface FieldChange {
  /** registry field (cadre column or section key) */
  field: string;
  label: string;
  action: 'set' | 'change' | 'same' | 'replace' | 'ignored';
  before?: unknown;
  after?: unknown;
}

export interface FileReport {
  file: string;
  row?: number;
  status: ReportStatus;
  name: string;
  cadreId?: number;
  orgId?: number | null;
  orgName?: string | null;
  issues: ReportIssue[];
  fields: FieldChange[];
}
