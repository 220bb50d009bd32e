/** /api/saved-filters — each user's saved roster queries (常用查询). Private to their owner. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import { savedFilter } from '../../db/schema';
import { userOf } from '../../app';
import { notFound } from '../../http/errors';
import { idParam } from '../../http/zod';

const Body = z.object({
  name: z.string().trim().min(1).max(50),
  filter: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean()])),
});

export async function savedFilterRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const tags = ['registry'];
  app.get('/saved-filters', { schema: { tags, summary: '我的常用查询' } }, async (req) => ({
    items: await db.select().from(savedFilter).where(eq(savedFilter.userId, userOf(req).id)).orderBy(asc(savedFilter.id)),
  }));
  app.post('/saved-filters', { schema: { tags, summary: '保存常用查询', body: Body } }, async (req) => {
    const [row] = await db.insert(savedFilter).values({ userId: userOf(req).id, name: req.body.name, filter: req.body.filter }).returning();
    return row;
  });
  app.delete('/saved-filters/:id', { schema: { tags, summary: '删除常用查询', params: idParam } }, async (req) => {
    const rows = await db.delete(savedFilter).where(and(eq(savedFilter.id, req.params.id), eq(savedFilter.userId, userOf(req).id))).returning();
    if (!rows.length) throw notFound('常用查询', 'saved filter');
    return { ok: true };
  });
}
