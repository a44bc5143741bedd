import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Int, OneOf, Text } from '../common/validation';
import { UuidField } from '../common/uuid-field';
import {
  AGENCY_FUNCTIONS,
  AgencyFunction,
  ORGANIZATION_KINDS,
  OrganizationKind,
  Role,
  ROLES,
} from '@vufo/domain';

export class LoginDto {
  @ApiProperty({ example: 'hp.editor' }) @IsString() @MinLength(1) @MaxLength(100) login!: string;
  @ApiProperty({ example: 'demo-2026' }) @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

export class CreateOrganizationDto {
  @Text(50, { example: 'HP-UNION' })
  @Matches(/^[A-Z0-9][A-Z0-9_-]*$/, { message: 'code: capital letters, digits, - and _' })
  code!: string;
  @Text(300) nameVi!: string;
  @Text(300) nameEn!: string;
  @OneOf(ORGANIZATION_KINDS, { name: 'OrganizationKind' }) kind!: OrganizationKind;
  @Text(20, { optional: true }) provinceCode?: string;
  @Int(1, 99, { optional: true }) cluster?: number;
  @UuidField({ optional: true }) servesOrganizationId?: string;
  @OneOf(AGENCY_FUNCTIONS, { optional: true, name: 'AgencyFunction' }) function?: AgencyFunction;
}

export class CreateUserDto {
  @Text(100)
  @Matches(/^[a-z0-9._-]+$/i, { message: 'login: letters, digits, dot, dash, underscore' })
  login!: string;
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(200) password!: string;
  @Text(200) displayName!: string;
  @UuidField() organizationId!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsIn(ROLES as unknown as string[], { each: true })
  roles!: Role[];
  @IsOptional() @Text(200, { optional: true }) email?: string;
}

export class OrganizationQuery {
  @OneOf(ORGANIZATION_KINDS, { optional: true, name: 'OrganizationKind' })
  kind?: (typeof ORGANIZATION_KINDS)[number];
  @Text(20, { optional: true }) province?: string;
}
