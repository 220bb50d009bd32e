/**
 * Young-cadre growth (001): 导师 (一对一, or 多对一 — several mentors for one mentee), training
 * compliance of pool members (core trainingCompliance: political ≥ 1 week every 3 years, ≥ 80 h a
 * year — from the rules), and the full-lifecycle growth record (成长纪实) of one cadre, whose every
 * read is audited as a sensitive read.
 */
import { aliasedTable, and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { addYears, ageOn, STAGE_NAMES, todayISO, trainingCompliance, type PoolStage, type RulesConfig, type TrainingRecord } from '@cadre/core';
import type { Db } from '../../db/client';
import { appointment, assessment, cadre, developmentPlan, keyMoment, mentorship, movement, orgUnit, pool, poolEntry, poolEntryEvent, position, training } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { writeAudit, type AuditActor } from '../../audit/audit';
import { badRequest, HttpError, issue, notFound } from '../../http/errors';
import { updateVersioned } from '../../db/versioned';
import { loadCadre } from '../registry/service';
import { assertReserveWrite, cadreInScopeSql, entryVisibleSql, loadPool } from './policy';
import { OPEN_STAGES, tierLabel, tx } from './pools';
import type { MentorshipBody, MentorshipPatch } from './schema';

type MentorshipRow = typeof mentorship.$inferSelect;
const mentor = aliasedTable(cadre, 'mentor');
const mentee = aliasedTable(cadre, 'mentee');

// ───────────── mentorships ─────────────
function mentorshipScope(user: CurrentUser): SQL | undefined {
  if (!user.scopePath) return undefined;
  return or(cadreInScopeSql(user, mentorship.menteeId), cadreInScopeSql(user, mentorship.mentorId));
}

async function listMentorshipRows(db: Db, where: SQL | undefined) {
  return db
    .select({ m: mentorship, mentorName: mentor.name, mentorPost: mentor.currentPostTitle, menteeName: mentee.name, menteePost: mentee.currentPostTitle })
    .from(mentorship)
    .innerJoin(mentor, eq(mentor.id, mentorship.mentorId))
    .innerJoin(mentee, eq(mentee.id, mentorship.menteeId))
    .where(where)
    .orderBy(asc(mentorship.menteeId), asc(mentorship.startDate), asc(mentorship.id));
}

function presentMentorships(rows: Awaited<ReturnType<typeof listMentorshipRows>>, asOf: string) {
  const openByMentee = new Map<number, number>();
  const open = (m: MentorshipRow) => m.startDate <= asOf && (!m.endDate || m.endDate >= asOf);
  for (const r of rows) if (open(r.m)) openByMentee.set(r.m.menteeId, (openByMentee.get(r.m.menteeId) ?? 0) + 1);
  return rows.map((r) => ({
    ...r.m,
    mentor: { id: r.m.mentorId, name: r.mentorName, currentPostTitle: r.mentorPost },
    mentee: { id: r.m.menteeId, name: r.menteeName, currentPostTitle: r.menteePost },
    active: open(r.m),
    /** 一对一 or 多对一 (several open mentors for the mentee) */
    mode: (openByMentee.get(r.m.menteeId) ?? 0) > 1 ? '多对一' : '一对一',
  }));
}

export async function listMentorships(db: Db, user: CurrentUser, q: { menteeId?: number; mentorId?: number; active?: boolean }) {
  const asOf = todayISO();
  const conds: (SQL | undefined)[] = [mentorshipScope(user)];
  if (q.menteeId) conds.push(eq(mentorship.menteeId, q.menteeId));
  if (q.mentorId) conds.push(eq(mentorship.mentorId, q.mentorId));
  if (q.active) conds.push(and(lte(mentorship.startDate, asOf), or(isNull(mentorship.endDate), gte(mentorship.endDate, asOf))));
  return { items: presentMentorships(await listMentorshipRows(db, and(...conds)), asOf) };
}

export async function createMentorships(db: Db, user: CurrentUser, actor: AuditActor, rules: RulesConfig, body: MentorshipBody) {
  assertReserveWrite(user, rules);
  const m = await loadCadre(db, user, body.menteeId);
  const issues = [];
  if (body.endDate && body.endDate < body.startDate) issues.push(issue('endDate', 'range', `结束日期(${body.endDate})早于开始日期(${body.startDate})`, `endDate ${body.endDate} is before startDate ${body.startDate}`));
  const ids = [...new Set(body.mentorIds)];
  if (ids.length !== body.mentorIds.length) issues.push(issue('mentorIds', 'duplicate', '导师重复', 'duplicate mentors'));
  if (ids.includes(body.menteeId)) issues.push(issue('mentorIds', 'self', '导师不能是本人', 'a cadre cannot mentor themself'));
  for (const [i, id] of body.mentorIds.entries()) {
    try {
      const c = await loadCadre(db, user, id);
      if (c.status !== '在职') issues.push(issue(`mentorIds[${i}]`, 'not_in_service', `${c.name}不是在职干部`, `${c.name} is not in service`));
    } catch {
      issues.push(issue(`mentorIds[${i}]`, 'not_found', `干部 ${id} 不存在或无权访问`, `cadre ${id} not found or not accessible`));
    }
  }
  if (issues.length) throw badRequest(issues);
  return tx(db, async (t) => {
    const dup = await t
      .select({ id: mentorship.id, mentorId: mentorship.mentorId })
      .from(mentorship)
      .where(and(eq(mentorship.menteeId, body.menteeId), inArray(mentorship.mentorId, ids), or(isNull(mentorship.endDate), gte(mentorship.endDate, body.startDate))));
    if (dup.length) throw new HttpError(409, 'mentorship_exists', `${m.name}与导师（干部 ${dup.map((d) => d.mentorId).join('、')}）的帮带关系尚未结束`, `an open mentorship with mentor(s) ${dup.map((d) => d.mentorId).join(', ')} already exists`, undefined, dup);
    const rows = await t
      .insert(mentorship)
      .values(ids.map((mentorId) => ({ mentorId, menteeId: body.menteeId, startDate: body.startDate, endDate: body.endDate ?? null, note: body.note ?? null })))
      .returning();
    for (const row of rows) await writeAudit(t, actor, { action: 'create', entity: 'mentorship', entityId: row.id, cadreId: row.menteeId, after: row });
    return { items: presentMentorships(await listMentorshipRows(t, eq(mentorship.menteeId, body.menteeId)), todayISO()).filter((x) => rows.some((r) => r.id === x.id)) };
  });
}

export async function updateMentorship(db: Db, user: CurrentUser, actor: AuditActor, rules: RulesConfig, id: number, body: MentorshipPatch) {
  assertReserveWrite(user, rules);
  const [row] = await db.select().from(mentorship).where(and(eq(mentorship.id, id), mentorshipScope(user)));
  if (!row) throw notFound('导师帮带', 'mentorship');
  await loadCadre(db, user, row.menteeId);
  const start = body.startDate ?? row.startDate;
  const end = body.endDate === undefined ? row.endDate : body.endDate;
  if (end && end < start) throw badRequest([issue('endDate', 'range', `结束日期(${end})早于开始日期(${start})`, `endDate ${end} is before startDate ${start}`)]);
  return tx(db, async (t) => {
    const patch: Record<string, unknown> = {};
    for (const k of ['startDate', 'endDate', 'note'] as const) if (body[k] !== undefined) patch[k] = body[k];
    const { before, after } = await updateVersioned<MentorshipRow>(t, mentorship, id, body.version, patch);
    await writeAudit(t, actor, { action: 'update', entity: 'mentorship', entityId: id, cadreId: row.menteeId, before, after });
    return presentMentorships(await listMentorshipRows(t, eq(mentorship.id, id)), todayISO())[0];
  });
}

// ───────────── training compliance ─────────────
/** the members (admitted entries visible to the user) of one pool or of every pool */
async function members(db: Db, user: CurrentUser, poolId: number | undefined) {
  if (poolId) await loadPool(db, user, poolId);
  return db
    .select({ cadreId: poolEntry.cadreId, poolId: poolEntry.poolId, poolName: pool.name, name: cadre.name, birthDate: cadre.birthDate, postLevel: cadre.postLevel, currentPostTitle: cadre.currentPostTitle, orgName: orgUnit.name })
    .from(poolEntry)
    .innerJoin(pool, eq(pool.id, poolEntry.poolId))
    .innerJoin(cadre, eq(cadre.id, poolEntry.cadreId))
    .leftJoin(orgUnit, eq(orgUnit.id, cadre.currentOrgId))
    .where(and(eq(poolEntry.stage, 'admitted'), poolId ? eq(poolEntry.poolId, poolId) : undefined, entryVisibleSql(user)))
    .orderBy(asc(orgUnit.path), asc(cadre.birthDate), asc(cadre.id));
}

export async function trainingsOf(db: Db, ids: number[], asOf: string, rules: RulesConfig): Promise<Map<number, TrainingRecord[]>> {
  const out = new Map<number, TrainingRecord[]>();
  const from = addYears(asOf, -(rules.training.poolPoliticalTrainingEveryYears + 1));
  for (let i = 0; i < ids.length; i += 5000) {
    const part = ids.slice(i, i + 5000);
    const rows = await db
      .select({ cadreId: training.cadreId, name: training.name, startDate: training.startDate, endDate: training.endDate, hours: training.hours, mode: training.mode, isPolitical: training.isPolitical })
      .from(training)
      .where(and(inArray(training.cadreId, part), gte(training.startDate, from), lte(training.startDate, asOf)));
    for (const { cadreId, ...t } of rows) {
      let l = out.get(cadreId);
      if (!l) out.set(cadreId, (l = []));
      l.push({ ...t, hours: Number(t.hours) });
    }
  }
  return out;
}

export async function trainingComplianceList(db: Db, user: CurrentUser, rules: RulesConfig, q: { poolId?: number; behindOnly?: boolean; asOf?: string }) {
  const asOf = q.asOf ?? todayISO();
  const ms = await members(db, user, q.poolId);
  // one row per cadre (a cadre in several pools is listed once, with their pools)
  const byCadre = new Map<number, (typeof ms)[number] & { pools: { id: number; name: string }[] }>();
  for (const m of ms) {
    const prev = byCadre.get(m.cadreId);
    if (prev) prev.pools.push({ id: m.poolId, name: m.poolName });
    else byCadre.set(m.cadreId, { ...m, pools: [{ id: m.poolId, name: m.poolName }] });
  }
  const trainings = await trainingsOf(db, [...byCadre.keys()], asOf, rules);
  const items = [...byCadre.values()].map((m) => {
    const c = trainingCompliance(trainings.get(m.cadreId) ?? [], asOf, rules);
    return { cadreId: m.cadreId, name: m.name, age: ageOn(m.birthDate, asOf), postLevel: m.postLevel, currentPostTitle: m.currentPostTitle, orgName: m.orgName, pools: m.pools, compliance: c };
  });
  const summary = {
    members: items.length,
    behind: items.filter((x) => x.compliance.behind).length,
    politicalOverdue: items.filter((x) => !x.compliance.political.ok).length,
    hoursBehind: items.filter((x) => !x.compliance.hours.onPace).length,
  };
  return {
    asOf,
    rules: { political: { everyYears: rules.training.poolPoliticalTrainingEveryYears, minDays: rules.training.poolPoliticalTrainingMinDays }, annualHours: rules.training.annualCentralisedHours },
    summary,
    items: q.behindOnly ? items.filter((x) => x.compliance.behind) : items,
  };
}

// ───────────── 成长纪实 ─────────────
/** movement kinds shown as 挂职 / 轮岗 on the growth record */
const GROWTH_MOVES = ['挂职', '上挂下派', '交流轮岗'];

export async function growthRecord(db: Db, user: CurrentUser, actor: AuditActor, rules: RulesConfig, id: number, asOf = todayISO()) {
  const c = await loadCadre(db, user, id);
  const [entries, events, mentors, mentees, plans, trainings, moves, moments, assessments, posts] = await Promise.all([
    db
      .select({ e: poolEntry, poolName: pool.name, poolKind: pool.kind })
      .from(poolEntry)
      .innerJoin(pool, eq(pool.id, poolEntry.poolId))
      .where(and(eq(poolEntry.cadreId, id), entryVisibleSql(user)))
      .orderBy(asc(poolEntry.enteredOn), asc(poolEntry.id)),
    db.select().from(poolEntryEvent).where(eq(poolEntryEvent.cadreId, id)).orderBy(asc(poolEntryEvent.date), asc(poolEntryEvent.id)),
    listMentorshipRows(db, eq(mentorship.menteeId, id)),
    listMentorshipRows(db, eq(mentorship.mentorId, id)),
    db.select().from(developmentPlan).where(eq(developmentPlan.cadreId, id)).orderBy(asc(developmentPlan.id)),
    trainingsOf(db, [id], asOf, rules),
    db.select().from(movement).where(and(eq(movement.cadreId, id), inArray(movement.kind, GROWTH_MOVES))).orderBy(asc(movement.date), asc(movement.id)),
    db.select().from(keyMoment).where(eq(keyMoment.cadreId, id)).orderBy(asc(keyMoment.date)),
    db.select({ year: assessment.year, quarter: assessment.quarter, result: assessment.result, score: assessment.score, stars: assessment.stars }).from(assessment).where(eq(assessment.cadreId, id)).orderBy(asc(assessment.year), asc(assessment.quarter)),
    db
      .select({ startDate: appointment.startDate, endDate: appointment.endDate, kind: appointment.kind, title: position.title, level: position.level, orgName: orgUnit.name, orgPath: orgUnit.path })
      .from(appointment)
      .innerJoin(position, eq(position.id, appointment.positionId))
      .innerJoin(orgUnit, eq(orgUnit.id, position.orgUnitId))
      .where(eq(appointment.cadreId, id))
      .orderBy(asc(appointment.startDate)),
  ]);
  const visibleEntries = new Set(entries.map((x) => x.e.id));
  const compliance = trainingCompliance(trainings.get(id) ?? [], asOf, rules);
  // 成长纪实 is a sensitive read (the person's whole development file)
  await writeAudit(db, actor, { action: 'read', entity: 'cadre.growth', entityId: id, cadreId: id, after: { entries: entries.length, events: events.length } });

  // one chronological timeline of the milestones
  type Item = { date: string; kind: string; text: string; en?: string };
  const timeline: Item[] = [];
  for (const p of posts) timeline.push({ date: p.startDate, kind: 'post', text: `任${p.orgName}${p.title}${p.kind !== '任职' ? `（${p.kind}）` : ''}` });
  for (const ev of events) {
    if (!visibleEntries.has(ev.entryId)) continue;
    const poolName = entries.find((x) => x.e.id === ev.entryId)?.poolName ?? '';
    if (ev.kind === 'stage') timeline.push({ date: ev.date, kind: 'pool', text: `${poolName}：${ev.toStage ? stageZh(ev.toStage) : ''}${ev.exitReason ? `（${ev.exitReason}）` : ev.reason ? `（${ev.reason}）` : ''}` });
    if (ev.kind === 'tier_decision') timeline.push({ date: ev.date, kind: 'tier', text: `${poolName}：确定为「${tierLabel(ev.tier)?.zh ?? ev.tier}」` });
  }
  for (const m of moves) timeline.push({ date: m.startDate ?? m.date, kind: 'movement', text: `${m.kind}${m.hostUnit ? `：${m.hostUnit}` : m.toOrg ? `：${m.toOrg}` : ''}${m.status === 'planned' ? '（计划）' : ''}` });
  for (const k of moments) timeline.push({ date: k.date, kind: 'keyMoment', text: `${k.event}${k.rating ? `（${k.rating}）` : ''}` });
  for (const m of mentors) timeline.push({ date: m.m.startDate, kind: 'mentor', text: `导师：${m.mentorName}` });
  timeline.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  return {
    cadre: { id: c.id, name: c.name, sex: c.sex, birthDate: c.birthDate, age: ageOn(c.birthDate, asOf), postLevel: c.postLevel, currentPostTitle: c.currentPostTitle, orgName: c.orgName },
    asOf,
    pools: entries.map(({ e, poolName, poolKind }) => ({
      entryId: e.id,
      poolId: e.poolId,
      poolName,
      poolKind,
      stage: e.stage,
      open: (OPEN_STAGES as readonly string[]).includes(e.stage),
      field: e.field,
      enteredOn: e.enteredOn,
      admittedOn: e.admittedOn,
      exitedOn: e.exitedOn,
      exitReason: e.exitReason,
      tier: e.tier,
      suggestedTier: e.suggestedTier,
      suggestion: e.suggestedBasis,
      history: events.filter((ev) => ev.entryId === e.id),
    })),
    mentors: presentMentorships(mentors, asOf),
    mentoring: presentMentorships(mentees, asOf),
    plans,
    training: compliance,
    movements: moves.map((m) => ({ ...m, status: m.status })),
    keyMoments: moments,
    assessments,
    posts: posts.map(({ orgPath: _p, ...p }) => p),
    timeline,
  };
}

const stageZh = (s: string) => STAGE_NAMES[s as PoolStage]?.zh ?? s;
