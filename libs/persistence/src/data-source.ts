import { DataSource, DataSourceOptions } from 'typeorm';
import {
  ActivityEntity,
  BudgetLineEntity,
  CycleEntity,
  NormRuleEntity,
  OrganizationEntity,
  PlanEntity,
  ProposalEntity,
  UserEntity,
} from './entities';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  CycleEntity,
  PlanEntity,
  ActivityEntity,
  BudgetLineEntity,
  ProposalEntity,
  NormRuleEntity,
];

/** The one place that says how the application talks to PostgreSQL. `synchronize` is never on. */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    extra: { max: 20, application_name: 'vufo-plans' },
    ...extra,
  } as DataSourceOptions;
}

/** Any number from the app's own range; only migrations take it. */
const MIGRATION_LOCK = 7_305_391_270;

/**
 * Migrates to the latest schema. Several processes start at once in production (API replicas, the
 * Temporal worker) and TypeORM takes no lock of its own: two of them migrating an empty database
 * together collided. A session advisory lock makes them take turns; the later ones find nothing left to do.
 */
export async function runMigrations(url: string): Promise<void> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  const lock = ds.createQueryRunner();
  try {
    await lock.connect();
    await lock.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK]);
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await lock.release();
    await ds.destroy();
  }
}
