/** Configuration from the environment. A wrong setting stops start-up with one clear line. */
import { ConfigError } from './db/client';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminPassword?: string;
  logLevel: string;
  demo: boolean;
  demoCadres: number;
  cookieSecure: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be an integer 0–65535, got "${env.PORT}"`);
  const demoCadres = env.DEMO_CADRES ? Number(env.DEMO_CADRES) : 2000;
  if (!Number.isInteger(demoCadres) || demoCadres < 0) throw new ConfigError(`DEMO_CADRES must be a non-negative integer, got "${env.DEMO_CADRES}"`);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: env.DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    demo: env.DEMO !== '0' && env.DEMO !== 'false',
    demoCadres,
    cookieSecure: env.COOKIE_SECURE === '1' || env.COOKIE_SECURE === 'true',
  };
}
