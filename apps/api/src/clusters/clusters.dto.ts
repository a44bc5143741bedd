import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import { Int, Text } from '../common/validation';
import { UuidField } from '../common/uuid-field';

/** One emulation cluster of a cycle, as PUT /api/cycles/:id/clusters takes it (a JSON array of these). */
export class ClusterDto {
  @Int(1, 99) number!: number;
  @Text(200) name!: string;
  @UuidField({ optional: true }) headOrganizationId?: string;
  @UuidField({ optional: true }) deputyOrganizationId?: string;
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  memberOrganizationIds!: string[];
}
