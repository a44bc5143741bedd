import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations, startEmbeddedPostgres } from '@vufo/persistence';

/**
 * One real PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL's server), a template
 * database migrated once, and every test file clones it: files run in parallel, never share rows.
 * Each run has its own folder, so two runs at once (two terminals, two developers' jobs) never meet.
 */
export const TEMPLATE_DB = 'vufo_test_template';
const ROOT = join(__dirname, '..', '..', '.data-test');

/** Where this run keeps its server's address; the workers inherit the variable. */
export function stateFile(): string {
  const file = process.env.VUFO_TEST_STATE;
  if (!file || !existsSync(file)) throw new Error('No test database server: run the tests through jest.');
  return file;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function globalSetup(): Promise<void> {
  mkdirSync(ROOT, { recursive: true });
  for (const dir of readdirSync(ROOT)) {
    const pid = Number(/^run-(\d+)$/.exec(dir)?.[1]);
    if (pid && !alive(pid)) rmSync(join(ROOT, dir), { recursive: true, force: true });
  }
  const dataDir = join(ROOT, `run-${process.pid}`);
  mkdirSync(dataDir, { recursive: true });
  let adminUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    const server = await startEmbeddedPostgres(dataDir);
    (globalThis as { __PG__?: unknown }).__PG__ = server;
    adminUrl = server.url('postgres');
  }
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // Databases left by an interrupted run go first, so the data folder does not grow.
    const old = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'vufo_test_%'`);
    for (const r of old.rows) await client.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  } finally {
    await client.end();
  }
  await runMigrations(withDatabase(adminUrl, TEMPLATE_DB));
  const file = join(dataDir, 'server.json');
  writeFileSync(file, JSON.stringify({ adminUrl }));
  process.env.VUFO_TEST_STATE = file;
}

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
