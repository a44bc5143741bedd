import { Module } from '@nestjs/common';
import { ApprovalEngineModule } from '../approval/approval-engine.module';
import { ApprovalController } from '../approval/approval.controller';
import { ApprovalService } from '../approval/approval.service';
import { PlanCommands } from '../approval/plan-commands';
import { CyclesController } from '../cycles/cycles.controller';
import { CyclesService } from '../cycles/cycles.service';
import { DashboardService } from '../cycles/dashboard.service';
import { IdentityModule } from '../identity/identity.module';
import { NormsController } from '../norms/norms.controller';
import { NormsService } from '../norms/norms.service';
import { NotificationsController } from '../notifications/notifications.controller';
import { NotificationsService } from '../notifications/notifications.service';
import { DemoSeeder } from '../seed/demo-seeder';
import { TimersModule } from '../timers/timers.module';
import { PlanAccess } from './plan-access';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

/**
 * The plan aggregate and everything that acts on it: cycles, content, norms, the approval chain
 * and its notifications. One module because they share one consistency boundary (the plan row lock).
 */
@Module({
  imports: [IdentityModule, ApprovalEngineModule, TimersModule],
  controllers: [
    CyclesController,
    PlansController,
    ApprovalController,
    NormsController,
    NotificationsController,
  ],
  providers: [
    CyclesService,
    DashboardService,
    PlansService,
    PlanAccess,
    NormsService,
    PlanCommands,
    ApprovalService,
    NotificationsService,
    DemoSeeder,
  ],
  exports: [DemoSeeder, NormsService, ApprovalEngineModule],
})
export class PlanningModule {}
