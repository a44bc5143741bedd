import { Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { NormsModule } from '../norms/norms.module';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

/** Plans: drafting and editing a union's plan, submitting or withdrawing it, reporting its rollout. */
@Module({
  imports: [ApprovalModule, NormsModule],
  controllers: [PlansController],
  providers: [PlansService],
  exports: [PlansService],
})
export class PlansModule {}
