import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ApprovalEngine, DispatchOutcome, PlanDispatch, runPlanCommand } from '@vufo/engine';
import { Clock } from '../common/clock';
import { Tx } from '../common/transaction';
import { CalendarService } from './calendar.service';
import { ReadModels } from './read-models';

/** The default host: the machine runs inside the request's Postgres transaction. */
@Injectable()
export class EmbeddedApprovalEngine extends ApprovalEngine {
  readonly kind = 'embedded' as const;

  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly readModels: ReadModels,
  ) {
    super();
  }

  dispatch(req: PlanDispatch): Promise<DispatchOutcome> {
    return this.tx.run((em) =>
      runPlanCommand(
        em,
        req.planId,
        req.command,
        req.actor,
        { now: this.clock.now(), calendar: this.calendar, newId: randomUUID },
        (em2, state, events, stored) => this.readModels.project(em2, req.planId, state, events, stored),
        req.idempotencyKey,
      ),
    );
  }
}
