/**
 * The pool-entry workflow (单位推荐 → 组织考察 → 比选研究 → 入库; 出库 / 未入库) over core nextStage,
 * tier suggestions (stored with their basis) and tier decisions (kept alongside), edits, and the
 * append-only history (pool_entry_event) written with every change. One transaction per command,
 * optimistic version (stale → 409), audited.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { nextStage, ReserveWorkflowError, todayISO, type PoolAction, type PoolStage, type RulesConfig } from '@cadre/core';
import type { Db } from '../../db/client';
import { appUser, pool, poolEntry, poolEntryEvent, position } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import { writeAudit, type AuditActor } from '../../audit/audit';
import { badRequest, conflict, HttpError, issue, notFound } from '../../http/errors';
import { updateVersioned } from '../../db/versioned';
import { pathInScope } from '../../auth/policy';
import { loadCadre } from '../registry/service';
import { assertDepartment, assertReserveWrite, loadEntry, loadPool, type EntryRow } from './policy';
import { suggestFor } from './facts';
import { entriesOf, OPEN_STAGES, presentEntry, tx } from './pools';
import type { EntryPatch, NominateBody, TierBody, TransitionBody } from './schema';

export interface RulesRef {
  rules: RulesConfig;
  version: number;
}

type EventInput = Omit<typeof poolEntryEvent.$inferInsert, 'id' | 'at' | 'entryId' | 'poolId' | 'cadreId' | 'userId' | 'username'>;

/** append one history event of an entry */
export async function addEvent(db: Db, actor: AuditActor, e: Pick<EntryRow, 'id' | 'poolId' | 'cadreId'>, ev: EventInput): Promise<void> {
  await db.insert(poolEntryEvent).values({ ...ev, entryId: e.id, poolId: e.poolId, cadreId: e.cadreId, userId: actor.user?.id ?? null, username: actor.user?.username ?? null });
}

function checkDate(date: string, notBefore: string | null, field = 'date') {
  const today = todayISO();
  if (date > today) throw badRequest([issue(field, 'future', `日期(${date})晚于今天`, `date ${date} is in the future`)]);
  if (notBefore && date < notBefore) {
    throw badRequest([issue(field, 'before_previous_step', `日期(${date})早于上一环节的日期(${notBefore})`, `date ${date} is before the previous step (${notBefore})`)]);
  }
}

const workflowError = (e: ReserveWorkflowError) =>
  new HttpError(422, e.code, e.zh, e.en, [{ path: e.code === 'illegal_transition' ? 'action' : e.code === 'reason_required' && e.action === 'reject' ? 'reason' : 'exitReason', code: e.code, message: e.zh, messageEn: e.en }]);

/**
 * Store fresh tier suggestions on the given entries (derived data: no version bump) and add a
 * tier_suggestion event where the suggested tier changed (or is new).
 */
export async function refreshSuggestions(db: Db, actor: AuditActor, r: RulesRef, entries: Pick<EntryRow, 'id' | 'poolId' | 'cadreId' | 'suggestedTier'>[], asOf = todayISO()) {
  if (!entries.length) return { updated: 0, changed: 0 };
  const sugg = await suggestFor(db, entries.map((e) => e.cadreId), asOf, r.rules, r.version);
  let changed = 0;
  const now = new Date();
  for (const e of entries) {
    const s = sugg.get(e.cadreId);
    if (!s) continue;
    await db.update(poolEntry).set({ suggestedTier: s.suggestion.tier, suggestedBasis: s.basis, suggestedAt: now }).where(eq(poolEntry.id, e.id));
    if (s.suggestion.tier !== e.suggestedTier) {
      changed++;
      await addEvent(db, actor, e, { kind: 'tier_suggestion', tier: s.suggestion.tier, date: asOf, detail: { ...s.basis, previous: e.suggestedTier ?? null, basisKind: s.suggestion.basis } });
    }
  }
  return { updated: entries.length, changed };
}

async function presentOne(db: Db, user: CurrentUser, rules: RulesConfig, id: number) {
  const [row] = await entriesOf(db, user, eq(poolEntry.id, id));
  if (!row) throw notFound('储备库成员', 'pool entry');
  return presentEntry(row, rules, todayISO());
}

/** 单位推荐: open an entry in stage nominated */
export async function nominate(db: Db, user: CurrentUser, actor: AuditActor, r: RulesRef, poolId: number, body: NominateBody) {
  assertReserveWrite(user, r.rules);
  const p = await loadPool(db, user, poolId);
  const c = await loadCadre(db, user, body.cadreId);
  if (c.status !== '在职') throw badRequest([issue('cadreId', 'not_in_service', `${c.name}不是在职干部（${c.status}）`, `${c.name} is not in service (${c.status})`)]);
  const date = body.date ?? todayISO();
  checkDate(date, null);
  if (date < c.birthDate) throw badRequest([issue('date', 'before_birth', `日期(${date})早于出生日期`, `date ${date} is before the birth date`)]);
  if (body.targetPositionId != null) {
    const [pos] = await db.select({ id: position.id, path: sql<string>`(select path from org_unit where id = ${position.orgUnitId})` }).from(position).where(eq(position.id, body.targetPositionId));
    if (!pos || !pathInScope(user, pos.path)) throw notFound('目标职位', 'target position');
  }
  return tx(db, async (t) => {
    const [open] = await t
      .select()
      .from(poolEntry)
      .where(and(eq(poolEntry.poolId, poolId), eq(poolEntry.cadreId, body.cadreId), inArray(poolEntry.stage, [...OPEN_STAGES])))
      .limit(1);
    if (open) {
      throw new HttpError(409, 'already_in_pool', `${c.name}已在「${p.name}」中（${open.stage}），不能重复推荐`, `${c.name} already has an open entry in "${p.name}" (${open.stage})`, undefined, open);
    }
    const [row] = await t
      .insert(poolEntry)
      .values({ poolId, cadreId: body.cadreId, field: body.field ?? null, targetPositionId: body.targetPositionId ?? null, stage: 'nominated', stageDate: date, enteredOn: date, entryReason: body.reason })
      .returning();
    await addEvent(t, actor, row, { kind: 'stage', action: 'nominate', fromStage: null, toStage: 'nominated', reason: body.reason, date, detail: { field: row.field, targetPositionId: row.targetPositionId } });
    await refreshSuggestions(t, actor, r, [row]);
    await writeAudit(t, actor, { action: 'create', entity: 'pool_entry', entityId: row.id, cadreId: row.cadreId, after: row });
    return presentOne(t, user, r.rules, row.id);
  });
}

/** one workflow step on an entry (core nextStage decides; 422 with its message when illegal) */
export async function transition(db: Db, user: CurrentUser, actor: AuditActor, r: RulesRef, id: number, body: TransitionBody) {
  const e = await loadEntry(db, user, id);
  assertDepartment(user, '组织考察、比选研究、入库和出库', 'inspection, comparison, admission and exit');
  if (e.version !== body.version) throw conflict(e);
  let next: PoolStage;
  try {
    next = nextStage(e.stage as PoolStage, body.action as PoolAction, { reason: body.reason, exitReason: body.exitReason }, r.rules);
  } catch (err) {
    if (err instanceof ReserveWorkflowError) throw workflowError(err);
    throw err;
  }
  const date = body.date ?? todayISO();
  checkDate(date, e.stageDate ?? e.enteredOn);
  return tx(db, async (t) => {
    const patch: Record<string, unknown> = { stage: next, stageDate: date };
    if (next === 'admitted') patch.admittedOn = date;
    if (next === 'exited' || next === 'rejected') {
      patch.exitedOn = date;
      patch.exitReason = body.exitReason ?? body.reason ?? null;
    }
    const { before, after } = await updateVersioned<EntryRow>(t, poolEntry, id, body.version, patch);
    await addEvent(t, actor, after, { kind: 'stage', action: body.action, fromStage: before.stage, toStage: next, reason: body.reason ?? null, exitReason: body.exitReason ?? null, date });
    if (next === 'admitted') await refreshSuggestions(t, actor, r, [after]);
    await writeAudit(t, actor, { action: 'update', entity: 'pool_entry', entityId: id, cadreId: e.cadreId, before, after: { ...after, action: body.action } });
    return presentOne(t, user, r.rules, id);
  });
}

/** an officer's tier decision; the suggestion stays on the entry and both go to the history */
export async function confirmTier(db: Db, user: CurrentUser, actor: AuditActor, r: RulesRef, id: number, body: TierBody) {
  const e = await loadEntry(db, user, id);
  assertDepartment(user, '确定梯次', 'confirming a tier');
  if (e.version !== body.version) throw conflict(e);
  if (e.stage === 'exited' || e.stage === 'rejected') {
    throw new HttpError(422, 'entry_closed', `该成员已${e.stage === 'exited' ? '出库' : '未入库'}，不能再确定梯次`, `the entry is ${e.stage}; its tier can no longer be set`);
  }
  return tx(db, async (t) => {
    const { before, after } = await updateVersioned<EntryRow>(t, poolEntry, id, body.version, { tier: body.tier, tierNote: body.note ?? null, tierConfirmedBy: user.id, tierConfirmedAt: new Date() });
    await addEvent(t, actor, after, {
      kind: 'tier_decision',
      tier: body.tier,
      reason: body.note ?? null,
      date: todayISO(),
      detail: { previous: before.tier, suggested: before.suggestedTier, agreesWithSuggestion: before.suggestedTier === body.tier, basis: before.suggestedBasis },
    });
    await writeAudit(t, actor, { action: 'update', entity: 'pool_entry.tier', entityId: id, cadreId: e.cadreId, before: { tier: before.tier, suggestedTier: before.suggestedTier }, after: { tier: after.tier, note: after.tierNote } });
    return presentOne(t, user, r.rules, id);
  });
}

/** edit field / target post of an entry (history event 'edit' with the changed fields) */
export async function editEntry(db: Db, user: CurrentUser, actor: AuditActor, r: RulesRef, id: number, body: EntryPatch) {
  const e = await loadEntry(db, user, id);
  assertDepartment(user, '修改储备库成员信息', 'editing a pool entry');
  if (body.targetPositionId != null) {
    const [pos] = await db.select({ id: position.id, path: sql<string>`(select path from org_unit where id = ${position.orgUnitId})` }).from(position).where(eq(position.id, body.targetPositionId));
    if (!pos || !pathInScope(user, pos.path)) throw notFound('目标职位', 'target position');
  }
  return tx(db, async (t) => {
    const patch: Record<string, unknown> = {};
    if (body.field !== undefined) patch.field = body.field;
    if (body.targetPositionId !== undefined) patch.targetPositionId = body.targetPositionId;
    const { before, after } = await updateVersioned<EntryRow>(t, poolEntry, id, body.version, patch);
    const changes = Object.fromEntries(Object.keys(patch).map((k) => [k, { from: (before as Record<string, unknown>)[k] ?? null, to: (after as Record<string, unknown>)[k] ?? null }]));
    await addEvent(t, actor, after, { kind: 'edit', reason: body.reason ?? null, date: todayISO(), detail: changes });
    await writeAudit(t, actor, { action: 'update', entity: 'pool_entry', entityId: id, cadreId: e.cadreId, before, after });
    return presentOne(t, user, r.rules, id);
  });
}

export async function entryHistory(db: Db, user: CurrentUser, id: number) {
  const e = await loadEntry(db, user, id);
  const events = await db
    .select({ ev: poolEntryEvent, displayName: appUser.displayName })
    .from(poolEntryEvent)
    .leftJoin(appUser, eq(appUser.id, poolEntryEvent.userId))
    .where(eq(poolEntryEvent.entryId, id))
    .orderBy(asc(poolEntryEvent.id));
  return {
    entry: { id: e.id, poolId: e.poolId, poolName: e.pool.name, cadreId: e.cadreId, stage: e.stage, tier: e.tier, suggestedTier: e.suggestedTier, version: e.version },
    events: events.map(({ ev, displayName }) => ({ ...ev, by: ev.username ? { id: ev.userId, username: ev.username, displayName } : null })),
  };
}

/** POST /pools/:id/suggestions: recompute the suggestions of the pool's open entries (visible ones) */
export async function refreshPoolSuggestions(db: Db, user: CurrentUser, actor: AuditActor, r: RulesRef, poolId: number, asOf?: string) {
  await loadPool(db, user, poolId);
  assertDepartment(user, '重新计算建议梯次', 'recomputing tier suggestions');
  const rows = await entriesOf(db, user, and(eq(poolEntry.poolId, poolId), inArray(poolEntry.stage, [...OPEN_STAGES])));
  return tx(db, async (t) => {
    const res = await refreshSuggestions(t, actor, r, rows.map((x) => x.e), asOf ?? todayISO());
    await writeAudit(t, actor, { action: 'update', entity: 'pool.suggestions', entityId: poolId, after: { ...res, asOf: asOf ?? todayISO(), rulesVersion: r.version } });
    return res;
  });
}

/** open entries of the given cadres (suggestions follow a new recommendation round) */
export async function openEntriesOf(db: Db, cadreIds: number[]) {
  if (!cadreIds.length) return [];
  return db
    .select({ id: poolEntry.id, poolId: poolEntry.poolId, cadreId: poolEntry.cadreId, suggestedTier: poolEntry.suggestedTier })
    .from(poolEntry)
    .innerJoin(pool, eq(pool.id, poolEntry.poolId))
    .where(and(inArray(poolEntry.cadreId, cadreIds), inArray(poolEntry.stage, [...OPEN_STAGES])));
}
