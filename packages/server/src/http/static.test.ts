/** Serving the built web app: precompressed variants, cache headers, SPA fallback, 404s. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, REVALIDATE, staticWeb } from './static';

let dir: string;
let app: FastifyInstance;
const JS = `export const roster = ${JSON.stringify('干部名册 '.repeat(400))};\n`;
const HTML = '<!doctype html><html><head><meta charset="UTF-8"></head><body><div id="root"></div></body></html>';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cadre-static-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), HTML);
  const js = path.join(dir, 'assets/Roster-abc123.js');
  writeFileSync(js, JS);
  writeFileSync(`${js}.br`, brotliCompressSync(JS));
  writeFileSync(`${js}.gz`, gzipSync(JS));
  app = Fastify();
  await app.register(staticWeb, { root: dir });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding = '') => app.inject({ method: 'GET', url, headers: { 'accept-encoding': acceptEncoding } });

describe('static web app', () => {
  it('hashed assets: the precompressed variant the browser accepts, cached as immutable', async () => {
    const br = await get('/assets/Roster-abc123.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(JS);

    const gz = await get('/assets/Roster-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(JS);

    const plain = await get('/assets/Roster-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(JS);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('index.html and every app route (SPA fallback) must be revalidated', async () => {
    for (const url of ['/', '/index.html', '/cadres', '/cadres/12?tab=audit', '/login']) {
      const r = await get(url, 'br');
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type'], url).toMatch(/^text\/html/);
      expect(r.headers['cache-control'], url).toBe(REVALIDATE);
      expect(r.body, url).toBe(HTML);
    }
  });

  it('a missing hashed asset is a 404, not index.html served as JavaScript; unknown API paths answer JSON', async () => {
    const asset = await get('/assets/Roster-oldhash.js');
    expect(asset.statusCode).toBe(404);
    expect(asset.headers['content-type']).not.toMatch(/html/);
    const api = await get('/api/nope');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'not_found' });
  });
});
