import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@vufo/persistence';
import { Clock } from '../common/clock';
import { Tx } from '../common/transaction';

export const DATABASE_URL = Symbol('DATABASE_URL');

@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [DATABASE_URL],
      useFactory: async (url: string) => new DataSource(dataSourceOptions(url)).initialize(),
    },
    Tx,
    Clock,
  ],
  exports: [DataSource, Tx, Clock],
})
export class DatabaseModule implements OnApplicationShutdown {
  private closing?: Promise<void>;

  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** Nest may call this hook more than once per instance (module and provider); the pool ends once. */
  onApplicationShutdown(): Promise<void> {
    this.closing ??= this.ds.isInitialized ? this.ds.destroy() : Promise.resolve();
    return this.closing;
  }
}
