import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';

/** The database URL a host process passes in (the API's config, the worker's environment). */
export const DATABASE_URL = Symbol('DATABASE_URL');

/**
 * The one TypeORM DataSource of a process, for both apps' containers (the API and the Temporal
 * worker): opened from DATABASE_URL, closed once on shutdown.
 */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [DATABASE_URL],
      useFactory: async (url: string) => new DataSource(dataSourceOptions(url)).initialize(),
    },
  ],
  exports: [DataSource],
})
export class DataSourceModule implements OnApplicationShutdown {
  private closing?: Promise<void>;

  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** Nest may call this hook more than once per instance (module and provider); the pool ends once. */
  onApplicationShutdown(): Promise<void> {
    this.closing ??= this.ds.isInitialized ? this.ds.destroy() : Promise.resolve();
    return this.closing;
  }
}
