/** Statistics routes: 首页 overview and 干部队伍结构分析 (JSON, .xlsx, printable report). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userOf } from '../../app';
import { actorOf } from '../../http/actor';
import { isoDate } from '../../http/zod';
import { writeAudit } from '../../audit/audit';
import { overview } from './service';
import { StructurePeopleQuery, StructureQuery, structure, structurePeople } from './structure';
import { structureReportHtml, structureWorkbook } from './export';

export async function statsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['stats'];
  app.get(
    '/stats/overview',
    {
      schema: {
        tags,
        summary: '首页概览：干部数、年龄结构、年轻干部占比、空缺、近期退休',
        querystring: z.object({ orgId: z.coerce.number().int().positive().optional(), asOf: isoDate.optional() }),
      },
    },
    async (req) => overview(app.ctx.db, userOf(req), await app.ctx.rules.rules(), req.query.orgId, req.query.asOf),
  );

  app.get(
    '/stats/structure',
    {
      schema: {
        tags,
        summary:
          '干部队伍结构分析：任意名册筛选条件下按年龄段、年代、性别、民族、政治面貌、学历学位、专业、职务层次、职级、任职年限、距退休年限的人数、占比；年龄金字塔；年轻干部占比；期间提拔与新进。默认只含数字，某个数字背后的人员见 /stats/structure/people（withIds=true 时附全部人员名单 ids）',
        querystring: StructureQuery,
      },
    },
    async (req) => structure(app.ctx.db, userOf(req), await app.ctx.rules.rules(), req.query),
  );

  app.get(
    '/stats/structure/people',
    {
      schema: {
        tags,
        summary:
          '结构分析下钻：同一筛选条件（名册筛选、orgId、asOf、from/to）下某一个数字背后的人员 —— dimension=维度或统计项（ageBand、sex、…、total、young、youngByLevel、youngByTier、promotions、promotionsYoung、promotionsByLevel、intake、intakeYoung、intakeByChannel），bucket=分组键；返回 count（与结构分析中的数字相同）和 ids（人数 = count），rows=true 时另附一页名册行（page、pageSize、sort）',
        querystring: StructurePeopleQuery,
      },
    },
    async (req) => structurePeople(app.ctx.db, userOf(req), await app.ctx.rules.rules(), req.query),
  );

  app.get('/stats/structure.xlsx', { schema: { tags, summary: '结构分析导出 Excel（与 JSON 数字一致）', querystring: StructureQuery } }, async (req, reply) => {
    const s = await structure(app.ctx.db, userOf(req), await app.ctx.rules.rules(), { ...req.query, withIds: false });
    const buffer = await structureWorkbook(s);
    await writeAudit(app.ctx.db, actorOf(req), { action: 'export', entity: 'stats.structure', after: { total: s.total, filter: s.filter } });
    const name = encodeURIComponent(`干部队伍结构分析-${s.asOf}.xlsx`);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="structure.xlsx"; filename*=UTF-8''${name}`)
      .send(buffer);
  });

  app.get(
    '/stats/structure/report',
    { schema: { tags, summary: '结构分析打印报告（HTML，A4 打印版式，上会材料）', querystring: StructureQuery.extend({ title: z.string().trim().max(100).optional() }) } },
    async (req, reply) => {
      const { title, ...q } = req.query;
      const s = await structure(app.ctx.db, userOf(req), await app.ctx.rules.rules(), { ...q, withIds: false });
      return reply.type('text/html; charset=utf-8').send(structureReportHtml(s, title || undefined));
    },
  );
}
