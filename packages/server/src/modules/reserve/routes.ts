/**
 * 储备链 routes (docs/reserve.md): pools and their workflow (单位推荐 → 组织考察 → 比选研究 → 入库 / 出库),
 * tiers (suggested and confirmed, 9-box), 民主推荐 rounds (+ .xlsx import), bench strength (急用现找),
 * training compliance, mentors, 成长纪实, 季度研判 (three lists, .xlsx, print) and pipeline figures.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userOf } from '../../app';
import { actorOf } from '../../http/actor';
import { idParam } from '../../http/zod';
import { HttpError } from '../../http/errors';
import { writeAudit } from '../../audit/audit';
import * as S from './schema';
import { createPool, getPool, listPools, updatePool } from './pools';
import { confirmTier, editEntry, entryHistory, nominate, refreshPoolSuggestions, transition, type RulesRef } from './workflow';
import { cadreMaturity, nineBox } from './tiers';
import { createRound, getRound, importRound, listRounds, roundTemplate } from './rounds';
import { benchStrengthBoard } from './bench';
import { createMentorships, growthRecord, listMentorships, trainingComplianceList, updateMentorship } from './growth';
import { addReviewItem, generateReview, getReview, listReviews, printReview, reviewWorkbook, updateReview, updateReviewItem } from './reviews';
import { pipeline } from './pipeline';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UPLOAD_BYTES = 20 * 1024 * 1024;
const attachment = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function reserveRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, rules } = app.ctx;
  const tags = ['reserve'];
  const ref = async (): Promise<RulesRef> => {
    const c = await rules.current();
    return { rules: c.config, version: c.version };
  };
  const u = (req: FastifyRequest) => userOf(req);

  // .xlsx uploads as the raw body (like the interop module), only inside this plugin
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: UPLOAD_BYTES }, (_req, body, done) => done(null, body));

  // ───────────── pools 储备库 ─────────────
  app.get('/pools', { schema: { tags, summary: '权限范围内的储备库，含按梯次、按阶段的人数', querystring: S.PoolsQuery } }, async (req) => listPools(db, u(req), req.query));
  app.post('/pools', { schema: { tags, summary: '建立储备库（正职后备库、优秀年轻干部库、五类干部库、四类干部清单、四型六类或自定义）', body: S.PoolBody } }, async (req) =>
    createPool(db, u(req), actorOf(req), req.body),
  );
  app.get('/pools/:id', { schema: { tags, summary: '储备库及成员（干部概况、阶段、类别、建议与确定的梯次、推荐集中度、成熟度）', params: idParam, querystring: S.PoolQuery } }, async (req) =>
    getPool(db, u(req), (await ref()).rules, req.params.id, req.query),
  );
  app.patch('/pools/:id', { schema: { tags, summary: '修改储备库名称、说明（带版本号）', params: idParam, body: S.PoolPatch } }, async (req) => updatePool(db, u(req), actorOf(req), req.params.id, req.body));
  app.post('/pools/:id/entries', { schema: { tags, summary: '单位推荐：推荐一名干部进入储备库（阶段：单位推荐）', params: idParam, body: S.NominateBody } }, async (req) =>
    nominate(db, u(req), actorOf(req), await ref(), req.params.id, req.body),
  );
  app.get('/pools/:id/nine-box', { schema: { tags, summary: '九宫格：推荐集中度 × 成熟度的 3×3 格及成员', params: idParam, querystring: S.AsOfQuery } }, async (req) =>
    nineBox(db, u(req), await ref(), req.params.id, req.query.asOf),
  );
  app.post('/pools/:id/suggestions', { schema: { tags, summary: '按现行规则重新计算在库及在途成员的建议梯次', params: idParam, querystring: S.AsOfQuery } }, async (req) =>
    refreshPoolSuggestions(db, u(req), actorOf(req), await ref(), req.params.id, req.query.asOf),
  );

  // ───────────── entries: workflow, tiers, history ─────────────
  app.post('/pool-entries/:id/transition', { schema: { tags, summary: '流程操作：组织考察、比选研究、入库、不予入库、出库（带版本号；非法操作 422）', params: idParam, body: S.TransitionBody } }, async (req) =>
    transition(db, u(req), actorOf(req), await ref(), req.params.id, req.body),
  );
  app.post('/pool-entries/:id/tier', { schema: { tags, summary: '确定梯次（随时能用/短期可用/未来有用），系统建议与确定结果同时保留', params: idParam, body: S.TierBody } }, async (req) =>
    confirmTier(db, u(req), actorOf(req), await ref(), req.params.id, req.body),
  );
  app.patch('/pool-entries/:id', { schema: { tags, summary: '修改成员的类别、目标岗位（记入历史）', params: idParam, body: S.EntryPatch } }, async (req) =>
    editEntry(db, u(req), actorOf(req), await ref(), req.params.id, req.body),
  );
  app.get('/pool-entries/:id/history', { schema: { tags, summary: '成员的全部历史：阶段变化、建议梯次、确定梯次、修改（谁、何时、理由）', params: idParam } }, async (req) => entryHistory(db, u(req), req.params.id));

  app.get('/cadres/:id/maturity', { schema: { tags, summary: '干部成熟度及解释、推荐集中度、建议梯次（positionId：计入与目标岗位的适配度）', params: idParam, querystring: S.AsOfQuery.extend({ positionId: z.coerce.number().int().positive().optional() }) } }, async (req) =>
    cadreMaturity(db, u(req), actorOf(req), await ref(), req.params.id, req.query),
  );
  app.get('/cadres/:id/growth', { schema: { tags, summary: '成长纪实：入库历史、梯次、导师、一人一策、培训达标、挂职轮岗、关键时刻、考核（敏感读取，记审计）', params: idParam, querystring: S.AsOfQuery } }, async (req) =>
    growthRecord(db, u(req), actorOf(req), (await ref()).rules, req.params.id, req.query.asOf),
  );

  // ───────────── 民主推荐 ─────────────
  app.get('/recommendation-rounds', { schema: { tags, summary: '民主推荐列表', querystring: S.RoundsQuery } }, async (req) => listRounds(db, u(req), req.query));
  app.post('/recommendation-rounds', { schema: { tags, summary: '录入一次民主推荐（范围、职级或岗位、参加人数、每人得票）', body: S.RoundBody } }, async (req) =>
    createRound(db, u(req), actorOf(req), await ref(), req.body),
  );
  app.get('/recommendation-rounds/template.xlsx', { schema: { tags, summary: '民主推荐票数导入模板' } }, async (_req, reply) =>
    reply.header('content-type', XLSX).header('content-disposition', attachment('recommendation-template.xlsx', '民主推荐票数模板.xlsx')).send(await roundTemplate()),
  );
  app.post('/recommendation-rounds/import', { bodyLimit: UPLOAD_BYTES, schema: { tags, summary: '从 .xlsx 导入民主推荐票数（身份证号或姓名+单位、票数）：全部成功或全部不写入，错误列出行号和列名', querystring: S.RoundImportQuery } }, async (req) => {
    if (!Buffer.isBuffer(req.body)) throw new HttpError(415, 'unsupported_media_type', '请以 .xlsx 类型（或 application/octet-stream）上传文件内容', 'send the .xlsx file as the raw body');
    return importRound(db, u(req), actorOf(req), await ref(), req.query, req.body);
  });
  app.get('/recommendation-rounds/:id', { schema: { tags, summary: '一次民主推荐：每人得票与推荐集中度', params: idParam } }, async (req) => getRound(db, u(req), req.params.id));

  // ───────────── 后备力量, 培训, 队伍 ─────────────
  app.get('/reserve/bench-strength', { schema: { tags, summary: '关键岗位后备力量：每个正职/关键岗位的后备人选按梯次，无随时能用者标“急用现找”，含任职者退休时间', querystring: S.BenchQuery } }, async (req) =>
    benchStrengthBoard(db, u(req), await ref(), req.query),
  );
  app.get('/reserve/training-compliance', { schema: { tags, summary: '在库干部培训达标：政治训练（每3年≥1周）与年度学时（≥80学时），列出未达标者', querystring: S.TrainingQuery } }, async (req) =>
    trainingComplianceList(db, u(req), (await ref()).rules, req.query),
  );
  app.get('/reserve/pipeline', { schema: { tags, summary: '队伍数据：按职级、年龄段、类别、性别的在库人数，每季度进出库流量，年轻干部提拔占比', querystring: S.PipelineQuery } }, async (req) =>
    pipeline(db, u(req), (await ref()).rules, req.query),
  );

  // ───────────── 导师 ─────────────
  app.get('/mentorships', { schema: { tags, summary: '导师帮带（一对一、多对一）', querystring: S.MentorshipsQuery } }, async (req) => listMentorships(db, u(req), req.query));
  app.post('/mentorships', { schema: { tags, summary: '确定导师（一名为一对一，多名为多对一）', body: S.MentorshipBody } }, async (req) => createMentorships(db, u(req), actorOf(req), (await ref()).rules, req.body));
  app.patch('/mentorships/:id', { schema: { tags, summary: '修改导师帮带（结束日期、说明；带版本号）', params: idParam, body: S.MentorshipPatch } }, async (req) =>
    updateMentorship(db, u(req), actorOf(req), (await ref()).rules, req.params.id, req.body),
  );

  // ───────────── 季度研判 ─────────────
  app.get('/reviews', { schema: { tags, summary: '季度研判列表', querystring: S.ReviewsQuery } }, async (req) => listReviews(db, u(req), req.query));
  app.post('/pools/:id/reviews', { schema: { tags, summary: '生成储备库一个季度的问题清单、实绩清单、整改清单', params: idParam, body: S.ReviewBody } }, async (req) =>
    generateReview(db, u(req), actorOf(req), await ref(), req.params.id, req.body),
  );
  app.get('/reviews/:id', { schema: { tags, summary: '季度研判的三张清单', params: idParam } }, async (req) => getReview(db, u(req), (await ref()).rules, req.params.id));
  app.patch('/reviews/:id', { schema: { tags, summary: '修改季度研判说明（带版本号）', params: idParam, body: S.ReviewPatch } }, async (req) => updateReview(db, u(req), actorOf(req), (await ref()).rules, req.params.id, req.body));
  app.post('/reviews/:id/items', { schema: { tags, summary: '在清单中增加一条', params: idParam, body: S.ReviewItemBody } }, async (req) => addReviewItem(db, u(req), actorOf(req), req.params.id, req.body));
  app.patch('/review-items/:id', { schema: { tags, summary: '修改清单条目（内容、责任人、完成时限、状态；带版本号）', params: idParam, body: S.ReviewItemPatch } }, async (req) =>
    updateReviewItem(db, u(req), actorOf(req), req.params.id, req.body),
  );
  app.get('/reviews/:id/export.xlsx', { schema: { tags, summary: '导出季度研判三张清单 Excel', params: idParam } }, async (req, reply) => {
    const review = await getReview(db, u(req), (await ref()).rules, req.params.id);
    const buffer = await reviewWorkbook(review);
    await writeAudit(db, actorOf(req), { action: 'export', entity: 'reserve_review', entityId: review.id, after: { items: review.items.length } });
    return reply.header('content-type', XLSX).header('content-disposition', attachment(`review-${review.id}.xlsx`, `${review.poolName}-${review.quarter}季度研判.xlsx`)).send(buffer);
  });
  app.get('/reviews/:id/print', { schema: { tags, summary: '季度研判三张清单（可打印 HTML）', params: idParam } }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').send(printReview(await getReview(db, u(req), (await ref()).rules, req.params.id))),
  );
}


