import { AGENCY_FUNCTIONS, ORGANIZATION_KINDS, ROLES } from '@vufo/domain';
import { Code, Day, Instant, Integer, Nested, PageOf, Str, Uuid } from '../common/openapi';

/** What the identity endpoints answer (OpenAPI response schemas; the services build these shapes). */

export class OrganizationView {
  @Uuid() id!: string;
  @Str() code!: string;
  @Str() nameVi!: string;
  @Str() nameEn!: string;
  @Code(ORGANIZATION_KINDS, 'OrganizationKind') kind!: string;
  @Str({ nullable: true }) provinceCode!: string | null;
  @Integer({ nullable: true, description: 'emulation cluster' }) cluster!: number | null;
  @Uuid({ nullable: true, description: 'for an appraisal agency: the union it serves' })
  servesOrganizationId!: string | null;
  @Code(AGENCY_FUNCTIONS, 'AgencyFunction', { nullable: true, description: 'for an appraisal agency' })
  function!: string | null;
  @Code(['ACTIVE', 'MERGED'], 'OrganizationStatus') status!: string;
  @Uuid({ nullable: true }) mergedIntoId!: string | null;
  @Day({ nullable: true }) validTo!: string | null;
  @Instant() createdAt!: string;
}

export class OrganizationPage extends PageOf(OrganizationView) {}

/** The signed-in user. */
export class UserView {
  @Uuid() id!: string;
  @Str() login!: string;
  @Str() displayName!: string;
  @Uuid() organizationId!: string;
  @Code(ORGANIZATION_KINDS, 'OrganizationKind') organizationKind!: string;
  @Code(ROLES, 'Role', { each: true }) roles!: string[];
}

export class MeView extends UserView {
  @Nested(OrganizationView) organization!: OrganizationView;
}

export class LoginView {
  @Str({ description: 'send as `Authorization: Bearer <token>`' }) accessToken!: string;
  @Nested(UserView) user!: UserView;
}

/** A user of the caller's own organization. */
export class ColleagueView {
  @Uuid() id!: string;
  @Str() login!: string;
  @Str() displayName!: string;
  @Code(ROLES, 'Role', { each: true }) roles!: string[];
}

export class ColleaguePage extends PageOf(ColleagueView) {}

export class CreatedUserView {
  @Uuid() id!: string;
  @Str() login!: string;
  @Str() displayName!: string;
  @Uuid() organizationId!: string;
  @Code(ROLES, 'Role', { each: true }) roles!: string[];
}
