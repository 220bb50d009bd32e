/**
 * Generation and load timings: node --import tsx packages/server/src/cli/seed/bench-seed.ts --cadres 100000
 * Options: --cadres N (2000), --seed S, --fk (keep FK checks on), --data-dir DIR (PGlite on disk; default in-memory),
 * --url postgres://… (PostgreSQL instead of PGlite), --per-table.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { generateDistrict } from './generate';
import { loadDataset } from './load';

const { values } = parseArgs({
  options: {
    cadres: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '20261121' },
    fk: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    url: { type: 'string' },
    'per-table': { type: 'boolean', default: false },
  },
});
const cadres = Number(values.cadres);
const seed = Number(values.seed);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const t0 = performance.now();
const database = await openDatabase({ url: values.url, dataDir: values['data-dir'] });
await runMigrations(database);
const tMig = performance.now();
console.log(`open + migrate (${database.kind}): ${s(tMig - t0)}`);

const g0 = performance.now();
const ds = generateDistrict({ seed, cadres });
const g1 = performance.now();
const rows = Object.entries(ds).filter(([k]) => k !== 'meta').reduce((n, [, v]) => n + (v as unknown[]).length, 0);
console.log(`generate ${cadres} cadres (${ds.orgUnit.length} units, ${ds.team.length} teams, ${rows} rows, lite=${ds.meta.lite}): ${s(g1 - g0)}`);

const res = await loadDataset(database, ds, {
  checkForeignKeys: values.fk,
  onTable: values['per-table'] ? (t, n, ms) => console.log(`  ${t.padEnd(20)} ${String(n).padStart(9)} rows ${s(ms)}`) : undefined,
});
console.log(`load (fk checks ${res.fkChecks ? 'on' : 'off'}): ${s(res.ms - res.analyzeMs)} (of which index rebuild ${s(res.indexMs)}) + analyze ${s(res.analyzeMs)}`);
console.log(`generate + load: ${s(g1 - g0 + res.ms)}  (heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB)`);
await database.close();
