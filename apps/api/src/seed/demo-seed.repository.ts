import { Injectable } from '@nestjs/common';
import { OrganizationEntity, UserEntity } from '@vufo/persistence';
import { Tx } from '../common/transaction';

/**
 * The demo seed's own SQL: what the capabilities' services do not offer because only a demo needs
 * it (organizations already merged, a free-text source province on an activity).
 */
@Injectable()
export class DemoSeedRepository {
  constructor(private readonly tx: Tx) {}

  /** Processes starting together seed once: held until the surrounding transaction ends. */
  async lock(): Promise<void> {
    await this.tx.em.query(`SELECT pg_advisory_xact_lock(hashtext('vufo:demo-seed'))`);
  }

  organizationExists(code: string): Promise<boolean> {
    return this.tx.em.getRepository(OrganizationEntity).existsBy({ code });
  }

  centralUnion(): Promise<OrganizationEntity | null> {
    return this.tx.em.getRepository(OrganizationEntity).findOneBy({ kind: 'CENTRAL_UNION' });
  }

  insertOrganization(org: Partial<OrganizationEntity>): Promise<OrganizationEntity> {
    const orgs = this.tx.em.getRepository(OrganizationEntity);
    return orgs.save(orgs.create(org));
  }

  async insertUser(user: Partial<UserEntity>): Promise<void> {
    const users = this.tx.em.getRepository(UserEntity);
    await users.save(users.create(user));
  }

  async userId(login: string): Promise<string> {
    return (await this.tx.em.getRepository(UserEntity).findOneByOrFail({ login })).id;
  }

  async setSourceProvince(activityId: string, province: string): Promise<void> {
    await this.tx.em.query(`UPDATE app.activities SET source_province = $2 WHERE id = $1`, [
      activityId,
      province,
    ]);
  }
}
