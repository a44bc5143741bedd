import { Module } from '@nestjs/common';
import { ApprovalEngine } from '@vufo/engine';
import { Notifier } from '../notifications/notifier';
import { approvalEngineProvider, TemporalConnection } from './approval-engine.provider';
import { ApprovalRepository } from './approval.repository';
import { CalendarService } from './calendar.service';
import { EmbeddedApprovalEngine } from './embedded-engine';
import { PlanAccess } from './plan-access';
import { PlanCommands } from './plan-commands';
import { ReadModels } from './read-models';
import { TimerPoller } from './timer-poller';

/**
 * The application side of the approval chain, shared by plans, reviews, cycles and audit: the
 * engine behind its port (embedded or Temporal), its read models, the working-day calendar, who
 * sees which plan, and the commands that turn a request into a machine command. It knows none of
 * the capabilities that use it (they import it, never the reverse).
 */
@Module({
  providers: [
    EmbeddedApprovalEngine,
    TemporalConnection,
    approvalEngineProvider,
    ReadModels,
    Notifier,
    CalendarService,
    PlanAccess,
    ApprovalRepository,
    PlanCommands,
    TimerPoller,
  ],
  exports: [PlanCommands, PlanAccess, CalendarService, ApprovalEngine],
})
export class ApprovalModule {}
