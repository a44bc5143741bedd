import { Module } from '@nestjs/common';
import { ApprovalEngineModule } from '../approval/approval-engine.module';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';

/** GET /api/health: the database, the approval engine, and timers no process is firing. */
@Module({
  imports: [ApprovalEngineModule],
  controllers: [HealthController],
  providers: [HealthRepository],
})
export class HealthModule {}
