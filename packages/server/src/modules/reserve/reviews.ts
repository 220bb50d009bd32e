/**
 * 季度研判 (002): for a pool and a quarter, generate the 问题清单 (warnings, slipping assessments,
 * overdue training), 实绩清单 (key-moment records, assessments) and 整改清单 (actions with owners
 * and due dates) from the members' facts (core quarterlyLists); the lists are then saved, edited
 * item by item (text, owner, due date, status), exported to .xlsx and printed.
 */
import ExcelJS from 'exceljs';
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { addYears, quarterlyLists, todayISO, type QuarterMemberInput, type RulesConfig } from '@cadre/core';
import type { Db } from '../../db/client';
import { assessment, cadre, discipline, keyMoment, orgUnit, pool, poolEntry, reserveReview, reserveReviewItem, warning } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { writeAudit, type AuditActor } from '../../audit/audit';
import { badRequest, HttpError, issue, notFound } from '../../http/errors';
import { updateVersioned } from '../../db/versioned';
import { canSee } from '../../auth/policy';
import { assertDepartment, cadreInScopeSql, loadPool, poolVisibleSql } from './policy';
import { trainingsOf } from './growth';
import { tx } from './pools';
import { QUARTER_RE, REVIEW_LISTS, type ReviewItemBody, type ReviewItemPatch } from './schema';
import type { RulesRef } from './workflow';

type ReviewRow = typeof reserveReview.$inferSelect;
type ItemRow = typeof reserveReviewItem.$inferSelect;

export const LIST_NAMES: Record<(typeof REVIEW_LISTS)[number], { zh: string; en: string }> = {
  problem: { zh: '问题清单', en: 'problems' },
  achievement: { zh: '实绩清单', en: 'achievements' },
  rectification: { zh: '整改清单', en: 'rectifications' },
};

/** first and last day of '2026Q3' */
export function quarterRange(q: string): { start: string; end: string } {
  const m = QUARTER_RE.exec(q);
  if (!m) throw badRequest([issue('quarter', 'invalid', `季度“${q}”格式应为 2026Q3`, `quarter "${q}" must look like 2026Q3`)]);
  const y = Number(m[1]);
  const k = Number(m[2]);
  const start = `${y}-${String((k - 1) * 3 + 1).padStart(2, '0')}-01`;
  const endMonth = k * 3;
  const endDay = new Date(Date.UTC(y, endMonth, 0)).getUTCDate();
  return { start, end: `${y}-${String(endMonth).padStart(2, '0')}-${String(endDay).padStart(2, '0')}` };
}

/** members of the pool on the quarter's last day (admitted then, visible to the user) with the facts core needs */
async function quarterMembers(db: Db, user: CurrentUser, r: RulesRef, poolId: number, asOf: string): Promise<QuarterMemberInput[]> {
  const ms = await db
    .select({ entryId: poolEntry.id, cadreId: poolEntry.cadreId, name: cadre.name })
    .from(poolEntry)
    .innerJoin(cadre, eq(cadre.id, poolEntry.cadreId))
    .leftJoin(orgUnit, eq(orgUnit.id, cadre.currentOrgId))
    .where(
      and(
        eq(poolEntry.poolId, poolId),
        lte(sql`coalesce(${poolEntry.admittedOn}, ${poolEntry.enteredOn})`, asOf),
        or(eq(poolEntry.stage, 'admitted'), and(eq(poolEntry.stage, 'exited'), sql`${poolEntry.exitedOn} > ${asOf}`)),
        user.scopePath ? or(sql`${pool.orgUnitId} in (select id from org_unit where path like ${user.scopePath + '%'})`, cadreInScopeSql(user)) : undefined,
      ),
    )
    .innerJoin(pool, eq(pool.id, poolEntry.poolId))
    .orderBy(asc(orgUnit.path), asc(cadre.birthDate));
  const ids = [...new Set(ms.map((m) => m.cadreId))];
  if (!ids.length) return [];
  const year = Number(asOf.slice(0, 4));
  const from = addYears(asOf, -2);
  // every record is listed; core decides what counts (impact periods, quarter windows)
  const [assessments, moments, warnings, disciplines, trainings] = await Promise.all([
    db.select({ cadreId: assessment.cadreId, year: assessment.year, quarter: assessment.quarter, result: assessment.result, stars: assessment.stars }).from(assessment).where(and(inArray(assessment.cadreId, ids), gte(assessment.year, year - 2), lte(assessment.year, year))),
    db.select({ cadreId: keyMoment.cadreId, date: keyMoment.date, event: keyMoment.event, performance: keyMoment.performance, rating: keyMoment.rating }).from(keyMoment).where(and(inArray(keyMoment.cadreId, ids), gte(keyMoment.date, from), lte(keyMoment.date, asOf))),
    db.select({ cadreId: warning.cadreId, color: warning.color, reasons: warning.reasons, issuedOn: warning.issuedOn, resolvedOn: warning.resolvedOn }).from(warning).where(and(isNotNull(warning.cadreId), inArray(warning.cadreId, ids), lte(warning.issuedOn, asOf))),
    db.select({ cadreId: discipline.cadreId, date: discipline.date, kind: discipline.kind, category: discipline.category, impactMonths: discipline.impactMonths, revokedOn: discipline.revokedOn, reason: discipline.reason }).from(discipline).where(and(inArray(discipline.cadreId, ids), lte(discipline.date, asOf))),
    trainingsOf(db, ids, asOf, r.rules),
  ]);
  const group = <T extends { cadreId: number | null }>(rows: T[]) => {
    const m = new Map<number, Omit<T, 'cadreId'>[]>();
    for (const { cadreId, ...rest } of rows) {
      if (cadreId == null) continue;
      let l = m.get(cadreId);
      if (!l) m.set(cadreId, (l = []));
      l.push(rest);
    }
    return m;
  };
  const aBy = group(assessments);
  const kBy = group(moments);
  const wBy = group(warnings);
  const dBy = group(disciplines);
  const seen = new Set<number>();
  const out: QuarterMemberInput[] = [];
  for (const m of ms) {
    if (seen.has(m.cadreId)) continue;
    seen.add(m.cadreId);
    out.push({
      cadreId: m.cadreId,
      entryId: m.entryId,
      name: m.name,
      assessments: aBy.get(m.cadreId) ?? [],
      keyMoments: kBy.get(m.cadreId) ?? [],
      warnings: (wBy.get(m.cadreId) ?? []).map((w) => ({ ...w, reasons: w.reasons ?? [] })),
      // 处分 is a sensitive category: only for users who may see it (rules.sensitiveAccess)
      disciplines: canSee(user, 'discipline', r.rules) ? (dBy.get(m.cadreId) ?? []) : [],
      trainings: trainings.get(m.cadreId) ?? [],
    });
  }
  return out;
}

function presentReview(r: ReviewRow, poolName: string, items: ItemRow[], names: Map<number, string>) {
  return {
    ...r,
    poolName,
    lists: LIST_NAMES,
    items: items.map((i) => ({ ...i, cadreName: i.cadreId ? (names.get(i.cadreId) ?? null) : null })),
    counts: Object.fromEntries(REVIEW_LISTS.map((l) => [l, items.filter((i) => i.list === l).length])) as Record<(typeof REVIEW_LISTS)[number], number>,
  };
}
export type PresentedReview = ReturnType<typeof presentReview>;

export async function generateReview(db: Db, user: CurrentUser, actor: AuditActor, r: RulesRef, poolId: number, body: { quarter: string; replace?: boolean }) {
  const p = await loadPool(db, user, poolId);
  assertDepartment(user, '季度研判', 'the quarterly review');
  const { start, end } = quarterRange(body.quarter);
  if (start > todayISO()) throw badRequest([issue('quarter', 'future', `季度 ${body.quarter} 尚未开始`, `quarter ${body.quarter} has not begun`)]);
  const asOf = end < todayISO() ? end : todayISO();
  const members = await quarterMembers(db, user, r, poolId, asOf);
  const lists = quarterlyLists(members, body.quarter, r.rules);
  return tx(db, async (t) => {
    const [existing] = await t.select().from(reserveReview).where(and(eq(reserveReview.poolId, poolId), eq(reserveReview.quarter, body.quarter)));
    if (existing && !body.replace) {
      throw new HttpError(409, 'review_exists', `「${p.name}」${body.quarter} 的季度研判已生成（可打开修改，或选择重新生成）`, `the ${body.quarter} review of "${p.name}" exists (open it, or regenerate with replace)`, undefined, existing);
    }
    if (existing) {
      await t.delete(reserveReview).where(eq(reserveReview.id, existing.id));
      await writeAudit(t, actor, { action: 'delete', entity: 'reserve_review', entityId: existing.id, before: existing });
    }
    const [row] = await t.insert(reserveReview).values({ poolId, quarter: body.quarter, asOf, rulesVersion: r.version, createdBy: user.id }).returning();
    const values = [
      ...lists.problems.map((it, i) => ({ reviewId: row.id, list: 'problem', cadreId: it.cadreId, text: `${it.name}：${it.zh}`, owner: null, dueDate: null, source: it.kind, sort: i })),
      ...lists.achievements.map((it, i) => ({ reviewId: row.id, list: 'achievement', cadreId: it.cadreId, text: `${it.name}：${it.zh}`, owner: null, dueDate: null, source: it.kind, sort: i })),
      ...lists.rectifications.map((it, i) => ({ reviewId: row.id, list: 'rectification', cadreId: it.cadreId, text: `${it.name}：${it.zh}`, owner: it.ownerRole, dueDate: it.dueDate, source: it.kind, sort: i })),
    ];
    if (values.length) await t.insert(reserveReviewItem).values(values);
    await writeAudit(t, actor, { action: 'create', entity: 'reserve_review', entityId: row.id, after: { ...row, members: members.length, items: values.length } });
    return getReview(t, user, r.rules, row.id);
  });
}

async function loadReview(db: Db, user: CurrentUser, id: number) {
  const [r] = await db
    .select({ r: reserveReview, poolName: pool.name })
    .from(reserveReview)
    .innerJoin(pool, eq(pool.id, reserveReview.poolId))
    .where(and(eq(reserveReview.id, id), poolVisibleSql(user)));
  if (!r) throw notFound('季度研判', 'quarterly review');
  const p = await loadPool(db, user, r.r.poolId);
  return { ...r, full: p.full };
}

export async function getReview(db: Db, user: CurrentUser, rules: RulesConfig, id: number) {
  const { r, poolName, full } = await loadReview(db, user, id);
  const items = await db
    .select()
    .from(reserveReviewItem)
    .where(
      and(
        eq(reserveReviewItem.reviewId, id),
        full ? undefined : cadreInScopeSql(user, reserveReviewItem.cadreId),
        // lines about 处分 only for users who may see discipline records
        canSee(user, 'discipline', rules) ? undefined : sql`${reserveReviewItem.source} <> 'discipline'`,
      ),
    )
    .orderBy(asc(reserveReviewItem.list), asc(reserveReviewItem.sort), asc(reserveReviewItem.id));
  const ids = [...new Set(items.map((i) => i.cadreId).filter((x): x is number => x != null))];
  const names = new Map((ids.length ? await db.select({ id: cadre.id, name: cadre.name }).from(cadre).where(inArray(cadre.id, ids)) : []).map((c) => [c.id, c.name]));
  return presentReview(r, poolName, items, names);
}

export async function listReviews(db: Db, user: CurrentUser, q: { poolId?: number }) {
  const conds: (SQL | undefined)[] = [poolVisibleSql(user)];
  if (q.poolId) conds.push(eq(reserveReview.poolId, q.poolId));
  const rows = await db
    .select({ r: reserveReview, poolName: pool.name, items: sql<number>`(select count(*)::int from reserve_review_item i where i.review_id = ${reserveReview.id})` })
    .from(reserveReview)
    .innerJoin(pool, eq(pool.id, reserveReview.poolId))
    .where(and(...conds))
    .orderBy(desc(reserveReview.quarter), asc(reserveReview.poolId));
  return { items: rows.map((x) => ({ ...x.r, poolName: x.poolName, itemCount: x.items })) };
}

export async function updateReview(db: Db, user: CurrentUser, actor: AuditActor, rules: RulesConfig, id: number, body: { version: number; note?: string | null }) {
  await loadReview(db, user, id);
  assertDepartment(user, '季度研判', 'the quarterly review');
  return tx(db, async (t) => {
    const { before, after } = await updateVersioned<ReviewRow>(t, reserveReview, id, body.version, body.note !== undefined ? { note: body.note } : {});
    await writeAudit(t, actor, { action: 'update', entity: 'reserve_review', entityId: id, before, after });
    return getReview(t, user, rules, id);
  });
}

export async function addReviewItem(db: Db, user: CurrentUser, actor: AuditActor, id: number, body: ReviewItemBody) {
  await loadReview(db, user, id);
  assertDepartment(user, '季度研判', 'the quarterly review');
  return tx(db, async (t) => {
    const [{ n }] = await t.select({ n: sql<number>`coalesce(max(${reserveReviewItem.sort}), -1)::int + 1` }).from(reserveReviewItem).where(and(eq(reserveReviewItem.reviewId, id), eq(reserveReviewItem.list, body.list)));
    const [row] = await t.insert(reserveReviewItem).values({ reviewId: id, list: body.list, cadreId: body.cadreId ?? null, text: body.text, owner: body.owner ?? null, dueDate: body.dueDate ?? null, source: 'manual', sort: n }).returning();
    await writeAudit(t, actor, { action: 'create', entity: 'reserve_review_item', entityId: row.id, cadreId: row.cadreId, after: row });
    return row;
  });
}

export async function updateReviewItem(db: Db, user: CurrentUser, actor: AuditActor, id: number, body: ReviewItemPatch) {
  const [item] = await db.select().from(reserveReviewItem).where(eq(reserveReviewItem.id, id));
  if (!item) throw notFound('清单条目', 'review item');
  const { full } = await loadReview(db, user, item.reviewId);
  if (!full && item.cadreId == null) throw notFound('清单条目', 'review item');
  assertDepartment(user, '季度研判', 'the quarterly review');
  return tx(db, async (t) => {
    const patch: Record<string, unknown> = {};
    for (const k of ['text', 'owner', 'dueDate', 'status'] as const) if (body[k] !== undefined) patch[k] = body[k];
    const { before, after } = await updateVersioned<ItemRow>(t, reserveReviewItem, id, body.version, patch);
    await writeAudit(t, actor, { action: 'update', entity: 'reserve_review_item', entityId: id, cadreId: item.cadreId, before, after });
    return after;
  });
}

// ───────────── export / print ─────────────
const HEAD = ['序号', '姓名', '内容', '责任人', '完成时限', '状态', '来源'];

export async function reviewWorkbook(r: PresentedReview): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cadre Atlas';
  for (const list of REVIEW_LISTS) {
    const ws = wb.addWorksheet(LIST_NAMES[list].zh);
    ws.addRow([`${r.poolName} ${r.quarter} ${LIST_NAMES[list].zh}`]);
    ws.mergeCells(1, 1, 1, HEAD.length);
    ws.getRow(1).font = { bold: true, size: 14 };
    ws.addRow(HEAD);
    ws.getRow(2).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 2 }];
    r.items
      .filter((i) => i.list === list)
      .forEach((i, k) => ws.addRow([k + 1, i.cadreName ?? '', i.text, i.owner ?? '', i.dueDate ?? '', i.status, i.source]));
    [6, 10, 60, 16, 12, 8, 14].forEach((w, k) => (ws.getColumn(k + 1).width = w));
    ws.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function printReview(r: PresentedReview): string {
  const table = (list: (typeof REVIEW_LISTS)[number]) => {
    const rows = r.items.filter((i) => i.list === list);
    return `<h2>${esc(LIST_NAMES[list].zh)}（${rows.length}项）</h2>
<table><thead><tr>${HEAD.slice(0, 6).map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>
${rows.length ? rows.map((i, k) => `<tr><td>${k + 1}</td><td>${esc(i.cadreName)}</td><td class="t">${esc(i.text)}</td><td>${esc(i.owner)}</td><td>${esc(i.dueDate)}</td><td>${esc(i.status)}</td></tr>`).join('\n') : '<tr><td colspan="6">无</td></tr>'}
</tbody></table>`;
  };
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.poolName)} ${esc(r.quarter)} 季度研判</title>
<style>
@page { size: A4; margin: 18mm 15mm; }
body { font-family: "Noto Serif CJK SC", "SimSun", serif; font-size: 12pt; color: #000; }
h1 { text-align: center; font-size: 18pt; margin: 0 0 4mm; }
.meta { text-align: center; margin-bottom: 6mm; }
h2 { font-size: 14pt; margin: 6mm 0 2mm; }
table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
th, td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; }
th { background: #eee; }
td.t { width: 55%; }
tr { page-break-inside: avoid; }
</style></head><body>
<h1>${esc(r.poolName)}季度研判</h1>
<div class="meta">${esc(r.quarter)}（截至 ${esc(r.asOf)}）${r.note ? `<br>${esc(r.note)}` : ''}</div>
${REVIEW_LISTS.map(table).join('\n')}
</body></html>`;
}
