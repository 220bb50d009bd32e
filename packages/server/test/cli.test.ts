/** The command line as an operator meets it: one clear line for a wrong setting, and a backup/restore round trip. */
import { describe, expect, it } from 'vitest';
import { spawnSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const main = path.join(root, 'packages/server/src/cli/main.ts');
const cli = (args: string[], env: Record<string, string | undefined> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', TEST_DATABASE_URL: '', ...env },
    timeout: 120_000,
  });

describe('command line', () => {
  it('stops with one clear line for a bad DATABASE_URL', () => {
    const r = cli(['migrate'], { DATABASE_URL: 'mysql://nobody@localhost/x' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: DATABASE_URL is not a postgres:\/\/ URL/);
  });

  it('stops with one clear line when PostgreSQL cannot be reached', () => {
    const r = cli(['migrate'], { DATABASE_URL: 'postgres://u:secret@127.0.0.1:1/db' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot connect to DATABASE_URL/);
    expect(r.stderr).not.toContain('secret');
  });

  it('stops with one clear line for an unwritable DATA_DIR', () => {
    const r = cli(['migrate'], { DATA_DIR: '/etc/hostname/data' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/DATA_DIR "\/etc\/hostname\/data" is not a writable directory/);
  });

  it('stops with one clear line for a bad PORT', () => {
    const r = cli(['serve'], { PORT: 'abc' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('error: PORT must be an integer 0–65535, got "abc"');
  });

  it('stops with one clear line when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((res) => blocker.listen(0, '0.0.0.0', () => res()));
    const port = (blocker.address() as { port: number }).port;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cadre-cli-'));
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const p = spawn(process.execPath, ['--import', 'tsx', main, 'serve'], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: '', PORT: String(port), DATA_DIR: dataDir, DEMO: '0', ADMIN_PASSWORD: 'admin-password-1' },
      });
      let stderr = '';
      p.stderr.on('data', (d) => (stderr += d));
      p.on('exit', (code) => resolve({ code, stderr }));
    });
    blocker.close();
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`error: port ${port} is already in use (set PORT to another port)`);
  });

  it('migrates, seeds, creates a user, backs up and restores through the CLI', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cadre-cli-'));
    const env = { DATA_DIR: dataDir };
    const seed = cli(['seed', '--cadres', '60'], env);
    expect(seed.status, seed.stderr).toBe(0);
    expect(seed.stdout).toMatch(/seeded 60 cadres/);
    const file = path.join(dataDir, 'backup.json.gz');
    const b = cli(['backup', file], env);
    expect(b.status, b.stderr).toBe(0);
    expect(existsSync(file)).toBe(true);
    const rows = Number(/: (\d+) rows/.exec(b.stdout)![1]);
    const u = cli(['create-user', '--username', 'later', '--role', 'cadre', '--password', 'a-long-password'], env);
    expect(u.status, u.stderr).toBe(0);
    const weak = cli(['create-user', '--username', 'weak', '--role', 'cadre', '--password', 'short'], env);
    expect(weak.status).toBe(1);
    const badRole = cli(['create-user', '--username', 'x', '--role', 'boss'], env);
    expect(badRole.stderr).toMatch(/--role must be one of/);
    const r = cli(['restore', file], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`restored ${file}: ${rows} rows`);
    // the user created after the backup is gone; a second backup matches the first in size of content
    const b2 = cli(['backup', path.join(dataDir, 'b2.json.gz')], env);
    const rows2 = Number(/: (\d+) rows/.exec(b2.stdout)![1]);
    expect(rows2).toBe(rows + 1); // +1: the audit entry of the restore itself
  });
});
