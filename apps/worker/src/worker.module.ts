import { DynamicModule, Module } from '@nestjs/common';
import { ReadModels } from '../../api/src/approval/read-models';
import { DATABASE_URL, DatabaseModule } from '../../api/src/database/database.module';
import { Notifier } from '../../api/src/notifications/notifier';

/**
 * The worker's container: the database and the services the activities need (read models and the
 * notification outbox), the very classes the API uses. No HTTP, no timers of its own.
 */
@Module({})
export class WorkerModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      global: true,
      imports: [DatabaseModule],
      providers: [{ provide: DATABASE_URL, useValue: databaseUrl }, Notifier, ReadModels],
      exports: [DATABASE_URL, ReadModels],
    };
  }
}
