/** 人岗适配 routes — 岗位说明书 (versioned), 晴雨表, candidate ranking + explanation, 比选, 调整方案 (solve, what-if, saved plans). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { todayISO } from '@cadre/core';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { userOf } from '../../app';
import { actorOf } from '../../http/actor';
import { idParam } from '../../http/zod';
import { AsOfQuery, BarometerQuery, CandidatesQuery, CompareQuery, DescriptionBody, ExplainParams, PlanBody, PlanInputs, PlanPatch, VacancyQuery } from './schema';
import { candidateSet } from './loader';
import * as s from './service';

export async function fitRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, rules } = app.ctx;
  const tags = ['fit'];
  const ref = async (): Promise<s.RulesRef> => {
    const c = await rules.current();
    return { rules: c.config, version: c.version };
  };
  const u = (req: FastifyRequest) => userOf(req);

  // prepare today's candidate set in the background once the server listens (not under inject(),
  // so tests and benches start cold), so the first ranking does not wait for the full load;
  // FIT_PREPARE_ON_START=0 turns it off
  app.addHook('onListen', async () => {
    if (process.env.FIT_PREPARE_ON_START === '0') return;
    const t0 = performance.now();
    void ref()
      .then((r) => candidateSet(db, r.version, r.rules, todayISO()))
      .then((cs) => app.log.info({ candidates: cs.prepared.n, loadMs: Math.round(cs.loadMs), prepareMs: Math.round(cs.prepareMs), ms: Math.round(performance.now() - t0) }, '人岗适配候选人集已在后台预处理 / fit candidate set prepared in the background'))
      .catch((e: unknown) => app.log.warn({ err: e }, '后台预处理人岗适配候选人集失败（首次排序时再加载）/ background preparation of the fit candidate set failed (the first ranking loads it)'));
  });

  app.get('/position-templates', { schema: { tags, summary: '岗位说明书模板（按职位类别，来自规则配置）' } }, async () => s.positionTemplates((await ref()).rules));

  app.get('/positions/:id/description', { schema: { tags, summary: '职位的岗位说明书（规范化后的 PositionDescription）', params: idParam } }, async (req) => s.getDescription(db, u(req), req.params.id));
  app.put('/positions/:id/description', { schema: { tags, summary: '保存岗位说明书（追加一个历史版本，带职位版本号）', params: idParam, body: DescriptionBody } }, async (req) =>
    s.putDescription(db, u(req), actorOf(req), (await ref()).rules, req.params.id, req.body),
  );
  app.get('/positions/:id/description/history', { schema: { tags, summary: '岗位说明书历史版本（新→旧）', params: idParam } }, async (req) => s.descriptionHistory(db, u(req), req.params.id));

  app.get('/positions/:id/candidates', { schema: { tags, summary: '岗位人选排序：全库（或储备库/筛选）按人岗适配度排序，另列排除人员及原因', params: idParam, querystring: CandidatesQuery } }, async (req) =>
    s.rankForPosition(db, u(req), await ref(), req.params.id, req.query),
  );
  app.get('/positions/:id/candidates/:cadreId/explain', { schema: { tags, summary: '一名人选对该岗位的适配度完整解释（四个维度的加减分事实与排除原因）', params: ExplainParams, querystring: AsOfQuery } }, async (req) =>
    s.explainCandidate(db, u(req), await ref(), req.params.id, req.params.cadreId, req.query.asOf),
  );

  app.get('/fit/barometer', { schema: { tags, summary: '人岗适配晴雨表：每名在任干部与本岗位的适配度（全部门/按单位/按班子）', querystring: BarometerQuery } }, async (req) => s.barometer(db, u(req), await ref(), req.query));
  app.get('/fit/compare', { schema: { tags, summary: '比选：2–5 名人选的基本情况、四个维度、近 5 年考核与能力素质对比', querystring: CompareQuery } }, async (req) =>
    s.compareCandidates(db, u(req), await ref(), req.query.positionId, req.query.ids, req.query.asOf),
  );
  app.get('/fit/vacancies', { schema: { tags, summary: '空缺及即将空缺（任职者临近退休）的职位', querystring: VacancyQuery } }, async (req) => s.vacancies(db, u(req), await ref(), req.query));

  app.post('/plans/solve', { schema: { tags, summary: '求解调整方案（不保存）：最优配置、各岗位适配度、班子调整前后指标（模拟，不改动数据）、约束是否起作用', body: PlanInputs } }, async (req) =>
    s.solvePlan(db, u(req), await ref(), req.body),
  );
  app.get('/plans', { schema: { tags, summary: '已保存的调整方案' } }, async (req) => s.listPlans(db, u(req)));
  app.post('/plans', { schema: { tags, summary: '保存调整方案草稿（按输入重新求解并保存结果）', body: PlanBody } }, async (req) => s.createPlan(db, u(req), actorOf(req), await ref(), req.body));
  app.get('/plans/:id', { schema: { tags, summary: '调整方案详情（输入与结果）', params: idParam } }, async (req) => s.getPlan(db, u(req), req.params.id));
  app.patch('/plans/:id', { schema: { tags, summary: '修改调整方案（名称、状态；新的输入会重新求解），带版本号', params: idParam, body: PlanPatch } }, async (req) =>
    s.updatePlan(db, u(req), actorOf(req), await ref(), req.params.id, req.body),
  );
}
