/** /api/audit — query the audit log (admins and the supervision section). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userOf } from '../app';
import { assertAdmin } from '../auth/policy';
import { queryAudit } from './audit';

const AuditQuery = z.object({
  entity: z.string().optional(),
  entityId: z.string().optional(),
  cadreId: z.coerce.number().int().positive().optional(),
  userId: z.coerce.number().int().positive().optional(),
  action: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export async function auditRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/audit', { schema: { tags: ['audit'], summary: '审计日志 Audit log', querystring: AuditQuery } }, async (req) => {
    assertAdmin(userOf(req), ['supervision']);
    return queryAudit(app.ctx.db, req.query);
  });
}
