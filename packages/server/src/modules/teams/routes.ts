/** Teams routes — 班子运行全息图: overview of every team's colour, one team's hologram, its quarterly history, exports. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { todayISO } from '@cadre/core';
import { userOf } from '../../app';
import { actorOf } from '../../http/actor';
import { idParam } from '../../http/zod';
import { writeAudit } from '../../audit/audit';
import { TeamAnalysisQuery, TeamsAnalysisQuery } from './schema';
import { teamHistory, teamHologram, teamsOverview } from './service';
import { teamsWorkbook } from './export';

export async function teamsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, rules } = app.ctx;
  const tags = ['teams'];

  app.get(
    '/teams/analysis',
    { schema: { tags, summary: '班子研判总览：权限范围内全部班子的红/蓝/绿预警、原因与关键数据（可按单位类型、单位、颜色筛选）', querystring: TeamsAnalysisQuery } },
    async (req) => teamsOverview(db, userOf(req), await rules.rules(), req.query),
  );

  app.get('/teams/analysis.xlsx', { schema: { tags, summary: '班子研判总览导出 Excel', querystring: TeamsAnalysisQuery } }, async (req, reply) => {
    const o = await teamsOverview(db, userOf(req), await rules.rules(), { ...req.query, metrics: true });
    const buffer = await teamsWorkbook(o);
    await writeAudit(db, actorOf(req), { action: 'export', entity: 'teams.analysis', after: { rows: o.items.length, query: req.query } });
    const name = encodeURIComponent(`班子研判-${o.asOf}.xlsx`);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="teams.xlsx"; filename*=UTF-8''${name}`)
      .send(buffer);
  });

  app.get(
    '/teams/:id/analysis',
    { schema: { tags, summary: '班子运行全息图：按职位的成员卡片、结构雷达、预警指标与原因、一个班子一本账', params: idParam, querystring: TeamAnalysisQuery } },
    async (req) => teamHologram(db, userOf(req), await rules.rules(), req.params.id, req.query.asOf ?? todayISO()),
  );

  app.get(
    '/teams/:id/history',
    { schema: { tags, summary: '季度预警：最近若干季度末的班子颜色（按当时在任人员重新研判）', params: idParam, querystring: TeamAnalysisQuery } },
    async (req) => teamHistory(db, userOf(req), await rules.rules(), req.params.id, req.query.asOf ?? todayISO()),
  );
}
