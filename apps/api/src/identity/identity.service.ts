import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '@vufo/domain';
import { OrganizationEntity, prepared, UserEntity } from '@vufo/persistence';
import { Tx } from '../common/transaction';
import { APP_CONFIG, AppConfig } from '../config';
import { CreateOrganizationDto, CreateUserDto, OrganizationQuery } from './identity.dto';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { Principal } from './principal';

interface TokenClaims {
  sub: string;
}

@Injectable()
export class IdentityService {
  private readonly log = new Logger('Identity');

  constructor(
    private readonly tx: Tx,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(
    login: string,
    password: string,
  ): Promise<{ accessToken: string; user: ReturnType<IdentityService['view']> }> {
    const user = await this.tx.em
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.login) = lower(:login)', { login })
      .getOne();
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) {
      throw new DomainError('UNAUTHENTICATED', 'Wrong login or password.');
    }
    const principal = await this.principalOf(user.id);
    if (!principal) throw new DomainError('UNAUTHENTICATED', 'Wrong login or password.');
    const accessToken = await this.jwt.signAsync({ sub: user.id } satisfies TokenClaims);
    return { accessToken, user: this.view(principal) };
  }

  /** Token -> principal, read fresh so that a deactivated user or a changed role takes effect at once. */
  async authenticate(token: string): Promise<Principal> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'The access token is missing, expired or invalid.');
    }
    const principal = await this.principalOf(claims.sub);
    if (!principal)
      throw new DomainError('UNAUTHENTICATED', 'The access token is missing, expired or invalid.');
    return principal;
  }

  async principalOf(userId: string): Promise<Principal | null> {
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

  async me(p: Principal) {
    const org = await this.tx.em.getRepository(OrganizationEntity).findOneByOrFail({ id: p.organizationId });
    return { ...this.view(p), organization: org };
  }

  view(p: Principal) {
    return {
      id: p.userId,
      login: p.login,
      displayName: p.displayName,
      organizationId: p.organizationId,
      organizationKind: p.organizationKind,
      roles: p.roles,
    };
  }

  /** The active users of the caller's own organization (e.g. whom an appraiser may delegate to). */
  async colleagues(p: Principal) {
    const users = await this.tx.em
      .getRepository(UserEntity)
      .find({ where: { organizationId: p.organizationId, active: true }, order: { displayName: 'ASC' } });
    return users.map((u) => ({ id: u.id, login: u.login, displayName: u.displayName, roles: u.roles }));
  }

  listOrganizations(q: OrganizationQuery): Promise<OrganizationEntity[]> {
    const where: Record<string, string> = {};
    if (q.kind) where.kind = q.kind;
    if (q.province) where.provinceCode = q.province;
    return this.tx.em.getRepository(OrganizationEntity).find({ where, order: { kind: 'ASC', code: 'ASC' } });
  }

  async createOrganization(dto: CreateOrganizationDto): Promise<OrganizationEntity> {
    const isAgency = dto.kind === 'APPRAISAL_AGENCY';
    if (isAgency !== Boolean(dto.function && dto.servesOrganizationId)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'An appraisal agency needs function and servesOrganizationId; other kinds take neither.',
        [{ field: isAgency ? 'function' : 'kind', message: 'agency fields do not match the kind' }],
      );
    }
    const repo = this.tx.em.getRepository(OrganizationEntity);
    if (dto.servesOrganizationId) {
      const served = await repo.findOneBy({ id: dto.servesOrganizationId });
      if (!served || served.kind !== 'PROVINCIAL_UNION') {
        throw new DomainError('VALIDATION_FAILED', 'servesOrganizationId must be a provincial union.', [
          { field: 'servesOrganizationId', message: 'not a provincial union' },
        ]);
      }
    }
    if (await repo.findOneBy({ code: dto.code })) {
      throw new DomainError('CONFLICT', `An organization with code ${dto.code} exists.`);
    }
    return repo.save(
      repo.create({
        code: dto.code,
        nameVi: dto.nameVi,
        nameEn: dto.nameEn,
        kind: dto.kind,
        provinceCode: dto.provinceCode ?? null,
        cluster: dto.cluster ?? null,
        servesOrganizationId: dto.servesOrganizationId ?? null,
        function: dto.function ?? null,
      }),
    );
  }

  async createUser(dto: CreateUserDto) {
    const orgs = this.tx.em.getRepository(OrganizationEntity);
    const org = await orgs.findOneBy({ id: dto.organizationId });
    if (!org) {
      throw new DomainError('VALIDATION_FAILED', 'organizationId names no organization.', [
        { field: 'organizationId', message: 'unknown organization' },
      ]);
    }
    const users = this.tx.em.getRepository(UserEntity);
    const taken = await users
      .createQueryBuilder('u')
      .where('lower(u.login) = lower(:login)', { login: dto.login })
      .getExists();
    if (taken) throw new DomainError('CONFLICT', `The login ${dto.login} is taken.`);
    const user = await users.save(
      users.create({
        login: dto.login,
        passwordHash: await hashPassword(dto.password),
        displayName: dto.displayName,
        organizationId: dto.organizationId,
        roles: [...new Set(dto.roles)],
        email: dto.email ?? null,
      }),
    );
    return {
      id: user.id,
      login: user.login,
      displayName: user.displayName,
      organizationId: user.organizationId,
      roles: user.roles,
    };
  }

  /** First start: with no user at all, the administrator comes from ADMIN_LOGIN / ADMIN_PASSWORD. */
  async ensureAdministrator(): Promise<boolean> {
    return this.tx.run(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('vufo:first-admin'))`);
      const count = await em.getRepository(UserEntity).count();
      if (count > 0) return false;
      const orgs = em.getRepository(OrganizationEntity);
      let central = await orgs.findOneBy({ kind: 'CENTRAL_UNION' });
      if (!central) {
        central = await orgs.save(
          orgs.create({
            code: 'VUFO',
            nameVi: 'Liên hiệp các tổ chức hữu nghị Việt Nam',
            nameEn: 'Vietnam Union of Friendship Organizations',
            kind: 'CENTRAL_UNION',
          }),
        );
      }
      await em.getRepository(UserEntity).save(
        em.getRepository(UserEntity).create({
          login: this.config.adminLogin,
          passwordHash: await hashPassword(this.config.adminPassword),
          displayName: 'Administrator',
          organizationId: central.id,
          roles: ['ADMIN'],
        }),
      );
      this.log.log(`created the first administrator "${this.config.adminLogin}"`);
      return true;
    });
  }
}
