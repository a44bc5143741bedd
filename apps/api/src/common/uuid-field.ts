import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Absent } from './validation';

export function UuidField(opts: { optional?: boolean } = {}): PropertyDecorator {
  return opts.optional
    ? applyDecorators(ApiPropertyOptional({ format: 'uuid' }), Absent(), IsUUID('all'))
    : applyDecorators(ApiProperty({ format: 'uuid' }), IsUUID('all'));
}
