import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '@vufo/domain';
import { OrganizationEntity } from '@vufo/persistence';
import { Clock } from '../common/clock';
import { Tx } from '../common/transaction';
import { APP_CONFIG, AppConfig } from '../config';
import { CreateOrganizationDto, CreateUserDto, OrganizationQuery } from './identity.dto';
import { IdentityRepository } from './identity.repository';
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
    private readonly repo: IdentityRepository,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(
    login: string,
    password: string,
  ): Promise<{ accessToken: string; user: ReturnType<IdentityService['view']> }> {
    const user = await this.repo.userByLogin(login);
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

  principalOf(userId: string): Promise<Principal | null> {
    return this.repo.principal(userId);
  }

  async me(p: Principal) {
    const org = await this.repo.organization(p.organizationId);
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
    const users = await this.repo.activeUsersOf(p.organizationId);
    return users.map((u) => ({ id: u.id, login: u.login, displayName: u.displayName, roles: u.roles }));
  }

  listOrganizations(q: OrganizationQuery): Promise<OrganizationEntity[]> {
    return this.repo.findOrganizations({
      ...(q.kind && { kind: q.kind }),
      ...(q.province && { provinceCode: q.province }),
    });
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
    if (dto.servesOrganizationId) {
      const served = await this.repo.organization(dto.servesOrganizationId);
      if (!served || served.kind !== 'PROVINCIAL_UNION') {
        throw new DomainError('VALIDATION_FAILED', 'servesOrganizationId must be a provincial union.', [
          { field: 'servesOrganizationId', message: 'not a provincial union' },
        ]);
      }
    }
    if (await this.repo.organizationByCode(dto.code)) {
      throw new DomainError('CONFLICT', `An organization with code ${dto.code} exists.`);
    }
    return this.repo.insertOrganization({
      code: dto.code,
      nameVi: dto.nameVi,
      nameEn: dto.nameEn,
      kind: dto.kind,
      provinceCode: dto.provinceCode ?? null,
      cluster: dto.cluster ?? null,
      servesOrganizationId: dto.servesOrganizationId ?? null,
      function: dto.function ?? null,
      createdAt: this.clock.now(),
    });
  }

  async createUser(dto: CreateUserDto) {
    if (!(await this.repo.organization(dto.organizationId))) {
      throw new DomainError('VALIDATION_FAILED', 'organizationId names no organization.', [
        { field: 'organizationId', message: 'unknown organization' },
      ]);
    }
    if (await this.repo.loginTaken(dto.login))
      throw new DomainError('CONFLICT', `The login ${dto.login} is taken.`);
    const user = await this.repo.insertUser({
      login: dto.login,
      passwordHash: await hashPassword(dto.password),
      displayName: dto.displayName,
      organizationId: dto.organizationId,
      roles: [...new Set(dto.roles)],
      email: dto.email ?? null,
      createdAt: this.clock.now(),
    });
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
    return this.tx.run(async () => {
      await this.repo.lockForStartup('first-admin');
      if (!(await this.repo.noUser())) return false;
      const central =
        (await this.repo.centralUnion()) ??
        (await this.repo.insertOrganization({
          code: 'VUFO',
          nameVi: 'Liên hiệp các tổ chức hữu nghị Việt Nam',
          nameEn: 'Vietnam Union of Friendship Organizations',
          kind: 'CENTRAL_UNION',
          createdAt: this.clock.now(),
        }));
      await this.repo.insertUser({
        login: this.config.adminLogin,
        passwordHash: await hashPassword(this.config.adminPassword),
        displayName: 'Administrator',
        organizationId: central.id,
        roles: ['ADMIN'],
        createdAt: this.clock.now(),
      });
      this.log.log(`created the first administrator "${this.config.adminLogin}"`);
      return true;
    });
  }
}
