import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { DECORATORS, OpenAPIObject } from '@nestjs/swagger';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppModule } from './app.module';
import { apiDocument } from './common/openapi';
import { loadConfig } from './config';

/**
 * Writes the OpenAPI document to a file without a database or a server: Nest's preview mode scans
 * the modules and their controllers but creates no provider, so no connection is ever opened.
 * `node dist/apps/api/src/openapi.js [out.json]` (npm run openapi); the default is dist/openapi.json.
 * It fails when an operation's documented success status is not the one its route answers with.
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
  checkSuccessStatuses(app, doc);
  await app.close();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
}

/**
 * The documented success status of each operation is the one Nest answers with (@HttpCode, else 201
 * for POST and 200 for the rest): @Ok/@Created/@NoContent are declarations, so they are checked here.
 */
function checkSuccessStatuses(app: INestApplication, doc: OpenAPIObject): void {
  const documented = new Map<string, string[]>();
  for (const item of Object.values(doc.paths))
    for (const op of Object.values(item) as { operationId?: string; responses?: object }[])
      if (op?.operationId)
        documented.set(
          op.operationId,
          Object.keys(op.responses ?? {}).filter((c) => c < '300'),
        );
  const wrong: string[] = [];
  for (const module of app.get(ModulesContainer).values())
    for (const { metatype } of module.controllers.values()) {
      const controller = metatype as Type<unknown>;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name] as object;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const status =
          Reflect.getMetadata(HTTP_CODE_METADATA, handler) ?? (method === RequestMethod.POST ? 201 : 200);
        const id = (Reflect.getMetadata(DECORATORS.API_OPERATION, handler) as { operationId?: string })
          ?.operationId;
        const codes = id ? documented.get(id) : undefined;
        if (codes?.length !== 1 || Number(codes[0]) !== status)
          wrong.push(
            `${controller.name}.${name}: answers ${status}, documented ${codes?.join(', ') || 'nothing'}`,
          );
      }
    }
  if (wrong.length) throw new Error(`Success statuses that the document gets wrong:\n${wrong.join('\n')}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
