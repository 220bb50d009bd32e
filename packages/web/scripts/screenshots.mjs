#!/usr/bin/env node
/**
 * Screenshots of 首页, 干部名册 and a 一人一档 profile (zh-CN) with headless Chromium.
 * Env: BASE (default http://127.0.0.1:3000), CADRE_USER / CADRE_PASSWORD (default admin / $ADMIN_PASSWORD),
 *      OUT (default docs/screenshots), CHROMIUM (default /usr/bin/chromium), PROFILE_ID (default: first roster row).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.BASE ?? 'http://127.0.0.1:3000';
const OUT = process.env.OUT ?? 'docs/screenshots';
const user = process.env.CADRE_USER ?? 'admin';
const password = process.env.CADRE_PASSWORD ?? process.env.ADMIN_PASSWORD ?? '';
mkdirSync(OUT, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', deviceScaleFactor: 1 });
page.on('pageerror', (e) => console.error('pageerror:', e.message));
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
await page.addInitScript(() => localStorage.setItem('cadre.lang', 'zh-CN'));

await page.goto(`${BASE}/login`);
await page.screenshot({ path: join(OUT, 'login.png') });
await page.getByTestId('login-username').fill(user);
await page.getByTestId('login-password').fill(password);
await page.getByTestId('login-submit').click();
await page.getByTestId('home-page').waitFor();
await page.waitForLoadState('networkidle');
await page.screenshot({ path: join(OUT, 'home.png') });

const t0 = Date.now();
await page.goto(`${BASE}/cadres`);
await page.locator('[data-testid="roster-table"] tbody tr.ant-table-row').first().waitFor();
console.log(`roster first page: ${Date.now() - t0} ms`);
await page.waitForLoadState('networkidle');
await page.screenshot({ path: join(OUT, 'roster.png') });

const id = process.env.PROFILE_ID;
if (id) await page.goto(`${BASE}/cadres/${id}`);
else await page.getByTestId('roster-name-link').first().click();
await page.getByTestId('profile-header').waitFor();
await page.waitForLoadState('networkidle');
await page.screenshot({ path: join(OUT, 'profile.png') });
for (const tab of (process.env.TABS ?? '').split(',').filter(Boolean)) {
  await page.getByTestId(`tab-${tab}`).click();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(OUT, `profile-${tab}.png`), fullPage: true });
}
if (process.env.ORG_ID) {
  await page.goto(`${BASE}/org?id=${process.env.ORG_ID}`);
  await page.getByTestId('org-unit-detail').waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(OUT, 'org.png') });
}
await browser.close();
