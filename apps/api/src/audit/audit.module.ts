import { Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** A plan's audit trail: history and its verification, submitted versions, diffs, working changes. */
@Module({
  imports: [ApprovalModule],
  controllers: [AuditController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
