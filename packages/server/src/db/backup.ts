/**
 * Logical backup and restore: every table as JSON (gzip), portable between PGlite and PostgreSQL.
 * Restore replaces everything in one transaction; nothing is half-restored.
 */
import { gzipSync, gunzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Database, Db } from './client';
import { BACKUP_TABLES, TABLES_IN_ORDER, SERIAL_TABLES } from './tables';

export const BACKUP_FORMAT = 'cadre-atlas-backup/1';

export async function backupTo(database: Database, file: string): Promise<Record<string, number>> {
  const tables: Record<string, unknown[]> = {};
  const counts: Record<string, number> = {};
  for (const [name] of BACKUP_TABLES) {
    // to_jsonb keeps every value exactly as stored (microsecond timestamps, numerics, arrays)
    const res = (await database.db.execute(sql.raw(`SELECT to_jsonb(t) AS r FROM "${name}" t ORDER BY 1`))) as unknown as { rows: { r: unknown }[] };
    tables[name] = res.rows.map((x) => (typeof x.r === 'string' ? JSON.parse(x.r) : x.r));
    counts[name] = res.rows.length;
  }
  const payload = JSON.stringify({ format: BACKUP_FORMAT, createdAt: new Date().toISOString(), tables });
  writeFileSync(file, gzipSync(payload));
  return counts;
}

export async function restoreFrom(database: Database, file: string): Promise<Record<string, number>> {
  let parsed: { format?: string; tables?: Record<string, Record<string, unknown>[]> };
  try {
    parsed = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  } catch (e) {
    throw new Error(`${file}: not a Cadre Atlas backup (${(e as Error).message})`);
  }
  if (parsed.format !== BACKUP_FORMAT || !parsed.tables) throw new Error(`${file}: unknown backup format "${parsed.format}"`);
  const data = parsed.tables;
  const counts: Record<string, number> = {};
  await database.db.transaction(async (txx) => {
    const tx = txx as unknown as Db;
    await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await tx.execute(sql.raw(`TRUNCATE ${TABLES_IN_ORDER.map(([n]) => `"${n}"`).join(', ')} RESTART IDENTITY CASCADE`));
    for (const [name] of BACKUP_TABLES) {
      const rows = data[name] ?? [];
      counts[name] = rows.length;
      for (let i = 0; i < rows.length; i += 5000) {
        const chunk = JSON.stringify(rows.slice(i, i + 5000));
        await tx.execute(sql`INSERT INTO ${sql.identifier(name)} SELECT * FROM jsonb_populate_recordset(NULL::${sql.identifier(name)}, ${chunk}::jsonb)`);
      }
    }
    await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    await resetSequences(tx);
  });
  return counts;
}

export async function resetSequences(db: Db): Promise<void> {
  for (const t of SERIAL_TABLES) {
    await db.execute(sql.raw(`SELECT setval(pg_get_serial_sequence('"${t}"', 'id'), COALESCE((SELECT max(id) FROM "${t}"), 0) + 1, false)`));
  }
}
