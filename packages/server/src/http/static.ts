/**
 * Serves the built web app (packages/web/dist) with an SPA fallback to index.html.
 *
 * - Precompressed assets: the web build writes `.br` and `.gz` next to every text asset
 *   (packages/web/vite.config.ts, `precompress`); they are sent when the browser accepts them, so
 *   there is no compression work per request.
 * - Caching: files under /assets/ carry a content hash in their name → cached for a year as
 *   `immutable`; index.html (and the SPA fallback) → `no-cache`, so a new build is picked up at once.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** hashed build output (vite writes it to dist/assets/<name>-<hash>.<ext>) */
const isHashedAsset = (file: string) => file.split(path.sep).includes('assets');

export interface StaticWebOptions {
  /** the built web app; default packages/web/dist */
  root?: string;
}

export async function staticWeb(app: FastifyInstance, opts: StaticWebOptions = {}) {
  const root = opts.root ?? WEB_DIST;
  if (!existsSync(path.join(root, 'index.html'))) {
    app.get('/', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/html; charset=utf-8').send('<h1>Cadre Atlas API</h1><p>Web app not built: run <code>npm run build</code>. API docs: <a href="/api/docs">/api/docs</a></p>'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header('cache-control', isHashedAsset(path.relative(root, file)) ? IMMUTABLE : REVALIDATE);
    },
  });
  const sendIndex = (reply: FastifyReply) => reply.header('cache-control', REVALIDATE).sendFile('index.html');
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send({ error: 'not_found', message: '接口不存在', messageEn: 'no such endpoint' });
    // a hashed file of another build: a 404, not index.html served as JavaScript
    if (req.url.startsWith('/assets/')) return reply.status(404).type('text/plain; charset=utf-8').send('not found');
    return sendIndex(reply);
  });
}
