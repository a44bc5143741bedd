import { Global, Module } from '@nestjs/common';
import { DataSourceModule } from '@vufo/persistence';
import { Clock } from '../common/clock';
import { Tx } from '../common/transaction';

export { DATABASE_URL } from '@vufo/persistence';

/** The API's database seam: the shared DataSource, the request's transaction (Tx) and the Clock. */
@Global()
@Module({
  imports: [DataSourceModule],
  providers: [Tx, Clock],
  exports: [DataSourceModule, Tx, Clock],
})
export class DatabaseModule {}
