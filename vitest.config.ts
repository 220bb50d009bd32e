import { defineConfig } from 'vitest/config';

const common = { environment: 'node' as const, testTimeout: 60_000, hookTimeout: 180_000, pool: 'forks' as const };

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      // pure domain + API through app.inject() + generator, on PGlite (or PostgreSQL when TEST_DATABASE_URL is set)
      { test: { ...common, name: 'unit', include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'] } },
      // the database-touching suites again, meant to run with TEST_DATABASE_URL set
      { test: { ...common, name: 'server-pg', include: ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'], exclude: ['packages/server/test/cli.test.ts'] } },
      // real browser against a real server
      { test: { ...common, name: 'e2e', include: ['e2e/**/*.e2e.ts'], testTimeout: 120_000, maxWorkers: 1, fileParallelism: false } },
    ],
  },
});
