/**
 * Test databases. Default: an in-memory PGlite cloned from a migrated template (fast).
 * With TEST_DATABASE_URL (a PostgreSQL server; CI sets it) every call creates a fresh database there,
 * so the whole suite runs against real PostgreSQL too.
 */
import { randomBytes } from 'node:crypto';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { openDatabase, type Database, type Db } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { seedReferenceData } from '../src/db/bootstrap';
import * as schema from '../src/db/schema';

export const usingPostgres = !!process.env.TEST_DATABASE_URL;
let template: Promise<Blob | File> | null = null;

async function pgliteTemplate(): Promise<Blob | File> {
  const d = await openDatabase({});
  await runMigrations(d);
  await seedReferenceData(d);
  const client = (d.db as unknown as { $client: import('@electric-sql/pglite').PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  await d.close();
  return dump;
}

export async function testDatabase(): Promise<Database> {
  if (usingPostgres) return postgresTestDatabase(process.env.TEST_DATABASE_URL!);
  template ??= pgliteTemplate();
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create({ loadDataDir: await template });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: 'pglite', exec: async (s) => void (await client.exec(s)), close: () => client.close() };
}

async function postgresTestDatabase(adminUrl: string): Promise<Database> {
  const pg = (await import('pg')).default;
  const name = `cadre_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await runMigrations(database);
  await seedReferenceData(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
