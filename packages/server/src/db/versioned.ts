/** Optimistic-version updates and deletes shared by every module: a stale version gets 409 with the current row. */
import { and, eq, sql } from 'drizzle-orm';
import type { PgTable, PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from './client';
import { conflict, notFound } from '../http/errors';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

export async function findById<T>(db: Db, table: VersionedTable, id: number): Promise<T | undefined> {
  const rows = await db.select().from(table as never).where(eq(table.id, id)).limit(1);
  return rows[0] as T | undefined;
}

/** update with `WHERE id = ? AND version = ?`; returns { before, after } */
export async function updateVersioned<T extends Record<string, unknown>>(
  db: Db,
  table: VersionedTable,
  id: number,
  version: number,
  patch: Record<string, unknown>,
): Promise<{ before: T; after: T }> {
  const before = await findById<T>(db, table, id);
  if (!before) throw notFound();
  if (before.version !== version) throw conflict(before);
  const rows = await db
    .update(table)
    .set({ ...patch, version: sql`${table.version} + 1`, updatedAt: new Date() } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning();
  if (!rows[0]) {
    // lost the race between read and write
    const current = await findById<T>(db, table, id);
    if (!current) throw notFound();
    throw conflict(current);
  }
  return { before, after: rows[0] as T };
}

export async function deleteVersioned<T extends Record<string, unknown>>(
  db: Db,
  table: VersionedTable,
  id: number,
  version: number,
): Promise<T> {
  const before = await findById<T>(db, table, id);
  if (!before) throw notFound();
  if (before.version !== version) throw conflict(before);
  const rows = await db
    .delete(table)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning();
  if (!rows[0]) {
    const current = await findById<T>(db, table, id);
    if (!current) throw notFound();
    throw conflict(current);
  }
  return before;
}
