/** Org module use cases: 单位 tree, 班子, 职位 (with 职数), 任职. Each write is one transaction with its audit entry. */
import { and, asc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import { ageOn, todayISO, yearsBetween } from '@cadre/core';
import type { Db } from '../../db/client';
import { appointment, cadre, orgUnit, position, team } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { assertOrgInScope, orgUnitScopeCondition, pathInScope } from '../../auth/policy';
import { writeAudit, type AuditActor } from '../../audit/audit';
import { badRequest, issue, notFound } from '../../http/errors';
import { checkCodes } from '../../http/codes';
import { deleteVersioned, findById, updateVersioned } from '../../db/versioned';

type OrgUnitRow = typeof orgUnit.$inferSelect;
type TeamRow = typeof team.$inferSelect;
type PositionRow = typeof position.$inferSelect;
type AppointmentRow = typeof appointment.$inferSelect;

const tx = <T>(db: Db, fn: (t: Db) => Promise<T>) => db.transaction((t) => fn(t as unknown as Db));

// ───────────── 单位 ─────────────
export async function listOrgUnits(db: Db, user: CurrentUser) {
  return db.select().from(orgUnit).where(orgUnitScopeCondition(user)).orderBy(asc(orgUnit.path), asc(orgUnit.sort), asc(orgUnit.id));
}

export async function getOrgUnit(db: Db, user: CurrentUser, id: number): Promise<OrgUnitRow> {
  const u = await findById<OrgUnitRow>(db, orgUnit, id);
  if (!u || !pathInScope(user, u.path)) throw notFound('单位', 'org unit');
  return u;
}

/** unit with its teams, positions, incumbents and vacancies (空缺) */
export async function orgUnitDetail(db: Db, user: CurrentUser, id: number, asOf = todayISO()) {
  const unit = await getOrgUnit(db, user, id);
  const teams = await db.select().from(team).where(eq(team.orgUnitId, id)).orderBy(asc(team.id));
  const positions = teams.length
    ? await db.select().from(position).where(inArray(position.teamId, teams.map((t) => t.id))).orderBy(asc(position.sort), asc(position.id))
    : [];
  const holders = positions.length
    ? await db
        .select({
          appointmentId: appointment.id,
          positionId: appointment.positionId,
          cadreId: cadre.id,
          name: cadre.name,
          sex: cadre.sex,
          birthDate: cadre.birthDate,
          startDate: appointment.startDate,
          kind: appointment.kind,
          version: appointment.version,
        })
        .from(appointment)
        .innerJoin(cadre, eq(cadre.id, appointment.cadreId))
        .where(and(inArray(appointment.positionId, positions.map((p) => p.id)), isNull(appointment.endDate)))
        .orderBy(asc(appointment.startDate))
    : [];
  return {
    unit,
    teams: teams.map((t) => ({
      team: t,
      positions: positions
        .filter((p) => p.teamId === t.id)
        .map((p) => {
          const hs = holders
            .filter((h) => h.positionId === p.id)
            .map((h) => ({
              ...h,
              age: ageOn(h.birthDate, asOf),
              yearsInPost: Math.round(yearsBetween(h.startDate, asOf) * 10) / 10,
            }));
          // only 任职 fills the quota (兼任/挂职/代理 do not), as in @cadre/core teamAnalysis
          const filled = hs.filter((h) => (h.kind ?? '任职') === '任职').length;
          return { position: p, holders: hs, filled, vacancies: Math.max(0, p.quota - filled) };
        }),
    })),
  };
}

export async function createOrgUnit(db: Db, user: CurrentUser, actor: AuditActor, body: Omit<typeof orgUnit.$inferInsert, 'path'>) {
  const issues = checkCodes(body, { kind: ['orgKind', 'name'], managementLevel: ['managementLevel', 'name'], rankLevel: ['postLevel', 'code'] });
  if (issues.length) throw badRequest(issues);
  if (user.scopePath && body.parentId == null) throw notFound('上级单位', 'parent unit');
  return tx(db, async (t) => {
    const parentPath = body.parentId == null ? '/' : await assertOrgInScope(t, user, body.parentId);
    const [row] = await t.insert(orgUnit).values({ ...body, path: '/' }).returning();
    const [u] = await t.update(orgUnit).set({ path: `${parentPath}${row.id}/` }).where(eq(orgUnit.id, row.id)).returning();
    await writeAudit(t, actor, { action: 'create', entity: 'org_unit', entityId: u.id, after: u });
    return u;
  });
}

export async function updateOrgUnit(db: Db, user: CurrentUser, actor: AuditActor, id: number, patch: Partial<OrgUnitRow> & { version: number }) {
  const issues = checkCodes(patch, { kind: ['orgKind', 'name'], managementLevel: ['managementLevel', 'name'], rankLevel: ['postLevel', 'code'] });
  if (issues.length) throw badRequest(issues);
  return tx(db, async (t) => {
    const current = await getOrgUnit(t, user, id);
    const { version, ...fields } = patch;
    const moving = fields.parentId !== undefined && fields.parentId !== current.parentId;
    let newPath = current.path;
    if (moving) {
      const parentPath = fields.parentId == null ? '/' : await assertOrgInScope(t, user, fields.parentId);
      if (fields.parentId == null && user.scopePath) throw notFound('上级单位', 'parent unit');
      if (parentPath.startsWith(current.path)) {
        throw badRequest([issue('parentId', 'cycle', '不能把单位移到它自己的下级单位之下', 'a unit cannot be moved under its own descendant')]);
      }
      newPath = `${parentPath}${id}/`;
    }
    const res = await updateVersioned<OrgUnitRow>(t, orgUnit, id, version, { ...fields, path: newPath });
    if (moving) {
      await t
        .update(orgUnit)
        .set({ path: sql`${newPath}::text || substring(${orgUnit.path} from ${current.path.length + 1}::int)` })
        .where(and(like(orgUnit.path, `${current.path}%`), sql`${orgUnit.id} <> ${id}`));
    }
    await writeAudit(t, actor, { action: 'update', entity: 'org_unit', entityId: id, before: res.before, after: res.after });
    return res.after;
  });
}

export async function deleteOrgUnit(db: Db, user: CurrentUser, actor: AuditActor, id: number, version: number) {
  return tx(db, async (t) => {
    const u = await getOrgUnit(t, user, id);
    const [{ children }] = await t.select({ children: sql<number>`count(*)::int` }).from(orgUnit).where(eq(orgUnit.parentId, id));
    const [{ teams }] = await t.select({ teams: sql<number>`count(*)::int` }).from(team).where(eq(team.orgUnitId, id));
    const [{ people }] = await t.select({ people: sql<number>`count(*)::int` }).from(cadre).where(eq(cadre.currentOrgId, id));
    if (children || teams || people) {
      throw badRequest([
        issue('id', 'in_use', `单位“${u.name}”下仍有 ${children} 个下级单位、${teams} 个班子、${people} 名干部，不能删除`, `unit "${u.name}" still has ${children} sub-units, ${teams} teams and ${people} cadres`),
      ]);
    }
    const before = await deleteVersioned(t, orgUnit, id, version);
    await writeAudit(t, actor, { action: 'delete', entity: 'org_unit', entityId: id, before });
    return { ok: true };
  });
}

// ───────────── 班子 ─────────────
export async function listTeams(db: Db, user: CurrentUser, orgUnitId?: number) {
  const rows = await db
    .select({ team, path: orgUnit.path, orgName: orgUnit.name })
    .from(team)
    .innerJoin(orgUnit, eq(orgUnit.id, team.orgUnitId))
    .where(and(orgUnitId ? eq(team.orgUnitId, orgUnitId) : undefined, orgUnitScopeCondition(user)))
    .orderBy(asc(orgUnit.path), asc(team.id));
  return rows.map((r) => ({ ...r.team, orgName: r.orgName }));
}

async function getTeam(db: Db, user: CurrentUser, id: number): Promise<TeamRow> {
  const t = await findById<TeamRow>(db, team, id);
  if (!t) throw notFound('班子', 'team');
  await assertOrgInScope(db, user, t.orgUnitId);
  return t;
}

export async function createTeam(db: Db, user: CurrentUser, actor: AuditActor, body: typeof team.$inferInsert) {
  return tx(db, async (t) => {
    await assertOrgInScope(t, user, body.orgUnitId);
    const [row] = await t.insert(team).values(body).returning();
    await writeAudit(t, actor, { action: 'create', entity: 'team', entityId: row.id, after: row });
    return row;
  });
}

export async function updateTeam(db: Db, user: CurrentUser, actor: AuditActor, id: number, patch: Partial<TeamRow> & { version: number }) {
  return tx(db, async (t) => {
    await getTeam(t, user, id);
    if (patch.orgUnitId) await assertOrgInScope(t, user, patch.orgUnitId);
    const { version, ...fields } = patch;
    const res = await updateVersioned<TeamRow>(t, team, id, version, fields);
    await writeAudit(t, actor, { action: 'update', entity: 'team', entityId: id, before: res.before, after: res.after });
    return res.after;
  });
}

export async function deleteTeam(db: Db, user: CurrentUser, actor: AuditActor, id: number, version: number) {
  return tx(db, async (t) => {
    const tm = await getTeam(t, user, id);
    const [{ n }] = await t.select({ n: sql<number>`count(*)::int` }).from(position).where(eq(position.teamId, id));
    if (n) throw badRequest([issue('id', 'in_use', `班子“${tm.name}”仍有 ${n} 个职位，不能删除`, `team "${tm.name}" still has ${n} positions`)]);
    const before = await deleteVersioned(t, team, id, version);
    await writeAudit(t, actor, { action: 'delete', entity: 'team', entityId: id, before });
    return { ok: true };
  });
}

// ───────────── 职位 ─────────────
export async function listPositions(db: Db, user: CurrentUser, q: { teamId?: number; orgUnitId?: number }) {
  const rows = await db
    .select({ position })
    .from(position)
    .innerJoin(orgUnit, eq(orgUnit.id, position.orgUnitId))
    .where(and(q.teamId ? eq(position.teamId, q.teamId) : undefined, q.orgUnitId ? eq(position.orgUnitId, q.orgUnitId) : undefined, orgUnitScopeCondition(user)))
    .orderBy(asc(position.teamId), asc(position.sort), asc(position.id));
  return rows.map((r) => r.position);
}

async function getPosition(db: Db, user: CurrentUser, id: number): Promise<PositionRow> {
  const p = await findById<PositionRow>(db, position, id);
  if (!p) throw notFound('职位', 'position');
  await assertOrgInScope(db, user, p.orgUnitId);
  return p;
}

export async function createPosition(db: Db, user: CurrentUser, actor: AuditActor, body: Omit<typeof position.$inferInsert, 'orgUnitId'>) {
  const issues = checkCodes(body, { level: ['postLevel', 'code'] });
  if (issues.length) throw badRequest(issues);
  return tx(db, async (t) => {
    const tm = await getTeam(t, user, body.teamId);
    const [row] = await t.insert(position).values({ ...body, orgUnitId: tm.orgUnitId }).returning();
    await writeAudit(t, actor, { action: 'create', entity: 'position', entityId: row.id, after: row });
    return row;
  });
}

export async function updatePosition(db: Db, user: CurrentUser, actor: AuditActor, id: number, patch: Partial<PositionRow> & { version: number }) {
  const issues = checkCodes(patch, { level: ['postLevel', 'code'] });
  if (issues.length) throw badRequest(issues);
  return tx(db, async (t) => {
    await getPosition(t, user, id);
    const { version, ...fields } = patch;
    if (fields.teamId) fields.orgUnitId = (await getTeam(t, user, fields.teamId)).orgUnitId;
    const res = await updateVersioned<PositionRow>(t, position, id, version, fields);
    await writeAudit(t, actor, { action: 'update', entity: 'position', entityId: id, before: res.before, after: res.after });
    return res.after;
  });
}

export async function deletePosition(db: Db, user: CurrentUser, actor: AuditActor, id: number, version: number) {
  return tx(db, async (t) => {
    const p = await getPosition(t, user, id);
    const [{ n }] = await t.select({ n: sql<number>`count(*)::int` }).from(appointment).where(eq(appointment.positionId, id));
    if (n) throw badRequest([issue('id', 'in_use', `职位“${p.title}”有 ${n} 条任职记录，不能删除`, `position "${p.title}" has ${n} appointments`)]);
    const before = await deleteVersioned(t, position, id, version);
    await writeAudit(t, actor, { action: 'delete', entity: 'position', entityId: id, before });
    return { ok: true };
  });
}

// ───────────── 任职 ─────────────
export async function listAppointments(db: Db, user: CurrentUser, q: { cadreId?: number; positionId?: number }) {
  const rows = await db
    .select({ a: appointment, title: position.title, orgName: orgUnit.name, orgUnitId: orgUnit.id })
    .from(appointment)
    .innerJoin(position, eq(position.id, appointment.positionId))
    .innerJoin(orgUnit, eq(orgUnit.id, position.orgUnitId))
    .innerJoin(cadre, eq(cadre.id, appointment.cadreId))
    .where(
      and(
        q.cadreId ? eq(appointment.cadreId, q.cadreId) : undefined,
        q.positionId ? eq(appointment.positionId, q.positionId) : undefined,
        user.scopePath ? sql`(${orgUnit.path} like ${user.scopePath + '%'} or ${cadre.currentOrgId} in (select id from org_unit where path like ${user.scopePath + '%'}))` : undefined,
      ),
    )
    .orderBy(asc(appointment.startDate));
  return rows.map((r) => ({ ...r.a, positionTitle: r.title, orgName: r.orgName, orgUnitId: r.orgUnitId }));
}

/** the cadre's denormalised current post follows their open 任职 appointment */
export async function refreshCurrentPost(db: Db, cadreId: number) {
  const [open] = await db
    .select({ a: appointment, p: position, orgName: orgUnit.name })
    .from(appointment)
    .innerJoin(position, eq(position.id, appointment.positionId))
    .innerJoin(orgUnit, eq(orgUnit.id, position.orgUnitId))
    .where(and(eq(appointment.cadreId, cadreId), isNull(appointment.endDate), eq(appointment.kind, '任职')))
    .orderBy(sql`${appointment.startDate} desc`)
    .limit(1);
  const [c] = await db.select().from(cadre).where(eq(cadre.id, cadreId));
  if (!c) return;
  const next = open
    ? {
        currentOrgId: open.p.orgUnitId,
        currentPositionId: open.p.id,
        currentPostTitle: `${open.orgName}${open.p.title}`,
        postLevel: open.p.level,
        postStartDate: open.a.startDate,
      }
    : { currentPositionId: null, currentPostTitle: null };
  const changed = Object.entries(next).some(([k, v]) => (c as Record<string, unknown>)[k] !== v);
  if (changed) await db.update(cadre).set({ ...next, version: sql`${cadre.version} + 1`, updatedAt: new Date() }).where(eq(cadre.id, cadreId));
}

async function assertCadreInScope(db: Db, user: CurrentUser, cadreId: number) {
  const [c] = await db.select({ id: cadre.id, currentOrgId: cadre.currentOrgId, workStartDate: cadre.workStartDate, birthDate: cadre.birthDate }).from(cadre).where(eq(cadre.id, cadreId));
  if (!c) throw notFound('干部', 'cadre');
  if (user.scopePath) await assertOrgInScope(db, user, c.currentOrgId).catch(() => { throw notFound('干部', 'cadre'); });
  return c;
}

function checkAppointmentDates(a: { startDate?: string | null; endDate?: string | null }, c: { workStartDate: string }) {
  const issues = [];
  const today = todayISO();
  if (a.startDate && a.startDate < c.workStartDate) issues.push(issue('startDate', 'before_work_start', `任职时间(${a.startDate})早于参加工作时间(${c.workStartDate})`, `start ${a.startDate} is before the work start ${c.workStartDate}`));
  if (a.startDate && a.startDate > today) issues.push(issue('startDate', 'future', `任职时间(${a.startDate})晚于今天`, `start ${a.startDate} is in the future`));
  if (a.startDate && a.endDate && a.endDate < a.startDate) issues.push(issue('endDate', 'before_start', `免职时间(${a.endDate})早于任职时间(${a.startDate})`, `end ${a.endDate} is before start ${a.startDate}`));
  if (issues.length) throw badRequest(issues);
}

export async function createAppointment(db: Db, user: CurrentUser, actor: AuditActor, body: typeof appointment.$inferInsert) {
  return tx(db, async (t) => {
    const c = await assertCadreInScope(t, user, body.cadreId);
    await getPosition(t, user, body.positionId);
    checkAppointmentDates(body, c);
    const [row] = await t.insert(appointment).values(body).returning();
    await refreshCurrentPost(t, body.cadreId);
    await writeAudit(t, actor, { action: 'create', entity: 'appointment', entityId: row.id, cadreId: body.cadreId, after: row });
    return row;
  });
}

export async function updateAppointment(db: Db, user: CurrentUser, actor: AuditActor, id: number, patch: Partial<AppointmentRow> & { version: number }) {
  return tx(db, async (t) => {
    const a = await findById<AppointmentRow>(t, appointment, id);
    if (!a) throw notFound('任职记录', 'appointment');
    const c = await assertCadreInScope(t, user, a.cadreId);
    await getPosition(t, user, a.positionId);
    if (patch.positionId) await getPosition(t, user, patch.positionId);
    const { version, ...fields } = patch;
    checkAppointmentDates({ ...a, ...fields }, c);
    const res = await updateVersioned<AppointmentRow>(t, appointment, id, version, fields);
    await refreshCurrentPost(t, a.cadreId);
    await writeAudit(t, actor, { action: 'update', entity: 'appointment', entityId: id, cadreId: a.cadreId, before: res.before, after: res.after });
    return res.after;
  });
}

export async function deleteAppointment(db: Db, user: CurrentUser, actor: AuditActor, id: number, version: number) {
  return tx(db, async (t) => {
    const a = await findById<AppointmentRow>(t, appointment, id);
    if (!a) throw notFound('任职记录', 'appointment');
    await assertCadreInScope(t, user, a.cadreId);
    await getPosition(t, user, a.positionId);
    const before = await deleteVersioned(t, appointment, id, version);
    await refreshCurrentPost(t, a.cadreId);
    await writeAudit(t, actor, { action: 'delete', entity: 'appointment', entityId: id, cadreId: a.cadreId, before });
    return { ok: true };
  });
}

