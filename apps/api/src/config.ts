import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Every setting the application reads, with its default; the README's configuration table mirrors this. */
export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminLogin: string;
  adminPassword: string;
  adminPasswordFromEnv: boolean;
  seedDemo: boolean;
  approvalEngine: 'embedded' | 'temporal';
  temporalAddress?: string;
  temporalNamespace: string;
  temporalTaskQueue: string;
  smtpUrl?: string;
  mailFrom: string;
  jwtSecret: string;
  jwtTtl: string;
  production: boolean;
  logLevel: string;
  corsOrigins: string[];
  bodyLimit: string;
  /** Public holidays for SLA working days, YYYY-MM-DD, comma separated; defaults to the built-in list. */
  holidays?: string[];
  /** Run the timer poller in this process (false for a pure read replica). */
  timers: boolean;
  timerPollMs: number;
  webDir: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.DATA_DIR ?? './.data');
  const engine = env.APPROVAL_ENGINE ?? 'embedded';
  if (engine !== 'embedded' && engine !== 'temporal') {
    throw new Error(`APPROVAL_ENGINE must be "embedded" or "temporal", not "${engine}"`);
  }
  if (engine === 'temporal' && !env.TEMPORAL_ADDRESS) {
    throw new Error('APPROVAL_ENGINE=temporal needs TEMPORAL_ADDRESS');
  }
  if (production && !env.JWT_SECRET) throw new Error('JWT_SECRET must be set in production');
  if (production && !env.ADMIN_PASSWORD) throw new Error('ADMIN_PASSWORD must be set in production');
  return {
    port: intFrom(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    adminLogin: env.ADMIN_LOGIN ?? 'admin',
    adminPassword: env.ADMIN_PASSWORD ?? 'admin-demo-2026',
    adminPasswordFromEnv: Boolean(env.ADMIN_PASSWORD),
    seedDemo: (env.SEED_DEMO ?? 'true') !== 'false',
    approvalEngine: engine,
    temporalAddress: env.TEMPORAL_ADDRESS || undefined,
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    temporalTaskQueue: env.TEMPORAL_TASK_QUEUE ?? 'plan-approval',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Kế hoạch đối ngoại <no-reply@localhost>',
    jwtSecret: env.JWT_SECRET ?? persistentSecret(dataDir),
    jwtTtl: env.JWT_TTL ?? '8h',
    production,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    bodyLimit: env.BODY_LIMIT ?? '1mb',
    holidays: env.HOLIDAYS ? env.HOLIDAYS.split(',').map((s) => s.trim()) : undefined,
    timers: (env.TIMERS ?? 'true') !== 'false',
    timerPollMs: intFrom(env.TIMER_POLL_MS, 1000, 'TIMER_POLL_MS'),
    webDir: resolve(env.WEB_DIR ?? join(repositoryRoot(), 'apps', 'web', 'dist')),
  };
}

/** The folder holding package.json: the same from `src` (tests) and from `dist` (npm start). */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer, not "${value}"`);
  return n;
}

/** In development the JWT secret is generated once and kept in the data folder, so logins survive restarts. */
function persistentSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
