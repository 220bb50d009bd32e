/** Start-up preparation: migrations, reference data, rules defaults, first admin, demo data on an empty registry. */
import { and, eq, sql } from 'drizzle-orm';
import { CODE_SETS, DEFAULT_RULES } from '@cadre/core';
import type { Database } from './client';
import { runMigrations } from './migrate';
import { appUser, cadre, codeItem, orgUnit, rulesConfig } from './schema';
import { generatePassword, hashPassword } from '../auth/password';
import type { Role } from '../auth/roles';

export interface BootstrapOptions {
  adminPassword?: string;
  demo?: boolean;
  demoCadres?: number;
  demoSeed?: number;
  log?: (line: string) => void;
}

export interface BootstrapResult {
  createdAdmin?: { username: string; password: string; generated: boolean };
  demoUsers?: { username: string; role: Role; password: string; scope?: string }[];
  demoLoaded?: { cadres: number; ms: number };
}

export async function seedReferenceData(database: Database): Promise<void> {
  const { db } = database;
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(codeItem);
  const rows = Object.entries(CODE_SETS).flatMap(([setCode, entries]) =>
    entries.map((e, i) => ({ setCode, code: e.code, name: e.name, sort: i, parent: e.parent ?? null, extra: (e.extra ?? null) as never })),
  );
  // also on an existing database: code sets added by a release (e.g. 健康状况 GB/T 4767) are inserted, existing rows kept
  if (n < rows.length) {
    for (let i = 0; i < rows.length; i += 1000) await db.insert(codeItem).values(rows.slice(i, i + 1000)).onConflictDoNothing();
  }
  const [{ r }] = await db.select({ r: sql<number>`count(*)::int` }).from(rulesConfig);
  if (r === 0) await db.insert(rulesConfig).values({ version: 1, config: DEFAULT_RULES as never, comment: '默认规则（DOMAIN.md 所列默认值）' });
}

export async function createUser(
  database: Database,
  u: { username: string; displayName?: string; role: Role; password: string; scopeOrgId?: number | null },
) {
  const [row] = await database.db
    .insert(appUser)
    .values({
      username: u.username,
      displayName: u.displayName ?? u.username,
      role: u.role,
      passwordHash: await hashPassword(u.password),
      scopeOrgId: u.scopeOrgId ?? null,
    })
    .returning();
  return row;
}

export async function bootstrap(database: Database, opts: BootstrapOptions = {}): Promise<BootstrapResult> {
  const log = opts.log ?? (() => {});
  await runMigrations(database);
  await seedReferenceData(database);
  const result: BootstrapResult = {};
  const { db } = database;

  const [{ users }] = await db.select({ users: sql<number>`count(*)::int` }).from(appUser);
  if (users === 0) {
    const generated = !opts.adminPassword;
    const password = opts.adminPassword ?? generatePassword();
    await createUser(database, { username: 'admin', displayName: '系统管理员', role: 'admin', password });
    result.createdAdmin = { username: 'admin', password, generated };
  }

  const [{ cadres }] = await db.select({ cadres: sql<number>`count(*)::int` }).from(cadre);
  if (opts.demo && cadres === 0) {
    const t0 = Date.now();
    const { seedDemo } = await import('../cli/seed/seed');
    log(`loading demo data (${opts.demoCadres ?? 2000} cadres)…`);
    await seedDemo(database, { seed: opts.demoSeed ?? 20261121, cadres: opts.demoCadres ?? 2000 });
    result.demoLoaded = { cadres: opts.demoCadres ?? 2000, ms: Date.now() - t0 };
    if (users === 0) result.demoUsers = await createDemoUsers(database);
  }
  return result;
}

/** one account per role for trying the system; passwords are generated and printed once */
async function createDemoUsers(database: Database) {
  const { db } = database;
  // a real town (one with its own leadership team), not a grouping node
  const [town] = await db
    .select({ id: orgUnit.id, name: orgUnit.name })
    .from(orgUnit)
    .where(and(eq(orgUnit.kind, '镇街'), sql`exists (select 1 from team where team.org_unit_id = ${orgUnit.id})`))
    .orderBy(orgUnit.id)
    .limit(1);
  const list: { username: string; displayName: string; role: Role; scope?: { id: number; name: string } }[] = [
    { username: 'ganbu', displayName: '干部科 王科长', role: 'cadre' },
    { username: 'jiandu', displayName: '干部监督科 李科长', role: 'supervision' },
    { username: 'lingdao', displayName: '部领导 赵部长', role: 'leader' },
    ...(town ? [{ username: 'danwei', displayName: `${town.name} 组织委员`, role: 'unit_hr' as Role, scope: town }] : []),
  ];
  const out = [];
  for (const u of list) {
    const password = generatePassword();
    await createUser(database, { username: u.username, displayName: u.displayName, role: u.role, password, scopeOrgId: u.scope?.id ?? null });
    out.push({ username: u.username, role: u.role, password, scope: u.scope?.name });
  }
  return out;
}
