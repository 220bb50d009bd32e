/**
 * docs/screenshots/{home,roster,profile,teams,hologram,reserve,org}.png — zh-CN, 1440×900, the demo district of 2,000 cadres,
 * taken from the real server (built web app) in Debian's Chromium through the e2e harness.
 *
 *   npm run build && node --import tsx e2e/screenshots.ts
 *
 * Env: OUT (docs/screenshots), SHOT_CADRES (2000), PROFILE_ID (default: the first row of the roster),
 * TEAM_ID (default: the red team with the most members).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { newPage, PASSWORD, startHarness } from './harness';

const OUT = process.env.OUT ?? 'docs/screenshots';
mkdirSync(OUT, { recursive: true });

const h = await startHarness({ cadres: Number(process.env.SHOT_CADRES ?? 2000) });
try {
  const { page } = await newPage(h, { locale: 'zh-CN' });
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.addInitScript(() => localStorage.setItem('cadre.lang', 'zh-CN'));
  const shot = async (name: string) => {
    await page.mouse.move(1439, 899); // no hover highlight
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300); // let antd's transitions settle
    const file = path.join(OUT, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
  };

  await page.goto('/login');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-page').waitFor();
  await page.getByTestId('age-structure').waitFor();
  await shot('home');

  await page.getByTestId('nav-roster').click();
  await page.locator('[data-testid="roster-table"] tr.ant-table-row').first().waitFor();
  await shot('roster');

  if (process.env.PROFILE_ID) await page.goto(`/cadres/${process.env.PROFILE_ID}`);
  else await page.getByTestId('roster-name-link').first().click();
  await page.getByTestId('profile-header').waitFor();
  await page.getByTestId('basic-info').waitFor();
  await shot('profile');

  await page.getByTestId('nav-teams').click();
  await page.getByTestId('team-grid').waitFor();
  await shot('teams');

  let teamId = Number(process.env.TEAM_ID);
  if (!teamId) {
    const all = (await (await page.request.get('/api/teams/analysis?color=red')).json()) as { items: { teamId: number; figures: { memberCount: number } }[] };
    teamId = [...all.items].sort((a, b) => b.figures.memberCount - a.figures.memberCount)[0].teamId;
  }
  await page.goto(`/teams/${teamId}`);
  await page.getByTestId('team-hologram').waitFor();
  await page.getByTestId('team-history-item').first().waitFor();
  await page.getByTestId('team-radar').locator('canvas').waitFor();
  await shot('hologram');

  // 储备链: the 梯队强度 board (key posts with successors by tier, 急用现找 posts highlighted)
  await page.getByTestId('nav-reserve-bench').click();
  await page.locator('[data-testid="bench-table"] tr.ant-table-row').first().waitFor();
  await shot('reserve');

  // 组织机构: a 镇街 with its teams, posts, 职数 vs 实配 and a vacancy (the admin sees the editing buttons)
  const units = (await (await page.request.get('/api/org-units')).json()) as { items: { id: number; kind: string }[] };
  let orgId = 0;
  for (const u of units.items.filter((x) => x.kind === '镇街')) {
    const d = (await (await page.request.get(`/api/org-units/${u.id}`)).json()) as { teams: { positions: { vacancies: number }[] }[] };
    if (d.teams.some((t) => t.positions.some((p) => p.vacancies > 0))) {
      orgId = u.id;
      break;
    }
  }
  await page.goto(`/org?id=${orgId || units.items[0].id}`);
  await page.getByTestId('org-unit-detail').waitFor();
  await page.getByTestId('org-team').first().waitFor();
  await shot('org');
} finally {
  await h.close();
}
