import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { Ok, Operation, Problems } from '../common/openapi';
import { UuidPipe, validateEach } from '../common/validation';
import { CurrentUser, Principal, Roles } from '../identity/principal';
import { ClusterDto } from './clusters.dto';
import { ClustersService } from './clusters.service';
import { ClusterView } from './clusters.views';

@ApiTags('clusters')
@Controller('cycles')
export class ClustersController {
  constructor(private readonly clusters: ClustersService) {}

  @Get(':id/clusters')
  @Operation('listClusters', "The cycle's emulation clusters")
  @Ok([ClusterView])
  @Problems(404, 422)
  list(@Param('id', UuidPipe) id: string) {
    return this.clusters.list(id);
  }

  @Roles('CONSOLIDATOR')
  @Put(':id/clusters')
  @Operation('replaceClusters', "Replace the cycle's emulation clusters (a union sits in at most one)")
  @ApiBody({ type: [ClusterDto] })
  @Ok([ClusterView])
  @Problems(400, 403, 404, 413, 422)
  replace(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string, @Body() body: unknown) {
    return this.clusters.replace(p, id, validateEach(ClusterDto, body));
  }
}
