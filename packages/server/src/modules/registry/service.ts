/** Registry use cases: the cadre record and its sections. One transaction per command, audited. */
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { ageOn, checkCadreFacts, healthNameProblem, isYoungCadre, pinyinInitials, todayISO, yearsBetween, type RulesConfig } from '@cadre/core';
import type { Db } from '../../db/client';
import { auditLog, cadre, orgUnit } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { assertCanWrite, assertOrgInScope, canSee, canWrite, pathInScope } from '../../auth/policy';
import { writeAudit, type AuditActor } from '../../audit/audit';
import { badRequest, forbidden, issue, notFound, type FieldIssue } from '../../http/errors';
import { checkCodes } from '../../http/codes';
import { deleteVersioned, findById, updateVersioned } from '../../db/versioned';
import { CADRE_CODES } from './schema';
import { reencodePhoto } from '../../files/photo';
import { SECTIONS, type SectionDef } from './sections';

export type CadreRow = typeof cadre.$inferSelect;
const tx = <T>(db: Db, fn: (t: Db) => Promise<T>) => db.transaction((t) => fn(t as unknown as Db));

/** loads a cadre the user may see; anything outside the user's subtree is "not found" */
export async function loadCadre(db: Db, user: CurrentUser, id: number): Promise<CadreRow & { orgName: string | null; orgPath: string | null }> {
  const [r] = await db
    .select({ c: cadre, orgName: orgUnit.name, orgPath: orgUnit.path })
    .from(cadre)
    .leftJoin(orgUnit, eq(orgUnit.id, cadre.currentOrgId))
    .where(eq(cadre.id, id))
    .limit(1);
  if (!r || !pathInScope(user, r.orgPath)) throw notFound('干部', 'cadre');
  return { ...r.c, orgName: r.orgName, orgPath: r.orgPath };
}

export function visibleSections(user: CurrentUser, rules: RulesConfig): SectionDef[] {
  return SECTIONS.filter((s) => s.category === 'registry' || canSee(user, s.category, rules));
}

export function presentCadre(c: CadreRow & { orgName?: string | null }, user: CurrentUser, rules: RulesConfig, asOf = todayISO()) {
  const { idNumber, ...rest } = c as CadreRow & { orgPath?: string };
  delete (rest as { orgPath?: string }).orgPath;
  return {
    ...rest,
    ...(canSee(user, 'idNumber', rules) ? { idNumber } : {}),
    age: ageOn(c.birthDate, asOf),
    isYoung: isYoungCadre(c.birthDate, c.postLevel, asOf, rules),
    yearsInPost: c.postStartDate ? Math.round(yearsBetween(c.postStartDate, asOf) * 10) / 10 : null,
  };
}

export async function getCadre(db: Db, user: CurrentUser, actor: AuditActor, rules: RulesConfig, id: number) {
  const c = await loadCadre(db, user, id);
  if (c.idNumber && canSee(user, 'idNumber', rules)) {
    await writeAudit(db, actor, { action: 'read', entity: 'cadre.idNumber', entityId: id, cadreId: id });
  }
  return {
    cadre: presentCadre(c, user, rules),
    sections: visibleSections(user, rules).map((s) => s.key),
  };
}

async function validateCadre(db: Db, merged: Record<string, unknown>, selfId: number | null, changed: Record<string, unknown> = merged): Promise<void> {
  const issues: FieldIssue[] = [...checkCodes(merged, CADRE_CODES)];
  // 健康状况 is kept as written but must name a GB/T 4767 category (checked when it is set: older text stays editable around it)
  const health = typeof changed.health === 'string' ? healthNameProblem(changed.health) : null;
  if (health) issues.push(issue('health', 'unknown_name', health.zh, health.en));
  issues.push(...(checkCadreFacts(merged as never, todayISO()) as FieldIssue[]));
  if (merged.idNumber) {
    const dup = await db
      .select({ id: cadre.id, name: cadre.name })
      .from(cadre)
      .where(and(eq(cadre.idNumber, String(merged.idNumber)), selfId ? ne(cadre.id, selfId) : undefined))
      .limit(1);
    if (dup[0]) issues.push(issue('idNumber', 'duplicate', `身份证号已被干部 ${dup[0].name}(#${dup[0].id}) 使用`, `ID number already belongs to cadre #${dup[0].id}`));
  }
  if (issues.length) throw badRequest(issues);
}

/** 照片: an uploaded photo is stored re-encoded (files/photo.ts); one equal to the stored photo is left as it is */
async function reencodeBodyPhoto(body: Record<string, unknown>, current: string | null = null): Promise<void> {
  if (typeof body.photo !== 'string' || body.photo === current) return;
  const r = await reencodePhoto(body.photo);
  if (!r.ok) throw badRequest([issue('photo', r.code, r.zh, r.en)]);
  // a damaged upload is refused here (the user is at hand to pick another file); an import keeps it with a warning
  if (r.warning) throw badRequest([issue('photo', r.warning.code, '照片数据有损坏，请重新选择照片', 'the photo data is damaged, please choose another file')]);
  body.photo = r.dataUrl;
}

export async function createCadre(db: Db, user: CurrentUser, actor: AuditActor, rules: RulesConfig, body: Record<string, unknown>) {
  assertCanWrite(user, 'registry', rules);
  if (body.idNumber && !canWrite(user, 'idNumber', rules)) throw forbidden('当前角色无权录入身份证号', 'your role may not set ID numbers');
  await reencodeBodyPhoto(body);
  return tx(db, async (t) => {
    await assertOrgInScope(t, user, (body.currentOrgId as number | null | undefined) ?? null);
    await validateCadre(t, body, null);
    const [row] = await t
      .insert(cadre)
      .values({ ...(body as typeof cadre.$inferInsert), pinyin: pinyinInitials(String(body.name)) })
      .returning();
    await writeAudit(t, actor, { action: 'create', entity: 'cadre', entityId: row.id, cadreId: row.id, after: redact(row) });
    return presentCadre(row, user, rules);
  });
}

export async function updateCadre(db: Db, user: CurrentUser, actor: AuditActor, rules: RulesConfig, id: number, patch: Record<string, unknown> & { version: number }) {
  assertCanWrite(user, 'registry', rules);
  if (patch.idNumber !== undefined && !canWrite(user, 'idNumber', rules)) throw forbidden('当前角色无权修改身份证号', 'your role may not change ID numbers');
  return tx(db, async (t) => {
    const current = await loadCadre(t, user, id);
    if (patch.currentOrgId !== undefined && patch.currentOrgId !== current.currentOrgId) await assertOrgInScope(t, user, patch.currentOrgId as number | null);
    await reencodeBodyPhoto(patch, current.photo);
    const { version, ...fields } = patch;
    const merged = { ...current, ...fields };
    await validateCadre(t, merged, id, fields);
    if (typeof fields.name === 'string') (fields as Record<string, unknown>).pinyin = pinyinInitials(fields.name);
    const res = await updateVersioned<CadreRow>(t, cadre, id, version, fields);
    await writeAudit(t, actor, { action: 'update', entity: 'cadre', entityId: id, cadreId: id, ...diff(redact(res.before), redact(res.after)) });
    return presentCadre({ ...res.after, orgName: current.orgName }, user, rules);
  });
}

export async function deleteCadre(db: Db, user: CurrentUser, actor: AuditActor, rules: RulesConfig, id: number, version: number) {
  assertCanWrite(user, 'registry', rules);
  return tx(db, async (t) => {
    await loadCadre(t, user, id);
    const before = await deleteVersioned<CadreRow>(t, cadre, id, version);
    await writeAudit(t, actor, { action: 'delete', entity: 'cadre', entityId: id, cadreId: id, before: redact(before) });
    return { ok: true };
  });
}

// ───────────── sections ─────────────
function assertSectionRead(user: CurrentUser, s: SectionDef, rules: RulesConfig) {
  if (s.category !== 'registry' && !canSee(user, s.category, rules)) throw notFound(s.label, s.labelEn);
}

function assertSectionWrite(user: CurrentUser, s: SectionDef, rules: RulesConfig) {
  assertSectionRead(user, s, rules);
  assertCanWrite(user, s.category, rules);
}

export async function listSection(db: Db, user: CurrentUser, actor: AuditActor, rules: RulesConfig, s: SectionDef, cadreId: number) {
  assertSectionRead(user, s, rules);
  await loadCadre(db, user, cadreId);
  const items = await db
    .select()
    .from(s.table as never)
    .where(eq(s.table.cadreId, cadreId))
    .orderBy(asc(s.orderBy), asc(s.table.id));
  if (s.category !== 'registry') {
    await writeAudit(db, actor, { action: 'read', entity: s.entity, cadreId, after: { count: items.length } });
  }
  return { items };
}

function checkSectionRow(s: SectionDef, row: Record<string, unknown>, c: CadreRow): FieldIssue[] {
  const issues = checkCodes(row, s.codes);
  const today = todayISO();
  if (s.key === 'rank-history' && row.code) {
    issues.push(...checkCodes({ code: row.code }, { code: row.kind === 'rank' ? ['rank', 'code'] : ['postLevel', 'code'] }));
  }
  // 储备链: a planned 挂职 / 轮岗 may be dated ahead; a done one may not (the hint names the status field)
  const planned = s.key === 'movements' && row.status === 'planned';
  const doneHint = s.key === 'movements' ? ['（已完成的调整不能晚于今天；计划中的请选“计划”状态 status: planned）', ' (a done movement cannot lie ahead; use status "planned")'] : ['', ''];
  for (const f of s.pastDates) {
    const v = row[f] as string | null | undefined;
    if (!v) continue;
    if (v > today && !planned) issues.push(issue(f, 'future', `${f}(${v})晚于今天${doneHint[0]}`, `${f} ${v} is in the future${doneHint[1]}`));
    if (v < c.birthDate) issues.push(issue(f, 'before_birth', `${f}(${v})早于出生日期(${c.birthDate})`, `${f} ${v} is before the birth date ${c.birthDate}`));
  }
  for (const f of s.afterWorkStart ?? []) {
    const v = row[f] as string | null | undefined;
    if (v && v < c.workStartDate) issues.push(issue(f, 'before_work_start', `${f}(${v})早于参加工作时间(${c.workStartDate})`, `${f} ${v} is before the work start ${c.workStartDate}`));
  }
  for (const [a, b] of s.ranges) {
    const va = row[a] as string | null | undefined;
    const vb = row[b] as string | null | undefined;
    if (va && vb && vb < va) issues.push(issue(b, 'range', `${b}(${vb})早于${a}(${va})`, `${b} ${vb} is before ${a} ${va}`));
  }
  if (s.key === 'assessments' && typeof row.year === 'number') {
    if (row.year > Number(today.slice(0, 4))) issues.push(issue('year', 'future', `考核年度(${row.year})晚于今年`, `assessment year ${row.year} is in the future`));
    if (row.year < Number(c.workStartDate.slice(0, 4))) issues.push(issue('year', 'before_work_start', `考核年度(${row.year})早于参加工作年份`, `assessment year ${row.year} is before the work start`));
  }
  return issues;
}

/** career entries may not overlap each other by more than a month (简历 must read as one line) */
async function checkCareerOverlap(db: Db, s: SectionDef, cadreId: number, row: Record<string, unknown>, selfId: number | null): Promise<FieldIssue[]> {
  if (s.key !== 'career') return [];
  const others = (await db.select().from(s.table as never).where(eq(s.table.cadreId, cadreId))) as { id: number; startDate: string; endDate: string | null; postTitle: string; orgName: string }[];
  const start = row.startDate as string;
  const end = (row.endDate as string | null) ?? '9999-12-31';
  for (const o of others) {
    if (o.id === selfId) continue;
    const oEnd = o.endDate ?? '9999-12-31';
    const overlapStart = start > o.startDate ? start : o.startDate;
    const overlapEnd = end < oEnd ? end : oEnd;
    if (overlapStart < overlapEnd && yearsBetween(overlapStart, overlapEnd > todayISO() ? todayISO() : overlapEnd) * 12 > 1) {
      return [issue('startDate', 'overlap', `与简历“${o.startDate} ${o.orgName}${o.postTitle}”时间重叠`, `overlaps the career entry from ${o.startDate} (${o.orgName} ${o.postTitle})`)];
    }
  }
  return [];
}

export async function createSectionRow(db: Db, user: CurrentUser, actor: AuditActor, rules: RulesConfig, s: SectionDef, cadreId: number, body: Record<string, unknown>) {
  assertSectionWrite(user, s, rules);
  return tx(db, async (t) => {
    const c = await loadCadre(t, user, cadreId);
    const issues = [...checkSectionRow(s, body, c), ...(await checkCareerOverlap(t, s, cadreId, body, null))];
    if (issues.length) throw badRequest(issues);
    const [row] = await t.insert(s.table).values({ ...body, cadreId } as never).returning();
    await writeAudit(t, actor, { action: 'create', entity: s.entity, entityId: (row as { id: number }).id, cadreId, after: row });
    return row;
  });
}

export async function updateSectionRow(db: Db, user: CurrentUser, actor: AuditActor, rules: RulesConfig, s: SectionDef, cadreId: number, rowId: number, patch: Record<string, unknown> & { version: number }) {
  assertSectionWrite(user, s, rules);
  return tx(db, async (t) => {
    const c = await loadCadre(t, user, cadreId);
    const existing = await findById<Record<string, unknown>>(t, s.table, rowId);
    if (!existing || existing.cadreId !== cadreId) throw notFound(s.label, s.labelEn);
    const { version, ...fields } = patch;
    const merged = { ...existing, ...fields };
    const issues = [...checkSectionRow(s, merged, c), ...(await checkCareerOverlap(t, s, cadreId, merged, rowId))];
    if (issues.length) throw badRequest(issues);
    const res = await updateVersioned(t, s.table, rowId, version, fields);
    await writeAudit(t, actor, { action: 'update', entity: s.entity, entityId: rowId, cadreId, ...diff(res.before, res.after) });
    return res.after;
  });
}

export async function deleteSectionRow(db: Db, user: CurrentUser, actor: AuditActor, rules: RulesConfig, s: SectionDef, cadreId: number, rowId: number, version: number) {
  assertSectionWrite(user, s, rules);
  return tx(db, async (t) => {
    await loadCadre(t, user, cadreId);
    const existing = await findById<Record<string, unknown>>(t, s.table, rowId);
    if (!existing || existing.cadreId !== cadreId) throw notFound(s.label, s.labelEn);
    const before = await deleteVersioned(t, s.table, rowId, version);
    await writeAudit(t, actor, { action: 'delete', entity: s.entity, entityId: rowId, cadreId, before });
    return { ok: true };
  });
}

/** the record's own audit trail (who changed what, when); sensitive entities only for those who may see them */
export async function cadreAudit(db: Db, user: CurrentUser, rules: RulesConfig, cadreId: number) {
  await loadCadre(db, user, cadreId);
  const hidden = SECTIONS.filter((s) => s.category !== 'registry' && !canSee(user, s.category, rules)).map((s) => s.entity);
  if (!canSee(user, 'idNumber', rules)) hidden.push('cadre.idNumber');
  const items = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.cadreId, cadreId), hidden.length ? sql`${auditLog.entity} not in ${hidden}` : undefined))
    .orderBy(desc(auditLog.id))
    .limit(500);
  return { items };
}

/** the audit keeps no ID numbers in clear text: they are masked to region + last 4 */
function redact<T extends Record<string, unknown>>(row: T): T {
  const r = { ...row } as Record<string, unknown>;
  if (typeof r.idNumber === 'string') r.idNumber = `${r.idNumber.slice(0, 6)}********${r.idNumber.slice(-4)}`;
  if (typeof r.photo === 'string') r.photo = `[photo ${r.photo.length} bytes]`;
  return r as T;
}

/** before/after limited to the fields that changed */
function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of Object.keys(after)) {
    if (k === 'updatedAt') continue;
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}

