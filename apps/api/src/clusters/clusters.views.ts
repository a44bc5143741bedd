import { ApiProperty } from '@nestjs/swagger';
import { Integer, Str, Uuid } from '../common/openapi';

/** A cycle's emulation cluster (GET and PUT /api/cycles/:id/clusters answer a list of these). */
export class ClusterView {
  @Integer() number!: number;
  @Str() name!: string;
  @Uuid({ optional: true, description: 'the head union ("cụm trưởng")' }) headOrganizationId?: string;
  @Uuid({ optional: true, description: 'the deputy union ("cụm phó")' }) deputyOrganizationId?: string;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' } })
  memberOrganizationIds!: string[];
}
