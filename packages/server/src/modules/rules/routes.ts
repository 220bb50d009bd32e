/** /api/rules (versioned rules configuration) and /api/codes (national code sets). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CODE_SETS, codeLabelEn, RulesConfigSchema, type CodeSetId } from '@cadre/core';
import { userOf } from '../../app';
import { assertCanWrite } from '../../auth/policy';
import { badRequest, fromZodIssue } from '../../http/errors';
import { writeAudit } from '../../audit/audit';

export async function rulesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, rules } = app.ctx;

  app.get('/codes', { schema: { tags: ['reference'], summary: '代码集 National code sets' } }, async () => ({
    sets: Object.fromEntries(
      Object.entries(CODE_SETS).map(([k, v]) => [
        k,
        v.map((e) => {
          const en = codeLabelEn(k as CodeSetId, e.code);
          return { code: e.code, name: e.name, ...(en && en !== e.name ? { nameEn: en } : {}), ...(e.parent ? { parent: e.parent } : {}) };
        }),
      ]),
    ),
  }));

  app.get('/rules', { schema: { tags: ['rules'], summary: '当前规则配置 Rules configuration in force' } }, async () => rules.current());

  app.get('/rules/versions', { schema: { tags: ['rules'], summary: '规则配置版本 Rules versions' } }, async () => ({ items: await rules.versions() }));

  app.put(
    '/rules',
    { schema: { tags: ['rules'], summary: '保存新版本规则 Save a new rules version', body: z.object({ config: z.unknown(), comment: z.string().max(500).optional() }) } },
    async (req) => {
      const user = userOf(req);
      assertCanWrite(user, 'rules', await rules.rules());
      const parsed = RulesConfigSchema.safeParse(req.body.config);
      if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => fromZodIssue(i as never, 'config')));
      const before = await rules.current();
      const row = await db.transaction(async (tx) => {
        const r = await rules.save(tx as never, parsed.data, req.body.comment ?? null, user.id);
        await writeAudit(tx as never, { user, ip: req.ip }, { action: 'update', entity: 'rules_config', entityId: r.version, before: { version: before.version }, after: parsed.data });
        return r;
      });
      rules.invalidate();
      return { version: row.version, config: row.config, createdAt: row.createdAt, comment: row.comment };
    },
  );
}
