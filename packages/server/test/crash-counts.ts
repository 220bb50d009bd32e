import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client';

/** row counts of every table an LRMX commit writes */
export async function registryCounts(database: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['cadre', 'career', 'education', 'assessment', 'family_member', 'audit_log']) {
    const r = (await database.db.execute(sql.raw(`select count(*)::int as n from ${t}`))) as unknown as { rows: { n: number }[] };
    out[t] = r.rows[0].n;
  }
  return out;
}
