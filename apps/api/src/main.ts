import type { AddressInfo } from 'node:net';
import { loadConfig } from './config';
import { resolveDatabase } from '@vufo/persistence';
import { createApp } from './app';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-data';

/* eslint-disable no-console -- the start banner is for the person at the terminal */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const { url, embedded } = await resolveDatabase(
    { DATABASE_URL: config.databaseUrl, DATA_DIR: config.dataDir },
    (m) => process.env.DEBUG_PG && console.error(`[postgres] ${m}`),
  );
  let stopping = false;
  const stop = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: shutting down`);
    try {
      await app?.close();
    } finally {
      await embedded?.stop();
      process.exit(code);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    app = await createApp(config, url);
    await app.listen(config.port, config.host);
  } catch (err) {
    console.error(err);
    await embedded?.stop();
    process.exit(1);
  }
  // PORT=0 lets the system choose; the printed URL names the port actually bound.
  const bound = (app.getHttpServer().address() as AddressInfo | null)?.port ?? config.port;
  const base = `http://localhost:${bound}`;
  console.log(`\nKế hoạch đối ngoại nhân dân is running at ${base}  (ready in ${Date.now() - started} ms)`);
  console.log(`  API docs: ${base}/api/docs   health: ${base}/api/health`);
  console.log(`  database: ${embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL'}`);
  if (!config.production) {
    console.log(
      `  administrator: ${config.adminLogin} / ${config.adminPasswordFromEnv ? '(from ADMIN_PASSWORD)' : config.adminPassword}`,
    );
    if (config.seedDemo) {
      console.log(`  demo logins (password "${DEMO_PASSWORD}"):`);
      for (const u of DEMO_USERS)
        console.log(`    ${u.login.padEnd(18)} ${u.roles.join(', ').padEnd(28)} ${u.organizationCode}`);
    }
  }
}

void main();
