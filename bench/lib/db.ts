/**
 * Benchmark databases: a migrated, demo-seeded registry on PGlite and on PostgreSQL.
 *
 * Generating and loading 100k cadres takes ~45 s per database, so each (engine, cadres) pair is
 * built at most once per process and shared by every bench script; `closeBenchDatabases()`
 * (called by bench/run.ts, and on SIGINT/SIGTERM) closes them, drops the bench database and stops
 * a PostgreSQL started here.
 *
 * PostgreSQL comes from BENCH_DATABASE_URL or TEST_DATABASE_URL (a fresh `cadre_bench_<random>`
 * database is created there and dropped afterwards); otherwise, when /usr/lib/postgresql/<v>/bin/initdb
 * exists, scripts/pg-temp.sh starts a throw-away server on 127.0.0.1:BENCH_PG_PORT (54331);
 * otherwise PostgreSQL is skipped.
 *
 * Shared mode (BENCH_SHARED_STATE=<json file>, set by bench/run.ts, which runs every bench in a process
 * of its own): the first process that needs a database seeds it and records it in the file; later
 * processes reopen it (the PGlite data directory, the PostgreSQL database on the same server) instead
 * of seeding again. Nothing recorded is removed by a child: `cleanupSharedState` (the parent, at the
 * end or on Ctrl-C) stops the server and removes the directories.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../../packages/server/src/db/client';
import { bootstrap } from '../../packages/server/src/db/bootstrap';
import { seedDemo } from '../../packages/server/src/cli/seed/seed';

export type Engine = 'PGlite' | 'PostgreSQL';

export interface BenchDatabase {
  engine: Engine;
  database: Database;
  cadres: number;
  /** where it lives, for the report */
  where: string;
  migrateMs: number;
  seedMs: number;
  /** per-database scratch space for helpers (e.g. the bench login), so they too run once */
  cache: Map<string, unknown>;
}

export interface Skipped {
  engine: Engine;
  skipped: string;
}

export const isSkipped = (x: unknown): x is Skipped => typeof x === 'object' && x !== null && 'skipped' in x;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PG_TEMP = path.join(ROOT, 'scripts/pg-temp.sh');
const SEED = Number(process.env.BENCH_SEED ?? 20261121);

const log = (s: string) => console.log(`  · ${s}`);
const secs = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

const opened = new Map<string, Promise<BenchDatabase | Skipped>>();

// ───────────── shared state between bench processes ─────────────

interface SharedState {
  pglite?: Record<string, { dir: string; migrateMs: number; seedMs: number }>;
  pgServer?: { dir: string | null; adminUrl: string; where: string };
  postgres?: Record<string, { url: string; name: string; migrateMs: number; seedMs: number }>;
}
const SHARED = process.env.BENCH_SHARED_STATE || null;
const readState = (): SharedState => (SHARED && existsSync(SHARED) ? (JSON.parse(readFileSync(SHARED, 'utf8')) as SharedState) : {});
function updateState(f: (s: SharedState) => void) {
  if (!SHARED) return;
  const s = readState();
  f(s);
  writeFileSync(SHARED, JSON.stringify(s));
}

/** DROP DATABASE on the server of `adminUrl` (a bench database, even with connections left open) */
async function dropBenchDatabase(adminUrl: string, name: string): Promise<void> {
  const pg = (await import('pg')).default;
  const a = new pg.Client({ connectionString: adminUrl });
  await a.connect();
  try {
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await a.end();
  }
}

/** the parent's cleanup of everything the bench processes recorded: PGlite dirs, the throw-away server (and its databases) */
export async function cleanupSharedState(file: string): Promise<void> {
  if (!existsSync(file)) return;
  const s = JSON.parse(readFileSync(file, 'utf8')) as SharedState;
  for (const { dir } of Object.values(s.pglite ?? {})) rmSync(dir, { recursive: true, force: true });
  if (s.pgServer?.dir) {
    try {
      execFileSync('sh', [PG_TEMP, 'stop', s.pgServer.dir], { stdio: 'ignore' });
      log(`PostgreSQL: throw-away server stopped, ${s.pgServer.dir} removed`);
    } catch {
      rmSync(s.pgServer.dir, { recursive: true, force: true });
    }
  } else if (s.pgServer && s.postgres) {
    // an external server: drop the databases created on it
    for (const { name } of Object.values(s.postgres)) {
      await dropBenchDatabase(s.pgServer.adminUrl, name).catch((e: Error) => console.error(`cleanup: could not drop ${name} on ${s.pgServer!.where}: ${e.message}`));
    }
  }
  rmSync(file, { force: true });
}
const cleanups: (() => Promise<void>)[] = [];

async function prepare(engine: Engine, database: Database, cadres: number, where: string): Promise<BenchDatabase> {
  const t0 = performance.now();
  await bootstrap(database, { demo: false });
  const migrateMs = performance.now() - t0;
  log(`${engine}: migrated (${secs(t0)}); generating + loading ${cadres.toLocaleString('en')} cadres (seed ${SEED})…`);
  const t1 = performance.now();
  const r = await seedDemo(database, { seed: SEED, cadres });
  const seedMs = performance.now() - t1;
  log(`${engine}: ${r.totalRows.toLocaleString('en')} rows loaded in ${secs(t1)} (generate ${r.generateMs} ms, load ${r.loadMs} ms, analyze ${r.analyzeMs} ms)`);
  return { engine, database, cadres, where, migrateMs, seedMs, cache: new Map() };
}

// ───────────── PGlite ─────────────

async function openPglite(cadres: number): Promise<BenchDatabase> {
  const key = `pglite:${cadres}`;
  const known = readState().pglite?.[key];
  if (known && existsSync(known.dir)) {
    // shared mode: seeded by an earlier bench process
    const t0 = performance.now();
    const database = await openDatabase({ dataDir: known.dir });
    log(`PGlite: reopened the seeded ${cadres.toLocaleString('en')}-cadre data directory ${known.dir} (${secs(t0)})`);
    cleanups.push(() => database.close().catch(() => {}));
    return { engine: 'PGlite', database, cadres, where: 'temp data dir', migrateMs: known.migrateMs, seedMs: known.seedMs, cache: new Map() };
  }
  // BENCH_PGLITE_DIR=memory → in-memory (never shared); otherwise a temp data directory, as a DATA_DIR deployment
  const memory = process.env.BENCH_PGLITE_DIR === 'memory';
  const dir = memory ? undefined : mkdtempSync(path.join(process.env.BENCH_PGLITE_DIR || tmpdir(), 'cadre-bench-pglite-'));
  log(`PGlite: opening ${dir ?? 'in-memory database'}`);
  const database = await openDatabase({ dataDir: dir });
  const shared = !!(SHARED && dir);
  cleanups.push(async () => {
    await database.close().catch(() => {});
    if (dir && !shared) rmSync(dir, { recursive: true, force: true });
  });
  const b = await prepare('PGlite', database, cadres, dir ? 'temp data dir' : 'in memory');
  if (shared) updateState((st) => ((st.pglite ??= {})[key] = { dir: dir!, migrateMs: b.migrateMs, seedMs: b.seedMs }));
  return b;
}

/** the seeded PGlite registry with `cadres` cadres (built on first use, shared afterwards) */
export async function withPglite<T>(cadres: number, fn: (b: BenchDatabase) => Promise<T>): Promise<T> {
  const key = `pglite:${cadres}`;
  if (!opened.has(key)) opened.set(key, openPglite(cadres));
  return fn((await opened.get(key)!) as BenchDatabase);
}

// ───────────── PostgreSQL ─────────────

let server: Promise<{ adminUrl: string; where: string } | Skipped> | null = null;

function findInitdb(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin/initdb') : null;
}

async function postgresServer(): Promise<{ adminUrl: string; where: string } | Skipped> {
  const known = readState().pgServer;
  if (known) return known;
  const external = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (external) {
    const u = new URL(external);
    updateState((st) => (st.pgServer = { dir: null, adminUrl: external, where: `${u.hostname}:${u.port || 5432}` }));
    return { adminUrl: external, where: `${u.hostname}:${u.port || 5432} (${process.env.BENCH_DATABASE_URL ? 'BENCH_DATABASE_URL' : 'TEST_DATABASE_URL'})` };
  }
  const initdb = findInitdb();
  if (!initdb) return { engine: 'PostgreSQL', skipped: 'no server; apt-get install postgresql' };
  const port = process.env.BENCH_PG_PORT ?? '54331';
  // pg-temp.sh chowns the directory to postgres and removes it on stop
  const dir = mkdtempSync(path.join(tmpdir(), 'cadre-bench-pg-'));
  const t0 = performance.now();
  try {
    const url = execFileSync('sh', [PG_TEMP, 'start', dir, port], {
      encoding: 'utf8',
      env: { ...process.env, PG_BIN: path.dirname(initdb) },
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
    const version = path.basename(path.dirname(path.dirname(initdb)));
    log(`PostgreSQL ${version}: throw-away server started on 127.0.0.1:${port} (${secs(t0)})`);
    const where = `throw-away PostgreSQL ${version} on :${port} (fsync=off)`;
    if (SHARED) updateState((st) => (st.pgServer = { dir, adminUrl: url, where }));
    else
      cleanups.push(async () => {
        execFileSync('sh', [PG_TEMP, 'stop', dir], { stdio: 'ignore' });
        log(`PostgreSQL: throw-away server stopped, ${dir} removed`);
      });
    return { adminUrl: url, where };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const msg = ((e as { stderr?: string }).stderr || (e as Error).message).trim().split('\n').slice(-3).join(' / ');
    return { engine: 'PostgreSQL', skipped: `could not start a throw-away server on port ${port}: ${msg}` };
  }
}

async function openPostgresBench(cadres: number): Promise<BenchDatabase | Skipped> {
  server ??= postgresServer();
  const s = await server;
  if (isSkipped(s)) return s;
  const key = `postgres:${cadres}`;
  const known = readState().postgres?.[key];
  if (known) {
    const database = await openDatabase({ url: known.url });
    log(`PostgreSQL: reusing the seeded ${cadres.toLocaleString('en')}-cadre database ${known.name}`);
    cleanups.push(() => database.close().catch(() => {}));
    return { engine: 'PostgreSQL', database, cadres, where: s.where, migrateMs: known.migrateMs, seedMs: known.seedMs, cache: new Map() };
  }
  const pg = (await import('pg')).default;
  const name = `cadre_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: s.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(s.adminUrl);
  url.pathname = `/${name}`;
  log(`PostgreSQL: created database ${name} on ${url.host}`);
  const database = await openDatabase({ url: url.toString() });
  // registered before the server's stop (cleanups run in reverse order); shared: the parent drops it
  cleanups.push(async () => {
    await database.close().catch(() => {});
    if (!SHARED) await dropBenchDatabase(s.adminUrl, name);
  });
  const b = await prepare('PostgreSQL', database, cadres, s.where);
  updateState((st) => ((st.postgres ??= {})[key] = { url: url.toString(), name, migrateMs: b.migrateMs, seedMs: b.seedMs }));
  return b;
}

/** the seeded PostgreSQL registry, or a Skipped note (printed) when no server is available */
export async function withPostgres<T>(cadres: number, fn: (b: BenchDatabase) => Promise<T>): Promise<T | Skipped> {
  const key = `postgres:${cadres}`;
  if (!opened.has(key)) opened.set(key, openPostgresBench(cadres));
  const b = await opened.get(key)!;
  if (isSkipped(b)) {
    console.log(`PostgreSQL: skipped (${b.skipped})`);
    return b;
  }
  return fn(b);
}

/** close every bench database, drop the PostgreSQL bench databases, stop a server started here */
export async function closeBenchDatabases(): Promise<void> {
  while (cleanups.length) {
    const c = cleanups.pop()!;
    await c().catch((e) => console.error(`cleanup: ${(e as Error).message}`));
  }
  opened.clear();
  server = null;
}

let handlersInstalled = false;
/** on Ctrl-C / SIGTERM: clean up (stop the throw-away server) before exiting */
export function installSignalCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      console.error(`\n${sig}: cleaning up bench databases…`);
      void closeBenchDatabases().finally(() => process.exit(130));
    });
  }
}

/** Runs a bench script's `run` when the file is invoked directly (`node --import tsx bench/x.ts`), with cleanup. */
export async function runIfMain(metaUrl: string, run: () => Promise<unknown>): Promise<void> {
  const { pathToFileURL } = await import('node:url');
  if (!process.argv[1] || metaUrl !== pathToFileURL(process.argv[1]).href) return;
  installSignalCleanup();
  try {
    await run();
  } finally {
    await closeBenchDatabases();
  }
}
