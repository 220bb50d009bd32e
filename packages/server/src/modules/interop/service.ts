/**
 * Import pipeline shared by LRMX and Excel: match each incoming record against the registry
 * (身份证号, then 姓名 + 出生年月), check it, describe the per-field changes, keep the plan under a
 * preview token, and commit all plans in ONE transaction (all-or-nothing).
 *
 * Previews are rows of import_preview (gzipped JSON in base64) for LIMITS.previewTtlMs (30 min), at most
 * LIMITS.previewsPerUser per user, and only the user who made a preview may commit it: any server
 * instance can page or commit it, a restart keeps it, and the commit deletes the row inside its own
 * transaction — a preview is written once, even when two instances are asked to commit it at the same
 * time. Each process also keeps the previews it recently made or read, decoded (pages are read often).
 *
 * Performance (bench/interop.ts, docs/benchmarks.md#interop): the registry is read with one query per
 * key kind (身份证号 list, 姓名 list), never per record; a kept preview holds only what the commit
 * needs (the record, the matched version, the per-field diff of updates — the "set" report of a
 * create is derived again from its record when a page of the preview is read); the commit writes
 * every table with one multi-row statement per chunk (creates, version-checked updates, section
 * replacements, audit entries), building each chunk only when it is written.
 */
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { and, desc, eq, getTableColumns, gt, inArray, lt, sql } from 'drizzle-orm';
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
import { reencodePhotos } from '../../files/photo';
import { assessment, cadre, career, education, familyMember, importPreview, orgUnit, reward } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { assertCanWrite, canSee, canWrite, pathInScope } from '../../auth/policy';
import { writeAuditBatch, type AuditActor, type AuditEntryInput } from '../../audit/audit';
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

/**
 * One record of a preview. `fields` holds the per-field report of an update (a diff against the
 * registry row read at preview time) and the section lines; for a create it stays empty and
 * publicReport() describes the record on demand (see the module comment).
 */
export interface Plan extends FileReport {
  record?: CadreRecord;
  version?: number;
  source?: StoredSource | null;
  sections: Incoming['sections'];
}

/** whose eyes a preview is for: masking and permissions of its reports */
export interface PreviewView {
  user: CurrentUser;
  rules: RulesConfig;
}

export interface Preview {
  token: string;
  kind: 'lrmx' | 'excel';
  userId: number;
  expiresAt: number;
  plans: Plan[];
  view: PreviewView;
  /** Excel: data kept for the error report */
  excel?: { headers: string[]; rows: Map<number, unknown[]> };
  extra?: Record<string, unknown>;
}

// ───────────── preview store ─────────────
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
/** the previews this process made or read recently, decoded (the import_preview row stays the truth) */
const recent = new Map<string, Preview>();
const RECENT_MAX = 8;

function remember(p: Preview) {
  const now = Date.now();
  for (const [k, x] of recent) if (x.expiresAt < now) recent.delete(k);
  recent.delete(p.token);
  recent.set(p.token, p);
  while (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
}

/** JSON of a preview (the Excel rows' Map as entries) */
const encode = (p: Preview) => JSON.stringify({ ...p, excel: p.excel ? { headers: p.excel.headers, rows: [...p.excel.rows] } : undefined });
function decode(json: string): Preview {
  const p = JSON.parse(json) as Preview & { excel?: { headers: string[]; rows: [number, unknown[]][] } };
  return { ...p, excel: p.excel ? { headers: p.excel.headers, rows: new Map(p.excel.rows) } : undefined } as Preview;
}

export async function storePreview(db: Db, p: Omit<Preview, 'token' | 'expiresAt'>): Promise<Preview> {
  const full: Preview = { ...p, token: randomBytes(18).toString('base64url'), expiresAt: Date.now() + LIMITS.previewTtlMs };
  const payload = (await gzipAsync(Buffer.from(encode(full)), { level: 1 })).toString('base64');
  await db.transaction(async (t) => {
    await t.delete(importPreview).where(lt(importPreview.expiresAt, new Date()));
    // at most LIMITS.previewsPerUser per user: the oldest go
    const mine = await t.select({ token: importPreview.token }).from(importPreview).where(eq(importPreview.userId, p.userId)).orderBy(desc(importPreview.expiresAt));
    const drop = mine.slice(LIMITS.previewsPerUser - 1).map((x) => x.token);
    if (drop.length) await t.delete(importPreview).where(inArray(importPreview.token, drop));
    await t.insert(importPreview).values({ token: full.token, kind: full.kind, userId: full.userId, expiresAt: new Date(full.expiresAt), payload });
  });
  remember(full);
  return full;
}

const previewGone = () => notFound('导入预览（可能已过期或已提交，请重新上传）', 'import preview (it may have expired or been committed; upload the file again)');

/** a preview of this user (of `kind` when given), or 404 */
export async function getPreview(db: Db, user: CurrentUser, token: string, kind: 'lrmx' | 'excel' | null): Promise<Preview> {
  const cached = recent.get(token);
  // the row decides (another instance may have committed it); its payload is read only when this process has no copy
  const [row] = await db
    .select({ userId: importPreview.userId, kind: importPreview.kind, ...(cached ? {} : { payload: importPreview.payload }) })
    .from(importPreview)
    .where(and(eq(importPreview.token, token), gt(importPreview.expiresAt, new Date())));
  if (!row || row.userId !== user.id || (kind && row.kind !== kind)) {
    recent.delete(token);
    throw previewGone();
  }
  if (cached) return cached;
  const p = decode((await gunzipAsync(Buffer.from((row as { payload: string }).payload, 'base64'))).toString('utf8'));
  remember(p);
  return p;
}

/** forget the decoded copies: afterwards this process reads previews as a freshly started one would (tests) */
export function forgetRecentPreviews(): void {
  recent.clear();
}

/** inside the commit's transaction: the preview row is deleted; false when it was already gone (committed elsewhere, expired) */
async function claimPreview(t: Db, preview: Preview): Promise<boolean> {
  const gone = await t.delete(importPreview).where(and(eq(importPreview.token, preview.token), eq(importPreview.userId, preview.userId))).returning({ token: importPreview.token });
  recent.delete(preview.token);
  return gone.length === 1;
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
const SECTIONS = ['education', 'career', 'assessments', 'rewards', 'family'] as const;

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

/** the cadre column values an import writes (JS keys), the unit resolved; without 身份证号 for roles that may not set it */
function cadreValues(c: CadreRecord['cadre'], orgId: number | null, mayId: boolean): Record<string, unknown> {
  const v: Record<string, unknown> = { ...c, currentOrgId: orgId };
  if (!mayId) delete v.idNumber;
  return v;
}

/** the section lines of a report ("简历: 4 条") */
function sectionFields(p: Plan, update: boolean, view: PreviewView): FieldChange[] {
  const out: FieldChange[] = [];
  for (const s of SECTIONS) {
    if (!p.sections[s] || !p.record) continue;
    if (s === 'family' && !canSee(view.user, 'family', view.rules)) continue;
    out.push({ field: s, label: LABELS[s], action: update ? 'replace' : 'set', after: `${p.record[s].length} 条` });
  }
  return out;
}

/** what a create would set, field by field (derived from the kept record, see the module comment) */
function createFields(p: Plan, view: PreviewView): FieldChange[] {
  const next = cadreValues(p.record!.cadre, p.orgId ?? null, canWrite(view.user, 'idNumber', view.rules));
  const out: FieldChange[] = [];
  for (const [k] of CADRE_FIELDS) {
    const v = next[k];
    if (v != null && v !== '') out.push({ field: k, label: LABELS[k] ?? k, action: 'set', after: show(k, v, view.user, view.rules) });
  }
  return [...out, ...sectionFields(p, false, view)];
}

/** a Map from key to the values having it, in input order */
function groupBy<T>(xs: Iterable<T>, key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** registry cadres whose 身份证号 or 姓名 is in the lists: one query per list (= any(array): one parameter, any length) */
async function loadCandidates(db: Db, ids: string[], names: string[]): Promise<CadreRow[]> {
  const found = new Map<number, CadreRow>();
  const load = async (col: typeof cadre.idNumber | typeof cadre.name, values: string[]) => {
    if (!values.length) return;
    const rows = await db
      .select({ c: cadre, orgPath: orgUnit.path })
      .from(cadre)
      .leftJoin(orgUnit, sql`${orgUnit.id} = ${cadre.currentOrgId}`)
      .where(sql`${col} = any(${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[])`);
    for (const r of rows) found.set(r.c.id, { ...r.c, orgPath: r.orgPath });
  };
  await load(cadre.idNumber, ids);
  await load(cadre.name, names);
  return [...found.values()];
}

export async function planImport(db: Db, user: CurrentUser, rules: RulesConfig, items: Incoming[]): Promise<Plan[]> {
  assertCanWrite(user, 'registry', rules);
  const today = todayISO();
  const view: PreviewView = { user, rules };
  const orgs = (await db.select({ id: orgUnit.id, name: orgUnit.name, shortName: orgUnit.shortName, path: orgUnit.path }).from(orgUnit)) as OrgRow[];
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const orgByName = new Map<string, OrgRow>();
  for (const o of orgs) if (o.shortName && !orgByName.has(o.shortName)) orgByName.set(o.shortName, o);
  for (const o of [...orgs].reverse()) orgByName.set(o.name, o); // a full name wins over a short name, the first unit over later ones
  const mayId = canWrite(user, 'idNumber', rules);
  const mayFamily = canWrite(user, 'family', rules);

  // existing cadres, loaded in bulk by ID number and by name
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const it of items) {
    if (it.record?.cadre.idNumber) ids.add(it.record.cadre.idNumber);
    if (it.record?.cadre.name) names.add(it.record.cadre.name);
  }
  const existing = await loadCandidates(db, [...ids], [...names]);
  const byId = new Map<string, CadreRow>();
  for (const c of existing) if (c.idNumber) byId.set(c.idNumber, c);
  const byNameMonth = groupBy(existing, (c) => `${c.name}|${c.birthDate.slice(0, 7)}`);

  // 照片: every photo is re-encoded (files/photo.ts) — except one byte-equal to a photo already in the registry
  // (our own earlier output: an exported file imported again stays unchanged); identical inputs once
  const stored = new Set<string>();
  for (const c of existing) if (c.photo) stored.add(c.photo);
  const photos = await reencodePhotos(items.map((it) => it.record?.cadre.photo).filter((u): u is string => !!u && !stored.has(u)));

  const seenIds = new Map<string, string>();
  const seenCadres = new Map<number, string>();
  const plans: Plan[] = [];
  for (const it of items) {
    const issues = [...it.issues];
    const name = it.record?.cadre.name ?? '';
    const plan: Plan = { file: it.file, ...(it.row ? { row: it.row } : {}), status: 'reject', name, issues, fields: [], sections: it.sections };
    plans.push(plan);
    if (!it.record || issues.some((i) => i.severity === 'error')) continue;
    // the record is kept as parsed except for a re-encoded photo and a left-out family (each makes a copy)
    let rec: CadreRecord = it.record;
    const photo = rec.cadre.photo ? photos.get(rec.cadre.photo) : undefined;
    if (photo && !photo.ok) {
      issues.push(reportIssue('ZhaoPian', photo.code, 'error', photo.zh, photo.en));
      continue;
    }
    if (photo?.ok) {
      rec = { ...rec, cadre: { ...rec.cadre, photo: photo.dataUrl } };
      if (photo.warning) issues.push(reportIssue('ZhaoPian', photo.warning.code, 'warning', photo.warning.zh, photo.warning.en));
    }
    const c = rec.cadre;

    // sensitive categories the user may not write are left out (and said so)
    if (c.idNumber && !mayId) {
      issues.push(reportIssue('ShenFenZheng', 'not_permitted', 'warning', '当前角色无权录入身份证号，已忽略（仍用于匹配已有干部）', 'your role may not set ID numbers: ignored (still used to match existing cadres)'));
    }
    if (rec.family.length && !mayFamily) {
      issues.push(reportIssue('JiaTingChengYuan', 'not_permitted', 'warning', '当前角色无权录入家庭成员，已忽略', 'your role may not write family members: ignored'));
      rec = { ...rec, family: [] };
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
    const org = it.orgName ? (orgByName.get(it.orgName) ?? null) : matchOrg(orgs, c.currentPostTitle);
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
    if (match) {
      plan.status = 'update';
      plan.cadreId = match.id;
      plan.version = match.version;
      const next = cadreValues(c, orgId, mayId);
      for (const [k] of CADRE_FIELDS) {
        if (!(k in next)) continue;
        const before = (match as Record<string, unknown>)[k] ?? null;
        const after = next[k] ?? null;
        if (after === null && before !== null && k !== 'currentOrgId') continue; // empty in the file: kept
        if (before !== after && JSON.stringify(before) !== JSON.stringify(after)) {
          plan.fields.push({ field: k, label: LABELS[k] ?? k, action: 'change', before: show(k, before, user, rules), after: show(k, after, user, rules) });
        }
      }
      plan.fields.push(...sectionFields(plan, true, view));
    } else {
      plan.status = 'create'; // fields: derived on demand (publicReport)
    }
  }
  return plans;
}

export function summarize(plans: Plan[]) {
  let create = 0;
  let update = 0;
  let reject = 0;
  let warnings = 0;
  for (const p of plans) {
    if (p.status === 'create') create++;
    else if (p.status === 'update') update++;
    else reject++;
    for (const i of p.issues) if (i.severity === 'warning') warnings++;
  }
  return { files: plans.length, create, update, reject, warnings, committable: reject === 0 && plans.length > 0 };
}

/** the report of one plan as the API shows it (a create's fields are derived here, for the preview's user) */
export function publicReport(p: Plan, view: PreviewView): FileReport {
  const { file, row, status, name, cadreId, orgId, orgName, issues } = p;
  const fields = status === 'create' && p.record ? createFields(p, view) : p.fields;
  return { file, ...(row ? { row } : {}), status, name, ...(cadreId ? { cadreId } : {}), ...(orgId !== undefined ? { orgId, orgName } : {}), issues, fields };
}

// ───────────── commit ─────────────
/** rows per multi-row statement (one JSON parameter each: a few MB at most) */
const CHUNK = 2000;

function* chunks<T>(xs: Iterable<T>, n = CHUNK): Generator<T[]> {
  let part: T[] = [];
  for (const x of xs) {
    part.push(x);
    if (part.length >= n) {
      yield part;
      part = [];
    }
  }
  if (part.length) yield part;
}

/** SQL column names of a table (checked once per statement: rows are keyed by them) */
const columnNames = (table: PgTable) => new Set(Object.values(getTableColumns(table)).map((c) => c.name));

/**
 * INSERT … SELECT FROM json_populate_recordset(null::table, $1): one statement and one parameter per
 * chunk of rows, whatever the number of columns — plain PostgreSQL, several times faster than a
 * statement per row on PGlite. Rows are keyed by SQL column name and must all have the same keys;
 * they are produced lazily, so only one chunk is in memory at a time. Returns the number of rows.
 */
async function bulkInsert(t: Db, table: PgTable, tableName: string, rows: Iterable<Record<string, unknown>>): Promise<number> {
  let n = 0;
  let list: ReturnType<typeof sql.raw> | null = null;
  for (const part of chunks(rows)) {
    if (!list) {
      const known = columnNames(table);
      const cols = Object.keys(part[0]);
      const bad = cols.find((c) => !known.has(c) || !/^[a-z_][a-z0-9_]*$/.test(c));
      if (bad) throw new Error(`bulkInsert: unknown column ${tableName}.${bad}`);
      list = sql.raw(cols.join(', '));
    }
    await t.execute(sql`insert into ${sql.raw(tableName)} (${list}) select ${list} from json_populate_recordset(null::${sql.raw(tableName)}, ${JSON.stringify(part)}::json)`);
    n += part.length;
  }
  return n;
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

/** cadre columns an import writes: JS key → SQL column */
const CADRE_COLUMNS: [string, string][] = [
  ['name', 'name'], ['pinyin', 'pinyin'], ['sex', 'sex'], ['ethnicity', 'ethnicity'], ['birthDate', 'birth_date'], ['nativePlace', 'native_place'], ['birthPlace', 'birth_place'],
  ['idNumber', 'id_number'], ['politicalStatus', 'political_status'], ['partyJoinDate', 'party_join_date'], ['workStartDate', 'work_start_date'], ['health', 'health'],
  ['professionalTitle', 'professional_title'], ['expertise', 'expertise'], ['fullTimeEducation', 'full_time_education'], ['fullTimeDegree', 'full_time_degree'],
  ['highestEducation', 'highest_education'], ['highestDegree', 'highest_degree'], ['currentOrgId', 'current_org_id'], ['currentPostTitle', 'current_post_title'],
  ['postLevel', 'post_level'], ['rank', 'rank'], ['postStartDate', 'post_start_date'], ['levelStartDate', 'level_start_date'], ['photo', 'photo'],
];

const conflict = (p: Plan) =>
  new HttpError(409, 'conflict', `干部 ${p.name}(#${p.cadreId}) 在预览后已被修改，请重新上传预览；未写入任何数据`, `cadre ${p.name} (#${p.cadreId}) changed after the preview; upload again. Nothing was written.`);

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
  const columns = CADRE_COLUMNS.filter(([k]) => mayId || k !== 'idNumber');
  const creates = plans.filter((p) => p.status === 'create');
  const updates = plans.filter((p) => p.status === 'update');
  const result = await db.transaction(async (t0) => {
    const t = t0 as unknown as Db;
    if (!(await claimPreview(t, preview))) throw previewGone();
    const q = async <R,>(query: ReturnType<typeof sql>) => ((await t.execute(query)) as unknown as { rows: R[] }).rows;
    /** the values written for each plan (JS keys, pinyin included): computed once, used for the row and its audit entry */
    const values = new Map<Plan, Record<string, unknown>>();
    const ids = new Map<Plan, number>();
    const pinyin = new Map<string, string>(); // 姓名 → initials: names repeat, the conversion is not cheap
    const valuesOf = (p: Plan) => {
      let v = values.get(p);
      if (!v) {
        const name = p.record!.cadre.name;
        let py = pinyin.get(name);
        if (py === undefined) pinyin.set(name, (py = pinyinInitials(name)));
        v = { ...cadreValues(p.record!.cadre, p.orgId ?? null, mayId), pinyin: py };
        values.set(p, v);
      }
      return v;
    };

    // creates: ids drawn from the sequence in one query, then one multi-row INSERT per chunk
    if (creates.length) {
      const newIds = await q<{ id: number }>(sql`select nextval(pg_get_serial_sequence('cadre', 'id'))::int as id from generate_series(1, ${creates.length}::int)`);
      creates.forEach((p, i) => ids.set(p, Number(newIds[i].id)));
      await bulkInsert(t, cadre, 'cadre', (function* () {
        for (const p of creates) {
          const v = valuesOf(p);
          const row: Record<string, unknown> = { id: ids.get(p) };
          for (const [k, col] of columns) row[col] = v[k] ?? null;
          yield row;
        }
      })());
    }

    // updates: the rows as they are now, then one version-checked multi-row UPDATE per chunk (409 if any changed)
    const before = new Map<number, Record<string, unknown>>();
    for (const part of chunks(updates.map((p) => p.cadreId!), 5000)) {
      for (const r of await t.select().from(cadre).where(inArray(cadre.id, part))) before.set(r.id, r);
    }
    const set = sql.raw(columns.map(([, col]) => `${col} = x.${col}`).join(', '));
    for (const part of chunks(updates)) {
      const rows = part.map((p) => {
        const v = valuesOf(p);
        const b = before.get(p.cadreId!);
        if (!b) throw conflict(p);
        // a field left empty in the file keeps the registry value (the unit is always the resolved one)
        const row: Record<string, unknown> = { id: p.cadreId, version: p.version };
        for (const [k, col] of columns) row[col] = (v[k] ?? null) === null && k !== 'currentOrgId' ? (b[k] ?? null) : v[k];
        return row;
      });
      const done = await q<{ id: number }>(sql`
        update cadre as c set ${set}, version = c.version + 1, updated_at = now()
        from json_populate_recordset(null::cadre, ${JSON.stringify(rows)}::json) as x
        where c.id = x.id and c.version = x.version
        returning c.id`);
      if (done.length !== part.length) {
        const ok = new Set(done.map((r) => Number(r.id)));
        throw conflict(part.find((p) => !ok.has(p.cadreId!))!);
      }
      for (const p of part) ids.set(p, p.cadreId!);
    }

    // sections: replaced on update (annual assessments only for the years in the file, scores kept)
    const upd = (s: keyof Plan['sections']) => updates.filter((p) => p.sections[s]).map((p) => p.cadreId!);
    const oldCareer = new Map<string, { isGrassroots: boolean; experienceTypes: string[]; postLevel: string | null }>();
    const oldEdu = new Map<string, { majorCategory: string | null; startDate: string | null; endDate: string | null }>();
    const oldScore = new Map<string, number | null>();
    for (const part of chunks(upd('career'), 5000)) {
      for (const r of await t.select().from(career).where(inArray(career.cadreId, part))) oldCareer.set(`${r.cadreId}|${r.startDate}`, r);
      await t.delete(career).where(inArray(career.cadreId, part));
    }
    for (const part of chunks(upd('education'), 5000)) {
      for (const r of await t.select().from(education).where(inArray(education.cadreId, part))) oldEdu.set(`${r.cadreId}|${r.mode}|${r.education}`, r);
      await t.delete(education).where(inArray(education.cadreId, part));
    }
    for (const part of chunks(upd('rewards'), 5000)) await t.delete(reward).where(inArray(reward.cadreId, part));
    if (mayFamily) for (const part of chunks(upd('family'), 5000)) await t.delete(familyMember).where(inArray(familyMember.cadreId, part));
    const yearly = (function* () {
      for (const p of updates) if (p.sections.assessments) for (const a of p.record!.assessments) yield { cadre_id: p.cadreId!, year: a.year };
    })();
    for (const part of chunks(yearly)) {
      const old = await q<{ cadre_id: number; year: number; score: number | null }>(sql`
        delete from assessment as a using json_to_recordset(${JSON.stringify(part)}::json) as x(cadre_id int, year int)
        where a.cadre_id = x.cadre_id and a.year = x.year and a.quarter is null
        returning a.cadre_id, a.year, a.score`);
      for (const r of old) oldScore.set(`${r.cadre_id}|${r.year}`, r.score == null ? null : Number(r.score));
    }

    // section rows, produced chunk by chunk
    const each = function* <T>(section: keyof Plan['sections'], row: (p: Plan, id: number) => Iterable<T>) {
      for (const p of plans) if (p.sections[section]) yield* row(p, ids.get(p)!);
    };
    await bulkInsert(t, education, 'education', each('education', function* (p, id) {
      for (const e of p.record!.education) {
        const o = oldEdu.get(`${id}|${e.mode}|${e.education}`);
        yield { cadre_id: id, mode: e.mode, education: e.education, degree: e.degree, school: e.school, major: e.major, major_category: o?.majorCategory ?? null, start_date: o?.startDate ?? null, end_date: o?.endDate ?? null };
      }
    }));
    await bulkInsert(t, career, 'career', each('career', function* (p, id) {
      for (const e of p.record!.career) {
        const o = oldCareer.get(`${id}|${e.startDate}`);
        yield { cadre_id: id, start_date: e.startDate, end_date: e.endDate, org_name: e.orgName, post_title: e.postTitle, is_grassroots: o?.isGrassroots ?? false, experience_types: o?.experienceTypes ?? [], post_level: o?.postLevel ?? null };
      }
    }));
    await bulkInsert(t, assessment, 'assessment', each('assessments', function* (p, id) {
      for (const a of p.record!.assessments) yield { cadre_id: id, year: a.year, result: a.result, score: oldScore.get(`${id}|${a.year}`) ?? null };
    }));
    await bulkInsert(t, reward, 'reward', each('rewards', function* (p, id) {
      for (const a of p.record!.rewards) yield { cadre_id: id, date: a.date, name: a.name };
    }));
    if (mayFamily) {
      await bulkInsert(t, familyMember, 'family_member', each('family', function* (p, id) {
        for (const f of p.record!.family) yield { cadre_id: id, relation: f.relation, name: f.name, birth_date: f.birthDate, political_status: f.politicalStatus, work_unit_post: f.workUnitPost };
      }));
    }

    // audit: one entry per record (+ one for the family part of an LRMX source), written in multi-row chunks
    await writeAuditBatch(t, actor, (function* (): Generator<AuditEntryInput> {
      for (const p of plans) {
        const id = ids.get(p)!;
        const { main, family } = splitSource(p.source);
        const r = p.record!;
        const counts = { education: r.education.length, career: r.career.length, assessments: r.assessments.length, rewards: r.rewards.length };
        const b = p.status === 'update' ? before.get(id) : undefined;
        const written: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(valuesOf(p))) if (v != null && v !== '') written[k] = v;
        yield {
          action: 'import', entity: 'cadre', entityId: id, cadreId: id,
          before: b ? redactCadre(b) : null,
          after: { mode: p.status, format: fileKind, file: p.file, cadre: redactCadre(written), sections: counts, ...(main ? { lrmx: main } : {}) },
        };
        if (p.sections.family && mayFamily && (r.family.length || family)) {
          yield { action: 'import', entity: 'family_member', entityId: null, cadreId: id, before: null, after: { count: r.family.length, ...(family ? { lrmx: family } : {}) } };
        }
      }
    })());
    return plans.map((p) => ({ file: p.file, ...(p.row ? { row: p.row } : {}), status: p.status, cadreId: ids.get(p)!, name: p.name }));
  });
  return {
    created: creates.length,
    updated: updates.length,
    items: result,
  };
}
