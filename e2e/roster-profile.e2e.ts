/**
 * The main flow in a real Chromium against the real server (built web app + API on a fresh database):
 * log in, filter the 干部名册 and check it against the API, export it and read the .xlsx back, open a
 * 一人一档 profile, edit 籍贯, see the change in the 审计记录 tab, provoke a 409 from a second user in a
 * second browser context and resolve it both ways, a read-only 部领导 sees no edit buttons, and the
 * English switch relabels the menu.
 *
 * Needs `npm run build` first (the server serves packages/web/dist); run with
 *   npm run build && npx vitest run --project e2e
 */
import ExcelJS from 'exceljs';
import type { BrowserContext, Locator, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, PASSWORD, startHarness, type Harness } from './harness';

interface RosterPage {
  items: { id: number; name: string }[];
  total: number;
}
interface CadreResponse {
  cadre: { id: number; name: string; nativePlace: string | null; version: number };
}

let h: Harness;
/** the admin's page, shared by the tests below (they run in order) */
let admin: { context: BrowserContext; page: Page };
const contexts: BrowserContext[] = [];
/** uncaught errors in any page: a test fails on them */
const pageErrors: string[] = [];

const FILTER = { sex: '2', young: 'true' } as const;
const ROWS = '[data-testid="roster-table"] tr.ant-table-row';

async function open(opts: { locale?: string } = {}) {
  const p = await newPage(h, opts);
  contexts.push(p.context);
  p.page.on('pageerror', (e) => pageErrors.push(e.message));
  return p;
}

/** log in through the login page */
async function login(page: Page, username: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  const res = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
  await page.getByTestId('login-submit').click();
  return res;
}

/** GET through the API with the page's own session cookie */
async function apiGet<T>(page: Page, url: string): Promise<T> {
  const r = await page.request.get(url);
  expect(r.status(), `GET ${url}`).toBe(200);
  return (await r.json()) as T;
}

const waitText = (l: Locator, text: string) => expect.poll(() => l.textContent(), { timeout: 10_000 }).toContain(text);

const isRosterCall = (r: Response, params: Record<string, string>) => {
  const u = new URL(r.url());
  return u.pathname === '/api/cadres' && r.request().method() === 'GET' && Object.entries(params).every(([k, v]) => u.searchParams.get(k) === v);
};

const isPatch = (r: Response, id: number) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `/api/cadres/${id}`;

describe('roster → profile → edit → audit → 409 → export (Chromium)', () => {
  beforeAll(async () => {
    h = await startHarness({ cadres: 400 });
    admin = await open();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await h?.close();
  });

  it('login page: a wrong password shows the error, the right one opens 首页', async () => {
    const { page } = admin;
    const bad = await login(page, 'admin', 'wrong-password-1');
    expect(bad.status()).toBe(401);
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.getByTestId('login-password').fill(PASSWORD);
    const ok = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.getByTestId('login-submit').click();
    expect((await ok).status()).toBe(200);
    await page.getByTestId('home-page').waitFor();
    await waitText(page.getByTestId('user-menu'), '系统管理员');
  });

  it('roster: 性别 + 仅年轻干部 filters show exactly what the API returns for the same query', async () => {
    const { page } = admin;
    const first = page.waitForResponse((r) => isRosterCall(r, {}));
    await page.getByTestId('nav-roster').click();
    await page.getByTestId('roster-page').waitFor();
    const all = (await (await first).json()) as RosterPage;
    await page.locator(ROWS).first().waitFor();

    // 性别 = 女 (antd Select: open, pick the option)
    const bySex = page.waitForResponse((r) => isRosterCall(r, { sex: FILTER.sex }));
    await page.getByTestId('filter-sex').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^女$/ }).click();
    await bySex;
    // 仅年轻干部
    const both = page.waitForResponse((r) => isRosterCall(r, FILTER));
    await page.getByTestId('filter-young').check();
    const shown = (await (await both).json()) as RosterPage;
    await page.waitForURL((u) => u.searchParams.get('sex') === FILTER.sex && u.searchParams.get('young') === 'true');

    // the same query straight to the API, with the page's cookie
    const api = await apiGet<RosterPage>(page, `/api/cadres?sex=${FILTER.sex}&young=true&pageSize=50`);
    expect(api.total).toBeGreaterThan(0);
    expect(api.total).toBeLessThan(all.total);
    expect(shown.total).toBe(api.total);

    await waitText(page.getByTestId('roster-total'), `共 ${api.total} 人`);
    const rows = page.locator(ROWS);
    await expect.poll(() => rows.count()).toBe(Math.min(50, api.total));
    expect((await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-row-key')))))).toEqual(api.items.map((c) => c.id));
    expect(await page.getByTestId('roster-name-link').allTextContents()).toEqual(api.items.map((c) => c.name));
  });

  it('export: the downloaded .xlsx has Chinese headers, a frozen header row and the filtered rows in order', async () => {
    const { page } = admin;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roster-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('干部名册');

    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 6)).toEqual(['序号', '姓名', '性别', '民族', '出生年月', '年龄']);
    expect(header).toEqual(expect.arrayContaining(['单位', '现任职务', '职务层次', '职级']));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(2).width).toBeGreaterThan(0);

    const api = await apiGet<RosterPage>(page, `/api/cadres?sex=${FILTER.sex}&young=true&pageSize=200`);
    expect(api.total).toBeLessThanOrEqual(200); // one API page holds the whole filtered view
    const nameCol = header.indexOf('姓名') + 1;
    const sexCol = header.indexOf('性别') + 1;
    const names: string[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      names.push(String(ws.getRow(r).getCell(nameCol).value));
      expect(ws.getRow(r).getCell(sexCol).value).toBe('女');
    }
    expect(names).toEqual(api.items.map((c) => c.name));
  });

  let cadreId = 0;

  it('profile: open from the roster, edit 籍贯, see it on the page and in 审计记录 (before → after)', async () => {
    const { page } = admin;
    const link = page.getByTestId('roster-name-link').first();
    const name = (await link.textContent())!;
    await link.click();
    await page.getByTestId('profile-page').waitFor();
    await waitText(page.getByTestId('profile-name'), name);
    cadreId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(cadreId).toBeGreaterThan(0);

    const before = (await apiGet<CadreResponse>(page, `/api/cadres/${cadreId}`)).cadre;
    const after = `江苏无锡${Date.now() % 100000}`;
    expect(before.nativePlace).not.toBe(after);

    await page.getByTestId('edit-basic').click();
    await page.getByTestId('edit-form-basic').waitFor();
    await page.getByTestId('field-nativePlace').fill(after);
    const saved = page.waitForResponse((r) => isPatch(r, cadreId));
    await page.getByTestId('edit-submit').click();
    const res = await saved;
    expect(res.status()).toBe(200);
    expect(JSON.parse(res.request().postData()!)).toMatchObject({ nativePlace: after, version: before.version });
    await page.getByTestId('edit-form-basic').waitFor({ state: 'hidden' });
    await waitText(page.getByTestId('basic-nativePlace'), after);
    await waitText(page.getByTestId('profile-header'), after);

    await page.getByTestId('tab-audit').click();
    const change = page.getByTestId('audit-table').locator('[data-testid="audit-change"][data-field="nativePlace"]').first();
    await change.waitFor();
    expect(await change.textContent()).toBe(`籍贯：${before.nativePlace ?? '∅'} → ${after}`);
    // the row names who made it
    expect(await page.getByTestId('audit-table').locator('tr.ant-table-row').first().textContent()).toContain('admin');
  });

  it('409: ganbu saves the same cadre while admin has the form open → conflict dialog with both versions; "use mine" and "use theirs"', async () => {
    const { page } = admin;
    const other = await open();
    expect((await login(other.page, 'ganbu')).status()).toBe(200);
    await other.page.getByTestId('home-page').waitFor();

    /** one round: admin opens the form and types `mine`; ganbu saves `theirs` through the UI; admin saves */
    const round = async (mine: string, theirs: string) => {
      await page.getByTestId('tab-basic').click();
      await page.getByTestId('edit-basic').click();
      await page.getByTestId('edit-form-basic').waitFor();
      await page.getByTestId('field-nativePlace').fill(mine);

      await other.page.goto(`/cadres/${cadreId}`);
      await other.page.getByTestId('edit-basic').click();
      await other.page.getByTestId('field-nativePlace').fill(theirs);
      const theirSave = other.page.waitForResponse((r) => isPatch(r, cadreId));
      await other.page.getByTestId('edit-submit').click();
      expect((await theirSave).status()).toBe(200);
      await other.page.getByTestId('edit-form-basic').waitFor({ state: 'hidden' });

      const conflict = page.waitForResponse((r) => isPatch(r, cadreId));
      await page.getByTestId('edit-submit').click();
      expect((await conflict).status()).toBe(409);
      const dialog = page.getByTestId('conflict-dialog');
      await dialog.waitFor();
      const row = dialog.getByTestId('conflict-table').locator('tr.ant-table-row', { hasText: '籍贯' });
      await waitText(row, mine);
      await waitText(row, theirs);
      return dialog;
    };

    // 1. use mine: saved again over the newer version
    const mine = `浙江绍兴${Date.now() % 100000}`;
    const dialog = await round(mine, `山东临沂${Date.now() % 100000}`);
    const resave = page.waitForResponse((r) => isPatch(r, cadreId));
    await page.getByTestId('conflict-use-mine').click();
    expect((await resave).status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('edit-form-basic').waitFor({ state: 'hidden' });
    await waitText(page.getByTestId('basic-nativePlace'), mine);
    expect((await apiGet<CadreResponse>(page, `/api/cadres/${cadreId}`)).cadre.nativePlace).toBe(mine);

    // 2. use theirs: nothing is sent, the page shows the other user's value
    const theirs = `四川绵阳${Date.now() % 100000}`;
    const dialog2 = await round(`湖南岳阳${Date.now() % 100000}`, theirs);
    let patched = false;
    const spy = (r: Response) => isPatch(r, cadreId) && (patched = true);
    page.on('response', spy);
    await page.getByTestId('conflict-use-theirs').click();
    await dialog2.waitFor({ state: 'hidden' });
    await page.getByTestId('edit-form-basic').waitFor({ state: 'hidden' });
    await waitText(page.getByTestId('basic-nativePlace'), theirs);
    page.off('response', spy);
    expect(patched).toBe(false);
    const stored = (await apiGet<CadreResponse>(other.page, `/api/cadres/${cadreId}`)).cadre;
    expect(stored.nativePlace).toBe(theirs);

    // both users' changes are in the audit trail
    await page.getByTestId('tab-audit').click();
    const changes = page.getByTestId('audit-table').locator('[data-testid="audit-change"][data-field="nativePlace"]');
    await expect.poll(() => changes.count()).toBeGreaterThanOrEqual(4);
    expect(await changes.first().textContent()).toContain(`→ ${theirs}`);
    expect(await page.getByTestId('audit-table').locator('tr.ant-table-row').first().textContent()).toContain('ganbu');
    await other.context.close();
  });

  it('a read-only 部领导 (lingdao) sees the profile but no edit buttons', async () => {
    // positive control with admin on a section tab: the add/edit buttons exist there
    const sectionTab = admin.page.getByTestId('profile-tabs').locator('[data-testid^="tab-"]').nth(1);
    const sectionKey = (await sectionTab.getAttribute('data-testid'))!.slice('tab-'.length);
    await sectionTab.click();
    await admin.page.getByTestId(`row-add-${sectionKey}`).waitFor();

    const { page } = await open();
    expect((await login(page, 'lingdao')).status()).toBe(200);
    await page.getByTestId('home-page').waitFor();
    await waitText(page.getByTestId('user-menu'), '只读');
    await page.goto(`/cadres/${cadreId}`);
    await page.getByTestId('profile-page').waitFor();
    await page.getByTestId('basic-info').waitFor();
    expect(await page.getByTestId('edit-basic').count()).toBe(0);

    const tabs = await page.getByTestId('profile-tabs').locator('[data-testid^="tab-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
    expect(tabs.length).toBeGreaterThan(2);
    const key = tabs.includes(`tab-${sectionKey}`) ? sectionKey : tabs[1].slice('tab-'.length);
    await page.getByTestId(`tab-${key}`).click();
    await page.getByTestId(`section-${key}`).waitFor();
    await page.getByTestId(`section-table-${key}`).or(page.getByTestId('career-timeline')).first().waitFor();
    expect(await page.locator('[data-testid^="row-add-"], [data-testid^="row-edit-"], [data-testid^="row-delete-"], [data-testid="edit-basic"]').count()).toBe(0);
    // the API agrees: a write is refused
    const r = await page.request.patch(`/api/cadres/${cadreId}`, { data: { nativePlace: '不应保存', version: 1 } });
    expect(r.status()).toBe(403);
  });

  it('switching to English changes the menu labels', async () => {
    const { page } = admin;
    await page.goto('/cadres');
    await waitText(page.getByTestId('nav-roster'), '干部名册');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('lang-en').click();
    await waitText(page.getByTestId('nav-roster'), 'Cadre roster');
    await waitText(page.getByTestId('nav-home'), 'Home');
    await waitText(page.getByTestId('nav-org'), 'Organisation');
    expect(await page.getByTestId('side-menu').textContent()).not.toMatch(/[\u4e00-\u9fff]{2}/);
    // and back
    await page.getByTestId('user-menu').click();
    await page.getByTestId('lang-zh').click();
    await waitText(page.getByTestId('nav-roster'), '干部名册');
  });

  it('no uncaught errors in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
