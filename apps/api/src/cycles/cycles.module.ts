import { Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { CyclesController } from './cycles.controller';
import { CyclesRepository } from './cycles.repository';
import { CyclesService } from './cycles.service';
import { DashboardService } from './dashboard.service';

/** Cycles: the year's terms and route, deadline extensions, and the central union's dashboard. */
@Module({
  imports: [ApprovalModule],
  controllers: [CyclesController],
  providers: [CyclesService, DashboardService, CyclesRepository],
  exports: [CyclesService],
})
export class CyclesModule {}
