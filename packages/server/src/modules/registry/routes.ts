/** Registry routes — 干部名册 search and export, the cadre record, its sections, and its audit trail. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userOf } from '../../app';
import { actorOf } from '../../http/actor';
import { idParam, patchOf, versionQuery } from '../../http/zod';
import { writeAudit } from '../../audit/audit';
import { CadreBody, CadrePatch, RosterQuery } from './schema';
import { SECTIONS } from './sections';
import { searchRoster } from './search';
import { exportRoster } from './export';
import * as s from './service';

export async function registryRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, rules } = app.ctx;
  const tags = ['registry'];
  const rowParams = z.object({ id: z.coerce.number().int().positive(), rowId: z.coerce.number().int().positive() });

  app.get('/cadres', { schema: { tags, summary: '干部名册检索（筛选、排序、分页）', querystring: RosterQuery } }, async (req) =>
    searchRoster(db, userOf(req), req.query, await rules.rules()),
  );

  app.get('/cadres/export.xlsx', { schema: { tags, summary: '导出当前筛选结果为 Excel 花名册', querystring: RosterQuery } }, async (req, reply) => {
    const user = userOf(req);
    const { buffer, rows } = await exportRoster(db, user, req.query, await rules.rules());
    await writeAudit(db, actorOf(req), { action: 'export', entity: 'cadre', after: { rows, query: req.query } });
    const name = encodeURIComponent(`干部名册-${new Date().toISOString().slice(0, 10)}.xlsx`);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="roster.xlsx"; filename*=UTF-8''${name}`)
      .send(buffer);
  });

  app.get('/cadres/:id', { schema: { tags, summary: '一人一档：干部基本信息与可见的档案栏目', params: idParam } }, async (req) =>
    s.getCadre(db, userOf(req), actorOf(req), await rules.rules(), req.params.id),
  );
  app.post('/cadres', { schema: { tags, summary: '新增干部', body: CadreBody } }, async (req) => s.createCadre(db, userOf(req), actorOf(req), await rules.rules(), req.body));
  app.patch('/cadres/:id', { schema: { tags, summary: '修改干部基本信息（带版本号）', params: idParam, body: CadrePatch } }, async (req) =>
    s.updateCadre(db, userOf(req), actorOf(req), await rules.rules(), req.params.id, req.body),
  );
  app.delete('/cadres/:id', { schema: { tags, summary: '删除干部', params: idParam, querystring: versionQuery } }, async (req) =>
    s.deleteCadre(db, userOf(req), actorOf(req), await rules.rules(), req.params.id, req.query.version),
  );
  app.get('/cadres/:id/audit', { schema: { tags, summary: '本档案的修改与查阅记录', params: idParam } }, async (req) => s.cadreAudit(db, userOf(req), await rules.rules(), req.params.id));

  for (const sec of SECTIONS) {
    const stags = ['registry: ' + sec.key];
    const base = `/cadres/:id/${sec.key}`;
    app.get(base, { schema: { tags: stags, summary: `${sec.label} ${sec.labelEn}`, params: idParam } }, async (req) =>
      s.listSection(db, userOf(req), actorOf(req), await rules.rules(), sec, req.params.id),
    );
    app.post(base, { schema: { tags: stags, summary: `新增${sec.label}`, params: idParam, body: sec.body } }, async (req) =>
      s.createSectionRow(db, userOf(req), actorOf(req), await rules.rules(), sec, req.params.id, req.body as Record<string, unknown>),
    );
    app.patch(`${base}/:rowId`, { schema: { tags: stags, summary: `修改${sec.label}`, params: rowParams, body: patchOf(sec.body) } }, async (req) =>
      s.updateSectionRow(db, userOf(req), actorOf(req), await rules.rules(), sec, req.params.id, req.params.rowId, req.body as Record<string, unknown> & { version: number }),
    );
    app.delete(`${base}/:rowId`, { schema: { tags: stags, summary: `删除${sec.label}`, params: rowParams, querystring: versionQuery } }, async (req) =>
      s.deleteSectionRow(db, userOf(req), actorOf(req), await rules.rules(), sec, req.params.id, req.params.rowId, req.query.version),
    );
  }
}
