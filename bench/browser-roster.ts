/**
 * The 干部名册 in a real browser: Debian's Chromium (playwright-core) against the real server serving
 * the built web app, over PGlite seeded with the demo district.
 *
 *   (a) time to the first roster page at BENCH_CADRES (100,000; BENCH_QUICK=1 → 10,000): a session
 *       cookie from an API login is put into a NEW browser context (cold: empty HTTP cache, no
 *       compiled code), then /cadres is opened; measured in the page from navigation start
 *       (performance.timeOrigin) to the first data row of roster-table being in the layout
 *       (MutationObserver). Warm-up runs are discarded; then ≥ 10 timed runs → median and p95. Also
 *       the page's main-thread busy time up to that row (CDP Performance.getMetrics TaskDuration),
 *       which other load on the machine inflates less than the wall time.
 *       Target: p95 ≤ 1,500 ms on loopback. Baseline in the same run: the same page over a
 *       2,000-cadre registry (the default demo district), and the time to the login page.
 *   (b) the JS a browser actually loads for the login page + the roster: every .js response of a
 *       cold /login and a cold /cadres (deduplicated by URL), each gzipped with zlib (level 9),
 *       summed. Target ≤ 600 KB. Cross-checked against packages/web/scripts/bundle-size.mjs.
 *
 * Env (besides bench/lib/config.ts): BENCH_BROWSER_RUNS (timed runs, default 15; quick 10),
 * BENCH_BROWSER_WARMUP (2), BENCH_NO_BUILD=1 (use packages/web/dist as it is instead of rebuilding),
 * BENCH_WEB_DIST=<dir> (serve this built web app instead, e.g. a copy that a concurrent `npm run build`
 * cannot replace mid-run; implies no build), CHROMIUM_PATH (/usr/bin/chromium).
 *
 * Run alone: node --import tsx bench/browser-roster.ts   (or via npm run bench; BENCH_ONLY=browser-roster)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { buildApp } from '../packages/server/src/app';
import { staticWeb, WEB_DIST } from '../packages/server/src/http/static';
import { benchApp } from './lib/app';
import type { Bench, SummaryRow } from './lib/bench';
import { config, wants } from './lib/config';
import { withPglite, type BenchDatabase, runIfMain } from './lib/db';
import { ms, ratio, summarize, type Summary } from './lib/stats';
import { printTable } from './lib/table';

const NAME = 'browser-roster';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TARGET_MS = 1500;
const TARGET_KB = 600;
const BASELINE_CADRES = 2000;
const num = (v: string | undefined, d: number) => (v != null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : d);
const RUNS = Math.max(10, num(process.env.BENCH_BROWSER_RUNS, config.quick ? 10 : 15));
const WARMUP = num(process.env.BENCH_BROWSER_WARMUP, 2);
const ROW = '[data-testid="roster-table"] tr.ant-table-row';
const WEB_ROOT = process.env.BENCH_WEB_DIST ? path.resolve(process.env.BENCH_WEB_DIST) : WEB_DIST;

declare global {
  interface Window {
    __firstRow?: number;
  }
}

/** in every new document: note performance.now() (ms since navigation start) when the first data row is laid out */
const OBSERVE_FIRST_ROW = `(() => {
  const sel = ${JSON.stringify(ROW)};
  const check = () => {
    if (window.__firstRow) return true;
    const el = document.querySelector(sel);
    if (el && el.getBoundingClientRect().height > 0) { window.__firstRow = performance.now(); return true; }
    return false;
  };
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true });
})();`;

/** where the time of one load went (ms since navigation start, from the page's performance entries) */
interface Phases {
  html: number;
  js: number;
  dcl: number;
  apiStart: number;
  apiEnd: number;
}
const PHASE_KEYS: (keyof Phases)[] = ['html', 'js', 'dcl', 'apiStart', 'apiEnd'];
const PHASE_LABELS: Record<keyof Phases, string> = {
  html: 'HTML received',
  js: 'last JS received',
  dcl: 'DOMContentLoaded',
  apiStart: 'GET /api/cadres sent',
  apiEnd: 'GET /api/cadres received',
};

const PHASES = (): Phases => {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const api = res.find((r) => new URL(r.name).pathname === '/api/cadres');
  return {
    html: nav.responseEnd,
    js: Math.max(0, ...res.filter((r) => r.name.endsWith('.js')).map((r) => r.responseEnd)),
    dcl: nav.domContentLoadedEventEnd,
    apiStart: api?.startTime ?? NaN,
    apiEnd: api?.responseEnd ?? NaN,
  };
};

interface PageTimes {
  /** medians of the phases */
  phases: Phases;
  /** the page's main thread busy (CDP Performance.getMetrics TaskDuration) from navigation to the first row */
  cpu: Summary;
  /** navigation start → first data row (in the page) */
  firstRow: Summary;
  /** page.goto → first row seen by the driver (includes the driver's round trips) */
  wall: Summary;
  total: number;
}

interface Served {
  url: string;
  cookie: { name: string; value: string };
  close(): Promise<void>;
}

/** the real app with the built web app on a loopback port, plus a session cookie from an API login */
async function serve(b: BenchDatabase): Promise<Served> {
  const api = await benchApp(b); // creates the bench admin once per database and logs in through the API
  const eq = api.cookie.indexOf('=');
  const [name, value] = [api.cookie.slice(0, eq), api.cookie.slice(eq + 1)];
  await api.close(); // the session lives in the database, so the cookie is valid for the next app too
  const app = await buildApp({ database: b.database, serveWeb: false, logger: false });
  await app.register(staticWeb, { root: WEB_ROOT });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, cookie: { name, value }, close: () => app.close() };
}

async function coldContext(browser: Browser, s: Served | null): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  if (s) await context.addCookies([{ name: s.cookie.name, value: s.cookie.value, url: s.url }]);
  await context.addInitScript(OBSERVE_FIRST_ROW);
  return context;
}

/** track requests of a page so that a timeout can say what the page was still waiting for */
function watch(page: Page): (e: unknown) => Promise<Error> {
  const pending = new Map<Request, number>();
  const t0 = performance.now();
  page.on('request', (r) => pending.set(r, performance.now() - t0));
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
  return async (e) => {
    const body = await page.evaluate(() => document.body?.innerText.replace(/\s+/g, ' ').slice(0, 160)).catch(() => '?');
    const waiting = [...pending].map(([r, at]) => `${r.method()} ${new URL(r.url()).pathname}${new URL(r.url()).search} (sent at ${at.toFixed(0)} ms)`);
    return new Error(`${(e as Error).message.split('\n')[0]} — on ${page.url()}; page text: "${body}"; still pending: ${waiting.join(', ') || 'none'}`);
  };
}

/** one cold load of /cadres; returns [in-page ms, wall ms, total shown, renderer main-thread CPU ms] */
async function coldRoster(browser: Browser, s: Served, onJs?: (url: string, body: Buffer) => void, phases?: Phases[]): Promise<[number, number, number, number]> {
  const context = await coldContext(browser, s);
  try {
    const page = await context.newPage();
    const explain = watch(page);
    // main-thread time of the page (script, style, layout, paint…): less sensitive to other load than wall time
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const bodies: Promise<void>[] = [];
    if (onJs)
      page.on('response', (r) => {
        if (new URL(r.url()).pathname.endsWith('.js') && r.ok()) bodies.push(r.body().then((b) => onJs(r.url(), b)));
      });
    const t0 = performance.now();
    await page.goto(`${s.url}/cadres`, { waitUntil: 'commit' });
    const inPage = (await (await page.waitForFunction(() => window.__firstRow, null, { timeout: 30_000, polling: 10 }).catch(async (e) => Promise.reject(await explain(e)))).jsonValue()) as number;
    const wall = performance.now() - t0;
    const { metrics } = await cdp.send('Performance.getMetrics');
    const cpu = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
    if (new URL(page.url()).pathname !== '/cadres') throw new Error(`ended on ${page.url()} (not logged in?)`);
    phases?.push(await page.evaluate(PHASES));
    const totalText = (await page.getByTestId('roster-total').textContent()) ?? '';
    if (onJs) {
      await page.waitForLoadState('networkidle');
      await Promise.all(bodies);
    }
    return [inPage, wall, Number(totalText.replace(/\D/g, '')), cpu];
  } finally {
    await context.close();
  }
}

async function timeRoster(browser: Browser, b: BenchDatabase, runs: number): Promise<PageTimes> {
  const s = await serve(b);
  try {
    for (let i = 0; i < WARMUP; i++) await coldRoster(browser, s);
    const inPage: number[] = [];
    const wall: number[] = [];
    const cpu: number[] = [];
    const phases: Phases[] = [];
    let total = 0;
    for (let i = 0; i < runs; i++) {
      const [p, w, t, c] = await coldRoster(browser, s, undefined, phases);
      inPage.push(p);
      wall.push(w);
      cpu.push(c);
      total = t;
    }
    const med = Object.fromEntries(PHASE_KEYS.map((k) => [k, summarize(phases.map((x) => x[k])).median])) as unknown as Phases;
    return { firstRow: summarize(inPage), wall: summarize(wall), cpu: summarize(cpu), total, phases: med };
  } finally {
    await s.close();
  }
}

/** cold /login until the form is there: ms from navigation start (in the page) */
async function timeLogin(browser: Browser, s: Served, runs: number, onJs?: (url: string, body: Buffer) => void): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await coldContext(browser, null);
    try {
      const page = await context.newPage();
      const bodies: Promise<void>[] = [];
      if (onJs && i === 0)
        page.on('response', (r) => {
          if (new URL(r.url()).pathname.endsWith('.js') && r.ok()) bodies.push(r.body().then((b) => onJs(r.url(), b)));
        });
      const explain = watch(page);
      await page.goto(`${s.url}/login`, { waitUntil: 'commit' });
      await page.getByTestId('login-form').waitFor({ timeout: 30_000 }).catch(async (e) => Promise.reject(await explain(e)));
      samples.push(await page.evaluate(() => performance.now()));
      if (onJs && i === 0) {
        await page.waitForLoadState('networkidle');
        await Promise.all(bodies);
      }
    } finally {
      await context.close();
    }
  }
  return summarize(samples);
}

interface JsSize {
  files: { name: string; raw: number; gz: number; page: string }[];
  gzKB: number;
  rawKB: number;
  staticKB?: number;
}

/** (b): the JS the browser loaded for a cold /login and a cold /cadres, gzipped file by file */
async function jsSize(browser: Browser, s: Served): Promise<JsSize> {
  const seen = new Map<string, { raw: number; gz: number; page: string }>();
  const add = (page: string) => (url: string, body: Buffer) => {
    const name = new URL(url).pathname;
    if (seen.has(name)) return;
    seen.set(name, { raw: body.length, gz: gzipSync(body, { level: 9 }).length, page });
  };
  await timeLogin(browser, s, 1, add('login'));
  await coldRoster(browser, s, add('roster'));
  const files = [...seen].map(([name, v]) => ({ name, ...v })).sort((a, b) => b.gz - a.gz);
  const out: JsSize = {
    files,
    gzKB: files.reduce((a, f) => a + f.gz, 0) / 1024,
    rawKB: files.reduce((a, f) => a + f.raw, 0) / 1024,
  };
  // cross-check: the static estimate from the build output (entry + Roster chunk and their static imports);
  // bundle-size.mjs reads packages/web/dist, so not for another BENCH_WEB_DIST
  if (WEB_ROOT !== WEB_DIST) return out;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'packages/web/scripts/bundle-size.mjs'), '--json'], { encoding: 'utf8' });
  if (r.status === 0) {
    try {
      out.staticKB = (JSON.parse(r.stdout) as { loginPlusRosterKB: number }).loginPlusRosterKB;
    } catch {
      /* only a cross-check */
    }
  }
  return out;
}

function buildWeb(): string | null {
  if (process.env.BENCH_WEB_DIST) return existsSync(path.join(WEB_ROOT, 'index.html')) ? null : `${WEB_ROOT}/index.html not found`;
  const dist = path.join(ROOT, 'packages/web/dist/index.html');
  if (process.env.BENCH_NO_BUILD === '1' && existsSync(dist)) return null;
  console.log('  · building the web app (npm run build)…');
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 || !existsSync(dist)) return 'npm run build failed';
  return null;
}

export async function run(): Promise<SummaryRow[]> {
  const cadres = config.cadres;
  const timeScenario = `first roster page, cold context (${RUNS} runs)`;
  const sizeScenario = 'JS gzip, login + roster';
  const rows = (status: SummaryRow['status'], note: string): SummaryRow[] => [
    { bench: NAME, engine: 'PGlite', cadres, scenario: timeScenario, status, note },
    { bench: NAME, engine: 'PGlite', cadres, scenario: sizeScenario, status, note },
  ];
  const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`\n── ${NAME}: the 干部名册 in Chromium (${CHROMIUM}) over PGlite — ${os.cpus().length} CPUs, load average ${load()} ──`);
  if (!wants('pglite')) return rows('SKIPPED', 'not in BENCH_DBS (this bench runs on PGlite)');
  if (!existsSync(CHROMIUM)) return rows('SKIPPED', `${CHROMIUM} not found (apt-get install chromium fonts-noto-cjk)`);
  const buildError = buildWeb();
  if (buildError) return rows('ERROR', buildError);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-dev-shm-usage', '--disable-component-update', '--no-first-run'],
  });
  try {
    // the big registry (shared with the other benches of this process), then the 2,000-cadre baseline
    const big = await withPglite(cadres, async (b) => {
      console.log(`  · ${cadres.toLocaleString('en')} cadres: ${WARMUP} warm-up + ${RUNS} cold loads of /cadres…`);
      const times = await timeRoster(browser, b, RUNS);
      const s = await serve(b);
      try {
        const login = await timeLogin(browser, s, RUNS);
        const size = await jsSize(browser, s);
        return { times, login, size };
      } finally {
        await s.close();
      }
    });
    const small = await withPglite(BASELINE_CADRES, async (b) => {
      console.log(`  · baseline ${BASELINE_CADRES.toLocaleString('en')} cadres: ${WARMUP} warm-up + ${RUNS} cold loads of /cadres…`);
      return timeRoster(browser, b, RUNS);
    });

    const { times, login, size } = big;
    const timeOk = times.firstRow.p95 <= TARGET_MS;
    const sizeOk = size.gzKB <= TARGET_KB;
    printTable(
      `first roster page in Chromium — cold context, session cookie, navigation start → first data row (in-page clock)`,
      ['registry', 'cadres shown', 'n', 'median ms', 'p95 ms', 'min ms', 'max ms', 'wall median ms', 'main-thread busy median ms', 'target p95', 'result'],
      [
        [`PGlite ${cadres.toLocaleString('en')}`, times.total.toLocaleString('en'), times.firstRow.n, ms(times.firstRow.median), ms(times.firstRow.p95), ms(times.firstRow.min), ms(times.firstRow.max), ms(times.wall.median), ms(times.cpu.median), `≤ ${TARGET_MS} ms`, timeOk ? 'PASS' : 'MISSED'],
        [`baseline: PGlite ${BASELINE_CADRES.toLocaleString('en')}`, small.total.toLocaleString('en'), small.firstRow.n, ms(small.firstRow.median), ms(small.firstRow.p95), ms(small.firstRow.min), ms(small.firstRow.max), ms(small.wall.median), ms(small.cpu.median), '', ''],
        [`baseline: login page (form shown)`, '', login.n, ms(login.median), ms(login.p95), ms(login.min), ms(login.max), '', '', '', ''],
      ],
    );
    printTable(
      'where the time goes (median ms since navigation start)',
      ['registry', ...PHASE_KEYS.map((k) => PHASE_LABELS[k]), 'first data row'],
      [
        [`PGlite ${cadres.toLocaleString('en')}`, ...PHASE_KEYS.map((k) => ms(times.phases[k])), ms(times.firstRow.median)],
        [`PGlite ${BASELINE_CADRES.toLocaleString('en')}`, ...PHASE_KEYS.map((k) => ms(small.phases[k])), ms(small.firstRow.median)],
      ],
    );
    console.log(
      `ratio ${cadres.toLocaleString('en')} / ${BASELINE_CADRES.toLocaleString('en')} cadres: median ${ratio(times.firstRow.median, small.firstRow.median)}, p95 ${ratio(times.firstRow.p95, small.firstRow.p95)}; ` +
        `roster / login page: median ${ratio(times.firstRow.median, login.median)}`,
    );
    printTable(
      `JS loaded by the browser for a cold /login + a cold /cadres (${size.files.length} files, each gzipped with zlib level 9)`,
      ['file', 'first needed by', 'raw KB', 'gzip KB'],
      size.files.map((f) => [f.name, f.page, (f.raw / 1024).toFixed(1), (f.gz / 1024).toFixed(1)]),
    );
    console.log(
      `JS gzip login + roster: ${size.gzKB.toFixed(1)} KB (raw ${size.rawKB.toFixed(0)} KB), target ≤ ${TARGET_KB} KB → ${sizeOk ? 'PASS' : 'MISSED'}` +
        (size.staticKB != null ? `; static estimate from the build (bundle-size.mjs): ${size.staticKB} KB` : ''),
    );
    console.log(`first roster page p95 ${ms(times.firstRow.p95)} ms, target ≤ ${TARGET_MS} ms → ${timeOk ? 'PASS' : 'MISSED'}`);
    const busy = os.loadavg()[0] > os.cpus().length;
    console.log(`load average now ${load()} on ${os.cpus().length} CPUs${busy ? ' — BUSY: the browser timings are CPU-bound (JS parse + React render), so they inflate with the load; compare the same-run ratios' : ''}`);
    if (!timeOk) console.log(`\n!!!!!!!! MISSED: first roster page in the browser p95 ${ms(times.firstRow.p95)} ms > ${TARGET_MS} ms (${cadres.toLocaleString('en')} cadres) !!!!!!!!`);
    if (!sizeOk) console.log(`\n!!!!!!!! MISSED: JS for login + roster is ${size.gzKB.toFixed(1)} KB gzip > ${TARGET_KB} KB !!!!!!!!`);

    return [
      {
        bench: NAME,
        engine: 'PGlite',
        cadres,
        scenario: timeScenario,
        median: times.firstRow.median,
        p95: times.firstRow.p95,
        targetP95: TARGET_MS,
        baselineMedian: small.firstRow.median,
        baselineP95: small.firstRow.p95,
        status: timeOk ? 'PASS' : 'MISSED',
        note: `baseline = same page at ${BASELINE_CADRES.toLocaleString('en')} cadres; login page ${ms(login.median)} ms`,
      },
      {
        bench: NAME,
        engine: 'PGlite',
        cadres,
        scenario: sizeScenario,
        status: sizeOk ? 'PASS' : 'MISSED',
        note: `${size.gzKB.toFixed(1)} KB gzip in ${size.files.length} files (target ≤ ${TARGET_KB} KB)`,
      },
    ];
  } catch (e) {
    console.error(`${NAME} failed:`, e);
    return rows('ERROR', (e as Error).message.slice(0, 200));
  } finally {
    await browser.close();
  }
}

export const bench: Bench = {
  name: NAME,
  description: 'first roster page in Chromium at 100k cadres (cold) + gzip size of the JS for login + roster',
  run,
};

await runIfMain(import.meta.url, run);
