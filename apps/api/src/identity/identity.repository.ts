import { Injectable } from '@nestjs/common';
import { OrganizationEntity, OrganizationKind, prepared, UserEntity } from '@vufo/persistence';
import { Tx } from '../common/transaction';
import { Principal } from './principal';

export type NewOrganization = Pick<OrganizationEntity, 'code' | 'nameVi' | 'nameEn' | 'kind'> &
  Partial<OrganizationEntity>;
export type NewUser = Pick<
  UserEntity,
  'login' | 'passwordHash' | 'displayName' | 'organizationId' | 'roles'
> &
  Partial<UserEntity>;

/** The identity capability's SQL: users and organizations, in the request's transaction if any. */
@Injectable()
export class IdentityRepository {
  constructor(private readonly tx: Tx) {}

  private get users() {
    return this.tx.em.getRepository(UserEntity);
  }

  private get organizations() {
    return this.tx.em.getRepository(OrganizationEntity);
  }

  /** Logins are unique regardless of case. */
  userByLogin(login: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('u').where('lower(u.login) = lower(:login)', { login }).getOne();
  }

  loginTaken(login: string): Promise<boolean> {
    return this.users.createQueryBuilder('u').where('lower(u.login) = lower(:login)', { login }).getExists();
  }

  /** An active user with the organization facts that decide what they may do. */
  async principal(userId: string): Promise<Principal | null> {
    // Every authenticated request runs this: prepared, it is planned once per connection.
    const rows = await prepared<{
      id: string;
      login: string;
      display_name: string;
      organization_id: string;
      roles: Principal['roles'];
      kind: Principal['organizationKind'];
      serves_organization_id: string | null;
      function: Principal['agencyFunction'];
    }>(
      this.tx.em,
      `SELECT u.id, u.login, u.display_name, u.organization_id, u.roles, o.kind, o.serves_organization_id, o.function
         FROM app.users u JOIN app.organizations o ON o.id = u.organization_id
        WHERE u.id = $1 AND u.active`,
      [userId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      userId: r.id,
      login: r.login,
      displayName: r.display_name,
      organizationId: r.organization_id,
      organizationKind: r.kind,
      servesOrganizationId: r.serves_organization_id,
      agencyFunction: r.function,
      roles: r.roles,
    };
  }

  activeUsersOf(organizationId: string): Promise<UserEntity[]> {
    return this.users.find({ where: { organizationId, active: true }, order: { displayName: 'ASC' } });
  }

  /** True while the database has no user at all: the first start. */
  async noUser(): Promise<boolean> {
    return (await this.users.count()) === 0;
  }

  insertUser(user: NewUser): Promise<UserEntity> {
    return this.users.save(this.users.create(user));
  }

  organization(id: string): Promise<OrganizationEntity | null> {
    return this.organizations.findOneBy({ id });
  }

  organizationByCode(code: string): Promise<OrganizationEntity | null> {
    return this.organizations.findOneBy({ code });
  }

  centralUnion(): Promise<OrganizationEntity | null> {
    return this.organizations.findOneBy({ kind: 'CENTRAL_UNION' });
  }

  findOrganizations(filter: { kind?: OrganizationKind; provinceCode?: string }) {
    return this.organizations.find({ where: filter, order: { kind: 'ASC', code: 'ASC' } });
  }

  insertOrganization(org: NewOrganization): Promise<OrganizationEntity> {
    return this.organizations.save(this.organizations.create(org));
  }

  /**
   * Serialises a start-up step across processes starting together: held until the surrounding
   * transaction ends.
   */
  async lockForStartup(step: string): Promise<void> {
    await this.tx.em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`vufo:${step}`]);
  }
}
