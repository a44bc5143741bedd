import { NestFactory } from '@nestjs/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppModule } from './app.module';
import { apiDocument } from './common/openapi';
import { loadConfig } from './config';

/**
 * Writes the OpenAPI document to a file without a database or a server: Nest's preview mode scans
 * the modules and their controllers but creates no provider, so no connection is ever opened.
 * `node dist/apps/api/src/openapi.js [out.json]` (npm run openapi); the default is dist/openapi.json.
 */
async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'dist/openapi.json');
  // A fixed secret: loadConfig would otherwise create one in DATA_DIR, and nothing is signed here.
  const config = loadConfig({ JWT_SECRET: 'openapi-document', LOG_LEVEL: 'silent', TIMERS: 'false' });
  const app = await NestFactory.create(AppModule.forRoot(config, 'postgres://unused'), {
    preview: true,
    abortOnError: false,
    logger: false,
  });
  app.setGlobalPrefix('api');
  const doc = apiDocument(app);
  await app.close();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
