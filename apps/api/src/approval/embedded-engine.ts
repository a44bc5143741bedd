import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  ApprovalEngine,
  DispatchOutcome,
  PlanDispatch,
  Projector,
  runPlanCommand,
  runPlanCommands,
  StreamCommands,
  StreamContext,
} from '@vufo/engine';
import { Clock } from '../common/clock';
import { Tx } from '../common/transaction';
import { CalendarService } from './calendar.service';
import { ReadModels } from './read-models';

/** The default host: the machine runs inside the request's Postgres transaction. */
@Injectable()
export class EmbeddedApprovalEngine extends ApprovalEngine {
  readonly kind = 'embedded' as const;
  private readonly project: Projector = (em, written) => this.readModels.project(em, written);

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
        this.context(),
        this.project,
        req.idempotencyKey,
        req.lockedHead,
      ),
    );
  }

  /** Commands on many streams the caller's transaction has locked (the timer poller's batches). */
  dispatchMany(em: EntityManager, streams: StreamCommands[]): Promise<DispatchOutcome[][]> {
    return runPlanCommands(em, streams, this.context(), this.project);
  }

  private context(): StreamContext {
    return { now: this.clock.now(), calendar: this.calendar, newId: randomUUID };
  }
}
