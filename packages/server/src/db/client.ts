/**
 * Database connection: PGlite (Postgres in WASM) under DATA_DIR by default, real PostgreSQL when
 * DATABASE_URL is set. Both are driven through Drizzle with the same schema and migrations.
 */
import { existsSync, mkdirSync, accessSync, constants } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** run raw SQL (multi-statement allowed on PGlite; single statement on pg) */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export class ConfigError extends Error {}

export interface OpenOptions {
  /** PostgreSQL connection string; when set PGlite is not used */
  url?: string;
  /** PGlite data directory; undefined → in-memory */
  dataDir?: string;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url);
  return openPglite(opts.dataDir);
}

async function openPglite(dataDir?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (dataDir) {
    try {
      if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
      accessSync(dataDir, constants.W_OK);
    } catch (e) {
      throw new ConfigError(`DATA_DIR "${dataDir}" is not a writable directory (${(e as NodeJS.ErrnoException).code ?? e})`);
    }
  }
  const client = dataDir ? await PGlite.create(path.resolve(dataDir)) : await PGlite.create();
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exec: async (s) => {
      await client.exec(s);
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  let parsed: URL;
  try {
    parsed = new URL(url);
    if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error('protocol');
  } catch {
    throw new ConfigError(`DATABASE_URL is not a postgres:// URL: "${url.replace(/:[^:@/]*@/, ':***@')}"`);
  }
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // DATE columns stay 'YYYY-MM-DD' strings, as on PGlite
  pg.types.setTypeParser(1082, (v: string) => v);
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_MAX ?? 10), connectionTimeoutMillis: 5000 });
  // an idle pooled connection can be closed by the server (restart, failover, DROP DATABASE … FORCE);
  // the pool replaces it — log instead of letting the 'error' event crash the process
  pool.on('error', (e) => {
    if ((e as { code?: string }).code !== '57P01') console.error(`postgres: idle connection error: ${e.message}`);
  });
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new ConfigError(`cannot connect to DATABASE_URL ${parsed.host}${parsed.pathname}: ${(e as Error).message}`);
  }
  const db = drizzle(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    exec: async (s) => {
      await pool.query(s);
    },
    close: () => pool.end(),
  };
}
