import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AgencyFunction, OrganizationKind, RoleName } from '@vufo/persistence';

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

/** No token needed (login, health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
/** Any one of these roles may call the route. */
export const Roles = (...roles: RoleName[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!req.principal) throw new Error('CurrentUser used on a public route');
  return req.principal;
});
