import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DateOnly, Int, Text } from '../common/validation';
import { AGENCY_FUNCTIONS, AgencyFunction } from '@vufo/domain';
import { UuidField } from '../common/uuid-field';

export class RouteStageDto {
  @Int(1, 10) stage!: number;
  @ApiProperty({ enum: AGENCY_FUNCTIONS, enumName: 'AgencyFunction', isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(AGENCY_FUNCTIONS as unknown as string[], { each: true })
  functions!: AgencyFunction[];
}

export class CreateCycleDto {
  @Int(2020, 2100) year!: number;
  @Text(300, { optional: true }) title?: string;
  @DateOnly() submissionDeadline!: string;
  @Int(1, 60) reviewSlaDays!: number;
  @Int(1, 60) revisionSlaDays!: number;
  @ApiPropertyOptional({ type: [Number], example: [5, 1] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(30, { each: true })
  reminderWorkingDays?: number[];
  @ApiPropertyOptional({ type: [RouteStageDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => RouteStageDto)
  route?: RouteStageDto[];
}

export class ExtensionDto {
  @UuidField() organizationId!: string;
  @DateOnly() newDeadline!: string;
  @Text(1000) reason!: string;
}
