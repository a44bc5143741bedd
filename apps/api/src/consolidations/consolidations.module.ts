import { Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { ClustersModule } from '../clusters/clusters.module';
import { consolidationEngineProvider, EmbeddedConsolidationEngine } from './consolidation-engine.provider';
import { ConsolidationsController } from './consolidations.controller';
import { ConsolidationsRepository } from './consolidations.repository';
import { ConsolidationsService } from './consolidations.service';

/**
 * Consolidations: the national plan as a hash-chained stream of its own, built from the cycle's
 * approved plans, approved or returned by the leadership; approval sends its plans to rollout.
 */
@Module({
  imports: [ApprovalModule, ClustersModule],
  controllers: [ConsolidationsController],
  providers: [
    ConsolidationsService,
    ConsolidationsRepository,
    EmbeddedConsolidationEngine,
    consolidationEngineProvider,
  ],
  exports: [ConsolidationsService],
})
export class ConsolidationsModule {}
