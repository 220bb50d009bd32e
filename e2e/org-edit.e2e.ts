/**
 * Editing the registry's frame in a real Chromium: export only the selected roster rows, 新增干部
 * (client checks = server checks, then the new 一人一档 opens), 任职 to a vacant post from the
 * 组织机构 page (the vacancy closes and the profile shows the post), 免职 (the post is vacant
 * again), 编辑单位 (the tree shows the new name), 新增班子 / 新增职位 with 职数 2 (two vacancies), 编辑职位
 * (职数 1), 删除职位, and 删除档案 (gone from the API, audited).
 *
 * Needs `npm run build` first; run with  npm run build && npx vitest run --project e2e
 */
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, PASSWORD, startHarness, type Harness } from './harness';

let h: Harness;
let ctx: { context: BrowserContext; page: Page };
const pageErrors: string[] = [];
const ROWS = '[data-testid="roster-table"] tr.ant-table-row';
const NEW_NAME = '郑晓岚';

interface OrgDetail {
  unit: { id: number; name: string; version: number };
  teams: { team: { id: number; name: string }; positions: { position: { id: number; title: string }; holders: { cadreId: number; name: string }[]; filled: number; vacancies: number }[] }[];
}

async function apiGet<T>(page: Page, url: string): Promise<T> {
  const r = await page.request.get(url);
  expect(r.status(), `GET ${url}`).toBe(200);
  return (await r.json()) as T;
}

/** pick an option of an antd Select by typing, then clicking the option with the given text */
async function pickOption(page: Page, testId: string, typed: string, optionText: string | RegExp = typed) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(typed);
  const opt = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: optionText }).first();
  await opt.waitFor({ timeout: 15_000 });
  await opt.click();
}

/** type a date into an antd DatePicker */
async function pickDate(page: Page, testId: string, iso: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(iso);
  await page.keyboard.press('Enter');
}

let newId = 0;
let unit: OrgDetail['unit'];
let post: { id: number; title: string; vacancies: number };

describe('组织机构 and registry editing in the browser', () => {
  beforeAll(async () => {
    h = await startHarness({ cadres: 300 });
    ctx = await newPage(h);
    ctx.page.on('pageerror', (e) => pageErrors.push(e.message));
    const { page } = ctx;
    await page.goto('/login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));

    // a 镇街 unit with a vacant post
    const units = await apiGet<{ items: { id: number; kind: string }[] }>(page, '/api/org-units');
    for (const u of units.items.filter((x) => x.kind === '镇街')) {
      const d = await apiGet<OrgDetail>(page, `/api/org-units/${u.id}`);
      const p = d.teams.flatMap((t) => t.positions).find((x) => x.vacancies > 0 && !x.position.title.includes('、'));
      if (p) {
        unit = d.unit;
        post = { id: p.position.id, title: p.position.title, vacancies: p.vacancies };
        break;
      }
    }
    expect(post, 'a 镇街 with a vacant post in the demo district').toBeTruthy();
  });

  afterAll(async () => {
    await ctx?.context.close().catch(() => {});
    await h?.close();
  });

  it('roster: 导出所选 downloads exactly the selected rows', async () => {
    const { page } = ctx;
    await page.goto('/cadres');
    await page.locator(ROWS).first().waitFor();
    const rows = page.locator(ROWS);
    const names: string[] = [];
    for (const i of [0, 2, 3]) {
      await rows.nth(i).locator('.ant-checkbox-input').check();
      names.push((await rows.nth(i).locator('a').first().textContent())!.trim());
    }
    await expect.poll(() => page.getByTestId('roster-selected').textContent()).toContain('3');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roster-export-selected').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const col = header.indexOf('姓名') + 1;
    const got: string[] = [];
    for (let r = 2; r <= ws.rowCount; r++) got.push(String(ws.getRow(r).getCell(col).value));
    expect(got.sort()).toEqual(names.sort());
  });

  it('新增干部: a date the server would refuse is marked on its field; fixed, the new file opens', async () => {
    const { page } = ctx;
    await page.getByTestId('roster-create').click();
    const form = page.getByTestId('new-cadre-form');
    await form.waitFor();
    // the unit from the org TreeSelect (exact title; checked, and tried again if the click landed while the filtered tree re-rendered)
    const escaped = unit.name.replace(/[.*+?^$()|[\]\\{}]/g, (c) => `\\${c}`);
    const exact = new RegExp(`^${escaped}$`);
    for (let attempt = 0; attempt < 3; attempt++) {
      await page.getByTestId('field-currentOrgId').click();
      await page.keyboard.type(unit.name);
      const title = page.locator('.ant-select-dropdown:visible .ant-select-tree-title').filter({ hasText: exact }).first();
      await title.waitFor({ timeout: 15_000 });
      await title.click();
      if ((await form.locator('.ant-select-selection-item').filter({ hasText: exact }).count()) > 0) break;
      await page.keyboard.press('Escape');
    }
    await page.getByTestId('field-name').fill(NEW_NAME);
    await pickOption(page, 'field-sex', '女', /^女$/);
    await pickOption(page, 'field-ethnicity', '汉族');
    await pickDate(page, 'field-birthDate', '1991-03-08');
    await pickOption(page, 'field-politicalStatus', '中共党员', /^中共党员$/);
    await pickDate(page, 'field-partyJoinDate', '2013-06-01');
    // 参加工作 at 14: the same check as the server's (checkCadreFacts) marks the field
    await pickDate(page, 'field-workStartDate', '2005-07-01');
    await page.getByTestId('edit-submit').click();
    const err = form.locator('.ant-form-item-has-error');
    await err.first().waitFor();
    expect(await err.first().textContent()).toContain('参加工作');
    await pickDate(page, 'field-workStartDate', '2013-08-01');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/cadres') && r.request().method() === 'POST');
    await page.getByTestId('edit-submit').click();
    expect((await created).status()).toBe(200);
    await page.waitForURL(/\/cadres\/\d+$/);
    newId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect.poll(() => page.getByTestId('profile-name').textContent()).toBe(NEW_NAME);
    const c = await apiGet<{ cadre: { currentOrgId: number; birthDate: string } }>(page, `/api/cadres/${newId}`);
    expect(c.cadre).toMatchObject({ currentOrgId: unit.id, birthDate: '1991-03-08' });
  });

  it('任职 from 组织机构 fills the vacancy and the profile shows the post; 免职 frees it again', async () => {
    const { page } = ctx;
    await page.goto(`/org?id=${unit.id}`);
    const row = page.locator('[data-testid="org-team"] tr.ant-table-row').filter({ hasText: post.title }).first();
    await row.waitFor();
    await row.getByTestId('org-appoint').click();
    await page.getByTestId('appoint-form').waitFor();
    await pickOption(page, 'appoint-cadre', NEW_NAME, NEW_NAME);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/appointments') && r.request().method() === 'POST');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    expect((await saved).status()).toBe(200);
    await row.getByText(NEW_NAME).waitFor();
    const after = await apiGet<OrgDetail>(page, `/api/org-units/${unit.id}`);
    const p = after.teams.flatMap((t) => t.positions).find((x) => x.position.id === post.id)!;
    expect(p.vacancies).toBe(post.vacancies - 1);
    const c = await apiGet<{ cadre: { currentPostTitle: string | null; currentPositionId: number | null } }>(page, `/api/cadres/${newId}`);
    expect(c.cadre.currentPositionId).toBe(post.id);

    const holder = row.getByTestId('org-holder').filter({ hasText: NEW_NAME });
    await holder.getByTestId('org-end-appointment').click();
    await page.getByTestId('end-form').waitFor();
    await pickOption(page, 'end-reason', '职务调整');
    const ended = page.waitForResponse((r) => /\/api\/appointments\/\d+$/.test(r.url()) && r.request().method() === 'PATCH');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    expect((await ended).status()).toBe(200);
    await expect.poll(() => row.getByTestId('org-holder').filter({ hasText: NEW_NAME }).count()).toBe(0);
    const back = await apiGet<OrgDetail>(page, `/api/org-units/${unit.id}`);
    expect(back.teams.flatMap((t) => t.positions).find((x) => x.position.id === post.id)!.vacancies).toBe(post.vacancies);
    const c2 = await apiGet<{ cadre: { currentPositionId: number | null } }>(page, `/api/cadres/${newId}`);
    expect(c2.cadre.currentPositionId).toBeNull();
  });

  it('编辑单位: the new name is saved and shown in the tree', async () => {
    const { page } = ctx;
    await page.getByTestId('org-unit-edit').click();
    await page.getByTestId('org-unit-form').waitFor();
    const name = page.getByTestId('unit-name');
    await name.fill(`${unit.name}（e2e）`);
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/org-units/${unit.id}`) && r.request().method() === 'PATCH');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => page.getByTestId('org-unit-name').textContent()).toBe(`${unit.name}（e2e）`);
    await expect.poll(() => page.getByTestId('org-tree').textContent()).toContain(`${unit.name}（e2e）`);
  });

  it('新增班子 and 新增职位: the new post shows its 职数 as vacancies; 编辑职位 changes them; 删除职位 removes it', async () => {
    const { page } = ctx;
    const TEAM = '临时工作专班（e2e）';
    const POST = '专班召集人';
    await page.getByTestId('org-add-team').click();
    await page.getByTestId('org-team-form').waitFor();
    await page.getByTestId('team-name').fill(TEAM);
    // 班子结构要求: a woman and 法学 among the fields of study (what the analysis checks the team against)
    await page.getByTestId('team-need-woman').click();
    await pickOption(page, 'team-need-specialties', '法学', /^法学$/);
    await page.keyboard.press('Escape');
    const teamSaved = page.waitForResponse((r) => r.url().endsWith('/api/teams') && r.request().method() === 'POST');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    expect((await teamSaved).status()).toBe(200);
    const card = page.getByTestId('org-team').filter({ hasText: TEAM });
    await card.waitFor();

    await card.getByTestId('org-add-position').click();
    await page.getByTestId('org-position-form').waitFor();
    await page.getByTestId('position-title').fill(POST);
    await pickOption(page, 'position-level', '乡科级正职');
    await page.getByTestId('position-chief').click();
    await page.getByTestId('position-quota').fill('2');
    const posSaved = page.waitForResponse((r) => r.url().endsWith('/api/positions') && r.request().method() === 'POST');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    expect((await posSaved).status()).toBe(200);
    const row = card.locator('tr.ant-table-row').filter({ hasText: POST });
    await row.getByTestId('vacancy').waitFor();
    expect(await row.getByTestId('vacancy').textContent()).toContain('2');
    const d = await apiGet<OrgDetail & { teams: { positions: { position: { level: string; isChief: boolean; quota: number } }[] }[] }>(page, `/api/org-units/${unit.id}`);
    const newTeam = d.teams.find((x) => x.team.name === TEAM)! as unknown as { team: { needs: unknown }; positions: { position: unknown }[] };
    expect(newTeam.team.needs).toEqual({ woman: true, young: 0, nonParty: false, specialties: ['法学'], experience: [] });
    const created = d.teams.find((x) => x.team.name === TEAM)!.positions[0];
    expect(created.position).toMatchObject({ title: POST, level: '141', isChief: true, quota: 2 });

    await row.getByTestId('org-edit-position').click();
    await page.getByTestId('org-position-form').waitFor();
    await page.getByTestId('position-quota').fill('1');
    const posPatched = page.waitForResponse((r) => /\/api\/positions\/\d+$/.test(r.url()) && r.request().method() === 'PATCH');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    expect((await posPatched).status()).toBe(200);
    await expect.poll(() => row.getByTestId('vacancy').textContent()).toContain('1');

    await row.getByTestId('org-delete-position').click();
    const deleted = page.waitForResponse((r) => /\/api\/positions\/\d+/.test(r.url()) && r.request().method() === 'DELETE');
    await page.locator('.ant-popconfirm:visible .ant-btn-dangerous').click();
    expect((await deleted).status()).toBe(200);
    await expect.poll(() => card.locator('tr.ant-table-row').filter({ hasText: POST }).count()).toBe(0);
  });

  it('删除档案: confirmed, back at the roster; the file is gone and the deletion audited', async () => {
    const { page } = ctx;
    await page.goto(`/cadres/${newId}`);
    await page.getByTestId('delete-cadre').click();
    await page.getByTestId('delete-cadre-ok').click();
    await page.waitForURL((u) => u.pathname === '/cadres');
    expect((await page.request.get(`/api/cadres/${newId}`)).status()).toBe(404);
    const audit = await apiGet<{ items: { action: string; entity: string; entityId: string | null }[] }>(page, `/api/audit?entity=cadre&action=delete`);
    expect(audit.items.some((a) => a.entityId === String(newId))).toBe(true);
  });

  it('no uncaught errors in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
