/**
 * Browser-test harness: a real server (built web app + API) on a random loopback port over a fresh
 * database with a small demo district, and Debian's Chromium driven by playwright-core.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp, type App } from '../packages/server/src/app';
import { openDatabase, type Database } from '../packages/server/src/db/client';
import { bootstrap, createUser } from '../packages/server/src/db/bootstrap';
import { seedDemo } from '../packages/server/src/cli/seed/seed';

export const PASSWORD = 'e2e-password-123';

export interface Harness {
  url: string;
  app: App;
  database: Database;
  browser: Browser;
  close: () => Promise<void>;
}

export async function startHarness(opts: { cadres?: number } = {}): Promise<Harness> {
  const database = process.env.TEST_DATABASE_URL ? await pgDatabase(process.env.TEST_DATABASE_URL) : await openDatabase({});
  await bootstrap(database, { adminPassword: PASSWORD, demo: false });
  await seedDemo(database, { seed: 7, cadres: opts.cadres ?? 400 });
  await createUser(database, { username: 'ganbu', displayName: '干部科 王科长', role: 'cadre', password: PASSWORD });
  await createUser(database, { username: 'lingdao', displayName: '部领导 赵部长', role: 'leader', password: PASSWORD });
  const app = await buildApp({ database, serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-dev-shm-usage', '--disable-component-update', '--no-first-run'],
  });
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    browser,
    close: async () => {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

async function pgDatabase(adminUrl: string): Promise<Database> {
  const pg = (await import('pg')).default;
  const name = `cadre_e2e_${process.pid}`;
  const a = new pg.Client({ connectionString: adminUrl });
  await a.connect();
  await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await a.query(`CREATE DATABASE ${name}`);
  await a.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return openDatabase({ url: u.toString() });
}

export async function newPage(h: Harness, opts: { locale?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({ baseURL: h.url, viewport: { width: 1440, height: 900 }, locale: opts.locale ?? 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  return { context, page };
}
