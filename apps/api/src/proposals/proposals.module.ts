import { Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { CyclesModule } from '../cycles/cycles.module';
import { ProposalsController } from './proposals.controller';
import { ProposalsRepository } from './proposals.repository';
import { ProposalsService } from './proposals.service';

/**
 * Proposals: a union's adjustment proposals on its approved plan. The cycle is checked through
 * CyclesService and the plan through PlanAccess (who sees which plan), never by their tables.
 */
@Module({
  imports: [ApprovalModule, CyclesModule],
  controllers: [ProposalsController],
  providers: [ProposalsService, ProposalsRepository],
  exports: [ProposalsService],
})
export class ProposalsModule {}
