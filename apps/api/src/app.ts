import type { Server } from 'node:http';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runMigrations } from '@vufo/persistence';
import { AppModule } from './app.module';
import { AppConfig } from './config';
import { IdentityService } from './identity/identity.service';
import { DemoSeeder } from './seed/demo-seeder';
import { Clock } from './common/clock';
import { QuietStartLogger } from './common/logging';
import { apiDocument } from './common/openapi';
import { NormsService } from './norms/norms.service';

/**
 * Builds the whole application on a database URL: migrations, the first administrator, the demo
 * data (once, on an empty database), then the Nest app. `main.ts` and the tests both start here.
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  opts: { clockAt?: Date } = {},
): Promise<NestExpressApplication> {
  await runMigrations(databaseUrl);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(new QuietStartLogger(app.get(Logger), !config.production));
  app.setGlobalPrefix('api', { exclude: [] });
  app.use(json({ limit: config.bodyLimit, type: ['application/json', 'application/*+json'] }));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
        },
      },
    }),
  );
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins });
  app.set('trust proxy', 'loopback');
  app.set('etag', false);
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  mountDocs(app);
  serveWeb(app, config);

  if (opts.clockAt) app.get(Clock).setNow(opts.clockAt);
  await app.get(NormsService).seedDefaults();
  const identity = app.get(IdentityService);
  await identity.ensureAdministrator();
  if (config.seedDemo) await app.get(DemoSeeder).seedOnce();
  await app.init();
  // Kept-alive connections outlive a proxy's idle timeout (60 s at most load balancers, compose
  // included): with Node's 5 s default the server closed sockets a client was about to reuse, and
  // the client saw ECONNRESET on a request that never arrived.
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return app;
}

function mountDocs(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, apiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/** The built web UI (apps/web/dist) on the same port; any non-API path falls back to index.html. */
function serveWeb(app: NestExpressApplication, config: AppConfig): void {
  const index = join(config.webDir, 'index.html');
  if (!existsSync(index)) return;
  app.useStaticAssets(config.webDir, { index: false, maxAge: '1h' });
  const http = app.getHttpAdapter().getInstance() as import('express').Express;
  http.get(/^\/(?!api(\/|$)).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
