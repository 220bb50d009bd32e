/**
 * 班子研判 and 结构分析 in a real Chromium against the real server (built web app + API on a fresh demo database):
 * the overview shows red teams, a red team's hologram shows exactly the reasons the API gives for it, and a number
 * on the structure page (figures only) asks the drill-down for its people and opens the roster with exactly that many.
 *
 *   npm run build && npx vitest run --project e2e e2e/teams.e2e.ts
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, PASSWORD, startHarness, type Harness } from './harness';

interface Hit {
  id: string;
  color: 'red' | 'blue' | 'green';
  reason: { zh: string; en: string };
}
interface TeamsAnalysis {
  counts: { red: number; blue: number; green: number };
  total: number;
  /** the indicator rules hit by some team, by id (a team's `reasons` are ids into it) */
  indicators: Record<string, Hit>;
  items: { teamId: number; color: string; reasons: string[] }[];
}
interface TeamAnalysis {
  team: { id: number; name: string };
  color: string;
  hits: Hit[];
  positions: { vacancies: number; members: { cadreId: number }[] }[];
  ledger: unknown[];
}

let h: Harness;
/** GET /api/teams/analysis as the first test read it */
let overview: TeamsAnalysis | undefined;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

async function apiGet<T>(url: string): Promise<T> {
  const r = await page.request.get(url);
  expect(r.status(), `GET ${url}`).toBe(200);
  return (await r.json()) as T;
}

const cells = (color?: string) => page.locator(color ? `[data-testid="team-cell"][data-color="${color}"]` : '[data-testid="team-cell"]');

describe('班子总览 → 全息图, 结构分析 → 名册 (Chromium)', () => {
  beforeAll(async () => {
    h = await startHarness({ cadres: 400 });
    ({ context, page } = await newPage(h));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto('/login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-page').waitFor();
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await h?.close();
  });

  it('the overview lists every team coloured as the API rates it, with red teams among them', async () => {
    await page.getByTestId('nav-teams').click();
    await page.getByTestId('team-grid').waitFor();
    const api = await apiGet<TeamsAnalysis>('/api/teams/analysis');
    overview = api;
    expect(api.counts.red, 'the demo district has red teams under the default rules').toBeGreaterThan(0);
    await expect.poll(() => cells().count()).toBe(api.total);
    expect(await cells('red').count()).toBe(api.counts.red);
    expect(await page.getByTestId('team-count-red').getAttribute('data-count')).toBe(String(api.counts.red));
    // every cell carries the API's colour
    const shown = await cells().evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-team-id')), e.getAttribute('data-color')]));
    expect(new Map(shown as [number, string][])).toEqual(new Map(api.items.map((i) => [i.teamId, i.color])));

    // colour filter: only red cells remain
    await page.getByTestId('filter-color-red').click();
    await expect.poll(() => cells().count()).toBe(api.counts.red);
    expect(await cells('blue').count() + (await cells('green').count())).toBe(0);
    expect(new URL(page.url()).searchParams.get('color')).toBe('red');
    // the export link carries the same filter
    const exportHref = await page.getByTestId('teams-export').getAttribute('href');
    expect(exportHref).toContain('color=red');
    const xlsx = await page.request.get(exportHref!);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  });

  it('a red team’s hologram shows the reasons GET /api/teams/:id/analysis gives, its members, ledger and quarterly history', async () => {
    const first = cells('red').first();
    const teamId = Number(await first.getAttribute('data-team-id'));
    await first.click();
    const holo = page.getByTestId('team-hologram');
    await holo.waitFor();
    expect(await holo.getAttribute('data-team-id')).toBe(String(teamId));
    expect(new URL(page.url()).pathname).toBe(`/teams/${teamId}`);

    const api = await apiGet<TeamAnalysis>(`/api/teams/${teamId}/analysis`);
    expect(api.color).toBe('red');
    expect(await holo.getAttribute('data-color')).toBe('red');
    const indicators = page.getByTestId('team-indicator');
    await expect.poll(() => indicators.count()).toBe(api.hits.length);
    const reasons = await page.getByTestId('team-indicator-reason').allTextContents();
    expect(reasons.map((r) => r.trim())).toEqual(api.hits.map((hit) => hit.reason.zh));
    // the overview gave the same reasons (rule ids into its dictionary) for this team
    const row = overview?.items.find((i) => i.teamId === teamId);
    expect(row?.reasons).toEqual(api.hits.map((hit) => hit.id));
    expect(row?.reasons.map((id) => overview!.indicators[id].reason.zh)).toEqual(api.hits.map((hit) => hit.reason.zh));
    const colors = await indicators.evaluateAll((els) => els.map((e) => e.getAttribute('data-color')));
    expect(colors).toEqual(api.hits.map((hit) => hit.color));
    expect(colors).toContain('red');

    const members = api.positions.reduce((n, p) => n + p.members.length, 0);
    expect(await page.getByTestId('member-card').count()).toBe(members);
    expect(await page.getByTestId('vacancy-card').count()).toBe(api.positions.reduce((n, p) => n + p.vacancies, 0));
    expect(await page.getByTestId('team-ledger').getByTestId('ledger-item').count()).toBe(api.ledger.length);

    const history = await apiGet<{ items: { quarter: string; color: string }[] }>(`/api/teams/${teamId}/history`);
    const strip = page.getByTestId('team-history').getByTestId('team-history-item');
    await expect.poll(() => strip.count()).toBe(history.items.length);
    expect(history.items.length).toBe(8);
    const stripColors = await strip.evaluateAll((els) => els.map((e) => e.getAttribute('data-color')));
    expect(stripColors).toEqual(history.items.map((i) => i.color));
    await page.getByTestId('team-radar').locator('canvas').waitFor();

    // 人岗适配晴雨表 of the team: each incumbent's fit to their own post, as the fit API computes it
    const barometer = await apiGet<{ rows: { cadreId: number; total: number; band: string }[] }>(`/api/fit/barometer?teamId=${teamId}`);
    const totals = page.getByTestId('team-barometer').getByTestId('barometer-total');
    await expect.poll(() => totals.count()).toBe(barometer.rows.length);
    expect(await totals.evaluateAll((els) => els.map((e) => e.textContent))).toEqual(barometer.rows.map((r) => r.total.toFixed(1)));

    // a member card opens the profile
    if (members > 0) {
      const card = page.getByTestId('member-card').first();
      const cadreId = await card.getAttribute('data-cadre-id');
      await card.click();
      await page.getByTestId('profile-header').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/cadres/${cadreId}`);
    }
  });

  it('结构分析: the page loads figures only; a number asks the drill-down for its people and opens the roster with exactly that many', async () => {
    const figures = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/stats/structure');
    await page.getByTestId('nav-stats').click();
    await page.getByTestId('stats-page').waitFor();
    // the structure call carries no id lists (they come per number, on click)
    const body = await (await figures).text();
    expect(body).not.toMatch(/"(ids|youngIds)"/);
    await page.getByTestId('chart-pyramid').locator('canvas').waitFor();
    // 女 in the 性别 table
    const sexTable = page.locator('[data-testid="stats-dimension"][data-key="sex"]');
    const women = sexTable.getByTestId('stats-count').nth(1);
    const n = Number(await women.getAttribute('data-count'));
    expect(n).toBeGreaterThan(0);
    expect(Number(await women.textContent())).toBe(n);
    expect(await women.getAttribute('data-bucket')).toBe('2');
    const api = await apiGet<{ dimensions: { sex: { buckets: { key: string; count: number }[] } } }>('/api/stats/structure');
    expect(api.dimensions.sex.buckets.find((b) => b.key === '2')?.count).toBe(n);

    const drillCall = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/stats/structure/people');
    const rosterCall = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cadres' && new URL(r.url()).searchParams.has('ids'));
    await women.click();
    const drill = await drillCall;
    const drillUrl = new URL(drill.url());
    expect([drillUrl.searchParams.get('dimension'), drillUrl.searchParams.get('bucket')]).toEqual(['sex', '2']);
    const people = (await drill.json()) as { count: number; ids: number[] };
    expect(people.count).toBe(n);
    expect(people.ids.length).toBe(n);
    await page.getByTestId('roster-page').waitFor();
    const res = await rosterCall;
    const roster = (await res.json()) as { total: number };
    expect(roster.total).toBe(n);
    expect(new URL(res.url()).searchParams.get('ids')!.split(',').map(Number).sort((a, b) => a - b)).toEqual([...people.ids].sort((a, b) => a - b));
    await expect.poll(() => page.getByTestId('roster-total').textContent()).toContain(`共 ${n} 人`);
    await page.getByTestId('roster-link-filter').waitFor();

    // the young of the first level in the young-cadre table: a figure outside the dimensions
    await page.goBack();
    await page.getByTestId('stats-page').waitFor();
    const young = page.getByTestId('stats-young').getByTestId('stats-count').first();
    const y = Number(await young.getAttribute('data-count'));
    expect(y).toBeGreaterThan(0);
    expect(await young.getAttribute('data-dimension')).toBe('youngByLevel');
    const youngRoster = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cadres' && new URL(r.url()).searchParams.has('ids'));
    await young.click();
    await page.getByTestId('roster-page').waitFor();
    expect(((await (await youngRoster).json()) as { total: number }).total).toBe(y);

    // the promotion sentence's young count, phrased like the documents
    await page.goBack();
    await page.getByTestId('stats-page').waitFor();
    const sentence = page.getByTestId('promotion-sentence');
    if (await sentence.count()) expect(await sentence.textContent()).toMatch(/提拔\d+岁以下年轻干部\d+人，占同期新提拔干部总数的\d+\.\d%/);
    const report = await page.request.get((await page.getByTestId('stats-report').getAttribute('href'))!);
    expect(report.status()).toBe(200);
    expect(report.headers()['content-type']).toContain('text/html');
  });

  it('no uncaught page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
