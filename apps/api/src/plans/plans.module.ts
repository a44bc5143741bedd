import { Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { NormsModule } from '../norms/norms.module';
import { PlansController } from './plans.controller';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

/** Plans: drafting and editing a union's plan, submitting or withdrawing it, reporting its rollout. */
@Module({
  imports: [ApprovalModule, NormsModule],
  controllers: [PlansController],
  providers: [PlansService, PlansRepository],
  exports: [PlansService],
})
export class PlansModule {}
