import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IMPLEMENTATION_STATUSES,
  ACTIVITY_TYPES,
  BUDGET_CATEGORIES,
  DELEGATION_MEMBER_ROLES,
  FUNDING_SOURCES,
  GUEST_CLASSES,
  PAYERS,
  PLAN_STATUSES,
  PRIORITIES,
} from '@vufo/domain';
import { DateOnly, Int, LongText, OneOf, Text, TextList, Vnd } from '../common/validation';
import { UuidField } from '../common/uuid-field';
import { Matches, IsOptional } from 'class-validator';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;
const PERIOD_MSG = { message: '$property must be a month YYYY-MM or a quarter YYYY-Qn' };
export class CreatePlanDto {
  @Text(500, { example: 'Kế hoạch hoạt động đối ngoại nhân dân năm 2027' }) title!: string;
  @LongText(20_000, { optional: true }) objectives?: string;
}

export class UpdatePlanDto {
  @Text(500, { optional: true }) title?: string;
  @LongText(20_000, { optional: true }) objectives?: string;
}

export class CreateActivityDto {
  @Text(30, { optional: true, example: 'HĐ-01' }) code?: string;
  @Text(500) title!: string;
  @OneOf(ACTIVITY_TYPES, { name: 'ActivityType' }) type!: string;
  @ApiPropertyOptional({ example: '2027-03' })
  @IsOptional()
  @Matches(PERIOD, PERIOD_MSG)
  periodStart?: string;
  @ApiPropertyOptional({ example: '2027-Q2' }) @IsOptional() @Matches(PERIOD, PERIOD_MSG) periodEnd?: string;
  @Text(300, { nullable: true }) location?: string | null;
  @TextList(50, 2, /^[A-Z]{2}$/) partnerCountries?: string[];
  @TextList(50, 300) partnerOrganizations?: string[];
  @Text(300, { nullable: true }) leadUnit?: string | null;
  @TextList(30, 300) coordinatingUnits?: string[];
  @LongText(5_000, { nullable: true }) expectedResults?: string | null;
  @OneOf(PRIORITIES, { optional: true, name: 'Priority' }) priority?: (typeof PRIORITIES)[number];
}

export class UpdateActivityDto extends PartialType(CreateActivityDto, { skipNullProperties: false }) {}

export class CreateBudgetLineDto {
  @OneOf(BUDGET_CATEGORIES, { name: 'BudgetCategory' }) category!: string;
  @Text(1000) description!: string;
  @Int(1, 1_000_000) quantity!: number;
  @Text(50) unit!: string;
  @Vnd() unitCost!: bigint;
  /** The requested amount; defaults to quantity × unit cost. */
  @Vnd({ optional: true }) amount?: bigint;
  @OneOf(FUNDING_SOURCES, { name: 'FundingSource' }) fundingSource!: string;
  @OneOf(GUEST_CLASSES, { nullable: true, name: 'GuestClass' }) guestClass?: string | null;
  @OneOf(DELEGATION_MEMBER_ROLES, { nullable: true, name: 'DelegationMemberRole' }) memberRole?:
    string | null;
  @Text(20, { optional: true }) normArticle?: string;
  /** Why a line above its norm is needed: required at submission for such a line (may be empty meanwhile). */
  @LongText(5_000, { optional: true }) normJustification?: string;
  @OneOf(PAYERS, { optional: true, name: 'Payer' }) payer?: (typeof PAYERS)[number];
}

export class UpdateBudgetLineDto extends PartialType(CreateBudgetLineDto, { skipNullProperties: false }) {}

export class PlanQuery {
  @UuidField({ optional: true }) cycleId?: string;
  @OneOf(PLAN_STATUSES, { optional: true, name: 'PlanStatus' }) status?: string;
  @UuidField({ optional: true }) organizationId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{1,3}$/) limit?: string;
  @Text(200, { optional: true }) cursor?: string;
}

export class ProgressDto {
  @OneOf(IMPLEMENTATION_STATUSES, { name: 'ImplementationStatus' }) implementationStatus!: string;
  @Vnd({ optional: true }) actualSpend?: bigint;
  @LongText(10_000, { optional: true }) results?: string;
  @DateOnly({ optional: true }) reportedOn?: string;
}

export class WithdrawDto {
  @Text(2000, { optional: true }) reason?: string;
}
