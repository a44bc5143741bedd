import { Module } from '@nestjs/common';
import { ClustersController } from './clusters.controller';
import { ClustersRepository } from './clusters.repository';
import { ClustersService } from './clusters.service';

/** Clusters: a cycle's emulation clusters ("cụm thi đua"), edited by the consolidator, audited. */
@Module({
  controllers: [ClustersController],
  providers: [ClustersService, ClustersRepository],
  exports: [ClustersService],
})
export class ClustersModule {}
