/** Bench settings from the environment (see docs/benchmarks.md). */
const env = process.env;
const num = (v: string | undefined, d: number) => (v != null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : d);

export const QUICK = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';

export const config = {
  quick: QUICK,
  /** cadres in the generated district */
  cadres: num(env.BENCH_CADRES, QUICK ? 10_000 : 100_000),
  /** which databases: BENCH_DBS=pglite,postgres (default both) */
  dbs: (env.BENCH_DBS ?? 'pglite,postgres').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean),
  /** sequential measured requests per scenario */
  iterations: num(env.BENCH_ITERATIONS, QUICK ? 60 : 300),
  /** sequential measured requests for the baseline */
  baselineIterations: num(env.BENCH_BASELINE_ITERATIONS, QUICK ? 30 : 100),
  warmup: num(env.BENCH_WARMUP, 20),
  /** autocannon seconds per run (0 = skip the load test) */
  loadSeconds: num(env.BENCH_LOAD_SECONDS, QUICK ? 3 : 10),
  loadConnections: num(env.BENCH_LOAD_CONNECTIONS, 10),
};

export const wants = (db: 'pglite' | 'postgres') => config.dbs.includes(db);
