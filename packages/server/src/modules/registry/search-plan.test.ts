/**
 * The default view of the roster (单位 order, in-post cadres, no filter) is read by walking the units
 * (search.ts `defaultViewIds`) instead of joining and sorting every cadre. It must return exactly the rows,
 * in exactly the order, of the plain join + ORDER BY — on every page it is used for, for every scope, with
 * units sharing a sort value and cadres without a unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_RULES } from '@cadre/core';
import type { Database } from '../../db/client';
import { cadre, orgUnit } from '../../db/schema';
import { seedDemo } from '../../cli/seed/seed';
import type { CurrentUser } from '../../auth/roles';
import { testDatabase } from '../../../test/db';
import { RosterQuery } from './schema';
import { isDefaultView, searchRoster } from './search';

let database: Database;
const admin: CurrentUser = { id: 1, username: 'a', displayName: 'a', role: 'admin', scopeOrgId: null, scopePath: null };
let scoped: CurrentUser;
let noUnitIds: number[] = [];

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database, { seed: 7, cadres: 600 });
  const { db } = database;
  // cadres without a unit (sort last in 单位 order) — some in post, one retired
  const some = await db.select({ id: cadre.id }).from(cadre).orderBy(cadre.id).limit(4);
  noUnitIds = some.map((r) => r.id);
  await db.update(cadre).set({ currentOrgId: null }).where(inArray(cadre.id, noUnitIds));
  await db.update(cadre).set({ status: '退休' }).where(eq(cadre.id, noUnitIds[0]));
  // units sharing a sort value: the unit id must break the tie the same way in both plans
  await db.execute(sql`update org_unit set sort = 1 where id in (select id from org_unit order by id desc limit 40)`);
  // a scope with a few dozen cadres: the unit (below the root) with the most cadres in its subtree
  const [unit] = (
    (await db.execute(sql`
      select u.id, u.path, count(*)::int as n from org_unit u join org_unit s on s.path like u.path || '%' join cadre c on c.current_org_id = s.id
      where u.parent_id is not null group by u.id, u.path order by n desc, u.id limit 1`)) as unknown as { rows: { id: number; path: string }[] }
  ).rows;
  scoped = { id: 2, username: 's', displayName: 's', role: 'unit_hr', scopeOrgId: unit.id, scopePath: unit.path };
}, 180_000);

afterAll(async () => database?.close());

const query = (q: Record<string, string>) => RosterQuery.parse(q);
const ids = (r: { items: { id: number }[] }) => r.items.map((x) => x.id);

describe('roster default view: unit walk = join + sort', () => {
  it('takes the unit walk only for the default view', () => {
    expect(isDefaultView(query({}), 50, 0)).toBe(true);
    expect(isDefaultView(query({ page: '3', pageSize: '200' }), 200, 400)).toBe(true);
    expect(isDefaultView(query({ sex: '2' }), 50, 0)).toBe(false);
    expect(isDefaultView(query({ sort: 'name' }), 50, 0)).toBe(false);
    expect(isDefaultView(query({ sort: '-orgName' }), 50, 0)).toBe(false);
    expect(isDefaultView(query({ status: '退休' }), 50, 0)).toBe(false);
    expect(isDefaultView(query({ page: '30' }), 50, 29 * 50)).toBe(false);
  });

  it('same rows in the same order on every page, up to and past the cadres without a unit', async () => {
    const { db } = database;
    const total = (await searchRoster(db, admin, query({}), DEFAULT_RULES)).total;
    expect(total).toBeGreaterThan(500);
    const pageSize = 100;
    const seen: number[] = [];
    for (let page = 1; (page - 1) * pageSize < total + pageSize; page++) {
      const q = query({ page: String(page), pageSize: String(pageSize) });
      const fast = await searchRoster(db, admin, q, DEFAULT_RULES);
      const plain = await searchRoster(db, admin, q, DEFAULT_RULES, { plainPlan: true });
      expect(ids(fast)).toEqual(ids(plain));
      expect(fast.items).toEqual(plain.items);
      expect(fast.total).toBe(plain.total);
      seen.push(...ids(fast));
    }
    expect(seen.length).toBe(total);
    // the in-post cadres without a unit come last
    const tail = seen.slice(-3);
    expect(new Set(tail)).toEqual(new Set(noUnitIds.slice(1)));
  });

  it('same rows for a scoped user, and for the export limit', async () => {
    const { db } = database;
    const q = query({ pageSize: '50' });
    const fast = await searchRoster(db, scoped, q, DEFAULT_RULES);
    const plain = await searchRoster(db, scoped, q, DEFAULT_RULES, { plainPlan: true });
    expect(fast.items.length).toBeGreaterThan(10);
    expect(ids(fast)).toEqual(ids(plain));
    const exp = await searchRoster(db, admin, query({}), DEFAULT_RULES, { limit: 500, count: false });
    const expPlain = await searchRoster(db, admin, query({}), DEFAULT_RULES, { limit: 500, count: false, plainPlan: true });
    expect(ids(exp)).toEqual(ids(expPlain));
    expect(exp.items.length).toBe(500);
  });

  it('a unit walk page is the same page the join gives when the sort of a unit changes', async () => {
    const { db } = database;
    const [first] = await db.select({ id: orgUnit.id }).from(orgUnit).orderBy(orgUnit.sort, orgUnit.id).limit(1);
    await db.update(orgUnit).set({ sort: 99999 }).where(eq(orgUnit.id, first.id));
    const q = query({});
    expect(ids(await searchRoster(db, admin, q, DEFAULT_RULES))).toEqual(ids(await searchRoster(db, admin, q, DEFAULT_RULES, { plainPlan: true })));
  });
});
