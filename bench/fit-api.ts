/**
 * Candidate ranking for one post through the HTTP API (GET /api/positions/:id/candidates?limit=50)
 * over the whole demo registry (100,000 cadres). Target (issue 5): ≤ 100 ms through the API.
 *
 * The fit facts of every in-service cadre are loaded (6 set-based queries) and prepared once per
 * (rules version, data version, asOf) and cached in the server process; a request then checks the
 * data version (one indexed query), loads the post and its team, ranks all candidates in core and
 * presents the top 50 + the excluded.
 *   1. cold: the cache is dropped before each request — load + prepare + rank (reported, no target)
 *   2. warm: sequential requests rotating over 20 posts (镇长, 书记, 局长, 副职 …) — p95 vs target
 *
 * Run alone: node --import tsx bench/fit-api.ts   (or via npm run bench; BENCH_ONLY=fit-api)
 */
import { sql } from 'drizzle-orm';
import type { Bench, SummaryRow } from './lib/bench';
import { config, wants } from './lib/config';
import { isSkipped, withPglite, withPostgres, type BenchDatabase, type Engine, runIfMain } from './lib/db';
import { benchApp } from './lib/app';
import { ms, summarize } from './lib/stats';
import { printTable } from './lib/table';
import { clearCandidateCache } from '../packages/server/src/modules/fit/loader';

const NAME = 'fit-api';
const TARGET_P95 = 100;
const COLD_RUNS = config.quick ? 2 : 3;

interface Ranking {
  eligibleTotal: number;
  excluded: { total: number };
  timing: { loadMs: number; rankMs: number; totalMs: number; cache: { loadMs: number; prepareMs: number; candidates: number } };
}

async function positions(b: BenchDatabase): Promise<number[]> {
  const r = (await b.database.db.execute(
    sql.raw(`(SELECT id FROM position WHERE title LIKE '%镇长%' ORDER BY id LIMIT 8)
             UNION ALL (SELECT id FROM position WHERE title = '党委书记' ORDER BY id LIMIT 4)
             UNION ALL (SELECT id FROM position WHERE is_chief AND title NOT LIKE '%书记%' AND title NOT LIKE '%镇长%' ORDER BY id LIMIT 4)
             UNION ALL (SELECT id FROM position WHERE NOT is_chief ORDER BY id LIMIT 4)`),
  )) as unknown as { rows: { id: number }[] };
  return r.rows.map((x) => Number(x.id));
}

async function measure(b: BenchDatabase) {
  const app = await benchApp(b);
  try {
    const ids = await positions(b);
    if (!ids.length) throw new Error('no positions in the bench database');
    const url = (id: number) => `/api/positions/${id}/candidates?limit=50`;
    // cold: load + prepare + rank
    const cold: number[] = [];
    let breakdown: Ranking['timing'] | null = null;
    let sample: Ranking | null = null;
    for (let k = 0; k < COLD_RUNS; k++) {
      clearCandidateCache(b.database.db);
      const t0 = performance.now();
      const r = await app.get<Ranking>(url(ids[0]));
      cold.push(performance.now() - t0);
      breakdown = r.timing;
      sample = r;
    }
    // warm
    for (let k = 0; k < config.warmup; k++) await app.get(url(ids[k % ids.length]));
    const warm: number[] = [];
    const rankMs: number[] = [];
    const handlerMs: number[] = [];
    const loadMs: number[] = [];
    for (let k = 0; k < config.iterations; k++) {
      const t0 = performance.now();
      const r = await app.get<Ranking>(url(ids[k % ids.length]));
      warm.push(performance.now() - t0);
      rankMs.push(r.timing.rankMs);
      handlerMs.push(r.timing.totalMs);
      loadMs.push(r.timing.loadMs);
    }
    return { cold: summarize(cold), warm: summarize(warm), rank: summarize(rankMs), handler: summarize(handlerMs), queries: summarize(loadMs), breakdown: breakdown!, sample: sample!, posts: ids.length };
  } finally {
    await app.close();
  }
}

export async function run(): Promise<SummaryRow[]> {
  const cadres = config.cadres;
  const rows: SummaryRow[] = [];
  const engines: [Engine, boolean, () => Promise<Awaited<ReturnType<typeof measure>> | { skipped: string; engine: Engine }>][] = [
    ['PGlite', wants('pglite'), () => withPglite(cadres, measure)],
    ['PostgreSQL', wants('postgres'), () => withPostgres(cadres, measure)],
  ];
  const table: string[][] = [];
  for (const [engine, wanted, go] of engines) {
    if (!wanted) continue;
    let r;
    try {
      r = await go();
    } catch (e) {
      rows.push({ bench: NAME, engine, cadres, scenario: 'rank for one post, API', status: 'ERROR', note: String(e).slice(0, 200) });
      continue;
    }
    if (isSkipped(r)) {
      rows.push({ bench: NAME, engine, cadres, scenario: 'rank for one post, API', status: 'SKIPPED', note: r.skipped });
      continue;
    }
    const c = r.breakdown.cache;
    rows.push({
      bench: NAME,
      engine,
      cadres,
      scenario: `rank ${c.candidates.toLocaleString('en')} for one post, top 50 (warm cache, ${r.posts} posts)`,
      median: r.warm.median,
      p95: r.warm.p95,
      targetP95: TARGET_P95,
      status: r.warm.p95 <= TARGET_P95 ? 'PASS' : 'MISSED',
      note: `handler median ${ms(r.handler.median)} ms (queries ${ms(r.queries.median)}, core rank ${ms(r.rank.median)})`,
    });
    rows.push({
      bench: NAME,
      engine,
      cadres,
      scenario: 'rank for one post, cold cache (load + prepare + rank)',
      median: r.cold.median,
      p95: r.cold.max,
      status: 'INFO',
      note: `load ${ms(c.loadMs)} ms + prepare ${ms(c.prepareMs)} ms (once per data/rules version)`,
    });
    table.push([engine, c.candidates.toLocaleString('en'), String(r.sample.eligibleTotal), String(r.sample.excluded.total), ms(r.cold.median), ms(c.loadMs), ms(c.prepareMs), ms(r.warm.median), ms(r.warm.p95), ms(r.handler.median), ms(r.queries.median), ms(r.rank.median)]);
  }
  printTable(`${NAME}: candidate ranking through the API (${cadres.toLocaleString('en')} cadres)`, ['database', 'candidates', 'eligible', 'excluded', 'cold median ms', 'load ms', 'prepare ms', 'warm median ms', 'warm p95 ms', 'handler ms', 'queries ms', 'core rank ms'], table);
  return rows;
}

export const bench: Bench = {
  name: NAME,
  description: 'candidate ranking for one post over the whole registry through the API (cold and warm cache)',
  run,
};

await runIfMain(import.meta.url, run);
