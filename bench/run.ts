/**
 * npm run bench — every bench script in bench/, then one summary table.
 *
 * Env: BENCH_CADRES (100000), BENCH_QUICK=1 (10k cadres, fewer iterations: a smoke run),
 * BENCH_DBS=pglite,postgres, BENCH_DATABASE_URL / TEST_DATABASE_URL (use that PostgreSQL server),
 * BENCH_PG_PORT (54331, throw-away server), BENCH_PGLITE_DIR (parent of the PGlite temp dir, or
 * "memory"), BENCH_ITERATIONS, BENCH_BASELINE_ITERATIONS, BENCH_WARMUP, BENCH_LOAD_SECONDS,
 * BENCH_LOAD_CONNECTIONS, BENCH_ONLY=name[,name]. See docs/benchmarks.md.
 *
 * It is a report: the exit code is 0 even when a target is missed (MISSED is printed); it is
 * non-zero only when a bench crashed.
 *
 * Every bench runs in a process of its own (this file with --child NAME): a bench is not charged
 * for the heap, the GC and the JIT state another bench left behind (measured in one process, the
 * API p95s of structure-teams doubled next to a seeded in-process PGlite and fit-core's ranking
 * tripled). The seeded databases are still built once: the first process that needs one records it
 * in a state file (BENCH_SHARED_STATE, see lib/db.ts) and later ones reopen it; this process removes
 * them at the end. BENCH_ISOLATE=0 runs everything in this one process, as before.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, SummaryRow } from './lib/bench';
import { config } from './lib/config';
import { cleanupSharedState, closeBenchDatabases, installSignalCleanup } from './lib/db';
import { ms, ratio } from './lib/stats';
import { printTable } from './lib/table';
import { bench as rosterSearch } from './roster-search';
import { bench as browserRoster } from './browser-roster'; // the 干部名册 in Chromium (issue 3)
import { bench as structureTeams } from './structure-teams'; // structure statistics + teams' indicators (issue 4)
import { bench as fitApi } from './fit-api'; // candidate ranking through the API (issue 5)
import { bench as fitCore } from './fit-core'; // fit ranking + adjustment plan in core (issue 5)
import { bench as interop } from './interop'; // LRMX and Excel import (issue 7)
import { bench as reserve } from './reserve'; // bench strength 急用现找 (issue 6)

// fit-core first: it needs no database, and measured after the others it shared the process with two seeded 100k
// registries (PGlite's WASM heap, the generated datasets) whose major GCs it paid for — 8 ms alone, ~24 ms after
const BENCHES: Bench[] = [fitCore, rosterSearch, browserRoster, structureTeams, fitApi, interop, reserve];

const ROWS_MARK = '@@bench-rows@@';
const childIdx = process.argv.indexOf('--child');
if (childIdx > 0) {
  // a child: run one bench, hand the rows to the parent on one marked line
  const b = BENCHES.find((x) => x.name === process.argv[childIdx + 1]);
  if (!b) throw new Error(`no bench ${process.argv[childIdx + 1]}`);
  let rows: SummaryRow[] = [];
  let code = 0;
  try {
    rows = await b.run();
  } catch (e) {
    console.error(`bench ${b.name} crashed:`, e);
    code = 1;
  } finally {
    await closeBenchDatabases();
  }
  console.log(`${ROWS_MARK}${JSON.stringify(rows)}`);
  process.exit(code);
}

/** one bench in a fresh process (same node flags); its output passes through, its rows come back */
function runChild(name: string, stateFile: string): Promise<{ rows: SummaryRow[]; crashed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', name], {
      env: { ...process.env, BENCH_SHARED_STATE: stateFile },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let rows: SummaryRow[] = [];
    let buf = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith(ROWS_MARK)) rows = JSON.parse(line.slice(ROWS_MARK.length)) as SummaryRow[];
        else process.stdout.write(`${line}\n`);
      }
    });
    child.on('close', (code) => {
      if (buf) process.stdout.write(buf);
      resolve({ rows, crashed: code !== 0 });
    });
  });
}

const isolate = process.env.BENCH_ISOLATE !== '0';
const stateFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'cadre-bench-state-')), 'state.json');
const cleanupAll = async () => {
  await closeBenchDatabases();
  await cleanupSharedState(stateFile);
  rmSync(path.dirname(stateFile), { recursive: true, force: true });
};
if (isolate) {
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      console.error(`\n${sig}: cleaning up bench databases…`);
      void cleanupAll().finally(() => process.exit(130));
    });
  }
} else installSignalCleanup();
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
const selected = only?.length ? BENCHES.filter((b) => only.includes(b.name)) : BENCHES;
const cpu = os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const busy = () => os.loadavg()[0] > os.cpus().length * 0.75;
console.log(
  `cadre-atlas bench — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GB, load average ${load()}\n` +
    `cadres ${config.cadres.toLocaleString('en')}${config.quick ? ' (BENCH_QUICK)' : ''}, databases ${config.dbs.join('+')}, ` +
    `${config.iterations} timed requests + ${config.warmup} warm-up, baseline ${config.baselineIterations}, load ${config.loadSeconds} s × ${config.loadConnections} conn\n` +
    `benches: ${selected.map((b) => b.name).join(', ') || '(none)'}${isolate ? ' (each in a process of its own)' : ' (one process: BENCH_ISOLATE=0)'}`,
);

if (busy()) console.log(`WARNING: the machine is busy (load average ${load()} on ${os.cpus().length} cores) — latencies will be inflated`);

const t0 = performance.now();
const rows: SummaryRow[] = [];
let crashed = false;
try {
  for (const b of selected) {
    if (isolate) {
      const r = await runChild(b.name, stateFile);
      rows.push(...r.rows);
      crashed ||= r.crashed;
      continue;
    }
    try {
      rows.push(...(await b.run()));
    } catch (e) {
      crashed = true;
      console.error(`bench ${b.name} crashed:`, e);
    }
  }
} finally {
  await cleanupAll();
}

printTable(
  `══ summary (${((performance.now() - t0) / 1000).toFixed(0)} s) ══`,
  ['bench', 'database', 'cadres', 'scenario', 'median ms', 'p95 ms', 'target p95', 'result', 'baseline median', 'ratio', 'req/s (load)', 'note'],
  rows.map((r) => [
    r.bench,
    r.engine,
    r.cadres.toLocaleString('en'),
    r.scenario,
    r.median != null ? ms(r.median) : '',
    r.p95 != null ? ms(r.p95) : '',
    r.targetP95 != null ? `≤ ${r.targetP95} ms` : '',
    r.status === 'MISSED' ? 'FAIL (MISSED)' : r.status,
    r.baselineMedian != null ? ms(r.baselineMedian) : '',
    r.median != null && r.baselineMedian != null ? ratio(r.median, r.baselineMedian) : '',
    r.rps != null ? r.rps.toFixed(1) : '',
    r.note ?? '',
  ]),
);
const missed = rows.filter((r) => r.status === 'MISSED');
if (missed.length) {
  console.log(`\n!!!!!!!! MISSED ${missed.length} target(s): ${missed.map((r) => `${r.bench} on ${r.engine} (p95 ${ms(r.p95!)} ms > ${r.targetP95} ms)`).join('; ')} !!!!!!!!`);
} else if (rows.some((r) => r.status === 'PASS')) console.log('\nall measured targets met');
console.log(`load average at the end: ${load()}${busy() ? ' — BUSY machine: treat absolute figures with care; the ratios to the same-run baseline are more robust' : ''}`);
for (const r of rows.filter((x) => x.status === 'SKIPPED' || x.status === 'ERROR')) console.log(`${r.status}: ${r.bench} on ${r.engine} — ${r.note}`);
process.exit(crashed || rows.some((r) => r.status === 'ERROR') ? 1 : 0);
