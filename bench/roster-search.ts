/**
 * Roster search (干部名册) through the HTTP API: 3 filters, a page of 50, over the demo district.
 * Target (issue): p95 ≤ 50 ms on PostgreSQL, ≤ 150 ms on PGlite at 100,000 cadres.
 *
 *   1. sequential: GET /api/cadres?… via app.inject (whole request path: cookie session lookup,
 *      zod validation, the row query + count, presentation, JSON) — warm-up, then ≥ 200 timed
 *      requests rotating through 3-filter combinations, random pages among the first 20, varied
 *      sorts; the baseline (unfiltered first page, GET /api/cadres?pageSize=50) in the same run.
 *   2. load: autocannon against the listening server (10 connections) on the same URLs.
 *
 * Run alone: node --import tsx bench/roster-search.ts   (or via npm run bench)
 */
import { sql } from 'drizzle-orm';
import autocannon from 'autocannon';
import type { Bench, SummaryRow } from './lib/bench';
import { config, wants } from './lib/config';
import { isSkipped, withPglite, withPostgres, type BenchDatabase, type Engine, type Skipped, runIfMain } from './lib/db';
import { benchApp, type BenchApp } from './lib/app';
import { ms, ratio, rng, summarize, type Summary } from './lib/stats';
import { printTable } from './lib/table';

const NAME = 'roster-search';
const TARGET_P95: Record<Engine, number> = { PostgreSQL: 50, PGlite: 150 };
const PAGE_SIZE = 50;
export const BASELINE_URL = `/api/cadres?pageSize=${PAGE_SIZE}`;
const SORTS = ['', 'name', '-birthDate', 'postLevel', '-postStartDate', 'orgName', '-name'];

// ───────────── what exists in the data ─────────────

interface Values {
  postLevel: string[];
  rank: string[];
  political: string[];
  education: string[];
  specialty: string[];
  tags: string[];
  /** org units whose subtree holds a sizeable share of the cadres (town, bureau, …) */
  orgs: { id: number; name: string; n: number }[];
  /** frequent pinyin-initial prefixes (1 and 2 letters), as a user types them */
  pinyin1: string[];
  pinyin2: string[];
}

async function rows<T>(b: BenchDatabase, text: string): Promise<T[]> {
  const r = (await b.database.db.execute(sql.raw(text))) as unknown as { rows: T[] };
  return r.rows;
}

async function top(b: BenchDatabase, col: string, limit: number): Promise<string[]> {
  const r = await rows<{ v: string }>(
    b,
    `SELECT ${col} AS v FROM cadre WHERE status = '在职' AND ${col} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${limit}`,
  );
  return r.map((x) => x.v);
}

export async function discover(b: BenchDatabase): Promise<Values> {
  const total = (await rows<{ n: number }>(b, `SELECT count(*)::int AS n FROM cadre WHERE status = '在职'`))[0].n;
  const orgs = await rows<{ id: number; name: string; n: number }>(
    b,
    `WITH per_unit AS (SELECT current_org_id AS id, count(*) AS n FROM cadre WHERE status = '在职' GROUP BY 1)
     SELECT o.id, o.name, sum(p.n)::int AS n
       FROM org_unit o JOIN org_unit d ON d.path LIKE o.path || '%' JOIN per_unit p ON p.id = d.id
      GROUP BY o.id, o.name
     HAVING sum(p.n) BETWEEN 30 AND ${Math.floor(total * 0.5)}
      ORDER BY sum(p.n) DESC, o.id`,
  );
  // spread over the size range: big groupings (≥ 1 %: 镇（街道）, 区属国有企业, …) and single units (a town, a bureau)
  const pick = <T,>(a: T[], k: number) => (a.length <= k ? a : Array.from({ length: k }, (_, i) => a[Math.round((i * (a.length - 1)) / (k - 1))]));
  const big = orgs.filter((o) => o.n >= total * 0.01);
  const small = orgs.filter((o) => o.n < total * 0.01);
  const tags = await rows<{ v: string }>(
    b,
    `SELECT t AS v FROM cadre, unnest(tags) t WHERE status = '在职' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 8`,
  );
  const p1 = await rows<{ v: string }>(b, `SELECT left(pinyin, 1) AS v FROM cadre WHERE status = '在职' AND pinyin <> '' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 6`);
  const p2 = await rows<{ v: string }>(b, `SELECT left(pinyin, 2) AS v FROM cadre WHERE status = '在职' AND length(pinyin) >= 2 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 10`);
  return {
    postLevel: await top(b, 'post_level', 8),
    rank: await top(b, 'rank', 8),
    political: await top(b, 'political_status', 4),
    education: await top(b, 'highest_education', 5),
    specialty: await top(b, 'specialty_category', 6),
    tags: tags.map((t) => t.v),
    orgs: [...pick(big, 4), ...pick(small, 4)],
    pinyin1: p1.map((x) => x.v),
    pinyin2: p2.map((x) => x.v),
  };
}

// ───────────── the 3-filter combinations ─────────────

type Params = Record<string, string | number>;
interface Combo {
  label: string;
  make: (r: () => number, v: Values) => Params;
}

const one = <T,>(r: () => number, a: T[]): T => a[Math.floor(r() * a.length)];
const some = (r: () => number, a: string[], k: number) => {
  const s = [...a];
  const out: string[] = [];
  while (out.length < k && s.length) out.push(s.splice(Math.floor(r() * s.length), 1)[0]);
  return out.join(',');
};
const ageBand = (r: () => number) => {
  const lo = 30 + Math.floor(r() * 20);
  return { ageMin: lo, ageMax: lo + 5 + Math.floor(r() * 10) };
};

const COMBOS: Combo[] = [
  { label: 'sex + age band + postLevel', make: (r, v) => ({ sex: one(r, ['1', '2']), ...ageBand(r), postLevel: some(r, v.postLevel, 2) }) },
  { label: 'org subtree + young + education', make: (r, v) => ({ orgId: one(r, v.orgs).id, young: 'true', education: some(r, v.education, 2) }) },
  { label: 'pinyin initials + political + rank', make: (r, v) => ({ q: one(r, v.pinyin2), political: one(r, v.political), rank: some(r, v.rank, 3) }) },
  { label: 'tag + specialty + ageMax', make: (r, v) => ({ tag: one(r, v.tags), specialty: some(r, v.specialty, 2), ageMax: 45 + Math.floor(r() * 10) }) },
  { label: 'org subtree + postLevel + sex', make: (r, v) => ({ orgId: one(r, v.orgs).id, postLevel: some(r, v.postLevel, 3), sex: one(r, ['1', '2']) }) },
  { label: 'nonParty + education + ageMin', make: (r, v) => ({ nonParty: 'true', education: some(r, v.education, 2), ageMin: 35 + Math.floor(r() * 10) }) },
  { label: 'pinyin initial + org subtree + postLevel', make: (r, v) => ({ q: one(r, v.pinyin1), orgId: one(r, v.orgs).id, postLevel: some(r, v.postLevel, 3) }) },
  { label: 'tag + young + sex', make: (r, v) => ({ tag: one(r, v.tags), young: 'true', sex: one(r, ['1', '2']) }) },
  { label: 'retiring ≤ 3 y + org subtree + postLevel', make: (r, v) => ({ retiringWithinYears: 3, orgId: one(r, v.orgs).id, postLevel: some(r, v.postLevel, 4) }) },
  { label: 'rank + education + ageMax', make: (r, v) => ({ rank: some(r, v.rank, 2), education: one(r, v.education), ageMax: 40 + Math.floor(r() * 10) }) },
];

const url = (p: Params) => `/api/cadres?${new URLSearchParams(Object.entries(p).map(([k, x]) => [k, String(x)])).toString()}`;

interface Variant {
  combo: number;
  params: Params;
  total: number;
}

interface Req {
  combo: number;
  url: string;
}

/** per combination a few concrete variants; each probed once (its total bounds the pages asked for) */
export async function buildRequests(api: BenchApp, v: Values, n: number): Promise<{ variants: Variant[]; requests: Req[] }> {
  const r = rng(20261121);
  const variants: Variant[] = [];
  for (let c = 0; c < COMBOS.length; c++) {
    for (let k = 0; k < 4; k++) {
      const params = COMBOS[c].make(r, v);
      const res = await api.get<{ total: number }>(url({ ...params, pageSize: PAGE_SIZE }));
      variants.push({ combo: c, params, total: res.total });
    }
  }
  const requests: Req[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % COMBOS.length;
    const vs = variants.filter((x) => x.combo === c);
    const chosen = one(r, vs);
    const pages = Math.max(1, Math.min(20, Math.ceil(chosen.total / PAGE_SIZE)));
    const sort = one(r, SORTS);
    const page = 1 + Math.floor(r() * pages);
    requests.push({ combo: c, url: url({ ...chosen.params, ...(sort ? { sort } : {}), page, pageSize: PAGE_SIZE }) });
  }
  return { variants, requests };
}

// ───────────── measuring ─────────────

export async function timeSequential(api: BenchApp, urls: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const u of urls) {
    const t = performance.now();
    await api.get(u);
    out.push(performance.now() - t);
  }
  return out;
}

interface Load {
  rps: number;
  p50: number;
  p975: number;
  p99: number;
  requests: number;
  errors: number;
}

/** autocannon against `address`; every request takes the next URL of the rotation, across all connections */
async function load(address: string, cookie: string, urls: string[]): Promise<Load> {
  let next = 0;
  const res = await autocannon({
    url: address,
    connections: config.loadConnections,
    duration: config.loadSeconds,
    headers: { cookie },
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: urls[next++ % urls.length] }) }],
  });
  return {
    rps: res.requests.average,
    p50: res.latency.p50,
    p975: res.latency.p97_5,
    p99: res.latency.p99,
    requests: res.requests.total,
    errors: res.errors + res.timeouts + res.non2xx,
  };
}

interface EngineResult {
  engine: Engine;
  cadres: number;
  filtered: Summary;
  baseline: Summary;
  perCombo: { label: string; totals: string; s: Summary }[];
  loadFiltered?: Load;
  loadBaseline?: Load;
}

export async function measure(b: BenchDatabase): Promise<EngineResult> {
  console.log(`\n── ${NAME} on ${b.engine} (${b.cadres.toLocaleString('en')} cadres, ${b.where}) ──`);
  const v = await discover(b);
  console.log(
    `  · data: ${v.orgs.length} org subtrees (${v.orgs.map((o) => `${o.name} ${o.n}`).join(', ')}); tags ${v.tags.slice(0, 4).join('/')}…; pinyin ${v.pinyin2.slice(0, 4).join('/')}…`,
  );
  const api = await benchApp(b);
  const { variants, requests } = await buildRequests(api, v, config.warmup + config.iterations);

  // warm-up, then the timed sequential runs
  await timeSequential(api, requests.slice(0, config.warmup).map((x) => x.url));
  await timeSequential(api, Array(5).fill(BASELINE_URL));
  const baselineSamples = await timeSequential(api, Array(config.baselineIterations).fill(BASELINE_URL));
  const measured = requests.slice(config.warmup);
  const samples = await timeSequential(api, measured.map((x) => x.url));

  const perCombo = COMBOS.map((c, i) => {
    const s = samples.filter((_, j) => measured[j].combo === i);
    const totals = variants.filter((x) => x.combo === i).map((x) => x.total);
    return { label: c.label, totals: `${Math.min(...totals)}–${Math.max(...totals)}`, s: summarize(s) };
  });
  const result: EngineResult = { engine: b.engine, cadres: b.cadres, filtered: summarize(samples), baseline: summarize(baselineSamples), perCombo };

  printTable(
    `per combination on ${b.engine} (sequential, ${PAGE_SIZE}/page; "matches" = totals of the 4 variants)`,
    ['combination (3 filters)', 'matches', 'n', 'median ms', 'p95 ms', 'max ms'],
    perCombo.map((p) => [p.label, p.totals, p.s.n, ms(p.s.median), ms(p.s.p95), ms(p.s.max)]),
  );

  try {
    if (config.loadSeconds > 0) {
      const address = await api.app.listen({ host: '127.0.0.1', port: 0 });
      console.log(`  · autocannon: ${config.loadConnections} connections × ${config.loadSeconds} s on ${address} (filtered rotation, then baseline)…`);
      result.loadFiltered = await load(address, api.cookie, measured.map((x) => x.url));
      result.loadBaseline = await load(address, api.cookie, [BASELINE_URL]);
    }
  } finally {
    await api.close();
  }
  return result;
}

function report(results: EngineResult[]): void {
  printTable(
    `roster search — 3 filters, page of ${PAGE_SIZE}, through the API (app.inject, sequential)`,
    ['database', 'cadres', 'n', 'median ms', 'p95 ms', 'target p95', 'result', 'baseline median', 'baseline p95', 'ratio median', 'ratio p95'],
    results.map((r) => {
      const t = TARGET_P95[r.engine];
      return [
        r.engine,
        r.cadres.toLocaleString('en'),
        r.filtered.n,
        ms(r.filtered.median),
        ms(r.filtered.p95),
        `≤ ${t} ms`,
        r.filtered.p95 <= t ? 'PASS' : 'FAIL',
        ms(r.baseline.median),
        ms(r.baseline.p95),
        ratio(r.filtered.median, r.baseline.median),
        ratio(r.filtered.p95, r.baseline.p95),
      ];
    }),
  );
  console.log(`baseline = unfiltered first page, GET ${BASELINE_URL} (default sort), same run; ratio = filtered / baseline`);
  const loads = results.filter((r) => r.loadFiltered);
  if (loads.length) {
    printTable(
      `load: autocannon, ${config.loadConnections} connections, ${config.loadSeconds} s, listening server (127.0.0.1), session cookie`,
      ['database', 'requests', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'errors/non-2xx'],
      loads.flatMap((r) => [
        [`${r.engine} filtered (rotation)`, r.loadFiltered!.requests, r.loadFiltered!.rps.toFixed(1), r.loadFiltered!.p50, r.loadFiltered!.p975, r.loadFiltered!.p99, r.loadFiltered!.errors],
        [`${r.engine} baseline`, r.loadBaseline!.requests, r.loadBaseline!.rps.toFixed(1), r.loadBaseline!.p50, r.loadBaseline!.p975, r.loadBaseline!.p99, r.loadBaseline!.errors],
      ]),
    );
  }
  for (const r of results) {
    const t = TARGET_P95[r.engine];
    if (r.filtered.p95 > t) {
      const worst = [...r.perCombo].sort((a, b) => b.s.p95 - a.s.p95).slice(0, 3);
      console.log(
        `\n!!!!!!!! MISSED: roster search p95 on ${r.engine} is ${ms(r.filtered.p95)} ms > target ${t} ms (${r.cadres.toLocaleString('en')} cadres) !!!!!!!!` +
          `\n         slowest combinations (p95): ${worst.map((w) => `${w.label} ${ms(w.s.p95)} ms`).join('; ')}`,
      );
    }
  }
}

export async function run(): Promise<SummaryRow[]> {
  const cadres = config.cadres;
  const results: EngineResult[] = [];
  const summary: SummaryRow[] = [];
  const scenario = `3 filters, page of ${PAGE_SIZE}`;
  const engines: [Engine, boolean, () => Promise<EngineResult | Skipped>][] = [
    ['PGlite', wants('pglite'), () => withPglite(cadres, measure)],
    ['PostgreSQL', wants('postgres'), () => withPostgres(cadres, measure)],
  ];
  for (const [engine, wanted, go] of engines) {
    if (!wanted) {
      summary.push({ bench: NAME, engine, cadres, scenario, status: 'SKIPPED', note: 'not in BENCH_DBS' });
      continue;
    }
    try {
      const r = await go();
      if (isSkipped(r)) {
        summary.push({ bench: NAME, engine, cadres, scenario, status: 'SKIPPED', note: r.skipped });
        continue;
      }
      results.push(r);
      summary.push({
        bench: NAME,
        engine,
        cadres,
        scenario,
        median: r.filtered.median,
        p95: r.filtered.p95,
        targetP95: TARGET_P95[engine],
        baselineMedian: r.baseline.median,
        baselineP95: r.baseline.p95,
        rps: r.loadFiltered?.rps,
        status: r.filtered.p95 <= TARGET_P95[engine] ? 'PASS' : 'MISSED',
      });
    } catch (e) {
      console.error(`${NAME} on ${engine} failed:`, e);
      summary.push({ bench: NAME, engine, cadres, scenario, status: 'ERROR', note: (e as Error).message.slice(0, 200) });
    }
  }
  if (results.length) report(results);
  return summary;
}

export const bench: Bench = {
  name: NAME,
  description: 'roster search (3 filters, page of 50) through the API, sequential + autocannon',
  run,
};

await runIfMain(import.meta.url, run);
