/**
 * 数据交换 in a real Chromium against the real server (built web app + API, demo district of 200 cadres):
 * the 干部科 user uploads a .zip of three hand-made 干部任免审批表 (.lrmx) files on the 数据交换 page, reads
 * the per-file preview (three 新增), commits, finds one of the people in the 干部名册, opens the profile,
 * exports the LRMX (the download parses back to the same person) and prints the 任免审批表 to PDF;
 * 导出LRMX of selected roster rows; an Excel 花名册 with a bad value is rejected with an error report.
 *
 *   npm run build && npx vitest run --project e2e e2e/interop.e2e.ts
 */
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '@cadre/core';
import { newPage, PASSWORD, startHarness, type Harness } from './harness';

let h: Harness;
let ctx: { context: BrowserContext; page: Page };
const pageErrors: string[] = [];

/** unique names for this run: a surname and two given-name characters picked from the clock */
const GIVEN = '安宝晨德凡刚海华佳俊兰丽明宁平琪青荣瑞帅涛婷伟文欣雅一毅云哲志';
const stamp = Date.now();
const given = (i: number) => GIVEN[Math.floor(stamp / 7 ** i) % GIVEN.length] + GIVEN[(Math.floor(stamp / 31 ** i) + i * 7) % GIVEN.length];
const PEOPLE = [
  { name: `欧阳${given(1)}`, sex: '男', birth: '1978-06-15', seq: 131 },
  { name: `司马${given(2)}`, sex: '女', birth: '1986-09-03', seq: 242 },
  { name: `诸葛${given(3)}`, sex: '男', birth: '1991-12-21', seq: 353 },
].map((p) => ({ ...p, id: makeIdNumber('110105', p.birth, p.seq) }));

/** a 干部任免审批表 as the official editor writes it (element order of docs/interop.md) */
function lrmx(p: (typeof PEOPLE)[number], unit: string): string {
  const ym = p.birth.slice(0, 7).replace('-', '');
  const y = Number(p.birth.slice(0, 4));
  const f: Record<string, string> = {
    XingMing: p.name, XingBie: p.sex, ChuShengNianYue: ym, MinZu: '汉族', JiGuan: '浙江宁波', ChuShengDi: '浙江宁波', RuDangShiJian: `${y + 22}06`,
    CanJiaGongZuoShiJian: `${y + 22}08`, JianKangZhuangKuang: '健康', ZhuanYeJiShuZhiWu: '', ShuXiZhuanYeYouHeZhuanChang: '财政管理',
    QuanRiZhiJiaoYu_XueLi: '大学', QuanRiZhiJiaoYu_XueWei: '经济学学士', QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '浙江财经学院财政学专业', QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '浙江财经学院财政学专业',
    ZaiZhiJiaoYu_XueLi: '', ZaiZhiJiaoYu_XueWei: '', ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '', ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '',
    XianRenZhiWu: `${unit}副主任`, NiRenZhiWu: '', NiMianZhiWu: '',
    JianLi: `${y + 18}.09--${y + 22}.07  浙江财经学院财政学专业学生\n${y + 22}.08—${y + 28}.03  城关镇科员\n${y + 28}.03--         ${unit}副主任`,
    JiangChengQingKuang: '2021年被评为优秀公务员', NianDuKaoHeJieGuo: '2022年度考核称职；2023年度考核优秀；2024年度考核称职', RenMianLiYou: '',
    ChengBaoDanWei: '', JiSuanNianLingShiJian: '20250101', TianBiaoShiJian: '20241024', TianBiaoRen: '', ShenFenZheng: p.id, Version: '3.2.1.16',
  };
  const fam = '<Item><ChengWei>父亲</ChengWei><XingMing>欧阳建国</XingMing><ChuShengRiQi>195002</ChuShengRiQi><ZhengZhiMianMao>中共党员</ZhengZhiMianMao><GongZuoDanWeiJiZhiWu>退休</GongZuoDanWeiJiZhiWu></Item>';
  const body = Object.entries(f).map(([k, v]) => `  <${k}>${v}</${k}>`).join('\n').replace('  <ChengBaoDanWei>', `  <JiaTingChengYuan>${fam}</JiaTingChengYuan>\n  <ChengBaoDanWei>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Person>\n${body}\n</Person>\n`;
}

async function apiGet<T>(page: Page, url: string): Promise<T> {
  const r = await page.request.get(url);
  expect(r.status(), `GET ${url}`).toBe(200);
  return (await r.json()) as T;
}

describe('数据交换: LRMX zip → preview → commit → roster → export → print (Chromium)', () => {
  beforeAll(async () => {
    h = await startHarness({ cadres: 200 });
    ctx = await newPage(h);
    ctx.page.on('pageerror', (e) => pageErrors.push(e.message));
    const { page } = ctx;
    await page.goto('/login');
    await page.getByTestId('login-username').fill('ganbu');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-page').waitFor();
  });

  afterAll(async () => {
    await ctx?.context.close().catch(() => {});
    await h?.close();
  });

  let cadreId = 0;

  it('uploads a zip of three LRMX files, previews three 新增 and commits them', async () => {
    const { page } = ctx;
    // a real unit of the demo district, so that 现任职务 matches the org tree
    const units = (await apiGet<{ items: { id: number; name: string; parentId: number | null }[] }>(page, '/api/org-units')).items;
    const unit = units.find((u) => u.parentId !== null && u.name.length >= 3)!;
    expect(unit).toBeTruthy();
    const zip = zipSync(Object.fromEntries(PEOPLE.map((p) => [`审批表/${p.name}.lrmx`, new TextEncoder().encode(lrmx(p, unit.name))])));

    await page.getByTestId('nav-interop').click();
    await page.getByTestId('interop-page').waitFor();
    const previewed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/interop/lrmx/preview');
    await page.getByTestId('lrmx-upload').locator('input[type=file]').setInputFiles({ name: 'lrmx.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    const res = await previewed;
    expect(res.status(), await res.text()).toBe(200);
    expect(res.request().headers()['content-type']).toBe('application/zip');
    const body = (await res.json()) as { summary: Record<string, unknown>; files: { name: string; status: string; issues: { severity: string }[] }[] };
    expect(body.summary).toMatchObject({ files: 3, create: 3, update: 0, reject: 0, committable: true });

    const summary = page.getByTestId('preview-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-committable')).toBe('true');
    expect(await page.getByTestId('summary-create').textContent()).toContain('3');
    const rows = page.getByTestId('preview-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')))).toEqual(['create', 'create', 'create']);
    const text = await page.getByTestId('preview-table').textContent();
    for (const p of PEOPLE) expect(text).toContain(p.name);

    // the per-field report of the first row opens
    await rows.first().locator('.ant-table-row-expand-icon').click();
    const fields = page.getByTestId('preview-fields').first();
    await fields.waitFor();
    expect(await fields.locator('tr[data-field="birthDate"]').textContent()).toContain(PEOPLE[0].birth);

    const commit = page.getByTestId('interop-commit');
    expect(await commit.isEnabled()).toBe(true);
    const committed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/interop/lrmx/commit');
    await commit.click();
    const cres = await committed;
    expect(cres.status(), await cres.text()).toBe(200);
    expect(await cres.json()).toMatchObject({ created: 3, updated: 0 });
    const result = page.getByTestId('commit-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('新增 3 人');
    expect(await commit.isDisabled()).toBe(true);
  });

  it('finds an imported person in the 干部名册 and opens the profile', async () => {
    const { page } = ctx;
    const who = PEOPLE[1];
    await page.getByTestId('nav-roster').click();
    await page.getByTestId('roster-page').waitFor();
    const filtered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cadres' && new URL(r.url()).searchParams.get('q') === who.name);
    await page.getByTestId('filter-q').fill(who.name);
    const roster = (await (await filtered).json()) as { total: number; items: { id: number; name: string }[] };
    expect(roster.total).toBe(1);
    const link = page.getByTestId('roster-name-link').filter({ hasText: who.name });
    await expect.poll(() => link.count(), { timeout: 10_000 }).toBe(1);
    await link.click();
    await page.getByTestId('profile-page').waitFor();
    await expect.poll(() => page.getByTestId('profile-name').textContent()).toBe(who.name);
    cadreId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(cadreId).toBe(roster.items[0].id);
  });

  it('roster: 导出LRMX for the selected rows', async () => {
    const { page } = ctx;
    await page.goBack();
    await page.getByTestId('roster-page').waitFor();
    const row = page.locator(`[data-testid="roster-table"] tr.ant-table-row[data-row-key="${cadreId}"]`);
    await row.waitFor();
    expect(await page.getByTestId('export-lrmx').count()).toBe(0);
    await row.locator('input[type=checkbox]').check();
    await expect.poll(() => page.getByTestId('export-lrmx').getAttribute('href')).toBe(`/api/interop/lrmx/export?ids=${cadreId}`);
    await page.goForward();
    await page.getByTestId('profile-page').waitFor();
  });

  it('exports the LRMX from the profile: the download is the same person', async () => {
    const { page } = ctx;
    const who = PEOPLE[1];
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-lrmx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.lrmx$/);
    const xml = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((s) => {
        const chunks: Buffer[] = [];
        s.on('data', (c: Buffer) => chunks.push(c));
        s.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        s.on('error', reject);
      }, reject);
    });
    expect(xml).toMatch(/^(\uFEFF)?<\?xml/);
    expect(xml).toContain(`<XingMing>${who.name}</XingMing>`);
    expect(xml).toContain(`<ShenFenZheng>${who.id}</ShenFenZheng>`);
    expect(xml).toContain('<Version>3.2.1.16</Version>');
  });

  /** the printed form: the PDF and the height (mm, print media) of each <section class="page"> */
  let printed: { pdf: Buffer; pages: number; sectionsMm: number[] } | null = null;

  it('prints the 任免审批表 from the profile to an A4 PDF', async () => {
    const { page, context } = ctx;
    const [form] = await Promise.all([context.waitForEvent('page'), page.getByTestId('print-form').click()]);
    await form.waitForLoadState('load');
    expect(new URL(form.url()).pathname).toBe(`/api/cadres/${cadreId}/form`);
    expect(await form.locator('section.page').count()).toBe(2);
    expect(await form.textContent('body')).toContain(PEOPLE[1].name);
    const pdf = await form.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await form.emulateMedia({ media: 'print' });
    const sectionsMm = await form.evaluate(() => [...document.querySelectorAll('section.page')].map((s) => Math.round((s.getBoundingClientRect().height * 25.4) / 96)));
    await form.close();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    printed = { pdf, pages, sectionsMm };
  });

  // page 1 (简历 block 105 mm, label columns wide enough not to wrap past two lines) fits the 263 mm of printable A4 height
  it('the printed 任免审批表 is exactly two A4 pages', () => {
    expect(printed, 'the print test ran').not.toBeNull();
    expect({ pages: printed!.pages, sectionsMm: printed!.sectionsMm }).toEqual({ pages: 2, sectionsMm: printed!.sectionsMm.map((h) => Math.min(h, 263)) });
  });

  it('Excel 花名册: template download, a file with a bad 民族 is rejected with a downloadable error report', async () => {
    const { page } = ctx;
    await page.getByTestId('nav-interop').click();
    await page.getByTestId('tab-excel').click();
    const [tpl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('excel-template').click()]);
    expect(tpl.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await tpl.path());
    const headers = (wb.getWorksheet('干部花名册')!.getRow(1).values as unknown[]).slice(1).map((v) => String(v).replace(/\*$/, ''));
    expect(headers.slice(0, 4)).toEqual(['姓名', '性别', '民族', '出生年月']);
    const values: Record<string, string> = { 姓名: `上官${given(4)}`, 性别: '男', 民族: '火星族', 出生年月: '1980.05', 政治面貌: '中共党员', 参加工作时间: '2002.07' };
    const out = new ExcelJS.Workbook();
    const ws = out.addWorksheet('干部花名册');
    ws.addRow(headers);
    ws.addRow(headers.map((h) => values[h] ?? ''));
    const xlsx = Buffer.from(await out.xlsx.writeBuffer());

    const previewed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/interop/excel/preview');
    await page.getByTestId('excel-upload').locator('input[type=file]').setInputFiles({ name: '花名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
    const res = await previewed;
    expect(res.status(), await res.text()).toBe(200);
    expect(await res.json()).toMatchObject({ kind: 'excel', summary: { files: 1, reject: 1, committable: false } });
    await page.getByTestId('preview-summary').waitFor();
    await expect.poll(() => page.getByTestId('preview-row').getAttribute('data-status')).toBe('reject');
    expect(await page.locator('[data-testid="preview-issue"][data-severity="error"]').first().textContent()).toContain('民族');
    expect(await page.getByTestId('interop-commit').isDisabled()).toBe(true);
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('excel-report').click()]);
    expect(report.suggestedFilename()).toMatch(/\.xlsx$/);
    const rep = new ExcelJS.Workbook();
    await rep.xlsx.readFile(await report.path());
    expect(rep.worksheets[0].rowCount).toBeGreaterThanOrEqual(2);
  });

  it('no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
