/** Append-only audit log: every write (before/after) and every read of a sensitive section. */
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';
import type { CurrentUser } from '../auth/roles';

export interface AuditEntryInput {
  action: string;
  entity: string;
  entityId?: string | number | null;
  cadreId?: number | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditActor {
  user: Pick<CurrentUser, 'id' | 'username'> | null;
  ip?: string | null;
}

export async function writeAudit(db: Db, actor: AuditActor, e: AuditEntryInput): Promise<void> {
  await db.insert(auditLog).values({
    userId: actor.user?.id ?? null,
    username: actor.user?.username ?? null,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId == null ? null : String(e.entityId),
    cadreId: e.cadreId ?? null,
    before: (e.before ?? null) as never,
    after: (e.after ?? null) as never,
    ip: actor.ip ?? null,
  });
}

/** entries per INSERT of writeAuditBatch (one JSON parameter: a few MB with large before/after) */
const AUDIT_BATCH_ROWS = 1000;

/**
 * Many audit entries, one row each exactly as writeAudit would write them, in one multi-row INSERT
 * per chunk of AUDIT_BATCH_ROWS (bulk imports: 100,000 entries are 100 statements, not 100,000).
 * Entries may come from a generator: only one chunk is built at a time. Inside a transaction the
 * entries are written or rolled back with it. Returns the number of entries written.
 */
export async function writeAuditBatch(db: Db, actor: AuditActor, entries: Iterable<AuditEntryInput>): Promise<number> {
  const userId = actor.user?.id ?? null;
  const username = actor.user?.username ?? null;
  const ip = actor.ip ?? null;
  let n = 0;
  let part: Record<string, unknown>[] = [];
  const flush = async () => {
    if (!part.length) return;
    await db.execute(sql`
      insert into audit_log (user_id, username, action, entity, entity_id, cadre_id, before, after, ip)
      select user_id, username, action, entity, entity_id, cadre_id, before, after, ip
      from json_populate_recordset(null::audit_log, ${JSON.stringify(part)}::json)`);
    n += part.length;
    part = [];
  };
  for (const e of entries) {
    part.push({
      user_id: userId,
      username,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId == null ? null : String(e.entityId),
      cadre_id: e.cadreId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      ip,
    });
    if (part.length >= AUDIT_BATCH_ROWS) await flush();
  }
  await flush();
  return n;
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  cadreId?: number;
  userId?: number;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function queryAudit(db: Db, q: AuditQuery) {
  const conds: SQL[] = [];
  if (q.entity) conds.push(eq(auditLog.entity, q.entity));
  if (q.entityId) conds.push(eq(auditLog.entityId, q.entityId));
  if (q.cadreId) conds.push(eq(auditLog.cadreId, q.cadreId));
  if (q.userId) conds.push(eq(auditLog.userId, q.userId));
  if (q.action) conds.push(eq(auditLog.action, q.action));
  if (q.from) conds.push(gte(auditLog.at, new Date(q.from)));
  if (q.to) conds.push(lte(auditLog.at, new Date(q.to)));
  const where = conds.length ? and(...conds) : undefined;
  const [items, [{ n }]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { items, total: n, page: q.page, pageSize: q.pageSize };
}
