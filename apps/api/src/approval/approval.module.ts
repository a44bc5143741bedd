import { Module } from '@nestjs/common';
import { ApprovalEngineModule } from './approval-engine.module';
import { ApprovalRepository } from './approval.repository';
import { PlanAccess } from './plan-access';
import { PlanCommands } from './plan-commands';

/**
 * The application side of the approval chain, shared by plans, reviews, cycles and audit: who sees
 * which plan, and the commands that turn a request into a machine command on the engine
 * (ApprovalEngineModule, re-exported for the port and the calendar). It knows none of the
 * capabilities that use it (they import it, never the reverse).
 */
@Module({
  imports: [ApprovalEngineModule],
  providers: [PlanAccess, ApprovalRepository, PlanCommands],
  exports: [PlanCommands, PlanAccess, ApprovalEngineModule],
})
export class ApprovalModule {}
