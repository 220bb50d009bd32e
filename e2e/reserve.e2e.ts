/**
 * 储备链 in a real Chromium against the real server (built web app + API, demo district of 400 cadres):
 * the admin records a 民主推荐 round for two members of the 正职后备干部库, sees the tiers suggested in the pool
 * (推荐集中度 from the new round, as the API has them), confirms one tier (kept in the history), finds a
 * 急用现找 post on the 梯队强度 board (same count as the API), and generates the quarter's three lists for
 * the 优秀年轻干部库, editing one item inline.
 *
 *   npm run build && npx vitest run --project e2e e2e/reserve.e2e.ts
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, PASSWORD, startHarness, type Harness } from './harness';

let h: Harness;
let ctx: { context: BrowserContext; page: Page };
const pageErrors: string[] = [];

interface PoolItem { id: number; kind: string; name: string; counts: { byStage: Record<string, number> } }
interface Entry { id: number; cadreId: number; stage: string; tier: string | null; suggestedTier: string | null; concentration: number | null; maturity: number | null; version: number; cadre: { name: string; orgName: string | null } }

async function apiGet<T>(page: Page, url: string): Promise<T> {
  const r = await page.request.get(url);
  expect(r.status(), `GET ${url}`).toBe(200);
  return (await r.json()) as T;
}

/** pick an option of an antd Select by typing and clicking the option with the given text */
async function pickOption(page: Page, testId: string, typed: string, optionText = typed) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(typed);
  const opt = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: optionText }).first();
  await opt.waitFor({ timeout: 15_000 });
  await opt.click();
}

let chiefPool: PoolItem;
let youngPool: PoolItem;
let picked: Entry[] = [];
const ROUND = '乡科级正职人选民主推荐（e2e）';
const VOTERS = 120;
const VOTES = [102, 12];

describe('储备链 (reserve chain) in the browser', () => {
  beforeAll(async () => {
    h = await startHarness({ cadres: 400 });
    ctx = await newPage(h);
    ctx.page.on('pageerror', (e) => pageErrors.push(e.message));
    const { page } = ctx;
    await page.goto('/login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const pools = (await apiGet<{ items: PoolItem[] }>(page, '/api/pools')).items;
    chiefPool = pools.find((p) => p.name === '正职后备干部库')!;
    youngPool = pools.find((p) => p.kind === '优秀年轻干部')!;
    expect(chiefPool, 'demo 正职后备干部库').toBeTruthy();
    expect(youngPool, 'demo 优秀年轻干部库').toBeTruthy();
    // two admitted members with distinct names (the search picks by name and unit)
    const entries = (await apiGet<{ entries: Entry[] }>(page, `/api/pools/${chiefPool.id}`)).entries.filter((e) => e.stage === 'admitted');
    const names = new Map<string, number>();
    for (const e of entries) names.set(e.cadre.name, (names.get(e.cadre.name) ?? 0) + 1);
    picked = entries.filter((e) => names.get(e.cadre.name) === 1).slice(0, 2);
    expect(picked.length).toBe(2);
  });

  afterAll(async () => {
    await ctx?.context.close().catch(() => {});
    await h?.close();
    expect(pageErrors).toEqual([]);
  });

  it('records a 民主推荐 round with the votes of two candidates; 推荐集中度 shown per candidate', async () => {
    const { page } = ctx;
    await page.getByTestId('nav-reserve-rounds').click();
    await page.waitForURL('**/reserve/rounds');
    await page.getByTestId('round-record').click();
    await page.getByTestId('round-name').fill(ROUND);
    await page.getByTestId('round-voters').fill(String(VOTERS));
    await pickOption(page, 'round-cadre-0', picked[0].cadre.name, `${picked[0].cadre.name}　${picked[0].cadre.orgName ?? ''}`);
    await page.getByTestId('round-votes-0').fill(String(VOTES[0]));
    await page.getByTestId('round-add-candidate').click();
    await pickOption(page, 'round-cadre-1', picked[1].cadre.name, `${picked[1].cadre.name}　${picked[1].cadre.orgName ?? ''}`);
    await page.getByTestId('round-votes-1').fill(String(VOTES[1]));
    // the live preview is core's concentration()
    await expect.poll(() => page.getByTestId('round-preview-0').textContent()).toContain('85.0%');
    await page.getByTestId('round-save').click();
    const row = page.locator('[data-testid="round-table"] tr.ant-table-row').filter({ hasText: ROUND });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await row.click();
    await expect.poll(() => page.getByTestId('round-votes').first().textContent(), { timeout: 10_000 }).toContain(picked[0].cadre.name);
    const shown = await page.getByTestId('round-concentration').allTextContents();
    expect(shown).toEqual(['85.0%', '10.0%']);
    const rounds = (await apiGet<{ items: { name: string; voterCount: number; candidates: number }[] }>(page, '/api/recommendation-rounds')).items;
    expect(rounds.find((r) => r.name === ROUND)).toMatchObject({ voterCount: VOTERS, candidates: 2 });
  });

  it('sees the suggested tiers in the pool, from the new round, as the API has them', async () => {
    const { page } = ctx;
    await page.getByTestId('nav-reserve-pools').click();
    await page.waitForURL('**/reserve');
    await page.locator('[data-testid="pool-link"]', { hasText: chiefPool.name }).click();
    await page.getByTestId('pool-name').waitFor();
    const api = (await apiGet<{ entries: Entry[] }>(page, `/api/pools/${chiefPool.id}`)).entries;
    for (const [k, p] of picked.entries()) {
      const e = api.find((x) => x.id === p.id)!;
      expect(e.concentration).toBeCloseTo(VOTES[k] / VOTERS, 4);
      expect(e.suggestedTier).toMatch(/^(readyNow|shortTerm|future)$/);
      await page.getByTestId('stage-filter').getByText('在库', { exact: true }).click();
      await page.locator('.ant-input-search input').fill(p.cadre.name);
      await page.locator('.ant-input-search input').press('Enter');
      await expect.poll(() => page.getByTestId(`concentration-${p.id}`).textContent(), { timeout: 10_000 }).toBe(`${((VOTES[k] / VOTERS) * 100).toFixed(1)}%`);
      expect(await page.getByTestId(`suggested-${p.id}`).getAttribute('data-tier')).toBe(e.suggestedTier);
    }
    // the high-concentration candidate is never suggested a lower tier than the low one (same rules, 85% vs 10%)
    const rank = { readyNow: 2, shortTerm: 1, future: 0 } as Record<string, number>;
    const [a, b] = picked.map((p) => api.find((x) => x.id === p.id)!);
    if ((a.maturity ?? 0) >= (b.maturity ?? 0)) expect(rank[a.suggestedTier!]).toBeGreaterThanOrEqual(rank[b.suggestedTier!]);
  });

  it('confirms a tier; the suggestion and the decision are both kept in the history', async () => {
    const { page } = ctx;
    const p = picked[0];
    await page.locator('.ant-input-search input').fill(p.cadre.name);
    await page.locator('.ant-input-search input').press('Enter');
    const before = (await apiGet<{ entries: Entry[] }>(page, `/api/pools/${chiefPool.id}`)).entries.find((x) => x.id === p.id)!;
    // a decision that differs from the tier on record (the demo data may have confirmed one already)
    const decision = (before.tier ?? before.suggestedTier) === 'readyNow' ? 'shortTerm' : 'readyNow';
    await page.getByTestId(`confirm-tier-${p.id}`).click();
    await page.getByTestId(`tier-option-${decision}`).click();
    await page.getByTestId('confirm-tier-ok').click();
    await expect.poll(() => page.getByTestId(`confirmed-${p.id}`).getAttribute('data-tier'), { timeout: 10_000 }).toBe(decision);
    const after = (await apiGet<{ entries: Entry[] }>(page, `/api/pools/${chiefPool.id}`)).entries.find((x) => x.id === p.id)!;
    expect(after.tier).toBe(decision);
    expect(after.suggestedTier).toBe(before.suggestedTier);
    await page.getByTestId(`history-${p.id}`).click();
    await expect.poll(() => page.getByTestId('history-list').textContent(), { timeout: 10_000 }).toContain('确认梯次');
    const hist = await apiGet<{ events: { kind: string; tier: string | null }[] }>(page, `/api/pool-entries/${p.id}/history`);
    expect(hist.events.some((e) => e.kind === 'tier_decision' && e.tier === decision)).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('finds a 急用现找 post on the 梯队强度 board, as many as the API counts', async () => {
    const { page } = ctx;
    await page.getByTestId('nav-reserve-bench').click();
    await page.waitForURL('**/reserve/bench');
    const api = await apiGet<{ summary: { urgent: number; keyPosts: number }; rows: { urgent: boolean; title: string; orgName: string }[] }>(page, '/api/reserve/bench-strength?keyOnly=true&urgentOnly=true');
    expect(api.summary.urgent).toBeGreaterThan(0);
    await expect.poll(async () => Number((await page.getByTestId('bench-urgent-count').locator('.ant-statistic-content-value').textContent())?.replace(/\D/g, '')), { timeout: 20_000 }).toBe(api.summary.urgent);
    await page.getByTestId('bench-show-urgent').click();
    const urgentRows = page.getByTestId('urgent-post');
    await expect.poll(() => urgentRows.count(), { timeout: 20_000 }).toBe(Math.min(api.summary.urgent, 50));
    expect(await page.getByTestId('urgent-tag').count()).toBe(await urgentRows.count());
    expect(await urgentRows.first().textContent()).toContain(api.rows[0].title);
    // an urgent post has nobody 随时能用
    const first = page.locator('[data-testid="bench-table"] tr.ant-table-row').first();
    expect(await first.locator('td').nth(2).textContent()).toBe('—');
  });

  it('generates the quarter’s three lists for the 优秀年轻干部库 and edits an item inline', async () => {
    const { page } = ctx;
    await page.getByTestId('nav-reserve-reviews').click();
    await page.waitForURL('**/reserve/reviews**');
    await pickOption(page, 'review-pool', youngPool.name);
    await page.getByTestId('review-generate').click();
    await expect.poll(() => page.getByTestId('review-tab-problem').count(), { timeout: 30_000 }).toBe(1);
    const list = (await apiGet<{ items: { id: number; quarter: string }[] }>(page, `/api/reviews?poolId=${youngPool.id}`)).items;
    expect(list.length).toBe(1);
    const review = await apiGet<{ items: { id: number; list: string; owner: string | null }[] }>(page, `/api/reviews/${list[0].id}`);
    for (const l of ['problem', 'achievement', 'rectification']) {
      const n = review.items.filter((i) => i.list === l).length;
      expect(await page.getByTestId(`review-tab-${l}`).textContent()).toContain(String(n));
    }
    expect(review.items.length).toBeGreaterThan(0);
    // edit the owner of the first 整改 item (or of the first problem when there is none)
    const listName = review.items.some((i) => i.list === 'rectification') ? 'rectification' : 'problem';
    await page.getByTestId(`review-tab-${listName}`).click();
    const owner = page.getByTestId(`review-list-${listName}`).getByTestId('item-owner').first();
    await owner.fill('干部一科 李科长');
    await owner.press('Enter');
    await expect
      .poll(async () => (await apiGet<{ items: { id: number; list: string; owner: string | null }[] }>(page, `/api/reviews/${list[0].id}`)).items.filter((i) => i.list === listName).map((i) => i.owner), { timeout: 10_000 })
      .toContain('干部一科 李科长');
    expect(await page.getByTestId('review-export').getAttribute('href')).toBe(`/api/reviews/${list[0].id}/export.xlsx`);
    const print = await page.request.get(`/api/reviews/${list[0].id}/print`);
    expect(print.status()).toBe(200);
  });
});
