import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export function UuidField(opts: { optional?: boolean } = {}): PropertyDecorator {
  return opts.optional
    ? applyDecorators(ApiPropertyOptional({ format: 'uuid' }), IsOptional(), IsUUID('all'))
    : applyDecorators(ApiProperty({ format: 'uuid' }), IsUUID('all'));
}
