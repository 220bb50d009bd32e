/**
 * 人岗适配 in a real Chromium against the real server (built web app + API, demo district of 400
 * cadres): three 镇长 posts are made vacant in the database first; then the 干部科 user ranks the
 * candidates for a vacant 镇长 post (same order as the API, explanation drawer with radar), opens
 * 比选 with three candidates, builds an adjustment plan for the three vacancies and sees the teams'
 * indicators change in the what-if view (the registry is left unchanged), and saves it as a draft.
 *
 *   npm run build && npx vitest run --project e2e e2e/fit.e2e.ts
 */
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointment, orgUnit, position } from '../packages/server/src/db/schema';
import { newPage, PASSWORD, startHarness, type Harness } from './harness';

let h: Harness;
let ctx: { context: BrowserContext; page: Page };
const pageErrors: string[] = [];
/** the three vacated 镇长 posts: id, unit name */
let posts: { id: number; orgName: string }[] = [];

interface Ranking {
  items: { cadreId: number; name: string; total: number }[];
  eligibleTotal: number;
}

async function apiGet<T>(page: Page, url: string): Promise<T> {
  const r = await page.request.get(url);
  expect(r.status(), `GET ${url}`).toBe(200);
  return (await r.json()) as T;
}

async function registryCounts() {
  const db = h.database.db;
  const [open] = await db.select({ n: count() }).from(appointment).where(isNull(appointment.endDate));
  const [all] = await db.select({ n: count() }).from(appointment);
  return { open: open.n, all: all.n };
}

/** pick an option of an antd Select by its visible text */
async function pickOption(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

describe('人岗适配 (fit) in the browser', () => {
  beforeAll(async () => {
    h = await startHarness({ cadres: 400 });
    const db = h.database.db;
    const rows = await db
      .select({ id: position.id, orgName: orgUnit.name })
      .from(position)
      .innerJoin(orgUnit, eq(orgUnit.id, position.orgUnitId))
      .where(eq(position.title, '党委副书记、镇长'))
      .orderBy(position.id)
      .limit(3);
    expect(rows.length).toBe(3);
    posts = rows;
    // vacate them (the incumbents were moved away yesterday)
    const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
    await db
      .update(appointment)
      .set({ endDate: yesterday })
      .where(and(inArray(appointment.positionId, rows.map((r) => r.id)), isNull(appointment.endDate)));
    ctx = await newPage(h);
    ctx.page.on('pageerror', (e) => pageErrors.push(e.message));
    const { page } = ctx;
    await page.goto('/login');
    await page.getByTestId('login-username').fill('ganbu');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  });

  afterAll(async () => {
    await ctx?.context.close().catch(() => {});
    await h?.close();
    expect(pageErrors).toEqual([]);
  });

  it('ranks the candidates for a vacant 镇长 post, as the API does, with an explanation and radar', async () => {
    const { page } = ctx;
    await page.getByTestId('nav-fit-rank').click();
    await page.waitForURL('**/fit/rank');
    await pickOption(page, 'pick-vacancy', `${posts[0].orgName} 党委副书记、镇长`);
    await page.waitForURL((u) => u.searchParams.get('positionId') === String(posts[0].id));
    const rows = page.locator('[data-testid="candidate-table"] tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(3);
    const api = await apiGet<Ranking>(page, `/api/positions/${posts[0].id}/candidates?limit=50`);
    expect(api.items.length).toBeGreaterThan(3);
    const names = await rows.locator('td:nth-child(3)').allTextContents();
    expect(names.slice(0, 5).map((n) => n.replace(/女$/, '').trim())).toEqual(api.items.slice(0, 5).map((x) => x.name));
    const totals = (await page.getByTestId('candidate-total').allTextContents()).map(Number);
    for (let k = 1; k < totals.length; k++) expect(totals[k - 1]).toBeGreaterThanOrEqual(totals[k]);
    // explanation drawer with the radar
    await page.getByTestId(`explain-${api.items[0].cadreId}`).click();
    await expect.poll(() => page.getByTestId('explain-body').textContent(), { timeout: 10_000 }).toContain('经历相关度');
    await expect.poll(() => page.locator('[data-testid="explain-radar"] canvas').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
  });

  it('opens 比选 with three candidates side by side', async () => {
    const { page } = ctx;
    const boxes = page.locator('[data-testid="candidate-table"] tr.ant-table-row .ant-checkbox-input');
    for (let k = 0; k < 3; k++) await boxes.nth(k).check();
    await page.getByTestId('open-compare').click();
    await page.waitForURL('**/fit/compare?**');
    const table = page.getByTestId('compare-table');
    await expect.poll(() => table.locator('thead th').count(), { timeout: 20_000 }).toBe(4);
    await expect.poll(() => page.getByTestId('competency-table').textContent()).toContain('工作实绩');
    await expect.poll(() => page.locator('[data-testid="compare-radar"] canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid="compare-assessments"] canvas').count()).toBeGreaterThan(0);
    expect(await table.textContent()).toContain('年度考核');
  });

  it('builds a plan for three vacancies and sees the teams’ indicators change in the what-if view; the registry is unchanged', async () => {
    const { page } = ctx;
    const before = await registryCounts();
    await page.getByTestId('nav-fit-plans').click();
    await page.waitForURL('**/fit/plans');
    for (const p of posts) {
      await pickOption(page, 'plan-vacancies', `${p.orgName} 党委副书记、镇长`);
      await page.keyboard.press('Escape');
    }
    await page.getByTestId('plan-solve').click();
    const postsTable = page.locator('[data-testid="plan-posts"] tr.ant-table-row');
    await expect.poll(() => postsTable.count(), { timeout: 30_000 }).toBe(3);
    await expect.poll(async () => Number(await page.getByTestId('plan-total').textContent())).toBeGreaterThan(0);
    // the vacated teams: never more vacancies after the plan; the figures change somewhere
    const vacancies = (s: string | null) => Number(/空缺(\d+)/.exec(s ?? '')?.[1]);
    let changed = 0;
    for (const p of posts) {
      const teamRow = page.locator('[data-testid="plan-teams"] tr.ant-table-row').filter({ hasText: p.orgName });
      await expect.poll(() => teamRow.count()).toBeGreaterThan(0);
      const b = await teamRow.first().locator('[data-testid$="-figures"]').first().textContent();
      const a = await teamRow.first().locator('[data-testid$="-figures"]').last().textContent();
      expect(vacancies(a)).toBeLessThanOrEqual(vacancies(b));
      if (a !== b) changed++;
    }
    expect(changed).toBeGreaterThan(0);
    expect(await page.getByTestId('team-changed').count()).toBeGreaterThan(0);
    // pin the first pair and re-solve: it stays, marked
    await page.locator('[data-testid^="pin-"]').first().click();
    await expect.poll(() => page.getByTestId('plan-posts').textContent(), { timeout: 20_000 }).toContain('已锁定');
    // save as a draft
    await page.getByTestId('plan-name').fill('镇长调整方案（e2e）');
    await page.getByTestId('plan-save').click();
    await expect.poll(() => page.getByTestId('plan-list').textContent(), { timeout: 20_000 }).toContain('镇长调整方案（e2e）');
    expect(await registryCounts()).toEqual(before);
  });
});
