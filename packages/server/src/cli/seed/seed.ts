/** Demo data: generate the district and load it (used by `cli seed` and by the demo bootstrap). */
import type { Database } from '../../db/client';
import { type Dataset, generateDistrict } from './generate';
import { type LoadOptions, loadDataset } from './load';
import type { TableName } from './generate';

export interface SeedDemoOptions {
  seed?: number;
  cadres?: number;
  asOf?: string;
  lite?: boolean;
  load?: LoadOptions;
}

export interface SeedDemoResult {
  seed: number;
  cadres: number;
  rows: Record<TableName, number>;
  totalRows: number;
  generateMs: number;
  loadMs: number;
  analyzeMs: number;
  fkChecks: boolean;
}

export async function seedDemo(database: Database, opts: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const seed = opts.seed ?? 20261121;
  const cadres = opts.cadres ?? 2000;
  const t0 = performance.now();
  const ds: Dataset = generateDistrict({ seed, cadres, asOf: opts.asOf, lite: opts.lite });
  const generateMs = performance.now() - t0;
  const res = await loadDataset(database, ds, opts.load);
  const totalRows = Object.values(res.rows).reduce((s, n) => s + n, 0);
  return {
    seed,
    cadres,
    rows: res.rows,
    totalRows,
    generateMs: Math.round(generateMs),
    loadMs: Math.round(res.ms - res.analyzeMs),
    analyzeMs: Math.round(res.analyzeMs),
    fkChecks: res.fkChecks,
  };
}
