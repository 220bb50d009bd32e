/** The Fastify application: plugins, error mapping, authentication, and one module per domain. */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database, Db } from './db/client';
import { RulesStore } from './modules/rules/service';
import { HttpError, fromZodIssue, unauthenticated } from './http/errors';
import { SESSION_COOKIE, userForToken } from './auth/session';
import type { CurrentUser } from './auth/roles';
import { authRoutes } from './auth/routes';
import { userRoutes } from './auth/users';
import { auditRoutes } from './audit/routes';
import { rulesRoutes } from './modules/rules/routes';
import { orgRoutes } from './modules/org/routes';
import { registryRoutes } from './modules/registry/routes';
import { statsRoutes } from './modules/stats/routes';
import { teamsRoutes } from './modules/teams/routes';
import { savedFilterRoutes } from './modules/registry/saved-filters';
import { staticWeb } from './http/static';
import { interopRoutes } from './modules/interop/routes';
import { fitRoutes } from './modules/fit/routes';
import { reserveRoutes } from './modules/reserve/routes';

export interface AppContext {
  database: Database;
  db: Db;
  rules: RulesStore;
  cookieSecure: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    user: CurrentUser | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

export interface BuildOptions {
  database: Database;
  logger?: boolean | object;
  cookieSecure?: boolean;
  /** serve packages/web/dist at / (default true when it exists) */
  serveWeb?: boolean;
  loginRateLimit?: { max: number; timeWindow: number | string };
}

export type App = FastifyInstance;

export async function buildApp(opts: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: true,
    bodyLimit: 20 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: true } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorate('ctx', {
    database: opts.database,
    db: opts.database.db,
    rules: new RulesStore(opts.database.db),
    cookieSecure: opts.cookieSecure ?? false,
  });
  app.decorateRequest('user', null);

  // an empty JSON body (e.g. POST /api/auth/logout from a generic client) is "no body", not an error
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (!text.trim()) return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new HttpError(400, 'bad_json', '请求体不是合法的 JSON', 'request body is not valid JSON'), undefined);
    }
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Cadre Atlas API — 干部队伍建设研判平台',
        version: '0.1.0',
        description: 'Cadre registry (一人一档), organisation, teams and positions. Cookie session auth via /api/auth/login.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof HttpError) return reply.status(err.status).send(err.toJSON());
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext === 'querystring' ? 'query.' : err.validationContext === 'params' ? 'params.' : '';
      const issues = err.validation.map((v) => {
        const path = v.instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        return fromZodIssue({ ...(v.params as object), path, code: v.keyword, message: v.message ?? '' }, where.replace(/\.$/, ''));
      });
      const e = new HttpError(400, 'validation', `输入有误：${issues.map((i) => `${i.path}：${i.message}`).join('；')}`, `Invalid input: ${issues.map((i) => `${i.path}: ${i.messageEn}`).join('; ')}`, issues);
      return reply.status(400).send(e.toJSON());
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 429) return reply.status(429).send({ error: 'rate_limited', message: '尝试过于频繁，请稍后再试', messageEn: 'too many attempts, try again later' });
    if (status && status >= 400 && status < 500) {
      const m = (err as Error).message;
      return reply.status(status).send({ error: 'bad_request', message: m, messageEn: m });
    }
    req.log.error(err);
    return reply.status(500).send({ error: 'internal', message: '服务器内部错误', messageEn: 'internal server error' });
  });

  // authentication: every /api route except the public ones needs a session
  app.addHook('preHandler', async (req: FastifyRequest) => {
    if (!req.url.startsWith('/api/')) return;
    if (req.routeOptions.config?.public || req.url.startsWith('/api/docs')) return;
    const token = req.cookies[SESSION_COOKIE];
    const user = token ? await userForToken(app.ctx.db, token) : null;
    if (!user) throw unauthenticated();
    req.user = user;
  });

  await app.register(authRoutes, { prefix: '/api/auth', loginRateLimit: opts.loginRateLimit });
  await app.register(userRoutes, { prefix: '/api' });
  await app.register(rulesRoutes, { prefix: '/api' });
  await app.register(orgRoutes, { prefix: '/api' });
  await app.register(registryRoutes, { prefix: '/api' });
  await app.register(statsRoutes, { prefix: '/api' });
  await app.register(teamsRoutes, { prefix: '/api' });
  await app.register(savedFilterRoutes, { prefix: '/api' });
  await app.register(auditRoutes, { prefix: '/api' });
  await app.register(interopRoutes, { prefix: '/api' });
  await app.register(fitRoutes, { prefix: '/api' });
  await app.register(reserveRoutes, { prefix: '/api' });
  if (opts.serveWeb !== false) await app.register(staticWeb);
  return app as unknown as App;
}

/** the authenticated user of a request (the preHandler guarantees it on non-public routes) */
export function userOf(req: FastifyRequest): CurrentUser {
  if (!req.user) throw unauthenticated();
  return req.user;
}
