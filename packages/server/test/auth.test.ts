import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { setup, PASSWORD, type TestContext } from './app';

let t: TestContext;
beforeAll(async () => {
  t = await setup({ loginRateLimit: { max: 5, timeWindow: 60_000 } });
});
afterAll(() => t.close());

describe('authentication', () => {
  it('refuses every API route without a session', async () => {
    for (const url of ['/api/cadres', '/api/org-units', '/api/cadres/1', '/api/audit', '/api/rules', '/api/auth/me']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error).toBe('unauthenticated');
    }
  });

  it('logs in with the right password, reports role and scope, logs out', async () => {
    const c = await t.as('danwei');
    const me = await c.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: 'danwei', role: 'unit_hr', roleLabel: '单位组织人事', scopeOrgId: 2, scopeOrgName: '城关镇' });
    expect(me.json().permissions.sensitive).toMatchObject({ discipline: false, family: false, idNumber: false });
    await c.post('/api/auth/logout');
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('stores passwords as argon2id hashes, never in clear', async () => {
    const rows = await t.database.db.execute(sql`select password_hash from app_user where username = 'admin'`);
    const hash = (rows as unknown as { rows: { password_hash: string }[] }).rows[0].password_hash;
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(hash).not.toContain(PASSWORD);
  });

  it('answers a wrong password with 401 and audits the failure', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'wrong-password' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'invalid_credentials', message: '用户名或密码错误' });
    const admin = await t.as('admin');
    const audit = await admin.get('/api/audit?action=login_failed');
    expect(audit.json().items.some((e: { after: { username: string } }) => e.after.username === 'admin')).toBe(true);
  });

  it('rate-limits login attempts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { username: 'admin', password: 'nope-nope-nope' } });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 5).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it('serves the OpenAPI document with the registry routes', async () => {
    const res = await t.app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toContain('/api/cadres');
    expect(paths).toContain('/api/cadres/{id}/discipline');
    expect(paths).toContain('/api/org-units/{id}');
  });
});

describe('user administration', () => {
  it('admins create scoped users; weak passwords, missing scope and non-admins are refused', async () => {
    const admin = await t.as('admin');
    const weak = await admin.post('/api/users', { username: 'hr2', displayName: 'HR', role: 'unit_hr', scopeOrgId: 3, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().issues.map((i: { path: string }) => i.path)).toContain('password');
    const noScope = await admin.post('/api/users', { username: 'hr2', displayName: 'HR', role: 'unit_hr', password: 'long-enough-pw' });
    expect(noScope.json().issues[0].path).toBe('scopeOrgId');
    const ok = await admin.post('/api/users', { username: 'hr2', displayName: '财政局人事', role: 'unit_hr', scopeOrgId: 3, password: 'long-enough-pw' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).not.toHaveProperty('passwordHash');
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'hr2', password: 'long-enough-pw' } });
    expect(login.statusCode).toBe(200);
    const cadre = await t.as('ganbu');
    expect((await cadre.get('/api/users')).statusCode).toBe(403);
    expect((await cadre.post('/api/users', { username: 'x1', displayName: 'x', role: 'admin', password: 'long-enough-pw' })).statusCode).toBe(403);
  });

  it('deactivating a user ends their sessions', async () => {
    const admin = await t.as('admin');
    const leader = await t.as('lingdao');
    const u = (await admin.get('/api/users')).json().items.find((x: { username: string }) => x.username === 'lingdao');
    const res = await admin.patch(`/api/users/${u.id}`, { version: u.version, active: false });
    expect(res.statusCode, res.body).toBe(200);
    expect((await leader.get('/api/auth/me')).statusCode).toBe(401);
    await expect(t.as('lingdao')).rejects.toThrow(/401/);
  });
});
