/** /api/users — user administration (系统管理员 only): list, create, change role/scope/active, reset password. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asc, eq } from 'drizzle-orm';
import { appUser, session } from '../db/schema';
import { userOf } from '../app';
import { actorOf } from '../http/actor';
import { badRequest, issue } from '../http/errors';
import { idParam, withVersion } from '../http/zod';
import { writeAudit } from '../audit/audit';
import { updateVersioned } from '../db/versioned';
import { assertAdmin, assertOrgInScope } from './policy';
import { hashPassword, validatePasswordStrength } from './password';
import { ROLES } from './roles';

const present = (u: typeof appUser.$inferSelect) => {
  const { passwordHash: _h, ...rest } = u;
  return rest;
};

const UserBody = z.object({
  username: z.string().trim().min(2).max(50).regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'),
  displayName: z.string().trim().min(1).max(50),
  role: z.enum(ROLES),
  scopeOrgId: z.number().int().positive().nullish(),
  password: z.string().min(1).max(200),
});
const UserPatch = z.object({
  displayName: z.string().trim().min(1).max(50).optional(),
  role: z.enum(ROLES).optional(),
  scopeOrgId: z.number().int().positive().nullish(),
  active: z.boolean().optional(),
  password: z.string().min(1).max(200).optional(),
  ...withVersion,
});

export async function userRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const tags = ['users'];

  app.get('/users', { schema: { tags, summary: '用户列表' } }, async (req) => {
    assertAdmin(userOf(req));
    return { items: (await db.select().from(appUser).orderBy(asc(appUser.id))).map(present) };
  });

  app.post('/users', { schema: { tags, summary: '新增用户', body: UserBody } }, async (req) => {
    const me = userOf(req);
    assertAdmin(me);
    const b = req.body;
    const weak = validatePasswordStrength(b.password);
    const issues = [];
    if (weak) issues.push(issue('password', 'weak', '密码至少 10 位', 'password must be at least 10 characters'));
    if (b.role === 'unit_hr' && !b.scopeOrgId) issues.push(issue('scopeOrgId', 'required', '单位组织人事必须指定所管单位', 'a unit HR officer needs a scope unit'));
    const [dup] = await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, b.username));
    if (dup) issues.push(issue('username', 'duplicate', '用户名已存在', 'username already exists'));
    if (issues.length) throw badRequest(issues);
    return db.transaction(async (t) => {
      if (b.scopeOrgId) await assertOrgInScope(t as never, me, b.scopeOrgId);
      const [u] = await t
        .insert(appUser)
        .values({ username: b.username, displayName: b.displayName, role: b.role, scopeOrgId: b.scopeOrgId ?? null, passwordHash: await hashPassword(b.password) })
        .returning();
      await writeAudit(t as never, actorOf(req), { action: 'create', entity: 'app_user', entityId: u.id, after: present(u) });
      return present(u);
    });
  });

  app.patch('/users/:id', { schema: { tags, summary: '修改用户（角色、范围、停用、重置密码）', params: idParam, body: UserPatch } }, async (req) => {
    const me = userOf(req);
    assertAdmin(me);
    const { version, password, ...fields } = req.body;
    if (password) {
      const weak = validatePasswordStrength(password);
      if (weak) throw badRequest([issue('password', 'weak', '密码至少 10 位', 'password must be at least 10 characters')]);
    }
    if (req.params.id === me.id && (fields.active === false || (fields.role && fields.role !== 'admin'))) {
      throw badRequest([issue('role', 'self', '不能停用自己或取消自己的管理员角色', 'you cannot deactivate yourself or drop your own admin role')]);
    }
    return db.transaction(async (t) => {
      const patch: Record<string, unknown> = { ...fields };
      if (password) patch.passwordHash = await hashPassword(password);
      const res = await updateVersioned<typeof appUser.$inferSelect>(t as never, appUser, req.params.id, version, patch);
      if (password || fields.active === false || fields.role || fields.scopeOrgId !== undefined) {
        await t.delete(session).where(eq(session.userId, req.params.id)); // new rights take effect at next login
      }
      await writeAudit(t as never, actorOf(req), { action: 'update', entity: 'app_user', entityId: req.params.id, before: present(res.before), after: { ...present(res.after), ...(password ? { password: '(reset)' } : {}) } });
      return present(res.after);
    });
  });
}
