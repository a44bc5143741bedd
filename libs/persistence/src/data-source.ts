import { DataSource, DataSourceOptions } from 'typeorm';
import {
  ActivityEntity,
  BudgetLineEntity,
  CycleEntity,
  EventEntity,
  IdempotencyEntity,
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
  EventEntity,
  IdempotencyEntity,
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

export async function runMigrations(url: string): Promise<void> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}
