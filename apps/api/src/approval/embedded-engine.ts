import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  ApprovalEngine,
  DispatchOutcome,
  LockedHead,
  PlanDispatch,
  Projector,
  ReadModels,
  runPlanCommand,
  runPlanCommands,
  StreamCommands,
  StreamContext,
} from '@vufo/engine';
import { Clock } from '../common/clock';
import { Tx } from '../common/transaction';
import { CalendarService } from './calendar.service';

/** The default host: the machine runs inside the request's Postgres transaction. */
@Injectable()
export class EmbeddedApprovalEngine extends ApprovalEngine {
  readonly kind = 'embedded' as const;
  private readonly project: Projector = (em, written) => this.readModels.project(em, written);
  /**
   * Heads a caller read under the plan row's lock, per transaction (its EntityManager): gone with
   * the transaction, invisible to any other, and no concern of the port or of Tx.
   */
  private readonly lockedHeads = new WeakMap<EntityManager, Map<string, LockedHead>>();

  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly readModels: ReadModels,
  ) {
    super();
  }

  /**
   * The caller's transaction `em` has locked the plan row and read its stream head (a content edit
   * bumps the version with one UPDATE … RETURNING): the next dispatch for this plan in `em` uses it
   * instead of locking and reading again. Used once: after that command the head has moved.
   * Harmless on the Temporal host, whose state lives in the workflow: nothing takes it.
   */
  rememberLockedHead(em: EntityManager, planId: string, head: LockedHead): void {
    let heads = this.lockedHeads.get(em);
    if (!heads) this.lockedHeads.set(em, (heads = new Map()));
    heads.set(planId, head);
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
        this.takeLockedHead(em, req.planId),
      ),
    );
  }

  /** Commands on many streams the caller's transaction has locked (the timer poller's batches). */
  dispatchMany(em: EntityManager, streams: StreamCommands[]): Promise<DispatchOutcome[][]> {
    return runPlanCommands(em, streams, this.context(), this.project);
  }

  private takeLockedHead(em: EntityManager, planId: string): LockedHead | undefined {
    const heads = this.lockedHeads.get(em);
    const head = heads?.get(planId);
    heads?.delete(planId);
    return head;
  }

  private context(): StreamContext {
    return { now: this.clock.now(), calendar: this.calendar, newId: randomUUID };
  }
}
