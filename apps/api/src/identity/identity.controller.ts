import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateOrganizationDto, CreateUserDto, LoginDto, OrganizationQuery } from './identity.dto';
import { IdentityService } from './identity.service';
import { CurrentUser, Principal, Public, Roles } from './principal';

@ApiTags('identity')
@ApiBearerAuth()
@Controller()
export class IdentityController {
  constructor(private readonly identity: IdentityService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() dto: LoginDto) {
    return this.identity.login(dto.login, dto.password);
  }

  @Get('me')
  me(@CurrentUser() user: Principal) {
    return this.identity.me(user);
  }

  /** Colleagues: the users of the caller's own organization, never of another one. */
  @Get('users')
  users(@CurrentUser() user: Principal) {
    return this.identity.colleagues(user).then((items) => ({ items, nextCursor: null }));
  }

  @Get('organizations')
  organizations(@Query() q: OrganizationQuery) {
    return this.identity.listOrganizations(q).then((items) => ({ items, nextCursor: null }));
  }

  @Roles('ADMIN')
  @Post('organizations')
  createOrganization(@Body() dto: CreateOrganizationDto) {
    return this.identity.createOrganization(dto);
  }

  @Roles('ADMIN')
  @Post('users')
  createUser(@Body() dto: CreateUserDto) {
    return this.identity.createUser(dto);
  }
}
