import { Module } from '@nestjs/common';
import { ApprovalEngine, Notifier, ReadModels } from '@vufo/engine';
import { approvalEngineProvider, TemporalConnection } from './approval-engine.provider';
import { CalendarService } from './calendar.service';
import { EmbeddedApprovalEngine } from './embedded-engine';

/**
 * Where the approval machine runs: the ApprovalEngine port with the host APPROVAL_ENGINE picks,
 * and what both hosts write through (read models, the notification outbox). Exports the port,
 * the embedded host (the timer poller's batches, a content edit's locked head) and the calendar.
 */
@Module({
  providers: [
    CalendarService,
    Notifier,
    ReadModels,
    EmbeddedApprovalEngine,
    TemporalConnection,
    approvalEngineProvider,
  ],
  exports: [ApprovalEngine, EmbeddedApprovalEngine, CalendarService, TemporalConnection],
})
export class ApprovalEngineModule {}
