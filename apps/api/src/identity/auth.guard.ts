import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@vufo/domain';
import type { RoleName } from '@vufo/persistence';
import type { Request } from 'express';
import { IdentityService } from './identity.service';
import { Principal, PUBLIC_ROUTE, REQUIRED_ROLES } from './principal';

/** Global: every route needs a valid bearer token unless marked @Public(); @Roles narrows it further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly identity: IdentityService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      throw new DomainError('UNAUTHENTICATED', 'Send Authorization: Bearer <token> (POST /api/auth/login).');
    req.principal = await this.identity.authenticate(match[1]);
    const roles = this.reflector.getAllAndOverride<RoleName[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !roles.some((r) => req.principal!.roles.includes(r))) {
      throw new DomainError('FORBIDDEN', `This needs one of the roles: ${roles.join(', ')}.`);
    }
    return true;
  }
}
