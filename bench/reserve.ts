/**
 * 储备链 bench strength (issue 6): "bench strength for all key posts over 100,000 cadres and
 * 5,000 teams — target ≤ 500 ms through the API on PostgreSQL".
 *
 *   1. core alone: the inputs (every 正职 / 关键岗位 post with its incumbents, every admitted pool
 *      member with a target) are loaded once with the endpoint's own loader (benchInputs: one
 *      statement, no display names — the endpoint names only the page it returns), then core
 *      benchStrength is timed ≥ 20 times after warm-up: wall and CPU (process.cpuUsage).
 *   2. through the API (app.inject, the whole request path: session, zod, SQL, core, JSON; the
 *      body is not parsed by the client): GET /api/reserve/bench-strength (all key posts, the board's
 *      first 500 rows + the complete summary) and the dashboard's urgentOnly list — warm-up, then
 *      ≥ 15 sequential timed requests each; baseline in the same run: GET /api/cadres?pageSize=50.
 *      Target p95 ≤ 500 ms on PostgreSQL (PGlite: report).
 *
 * Run alone: node --import tsx bench/reserve.ts   (or BENCH_ONLY=reserve npm run bench)
 */
import os from 'node:os';
import { benchStrength, todayISO, type RulesConfig } from '@cadre/core';
import type { CurrentUser } from '../packages/server/src/auth/roles';
import { benchInputs } from '../packages/server/src/modules/reserve/bench';
import type { Bench, SummaryRow } from './lib/bench';
import { config, wants } from './lib/config';
import { isSkipped, withPglite, withPostgres, type BenchDatabase, type Engine, type Skipped, runIfMain } from './lib/db';
import { benchApp, type BenchApp } from './lib/app';
import { ms, ratio, summarize, type Summary } from './lib/stats';
import { printTable } from './lib/table';

const NAME = 'reserve';
const CORE = 'core' as unknown as Engine; // no database: the pure domain code
const TARGET_API: Partial<Record<Engine, number>> = { PostgreSQL: 500 };
const num = (v: string | undefined, d: number) => (v != null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : d);
const CORE_RUNS = Math.max(20, num(process.env.BENCH_CORE_RUNS, config.quick ? 20 : 40));
const API_RUNS = Math.max(15, num(process.env.BENCH_RESERVE_ITERATIONS, config.quick ? 15 : 20));
const API_WARMUP = Math.min(config.warmup, 3);
const BASELINE_URL = '/api/cadres?pageSize=50';

const SCENARIOS = [
  { key: 'board', label: 'GET /api/reserve/bench-strength (all key posts, first 500 rows + summary)', url: '/api/reserve/bench-strength' },
  { key: 'urgent', label: 'GET /api/reserve/bench-strength?urgentOnly=true&limit=50 (dashboard)', url: '/api/reserve/bench-strength?urgentOnly=true&limit=50' },
] as const;

const BENCH_USER: CurrentUser = { id: 0, username: 'bench', displayName: 'bench', role: 'admin', scopeOrgId: null, scopePath: null };

interface Timed {
  wall: Summary;
  cpu: Summary;
}
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

async function timeRequests(api: BenchApp, url: string, runs: number): Promise<Timed & { bytes: number; body: string }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  let body = '';
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await api.app.inject({ method: 'GET', url, headers: { cookie: api.cookie } });
    wall.push(performance.now() - t0);
    cpu.push(cpuMs(process.cpuUsage(c0)));
    if (r.statusCode !== 200) throw new Error(`GET ${url} → ${r.statusCode} ${r.body.slice(0, 300)}`);
    bytes = r.rawPayload.length;
    body = r.body;
  }
  return { wall: summarize(wall), cpu: summarize(cpu), bytes, body };
}

// ───────────── 1. core alone ─────────────
interface CoreResult {
  posts: number;
  successors: number;
  source: string;
  loadMs: number;
  t: Timed;
  urgent: number;
  loadAvg: string;
}

async function measureCore(b: BenchDatabase, rules: RulesConfig): Promise<CoreResult> {
  console.log(`\n── ${NAME}: core benchStrength alone (inputs from the ${b.engine} registry via the endpoint's loader) ──`);
  const asOf = todayISO();
  const t0 = performance.now();
  const inputs = await benchInputs(b.database.db, BENCH_USER, { orgPath: null, keyOnly: true, asOf });
  const loadMs = performance.now() - t0;
  const run = () => benchStrength(inputs.posts, inputs.successors, { asOf, rules, keyOnly: true, maxPerTier: 5 });
  let last = run();
  for (let i = 1; i < 5; i++) last = run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < CORE_RUNS; i++) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    last = run();
    wall.push(performance.now() - w0);
    cpu.push(cpuMs(process.cpuUsage(c0)));
  }
  console.log(
    `  · loaded ${inputs.posts.length.toLocaleString('en')} posts and ${inputs.successors.length.toLocaleString('en')} pool members in ${ms(loadMs)} ms; ` +
      `board: ${last.summary.keyPosts} key posts, ${last.summary.urgent} 急用现找 (${last.summary.urgentHighRisk} high risk), ${last.summary.withReadyNow} with someone 随时能用`,
  );
  return { posts: inputs.posts.length, successors: inputs.successors.length, source: b.engine, loadMs, t: { wall: summarize(wall), cpu: summarize(cpu) }, urgent: last.summary.urgent, loadAvg: load() };
}

// ───────────── 2. through the API ─────────────
interface ApiResult {
  engine: Engine;
  cadres: number;
  baseline: Timed;
  scenarios: { key: string; label: string; t: Timed; bytes: number; serverLoadMs: number | null }[];
  loadAvg: string;
}

let core: CoreResult | null = null;

async function measure(b: BenchDatabase): Promise<ApiResult> {
  const api = await benchApp(b);
  try {
    const rules = await api.app.ctx.rules.rules();
    if (!core) core = await measureCore(b, rules);
    console.log(`\n── ${NAME} through the API on ${b.engine} (${b.cadres.toLocaleString('en')} cadres, ${b.where}) ──`);
    for (const s of SCENARIOS) for (let i = 0; i < API_WARMUP; i++) await api.get(s.url);
    for (let i = 0; i < 10; i++) await api.get(BASELINE_URL);
    const baseline = await timeRequests(api, BASELINE_URL, Math.max(API_RUNS, 30));
    const scenarios: ApiResult['scenarios'] = [];
    for (const s of SCENARIOS) {
      const r = await timeRequests(api, s.url, API_RUNS);
      const parsed = JSON.parse(r.body) as { timing?: { loadMs: number; computeMs: number; pageMs?: number }; summary: { keyPosts: number; urgent: number } };
      scenarios.push({ key: s.key, label: s.label, t: r, bytes: r.bytes, serverLoadMs: parsed.timing?.loadMs ?? null });
      console.log(
        `  · ${s.label}: median ${ms(r.wall.median)} ms, p95 ${ms(r.wall.p95)} ms (CPU in this process median ${ms(r.cpu.median)} ms), ` +
          `${(r.bytes / 1e6).toFixed(2)} MB; ${parsed.summary.keyPosts} key posts, ${parsed.summary.urgent} 急用现找; last request: SQL load ${parsed.timing?.loadMs ?? '?'} ms, core ${parsed.timing?.computeMs ?? '?'} ms, naming the page ${parsed.timing?.pageMs ?? '?'} ms`,
      );
    }
    return { engine: b.engine, cadres: b.cadres, baseline, scenarios, loadAvg: load() };
  } finally {
    await api.close();
  }
}

// ───────────── report ─────────────
function report(results: ApiResult[]): void {
  if (core) {
    printTable(
      `core benchStrength alone — ${core.posts.toLocaleString('en')} key posts, ${core.successors.toLocaleString('en')} pool members (inputs from ${core.source}, loaded in ${ms(core.loadMs)} ms), ${CORE_RUNS} timed runs; load average ${core.loadAvg}`,
      ['computation', 'wall median', 'wall p95', 'CPU median', 'CPU p95'],
      [['benchStrength (rows, tiers, incumbents’ retirement, summary)', ms(core.t.wall.median), ms(core.t.wall.p95), ms(core.t.cpu.median), ms(core.t.cpu.p95)]],
    );
  }
  printTable(
    `through the API (app.inject, sequential, ${API_RUNS} timed requests each after ${API_WARMUP} warm-up); baseline GET ${BASELINE_URL}`,
    ['database', 'scenario', 'median ms', 'p95 ms', 'CPU median (this process)', 'MB', 'target p95', 'result', 'baseline median', 'ratio median', 'load avg'],
    results.flatMap((r) =>
      r.scenarios.map((s) => {
        const t = TARGET_API[r.engine];
        return [
          r.engine,
          s.label,
          ms(s.t.wall.median),
          ms(s.t.wall.p95),
          ms(s.t.cpu.median),
          (s.bytes / 1e6).toFixed(2),
          t != null ? `≤ ${t} ms` : '',
          t == null ? 'INFO' : s.t.wall.p95 <= t ? 'PASS' : 'FAIL',
          ms(r.baseline.wall.median),
          ratio(s.t.wall.median, r.baseline.wall.median),
          r.loadAvg,
        ];
      }),
    ),
  );
  console.log('CPU (this process) includes PGlite itself (in-process WASM) but not a PostgreSQL server; ratio = scenario / baseline median, same run');
  for (const r of results) {
    const t = TARGET_API[r.engine];
    if (t == null) continue;
    for (const s of r.scenarios) if (s.t.wall.p95 > t) console.log(`\n!!!!!!!! MISSED: ${s.label} p95 on ${r.engine} is ${ms(s.t.wall.p95)} ms > ${t} ms !!!!!!!!`);
  }
}

export async function run(): Promise<SummaryRow[]> {
  const cadres = config.cadres;
  core = null;
  const results: ApiResult[] = [];
  const apiRows: SummaryRow[] = [];
  const engines: [Engine, boolean, () => Promise<ApiResult | Skipped>][] = [
    ['PGlite', wants('pglite'), () => withPglite(cadres, measure)],
    ['PostgreSQL', wants('postgres'), () => withPostgres(cadres, measure)],
  ];
  for (const [engine, wanted, go] of engines) {
    const scenario = 'bench strength';
    if (!wanted) {
      apiRows.push({ bench: NAME, engine, cadres, scenario, status: 'SKIPPED', note: 'not in BENCH_DBS' });
      continue;
    }
    try {
      const r = await go();
      if (isSkipped(r)) {
        apiRows.push({ bench: NAME, engine, cadres, scenario, status: 'SKIPPED', note: r.skipped });
        continue;
      }
      results.push(r);
      const t = TARGET_API[engine];
      for (const s of r.scenarios) {
        apiRows.push({
          bench: NAME,
          engine,
          cadres,
          scenario: s.label.replace(/^GET /, ''),
          median: s.t.wall.median,
          p95: s.t.wall.p95,
          targetP95: t,
          baselineMedian: r.baseline.wall.median,
          baselineP95: r.baseline.wall.p95,
          status: t == null ? 'INFO' : s.t.wall.p95 <= t ? 'PASS' : 'MISSED',
          note: `${(s.bytes / 1e6).toFixed(2)} MB; SQL ${s.serverLoadMs ?? '?'} ms; load ${r.loadAvg.split(' ')[0]}`,
        });
      }
    } catch (e) {
      console.error(`${NAME} on ${engine} failed:`, e);
      apiRows.push({ bench: NAME, engine, cadres, scenario, status: 'ERROR', note: (e as Error).message.slice(0, 200) });
    }
  }
  const summary: SummaryRow[] = [];
  const c = core as CoreResult | null; // set inside measure()
  if (c) {
    summary.push(
      { bench: NAME, engine: CORE, cadres, scenario: `benchStrength × ${c.posts.toLocaleString('en')} posts — CPU`, median: c.t.cpu.median, p95: c.t.cpu.p95, status: 'INFO', note: `${c.successors} members; inputs from ${c.source}` },
      { bench: NAME, engine: CORE, cadres, scenario: `benchStrength × ${c.posts.toLocaleString('en')} posts — wall`, median: c.t.wall.median, p95: c.t.wall.p95, status: 'INFO', note: `load ${c.loadAvg}` },
    );
  } else summary.push({ bench: NAME, engine: CORE, cadres, scenario: 'core alone', status: 'SKIPPED', note: 'needs a seeded database (BENCH_DBS)' });
  if (results.length) report(results);
  summary.push(...apiRows);
  return summary;
}

export const bench: Bench = {
  name: NAME,
  description: 'bench strength (急用现找) for every key post: core alone and through the API',
  run,
};

await runIfMain(import.meta.url, run);
