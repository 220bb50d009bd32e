/**
 * 民主推荐 rounds: list, record (scope, level or post, voters, votes per candidate), read with
 * 推荐集中度 per candidate, and .xlsx import (身份证号 or 姓名+单位, 票数) — all or nothing, every
 * error named by row and column. A new round refreshes the tier suggestions of the candidates'
 * open pool entries.
 */
import ExcelJS from 'exceljs';
import { and, asc, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { concentration, todayISO, validateIdNumber } from '@cadre/core';
import type { Db } from '../../db/client';
import { cadre, orgUnit, position, recommendationRound, recommendationVote } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { assertOrgInScope, pathInScope } from '../../auth/policy';
import { writeAudit, type AuditActor } from '../../audit/audit';
import { badRequest, HttpError, issue, notFound, type FieldIssue } from '../../http/errors';
import { readXlsx } from '../interop/xlsx-read';
import { assertDepartment } from './policy';
import { openEntriesOf, refreshSuggestions, type RulesRef } from './workflow';
import { tx } from './pools';
import type { RoundBody, RoundImportQuery } from './schema';

type RoundRow = typeof recommendationRound.$inferSelect;

/** SQL: the round is in the user's scope (its unit in the subtree; unit-less rounds only for unscoped users) */
function roundScope(user: CurrentUser): SQL | undefined {
  if (!user.scopePath) return undefined;
  return sql`${recommendationRound.orgUnitId} in (select id from org_unit where path like ${user.scopePath + '%'})`;
}

export async function listRounds(db: Db, user: CurrentUser, q: { orgId?: number; positionId?: number; from?: string; to?: string }) {
  const conds: (SQL | undefined)[] = [roundScope(user)];
  if (q.orgId) {
    const path = await assertOrgInScope(db, user, q.orgId);
    conds.push(sql`${recommendationRound.orgUnitId} in (select id from org_unit where path like ${path + '%'})`);
  }
  if (q.positionId) conds.push(eq(recommendationRound.positionId, q.positionId));
  if (q.from) conds.push(gte(recommendationRound.date, q.from));
  if (q.to) conds.push(lte(recommendationRound.date, q.to));
  const rows = await db
    .select({
      r: recommendationRound,
      orgName: orgUnit.name,
      positionTitle: position.title,
      candidates: sql<number>`(select count(*)::int from recommendation_vote v where v.round_id = ${recommendationRound.id})`,
      topVotes: sql<number | null>`(select max(v.votes) from recommendation_vote v where v.round_id = ${recommendationRound.id})`,
    })
    .from(recommendationRound)
    .leftJoin(orgUnit, eq(orgUnit.id, recommendationRound.orgUnitId))
    .leftJoin(position, eq(position.id, recommendationRound.positionId))
    .where(and(...conds))
    .orderBy(desc(recommendationRound.date), desc(recommendationRound.id));
  return {
    items: rows.map((x) => ({
      ...x.r,
      orgName: x.orgName,
      positionTitle: x.positionTitle,
      candidates: x.candidates,
      topConcentration: x.topVotes != null ? Math.round((x.topVotes / x.r.voterCount) * 10000) / 10000 : null,
    })),
  };
}

export async function getRound(db: Db, user: CurrentUser, id: number) {
  const [x] = await db
    .select({ r: recommendationRound, orgName: orgUnit.name, positionTitle: position.title })
    .from(recommendationRound)
    .leftJoin(orgUnit, eq(orgUnit.id, recommendationRound.orgUnitId))
    .leftJoin(position, eq(position.id, recommendationRound.positionId))
    .where(and(eq(recommendationRound.id, id), roundScope(user)))
    .limit(1);
  if (!x) throw notFound('民主推荐', 'recommendation round');
  const votes = await db
    .select({ cadreId: recommendationVote.cadreId, votes: recommendationVote.votes, name: cadre.name, currentPostTitle: cadre.currentPostTitle, orgName: orgUnit.name })
    .from(recommendationVote)
    .innerJoin(cadre, eq(cadre.id, recommendationVote.cadreId))
    .leftJoin(orgUnit, eq(orgUnit.id, cadre.currentOrgId))
    .where(eq(recommendationVote.roundId, id))
    .orderBy(desc(recommendationVote.votes), asc(recommendationVote.cadreId));
  return {
    ...x.r,
    orgName: x.orgName,
    positionTitle: x.positionTitle,
    votes: votes.map((v, i) => ({ rank: i + 1, ...v, concentration: Math.round(concentration(v.votes, x.r.voterCount) * 10000) / 10000 })),
  };
}

/** checks shared by POST and import: the round's unit/post in scope, votes within voters, cadres in scope, no duplicates */
async function checkRound(db: Db, user: CurrentUser, meta: Pick<RoundBody, 'orgUnitId' | 'positionId' | 'voterCount' | 'date'>, votes: { cadreId: number; votes: number; path: string }[]): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (meta.date > todayISO()) issues.push(issue('date', 'future', `推荐日期(${meta.date})晚于今天`, `round date ${meta.date} is in the future`));
  if (meta.orgUnitId != null) await assertOrgInScope(db, user, meta.orgUnitId);
  else if (user.scopePath) issues.push(issue('orgUnitId', 'required', '请选择组织推荐的单位', 'the unit of the round is required'));
  if (meta.positionId != null) {
    const [p] = await db.select({ id: position.id, path: orgUnit.path }).from(position).innerJoin(orgUnit, eq(orgUnit.id, position.orgUnitId)).where(eq(position.id, meta.positionId));
    if (!p || !pathInScope(user, p.path)) issues.push(issue('positionId', 'not_found', `职位 ${meta.positionId} 不存在或无权访问`, `position ${meta.positionId} not found or not accessible`));
  }
  const ids = [...new Set(votes.map((v) => v.cadreId))];
  const found = ids.length
    ? await db.select({ id: cadre.id, name: cadre.name, path: orgUnit.path }).from(cadre).leftJoin(orgUnit, eq(orgUnit.id, cadre.currentOrgId)).where(inArray(cadre.id, ids))
    : [];
  const byId = new Map(found.map((c) => [c.id, c]));
  const seen = new Map<number, string>();
  for (const v of votes) {
    const c = byId.get(v.cadreId);
    if (!c || !pathInScope(user, c.path)) issues.push(issue(`${v.path}.cadreId`, 'not_found', `干部 ${v.cadreId} 不存在或无权访问`, `cadre ${v.cadreId} not found or not accessible`));
    if (v.votes > meta.voterCount) issues.push(issue(`${v.path}.votes`, 'exceeds_voters', `得票数 ${v.votes} 超过参加推荐人数 ${meta.voterCount}`, `votes ${v.votes} exceed the voter count ${meta.voterCount}`));
    const prev = seen.get(v.cadreId);
    if (prev) issues.push(issue(`${v.path}.cadreId`, 'duplicate', `与 ${prev} 是同一名干部（${c?.name ?? v.cadreId}）`, `same cadre as ${prev}`));
    else seen.set(v.cadreId, v.path);
  }
  return issues;
}

async function insertRound(db: Db, user: CurrentUser, actor: AuditActor, r: RulesRef, body: RoundBody, via: string) {
  return tx(db, async (t) => {
    const [row] = await t
      .insert(recommendationRound)
      .values({ name: body.name, date: body.date, orgUnitId: body.orgUnitId ?? null, positionId: body.positionId ?? null, targetLevel: body.targetLevel ?? null, scope: body.scope ?? null, voterCount: body.voterCount, createdBy: user.id })
      .returning();
    await t.insert(recommendationVote).values(body.votes.map((v) => ({ roundId: row.id, cadreId: v.cadreId, votes: v.votes })));
    const refreshed = await refreshSuggestions(t, actor, r, await openEntriesOf(t, body.votes.map((v) => v.cadreId)));
    await writeAudit(t, actor, { action: via === 'xlsx' ? 'import' : 'create', entity: 'recommendation_round', entityId: row.id, after: { ...row, votes: body.votes, via } });
    return { round: await getRound(t, user, row.id), suggestionsRefreshed: refreshed };
  });
}

export async function createRound(db: Db, user: CurrentUser, actor: AuditActor, r: RulesRef, body: RoundBody) {
  assertDepartment(user, '民主推荐', 'recording a recommendation round');
  const issues = await checkRound(db, user, body, body.votes.map((v, i) => ({ ...v, path: `votes[${i}]` })));
  if (issues.length) throw badRequest(issues);
  return insertRound(db, user, actor, r, body, 'api');
}

// ───────────── .xlsx ─────────────
const HEADERS = { name: ['姓名'], unit: ['单位', '工作单位', '现工作单位'], idNumber: ['身份证号', '公民身份号码', '身份证号码'], votes: ['票数', '得票数', '得票'] } as const;

export async function roundTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('推荐票数');
  ws.columns = [
    { header: '序号', width: 8 },
    { header: '姓名', width: 12 },
    { header: '单位', width: 28 },
    { header: '身份证号', width: 22 },
    { header: '票数', width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.getColumn(4).numFmt = '@';
  const notes = wb.addWorksheet('填写说明');
  for (const line of [
    '每行一名被推荐人：填写身份证号，或姓名+单位（单位须与系统中的单位全称或简称一致）。',
    '票数为该人得到的推荐票数，不能超过参加推荐人数。',
    '推荐名称、日期、参加推荐人数、推荐范围在上传时填写。',
    '任何一行有误时整批不导入，错误按行号和列名列出。',
  ])
    notes.addRow([line]);
  notes.getColumn(1).width = 80;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function importRound(db: Db, user: CurrentUser, actor: AuditActor, r: RulesRef, meta: RoundImportQuery, file: Buffer) {
  assertDepartment(user, '民主推荐', 'recording a recommendation round');
  if (!file.length) throw new HttpError(400, 'empty_upload', '上传内容为空', 'the upload is empty');
  const { rows } = readXlsx(new Uint8Array(file.buffer, file.byteOffset, file.byteLength));
  const headerIdx = rows.findIndex((x) => x.values.some((v) => (HEADERS.votes as readonly string[]).includes(v)));
  if (headerIdx < 0) throw badRequest([issue('file', 'no_header', '找不到表头（须有“票数”列，及“身份证号”或“姓名”“单位”列）', 'no header row (a 票数 column and 身份证号 or 姓名 + 单位 columns are needed)')]);
  const header = rows[headerIdx].values;
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const cName = col(HEADERS.name);
  const cUnit = col(HEADERS.unit);
  const cId = col(HEADERS.idNumber);
  const cVotes = col(HEADERS.votes);
  if (cId < 0 && (cName < 0 || cUnit < 0)) {
    throw badRequest([issue('file', 'no_identity_columns', '表头缺少“身份证号”列，或“姓名”和“单位”列', 'the header needs a 身份证号 column, or 姓名 and 单位 columns')]);
  }
  const data = rows.slice(headerIdx + 1).filter((x) => x.values.some((v) => v !== ''));
  if (!data.length) throw badRequest([issue('file', 'no_rows', '表中没有被推荐人', 'the sheet has no candidates')]);
  const issues: FieldIssue[] = [];
  const at = (row: number, field: string) => `第${row}行.${field}`;

  // look the people up in two queries: by ID number, by name
  const idNumbers = cId >= 0 ? data.map((x) => (x.values[cId] ?? '').toUpperCase()).filter(Boolean) : [];
  const names = cName >= 0 ? data.map((x) => x.values[cName] ?? '').filter(Boolean) : [];
  const people = idNumbers.length || names.length
    ? await db
        .select({ id: cadre.id, name: cadre.name, idNumber: cadre.idNumber, orgName: orgUnit.name, orgShort: orgUnit.shortName, path: orgUnit.path })
        .from(cadre)
        .leftJoin(orgUnit, eq(orgUnit.id, cadre.currentOrgId))
        .where(or(idNumbers.length ? inArray(cadre.idNumber, idNumbers) : undefined, names.length ? inArray(cadre.name, [...new Set(names)]) : undefined))
    : [];
  const visible = people.filter((p) => pathInScope(user, p.path));
  const votes: { cadreId: number; votes: number; path: string }[] = [];
  for (const x of data) {
    const n = x.number;
    const v = (c: number) => (c >= 0 ? (x.values[c] ?? '').trim() : '');
    const votesText = v(cVotes);
    const count = Number(votesText);
    let ok = true;
    if (votesText === '') {
      issues.push(issue(at(n, '票数'), 'required', '票数为空', 'votes missing'));
      ok = false;
    } else if (!Number.isInteger(count) || count < 0) {
      issues.push(issue(at(n, '票数'), 'not_integer', `票数“${votesText}”不是非负整数`, `votes "${votesText}" is not a non-negative integer`));
      ok = false;
    }
    let match: (typeof visible)[number] | undefined;
    const idn = v(cId).toUpperCase();
    if (idn) {
      const check = validateIdNumber(idn, todayISO());
      if (!check.ok) {
        issues.push(issue(at(n, '身份证号'), 'invalid_id_number', `身份证号“${idn}”无效`, `ID number "${idn}" is not valid`));
        ok = false;
      } else {
        match = visible.find((p) => p.idNumber === idn);
        if (!match) {
          issues.push(issue(at(n, '身份证号'), 'not_found', `身份证号“${idn}”在权限范围内找不到干部`, `no cadre with ID number "${idn}" in your scope`));
          ok = false;
        } else if (v(cName) && v(cName) !== match.name) {
          issues.push(issue(at(n, '姓名'), 'name_mismatch', `姓名“${v(cName)}”与身份证号对应的干部（${match.name}）不一致`, `name "${v(cName)}" differs from the cadre of the ID number (${match.name})`));
          ok = false;
        }
      }
    } else {
      const name = v(cName);
      const unit = v(cUnit);
      if (!name) {
        issues.push(issue(at(n, '姓名'), 'required', '身份证号和姓名都为空', 'neither ID number nor name given'));
        ok = false;
      } else if (!unit) {
        issues.push(issue(at(n, '单位'), 'required', `未填身份证号时须填写单位（${name}）`, `the unit is required without an ID number (${name})`));
        ok = false;
      } else {
        const hits = visible.filter((p) => p.name === name && (p.orgName === unit || p.orgShort === unit));
        if (hits.length === 0) {
          issues.push(issue(at(n, '姓名'), 'not_found', `在“${unit}”找不到干部“${name}”`, `no cadre "${name}" in "${unit}"`));
          ok = false;
        } else if (hits.length > 1) {
          issues.push(issue(at(n, '姓名'), 'ambiguous', `“${unit}”有 ${hits.length} 名“${name}”，请填写身份证号`, `${hits.length} cadres named "${name}" in "${unit}": give the ID number`));
          ok = false;
        } else match = hits[0];
      }
    }
    if (ok && match) votes.push({ cadreId: match.id, votes: count, path: `第${n}行` });
  }
  const body: RoundBody = { ...meta, votes: votes.map(({ cadreId, votes: vv }) => ({ cadreId, votes: vv })) };
  issues.push(...(await checkRound(db, user, body, votes)).map((i) => ({ ...i, path: i.path.replace(/\.cadreId$/, '.姓名').replace(/\.votes$/, '.票数') })));
  if (issues.length) {
    throw new HttpError(400, 'import_rejected', `导入未执行（共 ${issues.length} 处错误，未写入任何数据）：${issues.slice(0, 10).map((i) => `${i.path}：${i.message}`).join('；')}${issues.length > 10 ? '……' : ''}`, `nothing imported (${issues.length} errors): ${issues.slice(0, 10).map((i) => `${i.path}: ${i.messageEn}`).join('; ')}`, issues);
  }
  return insertRound(db, user, actor, r, body, 'xlsx');
}

export type { RoundRow };
