/** Cookie sessions: random token in an httpOnly cookie, sha-256 of it in the session table. */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appUser, orgUnit, session } from '../db/schema';
import type { CurrentUser, Role } from './roles';

export const SESSION_COOKIE = 'sid';
export const SESSION_HOURS = 12;

const sha = (t: string) => createHash('sha256').update(t).digest('hex');

export async function createSession(db: Db, userId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db.insert(session).values({ tokenHash: sha(token), userId, expiresAt });
  // housekeeping: drop this user's expired sessions
  await db.delete(session).where(and(eq(session.userId, userId), lt(session.expiresAt, new Date())));
  return { token, expiresAt };
}

export async function destroySession(db: Db, token: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, sha(token)));
}

export async function userForToken(db: Db, token: string): Promise<CurrentUser | null> {
  const rows = await db
    .select({
      id: appUser.id,
      username: appUser.username,
      displayName: appUser.displayName,
      role: appUser.role,
      scopeOrgId: appUser.scopeOrgId,
      active: appUser.active,
      scopePath: orgUnit.path,
    })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .leftJoin(orgUnit, eq(orgUnit.id, appUser.scopeOrgId))
    .where(and(eq(session.tokenHash, sha(token)), gt(session.expiresAt, new Date())))
    .limit(1);
  const r = rows[0];
  if (!r || !r.active) return null;
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role as Role,
    scopeOrgId: r.scopeOrgId,
    // a scoped user whose unit vanished sees nothing rather than everything
    scopePath: r.scopeOrgId == null ? null : (r.scopePath ?? '/__none__/'),
  };
}
