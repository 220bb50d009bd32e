/** Serves the built web app (packages/web/dist) with an SPA fallback to index.html. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export async function staticWeb(app: FastifyInstance) {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    app.get('/', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/html; charset=utf-8').send('<h1>Cadre Atlas API</h1><p>Web app not built: run <code>npm run build</code>. API docs: <a href="/api/docs">/api/docs</a></p>'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, preCompressed: false });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send({ error: 'not_found', message: '接口不存在', messageEn: 'no such endpoint' });
    return reply.sendFile('index.html');
  });
}
