import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, Matches, ValidateNested } from 'class-validator';
import { DateOnly, LongText, OneOf, Text, Vnd } from '../common/validation';
import { UuidField } from '../common/uuid-field';
import { REVIEW_DECISIONS, REVIEW_STATUSES, ReviewDecision } from '@vufo/domain';

export class DecisionLineDto {
  @UuidField() budgetLineId!: string;
  @Vnd() approvedAmount!: bigint;
  @Text(2000, { optional: true }) comment?: string;
}

export class DecisionDto {
  @OneOf(REVIEW_DECISIONS, { name: 'ReviewDecision' }) decision!: ReviewDecision;
  @LongText(10_000, { optional: true }) comment?: string;
  @ApiPropertyOptional({ type: [DecisionLineDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => DecisionLineDto)
  lines?: DecisionLineDto[];
  @Text(100, { optional: true, example: '1234/QĐ-UBND' }) decisionNumber?: string;
  @DateOnly({ optional: true }) decisionDate?: string;
  @Text(200, { optional: true }) signer?: string;
}

export class ReviewQuery {
  @ApiPropertyOptional() @IsOptional() @IsIn(['true', 'false']) mine?: string;
  @OneOf(REVIEW_STATUSES, { optional: true, name: 'ReviewStatus' })
  status?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{1,3}$/) limit?: string;
}

export class DelegationDto {
  @UuidField() toUserId!: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) validFrom!: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) validTo!: string;
  /** Why the appraiser hands over their reviews (absence, leave): the record says it (issue 12). */
  @Text(1000) reason!: string;
}
