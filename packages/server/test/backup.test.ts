import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { backupTo, restoreFrom } from '../src/db/backup';
import { TABLES_IN_ORDER } from '../src/db/tables';
import { cadre } from '../src/db/schema';
import { setup, type TestContext } from './app';

let t: TestContext;
const dir = mkdtempSync(path.join(tmpdir(), 'cadre-backup-'));
beforeAll(async () => {
  t = await setup();
});
afterAll(() => t.close());

async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const [name] of TABLES_IN_ORDER) {
    if (name === 'audit_log' || name === 'session') continue;
    const r = (await t.database.db.execute(sql.raw(`select * from "${name}" order by 1, 2`))) as unknown as { rows: unknown[] };
    out[name] = JSON.parse(JSON.stringify(r.rows));
  }
  return out;
}

describe('backup and restore', () => {
  it('round-trips every table exactly, and new ids continue after the restored ones', async () => {
    const file = path.join(dir, 'a.backup');
    const before = await snapshot();
    const counts = await backupTo(t.database, file);
    expect(counts.cadre).toBe(4);
    let admin = await t.as('admin');
    await admin.post('/api/cadres', { name: '临时', sex: '1', ethnicity: '01', birthDate: '1990-01-01', politicalStatus: '13', workStartDate: '2012-08-01', currentOrgId: 2 });
    await t.database.db.delete(cadre).where(sql`id = 1`);
    await restoreFrom(t.database, file);
    expect(await snapshot()).toEqual(before);
    // sessions are not part of a backup: everyone logs in again after a restore
    expect((await admin.get('/api/auth/me')).statusCode).toBe(401);
    admin = await t.as('admin');
    const created = await admin.post('/api/cadres', { name: '新人', sex: '1', ethnicity: '01', birthDate: '1991-01-01', politicalStatus: '13', workStartDate: '2013-08-01', currentOrgId: 2 });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().id).toBe(5);
  });

  it('keeps the audit log append-only after a restore', async () => {
    await (await t.as('admin')).get('/api/cadres/1');
    const r = await t.database.db.execute(sql`delete from audit_log`).then(() => 'deleted', () => 'refused');
    expect(r).toBe('refused');
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const bad = path.join(dir, 'bad.backup');
    writeFileSync(bad, 'hello');
    const before = await snapshot();
    await expect(restoreFrom(t.database, bad)).rejects.toThrow(/not a Cadre Atlas backup/);
    expect(await snapshot()).toEqual(before);
  });
});
