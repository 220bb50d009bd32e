/** LRMX in and out: uploaded bytes → per-file import items; registry rows (+ kept source) → LRMX persons. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  LRMX_MAX_BYTES,
  parseLrmx,
  personToRecord,
  recordToPerson,
  sourceForRecord,
  todayISO,
  type CadreRecord,
  type LrmxPerson,
  type RulesConfig,
  type StoredSource,
} from '@cadre/core';
import type { Db } from '../../db/client';
import { assessment, auditLog, cadre, career, education, familyMember, orgUnit, reward } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { canSee, pathInScope } from '../../auth/policy';
import { HttpError } from '../../http/errors';
import { reportIssue, type Incoming } from './service';
import { LIMITS, decodeText, isZip, readZip } from './zip';

const ALL_SECTIONS = { education: true, career: true, assessments: true, rewards: true, family: true };

/** one .lrmx file → an import item (never throws: problems are issues of the item) */
export function lrmxItem(file: string, bytes: Uint8Array, asOf = todayISO()): Incoming {
  if (bytes.length > LIMITS.fileBytes) {
    return { file, record: null, sections: ALL_SECTIONS, issues: [reportIssue('(file)', 'too_large', 'error', `文件超过 ${LIMITS.fileBytes / 1024 / 1024} MB 上限`, `file exceeds the ${LIMITS.fileBytes} byte limit`)] };
  }
  const { text, encoding } = decodeText(bytes);
  const issues = encoding === 'UTF-8' ? [] : [reportIssue('(file)', 'encoding', 'warning', `文件编码为 ${encoding}，已转换为 UTF-8`, `file encoding ${encoding} converted to UTF-8`)];
  const r = parseLrmx(text, { asOf, maxBytes: LRMX_MAX_BYTES });
  for (const i of r.issues) issues.push(reportIssue(i.field, i.code, i.severity, i.zh, i.en, i.suggestions ? { suggestions: i.suggestions } : {}));
  if (!r.person || issues.some((i) => i.severity === 'error')) return { file, record: null, sections: ALL_SECTIONS, issues };
  const record = personToRecord(r.person);
  return { file, record, source: sourceForRecord(r.person, record), sections: ALL_SECTIONS, issues };
}

/** request body (a .lrmx file or a .zip of them) → import items */
export function lrmxItemsFromUpload(body: Buffer, fileName = 'upload.lrmx'): { items: Incoming[]; skipped: string[] } {
  if (!body?.length) throw new HttpError(400, 'empty_upload', '上传内容为空', 'the upload is empty');
  if (isZip(body)) {
    const { entries, skipped } = readZip(body);
    if (!entries.length) throw new HttpError(400, 'zip_empty', '压缩包中没有 .lrmx 文件', 'the archive holds no .lrmx file');
    const asOf = todayISO();
    return { items: entries.map((e) => lrmxItem(e.name, e.data, asOf)), skipped };
  }
  return { items: [lrmxItem(fileName, body)], skipped: [] };
}

// ───────────── export ─────────────
export interface LoadedCadre {
  id: number;
  name: string;
  record: CadreRecord;
  person: LrmxPerson;
  orgName: string | null;
}

/** registry rows of the given cadres as LRMX persons; cadres outside the user's scope are "not found" */
export async function loadPersons(db: Db, user: CurrentUser, rules: RulesConfig, ids: number[]): Promise<LoadedCadre[]> {
  const rows = await db.select({ c: cadre, orgName: orgUnit.name, orgPath: orgUnit.path }).from(cadre).leftJoin(orgUnit, eq(orgUnit.id, cadre.currentOrgId)).where(inArray(cadre.id, ids));
  const visible = rows.filter((r) => pathInScope(user, r.orgPath));
  if (visible.length !== new Set(ids).size) throw new HttpError(404, 'not_found', '干部不存在或无权访问', 'cadre not found or not accessible');
  const seeFamily = canSee(user, 'family', rules);
  const seeId = canSee(user, 'idNumber', rules);
  const by = <T extends { cadreId: number }>(xs: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of xs) m.set(x.cadreId, [...(m.get(x.cadreId) ?? []), x]);
    return m;
  };
  const [edu, car, ass, rew, fam, src, famSrc] = await Promise.all([
    db.select().from(education).where(inArray(education.cadreId, ids)).orderBy(asc(education.id)),
    db.select().from(career).where(inArray(career.cadreId, ids)).orderBy(asc(career.startDate), asc(career.id)),
    db.select().from(assessment).where(and(inArray(assessment.cadreId, ids), sql`${assessment.quarter} is null`)).orderBy(asc(assessment.year)),
    db.select().from(reward).where(inArray(reward.cadreId, ids)).orderBy(asc(reward.date), asc(reward.id)),
    seeFamily ? db.select().from(familyMember).where(inArray(familyMember.cadreId, ids)).orderBy(asc(familyMember.id)) : Promise.resolve([] as (typeof familyMember.$inferSelect)[]),
    latestSources(db, ids, 'cadre'),
    seeFamily ? latestSources(db, ids, 'family_member') : Promise.resolve(new Map<number, Partial<StoredSource>>()),
  ]);
  const E = by(edu), C = by(car), A = by(ass), R = by(rew), F = by(fam);
  return visible.map(({ c, orgName }) => {
    const record: CadreRecord = {
      cadre: {
        name: c.name, sex: c.sex, ethnicity: c.ethnicity, birthDate: c.birthDate, nativePlace: c.nativePlace, birthPlace: c.birthPlace,
        idNumber: seeId ? c.idNumber : null, politicalStatus: c.politicalStatus, partyJoinDate: c.partyJoinDate, workStartDate: c.workStartDate,
        health: c.health, professionalTitle: c.professionalTitle, expertise: c.expertise, fullTimeEducation: c.fullTimeEducation, fullTimeDegree: c.fullTimeDegree,
        highestEducation: c.highestEducation, highestDegree: c.highestDegree, currentPostTitle: c.currentPostTitle, postStartDate: c.postStartDate, photo: c.photo,
      },
      education: (E.get(c.id) ?? []).map((e) => ({ mode: e.mode as '全日制' | '在职', education: e.education, degree: e.degree, school: e.school, major: e.major })),
      career: (C.get(c.id) ?? []).map((e) => ({ startDate: e.startDate, endDate: e.endDate, orgName: e.orgName, postTitle: e.postTitle })),
      assessments: (A.get(c.id) ?? []).map((a) => ({ year: a.year, result: a.result })),
      rewards: (R.get(c.id) ?? []).map((r) => ({ date: r.date, name: r.name })),
      family: (F.get(c.id) ?? []).map((f) => ({ relation: f.relation, name: f.name, birthDate: f.birthDate, politicalStatus: f.politicalStatus, workUnitPost: f.workUnitPost })),
    };
    const main = src.get(c.id) ?? {};
    const fs = famSrc.get(c.id);
    const source: Partial<StoredSource> = {
      extra: main.extra ?? {},
      notes: main.notes ?? [],
      raw: { ...(main.raw ?? {}), ...(fs?.raw ?? {}) },
      canon: { ...(main.canon ?? {}), ...(fs?.canon ?? {}) },
    };
    return { id: c.id, name: c.name, record, person: recordToPerson(record, source), orgName };
  });
}

/** the LRMX source kept by the latest import of each cadre (audit entries with after.lrmx) */
async function latestSources(db: Db, ids: number[], entity: 'cadre' | 'family_member'): Promise<Map<number, Partial<StoredSource>>> {
  const rows = (await db
    .selectDistinctOn([auditLog.cadreId], { cadreId: auditLog.cadreId, lrmx: sql<Partial<StoredSource>>`${auditLog.after} -> 'lrmx'` })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.action, 'import'), inArray(auditLog.cadreId, ids), sql`${auditLog.after} ? 'lrmx'`))
    .orderBy(auditLog.cadreId, sql`${auditLog.id} desc`)) as { cadreId: number | null; lrmx: Partial<StoredSource> }[];
  return new Map(rows.filter((r) => r.cadreId != null).map((r) => [r.cadreId!, r.lrmx]));
}

/** a file name for a cadre's .lrmx: 姓名_id.lrmx, with characters unsafe in file names removed */
export function lrmxFileName(c: { id: number; name: string }): string {
  return `${c.name.replace(/[\\/:*?"<>|\s]/g, '')}_${c.id}.lrmx`;
}
