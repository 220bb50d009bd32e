/** Org module routes — 单位, 班子, 职位, 任职. Rules and checks live in service.ts and @cadre/core. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { userOf } from '../../app';
import { assertCanWrite } from '../../auth/policy';
import { actorOf } from '../../http/actor';
import { idParam, versionQuery } from '../../http/zod';
import * as s from './service';
import * as z from './schema';

export async function orgRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, rules } = app.ctx;
  const writer = async (req: Parameters<typeof userOf>[0], area: 'org' | 'registry' = 'org') => {
    const user = userOf(req);
    assertCanWrite(user, area, await rules.rules());
    return user;
  };
  const tags = ['org'];

  app.get('/org-units', { schema: { tags, summary: '单位列表（本人权限范围）' } }, async (req) => ({ items: await s.listOrgUnits(db, userOf(req)) }));
  app.get('/org-units/:id', { schema: { tags, summary: '单位详情：班子、职位、职数与在任人员', params: idParam } }, async (req) => s.orgUnitDetail(db, userOf(req), req.params.id));
  app.post('/org-units', { schema: { tags, summary: '新增单位', body: z.OrgUnitBody } }, async (req) => s.createOrgUnit(db, await writer(req), actorOf(req), req.body));
  app.patch('/org-units/:id', { schema: { tags, summary: '修改单位（含调整上级）', params: idParam, body: z.OrgUnitPatch } }, async (req) => s.updateOrgUnit(db, await writer(req), actorOf(req), req.params.id, req.body));
  app.delete('/org-units/:id', { schema: { tags, summary: '删除单位', params: idParam, querystring: versionQuery } }, async (req) => s.deleteOrgUnit(db, await writer(req), actorOf(req), req.params.id, req.query.version));

  app.get('/teams', { schema: { tags, summary: '领导班子列表', querystring: z.OrgListQuery } }, async (req) => ({ items: await s.listTeams(db, userOf(req), req.query.orgUnitId) }));
  app.post('/teams', { schema: { tags, summary: '新增班子', body: z.TeamBody } }, async (req) => s.createTeam(db, await writer(req), actorOf(req), req.body));
  app.patch('/teams/:id', { schema: { tags, summary: '修改班子', params: idParam, body: z.TeamPatch } }, async (req) => s.updateTeam(db, await writer(req), actorOf(req), req.params.id, req.body));
  app.delete('/teams/:id', { schema: { tags, summary: '删除班子', params: idParam, querystring: versionQuery } }, async (req) => s.deleteTeam(db, await writer(req), actorOf(req), req.params.id, req.query.version));

  app.get('/positions', { schema: { tags, summary: '职位列表', querystring: z.PositionListQuery } }, async (req) => ({ items: await s.listPositions(db, userOf(req), req.query) }));
  app.post('/positions', { schema: { tags, summary: '新增职位（含职数、岗位说明书）', body: z.PositionBody } }, async (req) => s.createPosition(db, await writer(req), actorOf(req), req.body));
  app.patch('/positions/:id', { schema: { tags, summary: '修改职位', params: idParam, body: z.PositionPatch } }, async (req) => s.updatePosition(db, await writer(req), actorOf(req), req.params.id, req.body));
  app.delete('/positions/:id', { schema: { tags, summary: '删除职位', params: idParam, querystring: versionQuery } }, async (req) => s.deletePosition(db, await writer(req), actorOf(req), req.params.id, req.query.version));

  app.get('/appointments', { schema: { tags, summary: '任职记录', querystring: z.AppointmentListQuery } }, async (req) => ({ items: await s.listAppointments(db, userOf(req), req.query) }));
  app.post('/appointments', { schema: { tags, summary: '任职', body: z.AppointmentBody } }, async (req) => s.createAppointment(db, await writer(req, 'registry'), actorOf(req), req.body));
  app.patch('/appointments/:id', { schema: { tags, summary: '修改任职记录（含免职）', params: idParam, body: z.AppointmentPatch } }, async (req) => s.updateAppointment(db, await writer(req, 'registry'), actorOf(req), req.params.id, req.body));
  app.delete('/appointments/:id', { schema: { tags, summary: '删除任职记录', params: idParam, querystring: versionQuery } }, async (req) => s.deleteAppointment(db, await writer(req, 'registry'), actorOf(req), req.params.id, req.query.version));
}
