/**
 * Issue 7, safety: "a crash (kill -9) during a commit leaves the registry as before". A child process
 * previews 3,000 generated LRMX files over a real database — a PGlite data directory on disk, or a fresh
 * PostgreSQL database with TEST_DATABASE_URL — starts the commit and is killed with SIGKILL half-way; the
 * database, opened again, holds exactly what it held before the commit (and opens at all).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { registryCounts } from './crash-counts';
import { usingPostgres } from './db';

const FILES = 3000;
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanup) await c();
});

async function target(): Promise<string> {
  if (!usingPostgres) {
    const dir = mkdtempSync(path.join(tmpdir(), 'cadre-crash-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }
  const pg = (await import('pg')).default;
  const name = `cadre_crash_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanup.push(async () => {
    const a = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });
  const u = new URL(process.env.TEST_DATABASE_URL!);
  u.pathname = `/${name}`;
  return u.toString();
}

/** transactions open in the child's database (pg_stat_activity) */
async function openTransactions(url: string): Promise<number> {
  const pg = (await import('pg')).default;
  const name = new URL(url).pathname.slice(1);
  const a = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await a.connect();
  try {
    const r = await a.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = $1 and xact_start is not null and pid <> pg_backend_pid()`, [name]);
    return r.rows[0].n;
  } finally {
    await a.end();
  }
}

describe('crash safety of an import commit', () => {
  it(`kill -9 half-way through committing ${FILES} LRMX files leaves every table as before`, async () => {
    const where = await target();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'crash-child.ts'), where, String(FILES)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    let before: Record<string, number> | null = null;
    let killedAfter = 0;
    let openTx = -1;
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        const m = /BEFORE (\{.*\})/.exec(out);
        if (m && !before) before = JSON.parse(m[1]) as Record<string, number>;
        const p = /PREVIEW (\d+)/.exec(out);
        if (p && out.includes('COMMIT') && !killedAfter) {
          // the commit writes ≈ 1.4× as long as the preview took: kill it at about a third of the way
          killedAfter = Math.max(250, Math.round(Number(p[1]) * 0.5));
          setTimeout(() => {
            void (async () => {
              // PostgreSQL: the child's commit transaction is open right now (the kill hits it mid-way, not before or after)
              if (usingPostgres) openTx = await openTransactions(where);
              child.kill('SIGKILL');
              resolve();
            })();
          }, killedAfter);
        }
      });
      void exited.then(() => (killedAfter ? resolve() : reject(new Error(`child exited before the commit: ${err.slice(-2000)}`))));
    });
    expect(await exited).toBe('SIGKILL');
    expect(out, 'the commit must not have finished before the kill').not.toContain('DONE');
    expect(before).not.toBeNull();
    if (usingPostgres) expect(openTx, 'a transaction of the child was open when it was killed').toBeGreaterThanOrEqual(1);

    const db = await openDatabase(where.startsWith('postgres') ? { url: where } : { dataDir: where });
    try {
      expect(await registryCounts(db)).toEqual(before);
    } finally {
      await db.close();
    }
  }, 180_000);
});
