import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../apps/api/src/app';
import { AppConfig, loadConfig } from '../../apps/api/src/config';
import { Clock } from '../../apps/api/src/common/clock';
import { PlanCommands } from '../../apps/api/src/approval/plan-commands';
import type { Actor, PlanCommand } from '@vufo/domain';
import { PlanEntity } from '@vufo/persistence';
import type { EntityManager } from 'typeorm';
import { stateFile, TEMPLATE_DB, withDatabase } from './global-setup';

export interface TestApp {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  url: string;
  databaseUrl: string;
  clock: Clock;
  config: AppConfig;
  /** Logs in and returns an authorised request builder for that user. */
  as: (login: string, password?: string) => Promise<AuthedClient>;
  sql: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
}

export interface AuthedClient {
  token: string;
  user: { id: string; login: string; displayName: string; organizationId: string; roles: string[] };
  get: (path: string) => request.Test;
  post: (path: string, body?: object) => request.Test;
  patch: (path: string, body?: object) => request.Test;
  delete: (path: string) => request.Test;
}

export const DEMO_PW = 'demo-2026';

/** A fresh database cloned from the migrated template, or with nothing in it (`empty`). */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<string> {
  const { adminUrl } = JSON.parse(readFileSync(stateFile(), 'utf8')) as { adminUrl: string };
  const name = `vufo_test_${randomBytes(6).toString('hex')}`;
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "${opts.empty ? 'template0' : TEMPLATE_DB}"`);
  } finally {
    await c.end();
  }
  return withDatabase(adminUrl, name);
}

export async function startTestApp(
  opts: { seedDemo?: boolean; databaseUrl?: string; env?: Record<string, string>; clockAt?: Date } = {},
): Promise<TestApp> {
  const databaseUrl = opts.databaseUrl ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: '.data-test/app',
    JWT_SECRET: 'test-secret-not-for-production-0123456789',
    SEED_DEMO: String(opts.seedDemo ?? true),
    LOG_LEVEL: 'silent',
    TIMER_POLL_MS: '100',
    ...opts.env,
  });
  const app = await createApp(config, databaseUrl, { clockAt: opts.clockAt });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const server = app.getHttpServer();
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  const http = () => request(server);
  const as = async (login: string, password = DEMO_PW): Promise<AuthedClient> => {
    const res = await http().post('/api/auth/login').send({ login, password });
    if (res.status !== 200)
      throw new Error(`login ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const token = res.body.accessToken as string;
    const auth = (t: request.Test) => t.set('Authorization', `Bearer ${token}`);
    return {
      token,
      user: res.body.user,
      get: (p) => auth(http().get(p)),
      post: (p, b) => auth(http().post(p)).send(b ?? {}),
      patch: (p, b) => auth(http().patch(p)).send(b ?? {}),
      delete: (p) => auth(http().delete(p)),
    };
  };
  return {
    app,
    http,
    url,
    databaseUrl,
    clock: app.get(Clock),
    config,
    as,
    sql: async (text, params) => (await pg.query(text, params)).rows,
    close: async () => {
      await pg.end();
      await app.close();
    },
  };
}

/**
 * The Submit command the API would send for a plan, built by the API's own PlanCommands from the
 * rows in `em`: the worker's activity tests write it as a workflow would, without the API app
 * being imported by another app's tests.
 */
export async function submitCommandFor(
  t: TestApp,
  em: EntityManager,
  planId: string,
  actor: Actor,
): Promise<PlanCommand> {
  const cmds = t.app.get(PlanCommands);
  const plan = await em.getRepository(PlanEntity).findOneByOrFail({ id: planId });
  const content = await cmds.contentOf(em, plan);
  const agencies = await cmds.agenciesOf(em, plan.organizationId);
  return { type: 'Submit', actor, content, agencies } as PlanCommand;
}
