import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations, startEmbeddedPostgres } from '@vufo/persistence';
import { findTemporalCli, startTemporalDevServer } from './temporal-server';

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
  await startTemporal();
}

/**
 * The suites that run the chain over HTTP run on both hosts when a Temporal server is at hand:
 * TEMPORAL_ADDRESS's, or a development server started here from the Temporal CLI. CI installs the
 * CLI (scripts/setup-temporal.sh) and fails without it; elsewhere the run says which host ran.
 */
async function startTemporal(): Promise<void> {
  if (process.env.TEMPORAL_ADDRESS) {
    console.warn(
      `\napproval hosts: embedded and temporal (TEMPORAL_ADDRESS=${process.env.TEMPORAL_ADDRESS})`,
    );
    return;
  }
  const cli = findTemporalCli();
  if (!cli) {
    const how =
      'no Temporal CLI found (TEMPORAL_CLI_PATH, .tools/temporal, PATH): run scripts/setup-temporal.sh';
    if (process.env.CI) throw new Error(`CI runs the Temporal host too, but ${how}`);
    console.warn(`\napproval hosts: embedded only — ${how}`);
    return;
  }
  const env = await startTemporalDevServer(cli);
  (globalThis as { __TEMPORAL__?: unknown }).__TEMPORAL__ = env;
  // The workers inherit it: test/support/hosts.ts adds the Temporal host when it is set.
  process.env.TEMPORAL_ADDRESS = env.address;
  console.warn(`\napproval hosts: embedded and temporal (development server ${env.address} from ${cli})`);
}

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
