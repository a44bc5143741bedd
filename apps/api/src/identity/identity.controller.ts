import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateOrganizationDto, CreateUserDto, LoginDto, OrganizationQuery } from './identity.dto';
import { IdentityService } from './identity.service';
import { CurrentUser, Principal, Public, Roles } from './principal';
import { Created, Ok, Operation, Problems } from '../common/openapi';
import {
  ColleaguePage,
  CreatedUserView,
  LoginView,
  MeView,
  OrganizationPage,
  OrganizationView,
} from './identity.views';

@ApiTags('identity')
@Controller()
export class IdentityController {
  constructor(private readonly identity: IdentityService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @Operation('login', 'Sign in: a bearer token and the user')
  @Ok(LoginView)
  @Problems(401, 400, 413, 422)
  login(@Body() dto: LoginDto) {
    return this.identity.login(dto.login, dto.password);
  }

  @Get('me')
  @Operation('getMe', 'The signed-in user, its organization and roles')
  @Ok(MeView)
  me(@CurrentUser() user: Principal) {
    return this.identity.me(user);
  }

  /** Colleagues: the users of the caller's own organization, never of another one. */
  @Get('users')
  @Operation('listColleagues', "The users of the caller's own organization")
  @Ok(ColleaguePage)
  users(@CurrentUser() user: Principal) {
    return this.identity.colleagues(user).then((items) => ({ items, nextCursor: null }));
  }

  @Get('organizations')
  @Operation('listOrganizations', 'Unions and agencies')
  @Ok(OrganizationPage)
  @Problems(422)
  organizations(@Query() q: OrganizationQuery) {
    return this.identity.listOrganizations(q).then((items) => ({ items, nextCursor: null }));
  }

  @Roles('ADMIN')
  @Post('organizations')
  @Operation('createOrganization', 'Register a union or an appraisal agency')
  @Created(OrganizationView)
  @Problems(403, 409, 400, 413, 422)
  createOrganization(@Body() dto: CreateOrganizationDto) {
    return this.identity.createOrganization(dto);
  }

  @Roles('ADMIN')
  @Post('users')
  @Operation('createUser', 'Create a user with roles in an organization')
  @Created(CreatedUserView)
  @Problems(403, 409, 400, 413, 422)
  createUser(@Body() dto: CreateUserDto) {
    return this.identity.createUser(dto);
  }
}
