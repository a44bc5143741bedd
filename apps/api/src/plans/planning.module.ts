import { Module } from '@nestjs/common';
import { ApprovalEngine } from '@vufo/engine';
import { approvalEngineProvider, TemporalConnection } from '../approval/approval-engine.provider';
import { ApprovalController } from '../approval/approval.controller';
import { ApprovalService } from '../approval/approval.service';
import { CalendarService } from '../approval/calendar.service';
import { EmbeddedApprovalEngine } from '../approval/embedded-engine';
import { PlanCommands } from '../approval/plan-commands';
import { ReadModels } from '../approval/read-models';
import { TimerPoller } from '../approval/timer-poller';
import { CyclesController } from '../cycles/cycles.controller';
import { CyclesService } from '../cycles/cycles.service';
import { DashboardService } from '../cycles/dashboard.service';
import { IdentityModule } from '../identity/identity.module';
import { NormsController } from '../norms/norms.controller';
import { NormsService } from '../norms/norms.service';
import { NotificationsController } from '../notifications/notifications.controller';
import { NotificationsService } from '../notifications/notifications.service';
import { Notifier } from '../notifications/notifier';
import { DemoSeeder } from '../seed/demo-seeder';
import { PlanAccess } from './plan-access';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

/**
 * The plan aggregate and everything that acts on it: cycles, content, norms, the approval chain
 * and its notifications. One module because they share one consistency boundary (the plan row lock).
 */
@Module({
  imports: [IdentityModule],
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
    CalendarService,
    PlanCommands,
    ApprovalService,
    ReadModels,
    Notifier,
    NotificationsService,
    TimerPoller,
    DemoSeeder,
    EmbeddedApprovalEngine,
    TemporalConnection,
    approvalEngineProvider,
  ],
  exports: [DemoSeeder, NormsService, TimerPoller, ApprovalEngine],
})
export class PlanningModule {}
