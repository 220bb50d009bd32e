/**
 * Interop routes: 干部任免审批表 (LRMX) preview/commit/export, the printable 任免审批表, and the Excel
 * 花名册 template/preview/commit/error report. Uploads are raw request bodies (application/zip,
 * application/octet-stream, the .xlsx MIME type), limited to LIMITS.uploadBytes.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { zipSync } from 'fflate';
import { serializeLrmx, todayISO } from '@cadre/core';
import { userOf } from '../../app';
import { actorOf } from '../../http/actor';
import { idParam } from '../../http/zod';
import { HttpError } from '../../http/errors';
import { writeAudit } from '../../audit/audit';
import { auditLog } from '../../db/schema';
import { assertCanWrite, canSee } from '../../auth/policy';
import { CommitBody, ExcelPreviewQuery, ExportQuery, FormQuery, PreviewPageQuery, TokenQuery } from './schema';
import { commitPreview, getPreview, planImport, publicReport, storePreview, summarize, type Preview } from './service';
import { loadPersons, lrmxFileName, lrmxItemsFromUpload } from './lrmx-import';
import { renderForm } from './print';
import { errorReport, excelItems, excelTemplate, parseMapping } from './excel-import';
import { LIMITS } from './zip';

/** per-file reports in a preview response; the rest via GET /interop/previews/:token?offset=&limit=&status= */
const PREVIEW_PAGE = 500;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function interopRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, rules } = app.ctx;
  const tags = ['interop'];

  // raw uploads, only inside this plugin
  app.addContentTypeParser(
    ['application/octet-stream', 'application/zip', 'application/x-zip-compressed', XLSX, 'application/xml', 'text/xml'],
    { parseAs: 'buffer', bodyLimit: LIMITS.uploadBytes },
    (_req, body, done) => done(null, body),
  );
  const upload = { bodyLimit: LIMITS.uploadBytes };
  const bodyOf = (b: unknown): Buffer => {
    if (!Buffer.isBuffer(b)) throw new HttpError(415, 'unsupported_media_type', '请以 application/zip、application/octet-stream 或 .xlsx 类型上传文件内容', 'send the file as the raw body (application/zip, application/octet-stream or the .xlsx type)');
    return b;
  };
  /** the preview with one page of per-file reports (first PREVIEW_PAGE by default; page on with offset/limit/status) */
  const previewBody = (p: Preview, extra: Record<string, unknown> = {}, q: { offset?: number; limit?: number; status?: string } = {}) => {
    const all = q.status ? p.plans.filter((x) => x.status === q.status) : p.plans;
    const offset = q.offset ?? 0;
    const limit = q.limit ?? PREVIEW_PAGE;
    return {
      token: p.token,
      kind: p.kind,
      expiresAt: new Date(p.expiresAt).toISOString(),
      summary: summarize(p.plans),
      ...extra,
      filesTotal: all.length,
      offset,
      files: all.slice(offset, offset + limit).map((x) => publicReport(x, p.view)),
    };
  };

  // ───────────── LRMX ─────────────
  app.post('/interop/lrmx/preview', { ...upload, schema: { tags, summary: '干部任免审批表（.lrmx 或 .zip）导入预览' } }, async (req) => {
    const user = userOf(req);
    const r = await rules.rules();
    assertCanWrite(user, 'registry', r);
    const name = typeof req.headers['x-file-name'] === 'string' ? decodeURIComponent(req.headers['x-file-name']) : 'upload.lrmx';
    const { items, skipped } = lrmxItemsFromUpload(bodyOf(req.body), name);
    const plans = await planImport(db, user, r, items);
    const p = await storePreview(db, { kind: 'lrmx', userId: user.id, plans, view: { user, rules: r }, extra: { skipped } });
    return previewBody(p, { skipped });
  });

  app.get('/interop/previews/:token', { schema: { tags, summary: '再次读取导入预览（分页）', querystring: PreviewPageQuery } }, async (req) => {
    const user = userOf(req);
    const p = await getPreview(db, user, (req.params as { token: string }).token, null);
    return previewBody(p, p.extra ?? {}, req.query);
  });

  app.post('/interop/lrmx/commit', { schema: { tags, summary: '提交导入（全部成功或全部不写入）', body: CommitBody } }, async (req) => {
    const user = userOf(req);
    return commitPreview(db, user, actorOf(req), await rules.rules(), await getPreview(db, user, req.body.token, 'lrmx'), 'lrmx');
  });

  app.get('/interop/lrmx/export', { schema: { tags, summary: '导出干部任免审批表（一人为 .lrmx，多人为 .zip）', querystring: ExportQuery } }, async (req, reply) => {
    const user = userOf(req);
    const r = await rules.rules();
    const ids = [...new Set(req.query.ids)];
    const people = await loadPersons(db, user, r, ids);
    const seeId = canSee(user, 'idNumber', r);
    const seeFamily = canSee(user, 'family', r);
    await writeAudit(db, actorOf(req), { action: 'export', entity: 'cadre', after: { format: 'lrmx', ids, idNumber: seeId, family: seeFamily } });
    const reads = people.flatMap((c) => [
      ...(seeId && c.record.cadre.idNumber ? [{ entity: 'cadre.idNumber', cadreId: c.id }] : []),
      ...(seeFamily && c.record.family.length ? [{ entity: 'family_member', cadreId: c.id }] : []),
    ]);
    for (let i = 0; i < reads.length; i += 1000) {
      await db.insert(auditLog).values(reads.slice(i, i + 1000).map((x) => ({ userId: user.id, username: user.username, action: 'read', entity: x.entity, entityId: String(x.cadreId), cadreId: x.cadreId, ip: req.ip, after: { via: 'lrmx export' } })));
    }
    if (people.length === 1) {
      const c = people[0];
      return reply.header('content-type', 'application/xml; charset=utf-8').header('content-disposition', attachment(`cadre_${c.id}.lrmx`, lrmxFileName(c))).send(serializeLrmx(c.person));
    }
    const files: Record<string, Uint8Array> = {};
    for (const c of people) files[lrmxFileName(c)] = new TextEncoder().encode(serializeLrmx(c.person));
    const zip = Buffer.from(zipSync(files, { level: 6 }));
    return reply.header('content-type', 'application/zip').header('content-disposition', attachment('lrmx.zip', `干部任免审批表-${todayISO()}.zip`)).send(zip);
  });

  app.get('/cadres/:id/form', { schema: { tags, summary: '干部任免审批表（打印版 HTML，两页 A4）', params: idParam, querystring: FormQuery } }, async (req, reply) => {
    const user = userOf(req);
    const r = await rules.rules();
    const [c] = await loadPersons(db, user, r, [req.params.id]);
    if (c.record.family.length) await writeAudit(db, actorOf(req), { action: 'read', entity: 'family_member', entityId: c.id, cadreId: c.id, after: { via: '任免审批表' } });
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'").send(renderForm(c.person, { asOf: req.query.asOf, orgName: c.orgName }));
  });

  // ───────────── Excel ─────────────
  app.get('/interop/excel/template', { schema: { tags, summary: 'Excel 花名册导入模板（带下拉列表）' } }, async (_req, reply) =>
    reply.header('content-type', XLSX).header('content-disposition', attachment('roster-template.xlsx', '干部花名册导入模板.xlsx')).send(await excelTemplate()),
  );

  app.post('/interop/excel/preview', { ...upload, schema: { tags, summary: 'Excel 花名册导入预览', querystring: ExcelPreviewQuery } }, async (req) => {
    const user = userOf(req);
    const r = await rules.rules();
    assertCanWrite(user, 'registry', r);
    const { items, headers, rows, unmapped } = await excelItems(bodyOf(req.body), parseMapping(req.query.mapping), req.query.sheet);
    const plans = await planImport(db, user, r, items);
    for (const p of plans) if (p.issues.length && p.row && !rows.has(p.row)) rows.set(p.row, []);
    const p = await storePreview(db, { kind: 'excel', userId: user.id, plans, view: { user, rules: r }, excel: { headers, rows }, extra: { unmappedColumns: unmapped } });
    return previewBody(p, { unmappedColumns: unmapped, reportUrl: `/api/interop/excel/report?token=${p.token}` });
  });

  app.post('/interop/excel/commit', { schema: { tags, summary: '提交 Excel 导入（全部成功或全部不写入）', body: CommitBody } }, async (req) => {
    const user = userOf(req);
    return commitPreview(db, user, actorOf(req), await rules.rules(), await getPreview(db, user, req.body.token, 'excel'), 'excel');
  });

  app.get('/interop/excel/report', { schema: { tags, summary: 'Excel 导入错误报告（问题单元格标红）', querystring: TokenQuery } }, async (req, reply) => {
    const p = await getPreview(db, userOf(req), req.query.token, 'excel');
    return reply.header('content-type', XLSX).header('content-disposition', attachment('import-report.xlsx', '导入错误报告.xlsx')).send(await errorReport(p));
  });
}
