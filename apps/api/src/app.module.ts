import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { LoggerModule } from 'nestjs-pino';
import { createSecretKey, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { logDestination, requestSerializers } from './common/logging';
import { ProblemFilter } from './common/problem.filter';
import { validationPipe } from './common/validation';
import { AuditModule } from './audit/audit.module';
import { APP_CONFIG, AppConfig } from './config';
import { ClustersModule } from './clusters/clusters.module';
import { ConsolidationsModule } from './consolidations/consolidations.module';
import { CyclesModule } from './cycles/cycles.module';
import { DATABASE_URL, DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { AuthGuard } from './identity/auth.guard';
import { IdentityModule } from './identity/identity.module';
import { MergersModule } from './mergers/mergers.module';
import { NormsModule } from './norms/norms.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PlansModule } from './plans/plans.module';
import { ProposalsModule } from './proposals/proposals.module';
import { TimersModule } from './timers/timers.module';
import { ReviewsModule } from './reviews/reviews.module';
import { DemoSeedModule } from './seed/demo-seed.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          // Express 5 route syntax; the default '*' makes Nest log a legacy-route warning at start.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: [
            {
              level: config.logLevel,
              genReqId: (req: IncomingMessage, res: ServerResponse) => {
                const given = req.headers['x-request-id'];
                const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
                // Echoed so a user's error report can be matched with the server's log lines.
                res.setHeader('X-Request-Id', id);
                return id;
              },
              serializers: requestSerializers,
              customProps: () => ({ service: 'api' }),
              autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
            },
            logDestination(config.production) ?? process.stdout,
          ],
        }),
        JwtModule.register({
          global: true,
          // A KeyObject, not the string: jsonwebtoken otherwise tries (and fails) to parse the
          // string as a public key on every verify, a thrown exception per request (bench/README).
          secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
          signOptions: { expiresIn: config.jwtTtl as '8h', algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        DatabaseModule,
        // One module per capability, each exporting its service only.
        IdentityModule,
        NormsModule,
        CyclesModule,
        ClustersModule,
        PlansModule,
        ReviewsModule,
        AuditModule,
        NotificationsModule,
        ProposalsModule,
        MergersModule,
        ConsolidationsModule,
        TimersModule,
        HealthModule,
        DemoSeedModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: databaseUrl },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: validationPipe },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [APP_CONFIG, DATABASE_URL],
    };
  }
}
