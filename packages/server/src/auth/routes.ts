/** /api/auth — login (rate limited), logout, me; /api/users — user administration (admin). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { appUser, orgUnit } from '../db/schema';
import { HttpError } from '../http/errors';
import { writeAudit } from '../audit/audit';
import { userOf } from '../app';
import { createSession, destroySession, SESSION_COOKIE, SESSION_HOURS } from './session';
import { verifyPassword } from './password';
import { ROLE_LABELS, SENSITIVE, type CurrentUser } from './roles';
import { canSee, canWrite } from './policy';

const LoginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export async function authRoutes(
  fastify: FastifyInstance,
  opts: { loginRateLimit?: { max: number; timeWindow: number | string } },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;

  app.post(
    '/login',
    {
      config: {
        public: true,
        // per address and account: brute force on one account is stopped without locking out a whole office behind one NAT
        rateLimit: {
          ...(opts.loginRateLimit ?? { max: 10, timeWindow: '1 minute' }),
          hook: 'preHandler',
          keyGenerator: (req: { ip: string; body?: unknown }) => `${req.ip}|${String((req.body as { username?: string } | undefined)?.username ?? '')}`,
        },
      },
      schema: { tags: ['auth'], summary: '登录 Log in', body: LoginBody },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      const [u] = await db.select().from(appUser).where(eq(appUser.username, username)).limit(1);
      const ok = u && u.active ? await verifyPassword(u.passwordHash, password) : false;
      if (!u || !ok) {
        await writeAudit(db, { user: null, ip: req.ip }, { action: 'login_failed', entity: 'session', after: { username } });
        throw new HttpError(401, 'invalid_credentials', '用户名或密码错误', 'wrong username or password');
      }
      const { token, expiresAt } = await createSession(db, u.id);
      await writeAudit(db, { user: u, ip: req.ip }, { action: 'login', entity: 'session', entityId: u.id });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: app.ctx.cookieSecure,
        maxAge: SESSION_HOURS * 3600,
        expires: expiresAt,
      });
      return { user: await presentUser(app, { ...u, role: u.role as CurrentUser['role'] }) };
    },
  );

  app.post('/logout', { config: { public: true }, schema: { tags: ['auth'], summary: '退出 Log out' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await destroySession(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/me', { schema: { tags: ['auth'], summary: '当前用户与权限 Current user and permissions' } }, async (req) => {
    const user = userOf(req);
    const rules = await app.ctx.rules.rules();
    return {
      user: await presentUser(app, user),
      permissions: {
        canWrite: canWrite(user, 'registry', rules) || user.role === 'supervision',
        /** 干部名册 itself: 新增/删除干部, 任职/免职 */
        canWriteRegistry: canWrite(user, 'registry', rules),
        canWriteOrg: canWrite(user, 'org', rules),
        sensitive: Object.fromEntries(SENSITIVE.map((c) => [c, canSee(user, c, rules)])),
      },
    };
  });
}

async function presentUser(app: FastifyInstance, u: Pick<CurrentUser, 'id' | 'username' | 'displayName' | 'role' | 'scopeOrgId'>) {
  let scopeOrgName: string | null = null;
  if (u.scopeOrgId) {
    const [o] = await app.ctx.db.select({ name: orgUnit.name }).from(orgUnit).where(eq(orgUnit.id, u.scopeOrgId));
    scopeOrgName = o?.name ?? null;
  }
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    roleLabel: ROLE_LABELS[u.role]?.zh ?? u.role,
    roleLabelEn: ROLE_LABELS[u.role]?.en ?? u.role,
    scopeOrgId: u.scopeOrgId,
    scopeOrgName,
  };
}
