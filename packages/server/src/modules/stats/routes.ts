/** Statistics routes (首页 overview; the full structure statistics arrive with the team-analysis issue). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userOf } from '../../app';
import { isoDate } from '../../http/zod';
import { overview } from './service';

export async function statsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/stats/overview',
    {
      schema: {
        tags: ['stats'],
        summary: '首页概览：干部数、年龄结构、年轻干部占比、空缺、近期退休',
        querystring: z.object({ orgId: z.coerce.number().int().positive().optional(), asOf: isoDate.optional() }),
      },
    },
    async (req) => overview(app.ctx.db, userOf(req), await app.ctx.rules.rules(), req.query.orgId, req.query.asOf),
  );
}
