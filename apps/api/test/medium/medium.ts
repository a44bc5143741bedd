import { DynamicModule, Global, INestApplicationContext, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OrganizationEntity, UserEntity } from '@vufo/persistence';
import type { OrganizationKind, RoleName } from '@vufo/persistence';
import { Clock } from '../../src/common/clock';
import { APP_CONFIG, loadConfig } from '../../src/config';
import { DATABASE_URL, DatabaseModule } from '../../src/database/database.module';
import { Principal } from '../../src/identity/principal';
import { createTestDatabase } from '../../../../test/support/test-app';

/**
 * A "medium" test's world: one capability module and the database module on a fresh clone of the
 * migrated template (no demo seed), without HTTP: the test drives the capability's service and
 * reads what it wrote. Timers are off (TIMERS=false), so nothing moves but what the test does.
 */
export interface Medium {
  module: INestApplicationContext;
  clock: Clock;
  ds: DataSource;
  close: () => Promise<void>;
}

export async function startMedium(capability: Type<unknown>): Promise<Medium> {
  const databaseUrl = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: '.data-test/app',
    JWT_SECRET: 'test-secret-not-for-production-0123456789',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    TIMERS: 'false',
  });
  @Global()
  @Module({})
  class Root {
    static forRoot(): DynamicModule {
      return {
        module: Root,
        providers: [
          { provide: DATABASE_URL, useValue: databaseUrl },
          { provide: APP_CONFIG, useValue: config },
        ],
        exports: [DATABASE_URL, APP_CONFIG],
      };
    }
  }
  @Module({ imports: [Root.forRoot(), DatabaseModule, capability] })
  class MediumModule {}
  const module = await NestFactory.createApplicationContext(MediumModule, { logger: false });
  return {
    module,
    clock: module.get(Clock),
    ds: module.get(DataSource),
    close: () => module.close(),
  };
}

/** An organisation of its own for this test (codes are unique per database, the database is per file). */
export async function anOrganization(
  ds: DataSource,
  kind: OrganizationKind,
  extra: Partial<OrganizationEntity> = {},
): Promise<OrganizationEntity> {
  const repo = ds.getRepository(OrganizationEntity);
  const code = `T-${randomBytes(4).toString('hex')}`;
  return repo.save(repo.create({ code, nameVi: `Tổ chức ${code}`, nameEn: `Org ${code}`, kind, ...extra }));
}

/** A user of `org` with `roles`, and the principal a request of theirs would carry. */
export async function aUser(
  ds: DataSource,
  org: OrganizationEntity,
  roles: RoleName[],
): Promise<{ user: UserEntity; principal: Principal }> {
  const repo = ds.getRepository(UserEntity);
  const login = `u-${randomBytes(4).toString('hex')}`;
  const user = await repo.save(
    repo.create({ login, passwordHash: 'x', displayName: `Người ${login}`, organizationId: org.id, roles }),
  );
  return {
    user,
    principal: {
      userId: user.id,
      login,
      displayName: user.displayName,
      organizationId: org.id,
      organizationKind: org.kind,
      servesOrganizationId: org.servesOrganizationId,
      agencyFunction: org.function,
      roles,
    },
  };
}
