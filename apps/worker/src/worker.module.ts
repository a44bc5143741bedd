import { DynamicModule, Module } from '@nestjs/common';
import { Notifier, ReadModels } from '@vufo/engine';
import { DATABASE_URL, DataSourceModule } from '@vufo/persistence';

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
      imports: [DataSourceModule],
      providers: [{ provide: DATABASE_URL, useValue: databaseUrl }, Notifier, ReadModels],
      exports: [DATABASE_URL, ReadModels],
    };
  }
}
