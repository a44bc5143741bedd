import { Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** A plan's audit trail: history and its verification, submitted versions, diffs, working changes. */
@Module({
  imports: [ApprovalModule],
  controllers: [AuditController],
  providers: [AuditService, AuditRepository],
  exports: [AuditService],
})
export class AuditModule {}
