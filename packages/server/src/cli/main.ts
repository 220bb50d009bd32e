#!/usr/bin/env node
/**
 * Cadre Atlas command line: serve | migrate | seed | create-user | backup FILE | restore FILE
 * Configuration by environment: PORT, DATA_DIR, DATABASE_URL, ADMIN_PASSWORD (see README).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { ConfigError, openDatabase, type Database } from '../db/client';
import { runMigrations } from '../db/migrate';
import { bootstrap, createUser, seedReferenceData } from '../db/bootstrap';
import { backupTo, restoreFrom, resetSequences } from '../db/backup';
import { buildApp } from '../app';
import { ROLES, type Role } from '../auth/roles';
import { generatePassword, validatePasswordStrength } from '../auth/password';
import { writeAudit } from '../audit/audit';

const USAGE = `usage: cadre-atlas <command>
  serve                      migrate, load demo data into an empty registry (DEMO=0 to skip), start the server
  migrate                    apply database migrations
  seed [--cadres N] [--seed S]   load the deterministic demo district into an empty database
  create-user --username U --role R [--scope-org ID] [--password P] [--name NAME]
                             roles: ${ROLES.join(', ')}
  backup FILE                write a full logical backup (gzip JSON)
  restore FILE               replace the whole database with a backup`;

function fail(line: string): never {
  console.error(`error: ${line}`);
  process.exit(1);
}

async function open(): Promise<Database> {
  const cfg = loadConfig();
  return openDatabase(cfg.databaseUrl ? { url: cfg.databaseUrl } : { dataDir: cfg.dataDir });
}

async function main() {
  const [cmd, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      cadres: { type: 'string' },
      seed: { type: 'string' },
      username: { type: 'string' },
      role: { type: 'string' },
      'scope-org': { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
    },
  });
  switch (cmd) {
    case 'serve':
      return serve();
    case 'migrate': {
      const db = await open();
      await runMigrations(db);
      await seedReferenceData(db);
      console.log('migrations applied');
      return db.close();
    }
    case 'seed': {
      const db = await open();
      await runMigrations(db);
      await seedReferenceData(db);
      const { seedDemo } = await import('./seed/seed');
      const cadres = Number(values.cadres ?? 2000);
      const seed = Number(values.seed ?? 20261121);
      if (!Number.isInteger(cadres) || cadres <= 0) fail(`--cadres must be a positive integer, got "${values.cadres}"`);
      const t0 = Date.now();
      const res = await seedDemo(db, { seed, cadres });
      await resetSequences(db.db);
      console.log(`seeded ${cadres} cadres (seed ${seed}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`, res ?? '');
      return db.close();
    }
    case 'create-user': {
      const role = values.role as Role;
      if (!values.username) fail('--username is required');
      if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
      const password = values.password ?? generatePassword();
      const weak = validatePasswordStrength(password);
      if (weak) fail(weak);
      const db = await open();
      await runMigrations(db);
      const scope = values['scope-org'] ? Number(values['scope-org']) : null;
      if (role === 'unit_hr' && !scope) fail('a unit_hr user needs --scope-org ID');
      try {
        const u = await createUser(db, { username: values.username!, displayName: values.name, role, password, scopeOrgId: scope });
        await writeAudit(db.db, { user: null }, { action: 'create', entity: 'app_user', entityId: u.id, after: { username: u.username, role, scopeOrgId: scope } });
      } catch (e) {
        await db.close();
        fail(`cannot create user "${values.username}": ${(e as Error).message.split('\n')[0]}`);
      }
      console.log(`created user ${values.username} (${role})${values.password ? '' : ` with password: ${password}`}`);
      return db.close();
    }
    case 'backup': {
      const file = positionals[0] ?? fail('backup FILE: give a file name');
      const db = await open();
      await runMigrations(db);
      const counts = await backupTo(db, file);
      console.log(`backup written to ${file}: ${Object.values(counts).reduce((a, b) => a + b, 0)} rows in ${Object.keys(counts).length} tables`);
      return db.close();
    }
    case 'restore': {
      const file = positionals[0] ?? fail('restore FILE: give a file name');
      const db = await open();
      await runMigrations(db);
      const counts = await restoreFrom(db, file).catch((e) => fail((e as Error).message));
      await writeAudit(db.db, { user: null }, { action: 'restore', entity: 'database', after: { file, counts } });
      console.log(`restored ${file}: ${Object.values(counts).reduce((a, b) => a + b, 0)} rows`);
      return db.close();
    }
    default:
      console.log(USAGE);
      if (cmd && cmd !== 'help' && cmd !== '--help') process.exit(2);
  }
}

async function serve() {
  const cfg = loadConfig();
  const database = await openDatabase(cfg.databaseUrl ? { url: cfg.databaseUrl } : { dataDir: cfg.dataDir });
  const res = await bootstrap(database, {
    adminPassword: cfg.adminPassword,
    demo: cfg.demo,
    demoCadres: cfg.demoCadres,
    log: (l) => console.log(l),
  });
  if (res.demoLoaded) console.log(`demo data loaded: ${res.demoLoaded.cadres} cadres in ${(res.demoLoaded.ms / 1000).toFixed(1)} s`);
  if (res.createdAdmin) {
    console.log('──────────────────────────────────────────────');
    console.log(`  administrator: admin   password: ${res.createdAdmin.generated ? res.createdAdmin.password + '   (shown once — note it now)' : '(from ADMIN_PASSWORD)'}`);
    for (const u of res.demoUsers ?? []) console.log(`  demo ${u.role.padEnd(11)} ${u.username.padEnd(8)} password: ${u.password}${u.scope ? `   scope: ${u.scope}` : ''}`);
    console.log('──────────────────────────────────────────────');
  }
  const app = await buildApp({
    database,
    logger: { level: cfg.logLevel },
    cookieSecure: cfg.cookieSecure,
  });
  try {
    await app.listen({ port: cfg.port, host: cfg.host });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    await database.close().catch(() => {});
    if (code === 'EADDRINUSE') fail(`port ${cfg.port} is already in use (set PORT to another port)`);
    if (code === 'EACCES') fail(`no permission to listen on port ${cfg.port} (set PORT to a port above 1024)`);
    fail(`cannot listen on ${cfg.host}:${cfg.port}: ${(e as Error).message}`);
  }
  console.log(`Cadre Atlas 干部队伍建设研判平台 on http://localhost:${cfg.port}  (API docs: /api/docs, database: ${database.kind === 'pglite' ? `PGlite in ${cfg.dataDir}` : 'PostgreSQL'})`);
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  if (e instanceof ConfigError) fail(e.message);
  console.error(e);
  process.exit(1);
});
