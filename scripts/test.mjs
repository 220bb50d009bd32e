#!/usr/bin/env node
/**
 * npm test: every suite, on PGlite always, on PostgreSQL when TEST_DATABASE_URL is set, and the
 * browser tests when /usr/bin/chromium is there. Names what it skipped; under CI=true a skip fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const tmp = mkdtempSync(path.join(tmpdir(), 'cadre-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedSuites = [];
const failedSuites = [];

function vitest(name, args, env = {}) {
  const out = path.join(tmp, `${name.replace(/\W+/g, '_')}.json`);
  console.log(`\n━━ ${name} ━━`);
  const r = spawnSync('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  let counted = false;
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += j.numPassedTests;
    totals.failed += j.numFailedTests;
    totals.skipped += j.numPendingTests + j.numTodoTests;
    counted = true;
    if (j.numTotalTests === 0) failedSuites.push(`${name} (ran no test)`);
  }
  if (r.status !== 0) {
    failedSuites.push(name);
    if (!counted) totals.failed += 1;
  }
}

function skip(name, why) {
  console.log(`\n━━ ${name} ━━ SKIPPED: ${why}`);
  skippedSuites.push(`${name} — ${why}`);
}

// 1. core + server on the embedded database (PGlite)
vitest('unit + API suite on PGlite', ['--project', 'unit'], { TEST_DATABASE_URL: '' });

// 2. the server suite again on a real PostgreSQL
if (process.env.TEST_DATABASE_URL) vitest('API suite on PostgreSQL', ['--project', 'server-pg']);
else skip('API suite on PostgreSQL', 'TEST_DATABASE_URL is not set (.ci/run starts a PostgreSQL and sets it)');

// 3. browser tests
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(chromium)) {
  console.log('\n━━ building the web app for the browser tests ━━');
  const b = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (b.status !== 0) {
    failedSuites.push('web build');
    totals.failed += 1;
  } else vitest('browser tests (Playwright + Chromium)', ['--project', 'e2e'], { CHROMIUM_PATH: chromium, TEST_DATABASE_URL: '' });
} else skip('browser tests (Playwright + Chromium)', `${chromium} not found (apt-get install chromium fonts-noto-cjk)`);

rmSync(tmp, { recursive: true, force: true });
console.log('\n━━ summary ━━');
for (const s of skippedSuites) console.log(`skipped suite: ${s}`);
for (const s of failedSuites) console.log(`failed suite: ${s}`);
if (ci && skippedSuites.length) console.log('CI=true: no suite may be skipped');
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed || failedSuites.length || (ci && skippedSuites.length) ? 1 : 0);
