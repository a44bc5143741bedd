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

export const ROLE_NAMES = [
  'PLAN_EDITOR',
  'PLAN_SUBMITTER',
  'APPRAISER',
  'CONSOLIDATOR',
  'LEADER',
  'ADMIN',
] as const;
export const ORGANIZATION_KINDS = ['CENTRAL_UNION', 'PROVINCIAL_UNION', 'APPRAISAL_AGENCY'] as const;
export const AGENCY_FUNCTIONS = ['CONTENT', 'BUDGET', 'FINAL'] as const;

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
  @OneOf(ORGANIZATION_KINDS) kind!: (typeof ORGANIZATION_KINDS)[number];
  @Text(20, { optional: true }) provinceCode?: string;
  @Int(1, 99, { optional: true }) cluster?: number;
  @UuidField({ optional: true }) servesOrganizationId?: string;
  @OneOf(AGENCY_FUNCTIONS, { optional: true }) function?: (typeof AGENCY_FUNCTIONS)[number];
}

export class CreateUserDto {
  @Text(100)
  @Matches(/^[a-z0-9._-]+$/i, { message: 'login: letters, digits, dot, dash, underscore' })
  login!: string;
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(200) password!: string;
  @Text(200) displayName!: string;
  @UuidField() organizationId!: string;
  @ApiProperty({ enum: ROLE_NAMES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsIn(ROLE_NAMES as unknown as string[], { each: true })
  roles!: (typeof ROLE_NAMES)[number][];
  @IsOptional() @Text(200, { optional: true }) email?: string;
}

export class OrganizationQuery {
  @OneOf(ORGANIZATION_KINDS, { optional: true }) kind?: (typeof ORGANIZATION_KINDS)[number];
  @Text(20, { optional: true }) province?: string;
}
