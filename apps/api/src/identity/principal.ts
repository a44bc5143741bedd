import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AgencyFunction, OrganizationKind, RoleName } from '@vufo/persistence';
import { NoToken, Problems } from '../common/openapi';

/** The authenticated user as every capability sees it. */
export interface Principal {
  userId: string;
  login: string;
  displayName: string;
  organizationId: string;
  organizationKind: OrganizationKind;
  /** For an appraisal agency: the union it serves and its function. */
  servesOrganizationId: string | null;
  agencyFunction: AgencyFunction | null;
  roles: RoleName[];
}

const CENTRAL_ROLES: RoleName[] = ['CONSOLIDATOR', 'LEADER', 'ADMIN'];

export function isCentral(p: Principal): boolean {
  return p.organizationKind === 'CENTRAL_UNION' || p.roles.some((r) => CENTRAL_ROLES.includes(r));
}

export const PUBLIC_ROUTE = 'publicRoute';
export const REQUIRED_ROLES = 'requiredRoles';

/** No token needed (login, health, docs); the OpenAPI document says so too. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), NoToken());
/** Any one of these roles may call the route; any other caller gets 403. */
export const Roles = (...roles: RoleName[]) =>
  applyDecorators(SetMetadata(REQUIRED_ROLES, roles), Problems(403));

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!req.principal) throw new Error('CurrentUser used on a public route');
  return req.principal;
});
