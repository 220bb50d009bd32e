/** What a bench script exports for bench/run.ts, and the row it reports for the summary table. */
import type { Engine } from './db';

export interface SummaryRow {
  bench: string;
  engine: Engine;
  cadres: number;
  /** what was measured, e.g. "3 filters, page of 50" */
  scenario: string;
  median?: number;
  p95?: number;
  /** p95 target in ms, when the scenario has one */
  targetP95?: number;
  baselineMedian?: number;
  baselineP95?: number;
  /** autocannon throughput, requests/s */
  rps?: number;
  status: 'PASS' | 'MISSED' | 'SKIPPED' | 'ERROR' | 'INFO';
  note?: string;
}

export interface Bench {
  name: string;
  description: string;
  run(): Promise<SummaryRow[]>;
}
