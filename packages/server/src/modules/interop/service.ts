/**
 * Import pipeline shared by LRMX and Excel: match each incoming record against the registry
 * (身份证号, then 姓名 + 出生年月), check it, describe the per-field changes, keep the plan in memory
 * under a preview token, and commit all plans in ONE transaction (all-or-nothing).
 *
 * Previews live in process memory for LIMITS.previewTtlMs (30 min), at most LIMITS.previewsPerUser
 * per user, and only the user who made a preview may commit it. A restart forgets them (re-upload).
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  checkCadreFacts,
  codeName,
  fieldLabel,
  maskIdNumber,
  pinyinInitials,
  todayISO,
  type CadreRecord,
  type RulesConfig,
  type StoredSource,
} from '@cadre/core';
import type { Db } from '../../db/client';
import { assessment, auditLog, cadre, career, education, familyMember, orgUnit, reward } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { assertCanWrite, canSee, canWrite, pathInScope } from '../../auth/policy';
import type { AuditActor } from '../../audit/audit';
import { HttpError, notFound } from '../../http/errors';
import type { FieldChange, FileReport, ReportIssue } from './schema';
import { LIMITS } from './zip';

export interface Incoming {
  file: string;
  row?: number;
  record: CadreRecord | null;
  /** verbatim LRMX texts to keep (main part, family part); null for Excel rows */
  source?: StoredSource | null;
  issues: ReportIssue[];
  /** which sections the input describes (replaced on update) */
  sections: { education: boolean; career: boolean; assessments: boolean; rewards: boolean; family: boolean };
  /** Excel: the unit named in a 单位 column */
  orgName?: string | null;
}

export interface Plan extends FileReport {
  record?: CadreRecord;
  version?: number;
  source?: StoredSource | null;
  sections: Incoming['sections'];
}

export interface Preview {
  token: string;
  kind: 'lrmx' | 'excel';
  userId: number;
  expiresAt: number;
  plans: Plan[];
  /** Excel: data kept for the error report */
  excel?: { headers: string[]; rows: Map<number, unknown[]> };
  extra?: Record<string, unknown>;
}

// ───────────── preview store ─────────────
const previews = new Map<string, Preview>();

function sweep(now = Date.now()) {
  for (const [k, p] of previews) if (p.expiresAt < now) previews.delete(k);
}

export function storePreview(p: Omit<Preview, 'token' | 'expiresAt'>): Preview {
  sweep();
  const mine = [...previews.values()].filter((x) => x.userId === p.userId).sort((a, b) => a.expiresAt - b.expiresAt);
  while (mine.length >= LIMITS.previewsPerUser) previews.delete(mine.shift()!.token);
  const full: Preview = { ...p, token: randomBytes(18).toString('base64url'), expiresAt: Date.now() + LIMITS.previewTtlMs };
  previews.set(full.token, full);
  return full;
}

export function getPreview(user: CurrentUser, token: string, kind: 'lrmx' | 'excel'): Preview {
  sweep();
  const p = previews.get(token);
  if (!p || p.userId !== user.id || p.kind !== kind) throw notFound('导入预览（可能已过期，请重新上传）', 'import preview (it may have expired; upload the file again)');
  return p;
}

export function dropPreview(token: string) {
  previews.delete(token);
}

// ───────────── matching and planning ─────────────
type OrgRow = { id: number; name: string; shortName: string | null; path: string };
type CadreRow = typeof cadre.$inferSelect & { orgPath: string | null };

const CADRE_FIELDS: [string, string][] = [
  ['name', 'XingMing'], ['sex', 'XingBie'], ['birthDate', 'ChuShengNianYue'], ['ethnicity', 'MinZu'], ['nativePlace', 'JiGuan'], ['birthPlace', 'ChuShengDi'],
  ['politicalStatus', 'RuDangShiJian'], ['partyJoinDate', 'RuDangShiJian'], ['workStartDate', 'CanJiaGongZuoShiJian'], ['health', 'JianKangZhuangKuang'],
  ['professionalTitle', 'ZhuanYeJiShuZhiWu'], ['expertise', 'ShuXiZhuanYeYouHeZhuanChang'], ['fullTimeEducation', 'QuanRiZhiJiaoYu_XueLi'],
  ['fullTimeDegree', 'QuanRiZhiJiaoYu_XueWei'], ['highestEducation', 'ZaiZhiJiaoYu_XueLi'], ['highestDegree', 'ZaiZhiJiaoYu_XueWei'],
  ['currentPostTitle', 'XianRenZhiWu'], ['currentOrgId', 'XianRenZhiWu'], ['postStartDate', 'JianLi'], ['idNumber', 'ShenFenZheng'], ['photo', 'ZhaoPian'],
  ['postLevel', '职务层次'], ['rank', '职级'], ['levelStartDate', '任同级时间'],
];
const LABELS: Record<string, string> = {
  name: '姓名', sex: '性别', birthDate: '出生年月', ethnicity: '民族', nativePlace: '籍贯', birthPlace: '出生地', politicalStatus: '政治面貌', partyJoinDate: '入党时间',
  workStartDate: '参加工作时间', health: '健康状况', professionalTitle: '专业技术职务', expertise: '熟悉专业有何专长', fullTimeEducation: '全日制学历', fullTimeDegree: '全日制学位',
  highestEducation: '最高学历', highestDegree: '最高学位', currentPostTitle: '现任职务', currentOrgId: '单位', postStartDate: '任现职时间', idNumber: '身份证号', photo: '照片',
  postLevel: '职务层次', rank: '职级', levelStartDate: '任同级时间',
  education: '学历学位', career: '简历', assessments: '年度考核', rewards: '奖励', family: '家庭成员',
};
const CODED: Record<string, Parameters<typeof codeName>[0]> = {
  sex: 'sex', ethnicity: 'ethnicity', politicalStatus: 'political', fullTimeEducation: 'education', highestEducation: 'education', fullTimeDegree: 'degree', highestDegree: 'degree', postLevel: 'postLevel', rank: 'rank',
};

export function reportIssue(field: string, code: string, severity: 'error' | 'warning', zh: string, en: string, extra: Partial<ReportIssue> = {}): ReportIssue {
  return { field, label: LABELS[field] ?? fieldLabel(field).zh, code, severity, message: zh, messageEn: en, ...extra };
}

const show = (field: string, v: unknown, user: CurrentUser, rules: RulesConfig) => {
  if (v == null || v === '') return null;
  if (field === 'idNumber') return canSee(user, 'idNumber', rules) ? v : maskIdNumber(String(v));
  if (field === 'photo') return `[${String(v).slice(5, String(v).indexOf(';'))} ${Math.round((String(v).length * 3) / 4 / 1024)} KB]`;
  const set = CODED[field];
  return set ? `${codeName(set, String(v)) ?? v}（${v}）` : v;
};

/** Longest org unit name (or short name) the post text starts with; else the longest contained in it. */
export function matchOrg(orgs: OrgRow[], text: string | null | undefined): OrgRow | null {
  if (!text) return null;
  let best: OrgRow | null = null;
  let bestLen = 0;
  let bestPrefix = false;
  for (const o of orgs) {
    for (const n of [o.name, o.shortName]) {
      if (!n || n.length < 2) continue;
      const prefix = text.startsWith(n);
      if (!prefix && !text.includes(n)) continue;
      if ((prefix && !bestPrefix) || (prefix === bestPrefix && n.length > bestLen)) {
        best = o;
        bestLen = n.length;
        bestPrefix = prefix;
      }
    }
  }
  return best;
}

const chunk = <T,>(xs: T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

export async function planImport(db: Db, user: CurrentUser, rules: RulesConfig, items: Incoming[]): Promise<Plan[]> {
  assertCanWrite(user, 'registry', rules);
  const today = todayISO();
  const orgs = (await db.select({ id: orgUnit.id, name: orgUnit.name, shortName: orgUnit.shortName, path: orgUnit.path }).from(orgUnit)) as OrgRow[];
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const mayId = canWrite(user, 'idNumber', rules);
  const mayFamily = canWrite(user, 'family', rules);

  // existing cadres, loaded in bulk by ID number and by name
  const ids = [...new Set(items.map((i) => i.record?.cadre.idNumber).filter(Boolean) as string[])];
  const names = [...new Set(items.map((i) => i.record?.cadre.name).filter(Boolean) as string[])];
  const existing = new Map<number, CadreRow>();
  const load = async (cond: ReturnType<typeof inArray>) => {
    const rows = await db.select({ c: cadre, orgPath: orgUnit.path }).from(cadre).leftJoin(orgUnit, eq(orgUnit.id, cadre.currentOrgId)).where(cond);
    for (const r of rows) existing.set(r.c.id, { ...r.c, orgPath: r.orgPath });
  };
  for (const part of chunk(ids, 5000)) await load(inArray(cadre.idNumber, part));
  for (const part of chunk(names, 5000)) await load(inArray(cadre.name, part));
  const byId = new Map<string, CadreRow>();
  const byNameMonth = new Map<string, CadreRow[]>();
  for (const c of existing.values()) {
    if (c.idNumber) byId.set(c.idNumber, c);
    const k = `${c.name}|${c.birthDate.slice(0, 7)}`;
    byNameMonth.set(k, [...(byNameMonth.get(k) ?? []), c]);
  }

  const seenIds = new Map<string, string>();
  const seenCadres = new Map<number, string>();
  const plans: Plan[] = [];
  for (const it of items) {
    const issues = [...it.issues];
    const name = it.record?.cadre.name ?? '';
    const plan: Plan = { file: it.file, ...(it.row ? { row: it.row } : {}), status: 'reject', name, issues, fields: [], sections: it.sections };
    plans.push(plan);
    if (!it.record || issues.some((i) => i.severity === 'error')) continue;
    const rec: CadreRecord = structuredClone(it.record);
    const c = rec.cadre;

    // sensitive categories the user may not write are left out (and said so)
    if (c.idNumber && !mayId) {
      issues.push(reportIssue('ShenFenZheng', 'not_permitted', 'warning', '当前角色无权录入身份证号，已忽略（仍用于匹配已有干部）', 'your role may not set ID numbers: ignored (still used to match existing cadres)'));
    }
    if (rec.family.length && !mayFamily) {
      issues.push(reportIssue('JiaTingChengYuan', 'not_permitted', 'warning', '当前角色无权录入家庭成员，已忽略', 'your role may not write family members: ignored'));
      rec.family = [];
      plan.sections = { ...plan.sections, family: false };
    }

    // duplicates inside the upload
    if (c.idNumber) {
      const prev = seenIds.get(c.idNumber);
      if (prev) {
        issues.push(reportIssue('ShenFenZheng', 'duplicate_in_upload', 'error', `身份证号与本次上传的 ${prev} 重复`, `same ID number as ${prev} in this upload`));
        continue;
      }
      seenIds.set(c.idNumber, it.file);
    }

    // match: 身份证号, then 姓名 + 出生年月
    let match: CadreRow | undefined = c.idNumber ? byId.get(c.idNumber) : undefined;
    if (!match) {
      const cands = (byNameMonth.get(`${c.name}|${c.birthDate.slice(0, 7)}`) ?? []).filter((x) => !c.idNumber || !x.idNumber);
      if (cands.length > 1) {
        issues.push(reportIssue('XingMing', 'ambiguous_match', 'error', `名册中有 ${cands.length} 位同名且出生年月相同的干部，无法确定更新哪一位（请补充身份证号）`, `${cands.length} cadres share this name and birth month; add the ID number to choose one`));
        continue;
      }
      match = cands[0];
    }
    if (match && !pathInScope(user, match.orgPath)) {
      issues.push(reportIssue('XingMing', 'out_of_scope', 'error', '匹配到的干部不在您的管理范围内', 'the matching cadre is outside your org subtree'));
      continue;
    }
    if (match) {
      const prev = seenCadres.get(match.id);
      if (prev) {
        issues.push(reportIssue('XingMing', 'duplicate_in_upload', 'error', `与本次上传的 ${prev} 匹配到同一位干部`, `matches the same cadre as ${prev} in this upload`));
        continue;
      }
      seenCadres.set(match.id, it.file);
    }

    // unit: from the 单位 column (Excel) or the 现任职务 text
    let org = it.orgName ? (orgs.find((o) => o.name === it.orgName || o.shortName === it.orgName) ?? null) : matchOrg(orgs, c.currentPostTitle);
    if (it.orgName && !org) issues.push(reportIssue('单位', 'org_unmatched', 'error', `单位“${it.orgName}”不在组织机构中`, `unit "${it.orgName}" is not in the organisation tree`));
    if (org && !pathInScope(user, org.path)) {
      issues.push(reportIssue('XianRenZhiWu', 'out_of_scope', 'error', `单位“${org.name}”不在您的管理范围内`, `unit "${org.name}" is outside your org subtree`));
      continue;
    }
    let orgId: number | null = org?.id ?? (match ? match.currentOrgId : null);
    if (!org && !match && user.scopeOrgId) {
      orgId = user.scopeOrgId;
      issues.push(reportIssue('XianRenZhiWu', 'org_defaulted', 'warning', `未能从现任职务识别单位，归入您的单位“${orgById.get(user.scopeOrgId)?.name ?? ''}”`, 'no unit recognised in the current post; filed under your own unit'));
    } else if (!org && !match && c.currentPostTitle) {
      issues.push(reportIssue('XianRenZhiWu', 'org_unmatched', 'warning', '未能从现任职务识别所在单位，单位留空', 'no unit recognised in the current post; the unit is left empty'));
    }
    if (issues.some((i) => i.severity === 'error')) continue;

    // registry rules (dates, ages, codes)
    const facts = { ...c, idNumber: mayId ? c.idNumber : null };
    for (const f of checkCadreFacts(facts as never, today)) {
      issues.push(reportIssue(f.path, f.code, 'error', f.message, f.messageEn));
    }
    if (issues.some((i) => i.severity === 'error')) continue;

    plan.record = rec;
    plan.orgId = orgId;
    plan.orgName = orgId ? (orgById.get(orgId)?.name ?? null) : null;
    plan.source = it.source ?? null;
    const next: Record<string, unknown> = { ...c, currentOrgId: orgId };
    if (!mayId) delete next.idNumber;
    if (match) {
      plan.status = 'update';
      plan.cadreId = match.id;
      plan.version = match.version;
      for (const [k] of CADRE_FIELDS) {
        if (!(k in next)) continue;
        const before = (match as Record<string, unknown>)[k] ?? null;
        const after = next[k] ?? null;
        if (after === null && before !== null && k !== 'currentOrgId') continue; // empty in the file: kept
        const same = JSON.stringify(before) === JSON.stringify(after);
        if (!same) plan.fields.push({ field: k, label: LABELS[k] ?? k, action: 'change', before: show(k, before, user, rules), after: show(k, after, user, rules) });
      }
    } else {
      plan.status = 'create';
      for (const [k] of CADRE_FIELDS) {
        const v = next[k];
        if (v != null && v !== '') plan.fields.push({ field: k, label: LABELS[k] ?? k, action: 'set', after: show(k, v, user, rules) });
      }
    }
    for (const s of ['education', 'career', 'assessments', 'rewards', 'family'] as const) {
      if (!plan.sections[s]) continue;
      const n = rec[s].length;
      if (s === 'family' && !canSee(user, 'family', rules)) continue;
      plan.fields.push({ field: s, label: LABELS[s], action: match ? 'replace' : 'set', after: `${n} 条` });
    }
  }
  return plans;
}

export function summarize(plans: Plan[]) {
  const count = (s: string) => plans.filter((p) => p.status === s).length;
  return {
    files: plans.length,
    create: count('create'),
    update: count('update'),
    reject: count('reject'),
    warnings: plans.reduce((n, p) => n + p.issues.filter((i) => i.severity === 'warning').length, 0),
    committable: count('reject') === 0 && plans.length > 0,
  };
}

export function publicReport(p: Plan): FileReport {
  const { file, row, status, name, cadreId, orgId, orgName, issues, fields } = p;
  return { file, ...(row ? { row } : {}), status, name, ...(cadreId ? { cadreId } : {}), ...(orgId !== undefined ? { orgId, orgName } : {}), issues, fields };
}

// ───────────── commit ─────────────
const CHUNK = 2000;

/**
 * INSERT … SELECT FROM json_populate_recordset(null::table, $1): one parameter per chunk instead of
 * one per value — several times faster on PGlite, plain PostgreSQL everywhere. Rows must all have
 * the same keys (JS column names). With `returning`, the new ids in input order (a single statement
 * numbers its rows in scan order, so ascending ids follow the input).
 */
async function bulkInsert(t: Db, table: PgTable, tableName: string, rows: Record<string, unknown>[], returning = false): Promise<number[]> {
  const ids: number[] = [];
  if (!rows.length) return ids;
  const keys = Object.keys(rows[0]);
  const cols = keys.map((k) => {
    const c = (table as unknown as Record<string, { name?: string }>)[k];
    if (!c?.name || !/^[a-z_][a-z0-9_]*$/.test(c.name)) throw new Error(`bulkInsert: unknown column ${tableName}.${k}`);
    return c.name;
  });
  const list = sql.raw(cols.join(', '));
  for (const part of chunk(rows, CHUNK)) {
    const data = JSON.stringify(part.map((r) => Object.fromEntries(keys.map((k, i) => [cols[i], r[k] ?? null]))));
    const q = sql`insert into ${sql.raw(tableName)} (${list}) select ${list} from json_populate_recordset(null::${sql.raw(tableName)}, ${data}::json)${returning ? sql` returning id` : sql``}`;
    const res = (await t.execute(q)) as unknown as { rows: { id: number }[] };
    if (returning) ids.push(...res.rows.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  return ids;
}

function redactCadre(row: Record<string, unknown>) {
  const r = { ...row };
  if (typeof r.idNumber === 'string') r.idNumber = `${r.idNumber.slice(0, 6)}********${r.idNumber.slice(-4)}`;
  if (typeof r.photo === 'string') r.photo = `[photo ${r.photo.length} bytes]`;
  return r;
}

function splitSource(src: StoredSource | null | undefined) {
  if (!src) return { main: null, family: null };
  const pick = (fam: boolean) => {
    const keep = (k: string) => (k.startsWith('JiaTingChengYuan.') === fam) && k !== 'ShenFenZheng' && k !== 'ZhaoPian';
    const raw = Object.fromEntries(Object.entries(src.raw).filter(([k]) => keep(k)));
    const canon = Object.fromEntries(Object.entries(src.canon).filter(([k]) => keep(k) && raw[k] !== undefined));
    return { raw, canon };
  };
  const main = pick(false);
  const family = pick(true);
  return {
    main: { ...main, extra: src.extra, notes: src.notes },
    family: Object.keys(family.raw).length ? family : null,
  };
}

/** Writes every plan of a preview in ONE transaction: all or nothing. */
export async function commitPreview(db: Db, user: CurrentUser, actor: AuditActor, rules: RulesConfig, preview: Preview, fileKind: string) {
  assertCanWrite(user, 'registry', rules);
  const rejected = preview.plans.filter((p) => p.status === 'reject');
  if (rejected.length) {
    throw new HttpError(409, 'preview_has_errors', `预览中有 ${rejected.length} 个被拒绝的记录，请修正后重新上传；未写入任何数据`, `${rejected.length} record(s) of the preview were rejected; fix them and upload again. Nothing was written.`);
  }
  const plans = preview.plans;
  const mayId = canWrite(user, 'idNumber', rules);
  const mayFamily = canWrite(user, 'family', rules);
  const result = await db.transaction(async (t0) => {
    const t = t0 as unknown as Db;
    const ids = new Map<Plan, number>();
    const cadreValues = (p: Plan) => {
      const c = p.record!.cadre;
      const v: Record<string, unknown> = { ...c, currentOrgId: p.orgId ?? null, pinyin: pinyinInitials(c.name) };
      if (!mayId) delete v.idNumber;
      return v;
    };
    // creates, in chunks
    const creates = plans.filter((p) => p.status === 'create');
    const CADRE_KEYS = ['name', 'pinyin', 'sex', 'ethnicity', 'birthDate', 'nativePlace', 'birthPlace', 'idNumber', 'politicalStatus', 'partyJoinDate', 'workStartDate', 'health', 'professionalTitle', 'expertise', 'fullTimeEducation', 'fullTimeDegree', 'highestEducation', 'highestDegree', 'currentOrgId', 'currentPostTitle', 'postLevel', 'rank', 'postStartDate', 'levelStartDate', 'photo'];
    const newIds = await bulkInsert(t, cadre, 'cadre', creates.map((p) => {
      const v = cadreValues(p);
      return Object.fromEntries(CADRE_KEYS.map((k) => [k, v[k] ?? null]));
    }), true);
    creates.forEach((p, i) => ids.set(p, newIds[i]));
    // updates: version-checked
    const updates = plans.filter((p) => p.status === 'update');
    const before = new Map<number, Record<string, unknown>>();
    for (const part of chunk(updates.map((p) => p.cadreId!), 5000)) {
      for (const r of await t.select().from(cadre).where(inArray(cadre.id, part))) before.set(r.id, r);
    }
    for (const p of updates) {
      const v = cadreValues(p);
      for (const k of Object.keys(v)) if (v[k] === null && k !== 'currentOrgId' && (before.get(p.cadreId!) as Record<string, unknown>)?.[k] != null) delete v[k];
      const res = await t
        .update(cadre)
        .set({ ...(v as Partial<typeof cadre.$inferInsert>), version: sql`${cadre.version} + 1`, updatedAt: new Date() })
        .where(and(eq(cadre.id, p.cadreId!), eq(cadre.version, p.version!)))
        .returning({ id: cadre.id });
      if (!res.length) {
        throw new HttpError(409, 'conflict', `干部 ${p.name}(#${p.cadreId}) 在预览后已被修改，请重新上传预览；未写入任何数据`, `cadre ${p.name} (#${p.cadreId}) changed after the preview; upload again. Nothing was written.`);
      }
      ids.set(p, p.cadreId!);
    }
    // sections: replaced on update (annual assessments only for the years in the file, scores kept)
    const upd = (s: keyof Plan['sections']) => updates.filter((p) => p.sections[s]).map((p) => p.cadreId!);
    const oldCareer = new Map<string, { isGrassroots: boolean; experienceTypes: string[]; postLevel: string | null }>();
    const oldEdu = new Map<string, { majorCategory: string | null; startDate: string | null; endDate: string | null }>();
    const oldScore = new Map<string, number | null>();
    for (const part of chunk(upd('career'), 5000)) {
      for (const r of await t.select().from(career).where(inArray(career.cadreId, part))) oldCareer.set(`${r.cadreId}|${r.startDate}`, r);
      await t.delete(career).where(inArray(career.cadreId, part));
    }
    for (const part of chunk(upd('education'), 5000)) {
      for (const r of await t.select().from(education).where(inArray(education.cadreId, part))) oldEdu.set(`${r.cadreId}|${r.mode}|${r.education}`, r);
      await t.delete(education).where(inArray(education.cadreId, part));
    }
    for (const part of chunk(upd('rewards'), 5000)) await t.delete(reward).where(inArray(reward.cadreId, part));
    if (mayFamily) for (const part of chunk(upd('family'), 5000)) await t.delete(familyMember).where(inArray(familyMember.cadreId, part));
    for (const p of updates.filter((x) => x.sections.assessments && x.record!.assessments.length)) {
      const years = p.record!.assessments.map((a) => a.year);
      const old = await t.select().from(assessment).where(and(eq(assessment.cadreId, p.cadreId!), isNull(assessment.quarter), inArray(assessment.year, years)));
      for (const r of old) oldScore.set(`${r.cadreId}|${r.year}`, r.score);
      if (old.length) await t.delete(assessment).where(inArray(assessment.id, old.map((r) => r.id)));
    }
    const rows = { education: [] as Record<string, unknown>[], career: [] as Record<string, unknown>[], assessment: [] as Record<string, unknown>[], reward: [] as Record<string, unknown>[], family: [] as Record<string, unknown>[] };
    for (const p of plans) {
      const id = ids.get(p)!;
      const r = p.record!;
      if (p.sections.education) for (const e of r.education) {
        const o = oldEdu.get(`${id}|${e.mode}|${e.education}`);
        rows.education.push({ cadreId: id, mode: e.mode, education: e.education, degree: e.degree, school: e.school, major: e.major, majorCategory: o?.majorCategory ?? null, startDate: o?.startDate ?? null, endDate: o?.endDate ?? null });
      }
      if (p.sections.career) for (const e of r.career) {
        const o = oldCareer.get(`${id}|${e.startDate}`);
        rows.career.push({ cadreId: id, startDate: e.startDate, endDate: e.endDate, orgName: e.orgName, postTitle: e.postTitle, isGrassroots: o?.isGrassroots ?? false, experienceTypes: o?.experienceTypes ?? [], postLevel: o?.postLevel ?? null });
      }
      if (p.sections.assessments) for (const a of r.assessments) rows.assessment.push({ cadreId: id, year: a.year, result: a.result, score: oldScore.get(`${id}|${a.year}`) ?? null });
      if (p.sections.rewards) for (const a of r.rewards) rows.reward.push({ cadreId: id, date: a.date, name: a.name });
      if (p.sections.family && mayFamily) for (const f of r.family) rows.family.push({ cadreId: id, relation: f.relation, name: f.name, birthDate: f.birthDate, politicalStatus: f.politicalStatus, workUnitPost: f.workUnitPost });
    }
    await bulkInsert(t, education, 'education', rows.education);
    await bulkInsert(t, career, 'career', rows.career);
    await bulkInsert(t, assessment, 'assessment', rows.assessment);
    await bulkInsert(t, reward, 'reward', rows.reward);
    await bulkInsert(t, familyMember, 'family_member', rows.family);

    // audit: one entry per record (+ one for the family part of an LRMX source)
    const audits: Record<string, unknown>[] = [];
    for (const p of plans) {
      const id = ids.get(p)!;
      const { main, family } = splitSource(p.source);
      const r = p.record!;
      const counts = { education: r.education.length, career: r.career.length, assessments: r.assessments.length, rewards: r.rewards.length };
      const b = p.status === 'update' ? before.get(id) : undefined;
      audits.push({
        userId: actor.user?.id ?? null, username: actor.user?.username ?? null, action: 'import', entity: 'cadre', entityId: String(id), cadreId: id, ip: actor.ip ?? null,
        before: b ? (redactCadre(b) as never) : null,
        after: { mode: p.status, format: fileKind, file: p.file, cadre: redactCadre(Object.fromEntries(Object.entries(cadreValues(p)).filter(([, v]) => v != null && v !== ''))), sections: counts, ...(main ? { lrmx: main } : {}) } as never,
      });
      if (p.sections.family && mayFamily && (r.family.length || family)) {
        audits.push({
          userId: actor.user?.id ?? null, username: actor.user?.username ?? null, action: 'import', entity: 'family_member', entityId: null, cadreId: id, ip: actor.ip ?? null,
          before: null, after: { count: r.family.length, ...(family ? { lrmx: family } : {}) } as never,
        });
      }
    }
    await bulkInsert(t, auditLog, 'audit_log', audits);
    return plans.map((p) => ({ file: p.file, ...(p.row ? { row: p.row } : {}), status: p.status, cadreId: ids.get(p)!, name: p.name }));
  });
  dropPreview(preview.token);
  return {
    created: result.filter((r) => r.status === 'create').length,
    updated: result.filter((r) => r.status === 'update').length,
    items: result,
  };
}
