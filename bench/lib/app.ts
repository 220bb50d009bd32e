/** The real Fastify app over a bench database, with a logged-in admin session (cookie). */
import { randomBytes } from 'node:crypto';
import { buildApp, type App } from '../../packages/server/src/app';
import { createUser } from '../../packages/server/src/db/bootstrap';
import type { BenchDatabase } from './db';

export interface BenchApp {
  app: App;
  /** `sid=…` for a Cookie header */
  cookie: string;
  /** GET through app.inject with the session; throws unless 200; returns the parsed JSON */
  get<T = unknown>(url: string): Promise<T>;
  close(): Promise<void>;
}

/** build the app (no static web) and log in as an admin created for the bench (once per database) */
export async function benchApp(b: BenchDatabase): Promise<BenchApp> {
  let cred = b.cache.get('admin') as { username: string; password: string } | undefined;
  if (!cred) {
    cred = { username: `bench_${randomBytes(3).toString('hex')}`, password: randomBytes(12).toString('base64url') };
    await createUser(b.database, { username: cred.username, displayName: 'bench', role: 'admin', password: cred.password });
    b.cache.set('admin', cred);
  }
  const app = await buildApp({ database: b.database, serveWeb: false, logger: false });
  await app.ready();
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: cred });
  if (res.statusCode !== 200) throw new Error(`bench login failed: ${res.statusCode} ${res.body}`);
  const sid = res.cookies.find((c) => c.name === 'sid');
  if (!sid) throw new Error('bench login: no session cookie');
  const cookie = `sid=${sid.value}`;
  return {
    app,
    cookie,
    async get<T>(url: string) {
      const r = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (r.statusCode !== 200) throw new Error(`GET ${url} → ${r.statusCode} ${r.body.slice(0, 300)}`);
      return r.json() as T;
    },
    close: () => app.close(),
  };
}
