import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations, startEmbeddedPostgres } from '@vufo/persistence';

/**
 * One real PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL's server), a template
 * database migrated once, and every test file clones it: files run in parallel, never share rows.
 */
export const TEMPLATE_DB = 'vufo_test_template';
export const STATE_FILE = join(__dirname, '..', '..', '..', '..', '.data-test', 'server.json');

export default async function globalSetup(): Promise<void> {
  const dataDir = join(__dirname, '..', '..', '..', '..', '.data-test');
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
  writeFileSync(STATE_FILE, JSON.stringify({ adminUrl }));
}

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
