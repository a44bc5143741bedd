import { Injectable, Provider } from '@nestjs/common';
import { applyConsolidation, DomainError } from '@vufo/domain';
import {
  ConsolidationDispatch,
  ConsolidationDispatchOutcome,
  ConsolidationEngine,
  lockConsolidationRow,
  lockConsolidationStream,
  persistConsolidationBatches,
  TemporalConsolidationEngine,
  writeConsolidationBatch,
} from '@vufo/engine';
import { TemporalConnection } from '../approval/approval-engine.provider';
import { Clock } from '../common/clock';
import { Tx } from '../common/transaction';
import { APP_CONFIG, AppConfig } from '../config';

/**
 * The embedded host of the consolidation stream: the pure core decides in the request's
 * transaction, under the consolidation row's lock (or, creating one, the caller's cycle lock),
 * and the batch is written there.
 */
@Injectable()
export class EmbeddedConsolidationEngine extends ConsolidationEngine {
  readonly kind = 'embedded' as const;

  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
  ) {
    super();
  }

  dispatch(req: ConsolidationDispatch): Promise<ConsolidationDispatchOutcome> {
    return this.tx.run(async (em) => {
      const creating = req.command.type === 'CreateConsolidation';
      const row = creating ? undefined : await lockConsolidationRow(em, req.consolidationId);
      if (!creating && !row) throw new DomainError('NOT_FOUND', `No consolidation ${req.consolidationId}.`);
      const now = this.clock.now();
      const applied = applyConsolidation(row?.state ?? null, req.command, { now: now.toISOString() });
      if (!applied.ok)
        throw new DomainError(applied.error.code, applied.error.message, applied.error.errors ?? []);
      const stored = await writeConsolidationBatch(em, row?.head ?? { seq: 0, hash: null }, {
        state: applied.state,
        events: applied.events,
        actor: req.command.actor,
        occurredAt: now,
        idempotencyKey: req.idempotencyKey ?? null,
      });
      return { state: applied.state, events: applied.events, stored, replayed: false };
    });
  }
}

/** APPROVAL_ENGINE picks the consolidation's host too: the embedded one, or a workflow per consolidation. */
export const consolidationEngineProvider: Provider = {
  provide: ConsolidationEngine,
  inject: [APP_CONFIG, EmbeddedConsolidationEngine, TemporalConnection, Tx, Clock],
  useFactory: async (
    config: AppConfig,
    embedded: EmbeddedConsolidationEngine,
    temporal: TemporalConnection,
    tx: Tx,
    clock: Clock,
  ): Promise<ConsolidationEngine> => {
    if (config.approvalEngine !== 'temporal') return embedded;
    return new TemporalConsolidationEngine({
      client: await temporal.client(config),
      taskQueue: config.temporalTaskQueue,
      now: () => clock.now(),
      // In the request's transaction (read-your-writes); the worker's activity then finds it written.
      persist: (batches) => tx.run((em) => persistConsolidationBatches(em, batches)),
      lock: (id, creating) => tx.run((em) => lockConsolidationStream(em, id, creating)),
    });
  },
};
