import { Context } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import type {
  BatchOutcome,
  ConsolidationActivities,
  ConsolidationEventBatch,
  CycleActivities,
  CycleCheckpoint,
  EventBatch,
  PlanActivities,
} from '@vufo/workflows/contract';
import type { Projector } from '../stream-writer';
import { notifyUnionsWithoutPlan } from '../projection/cycle-notices';
import { persistConsolidationBatch } from '../consolidation-stream';
import { persistPlanBatch } from './persist-batch';

export interface ActivityDeps {
  dataSource: DataSource;
  /** The read-model projector (plan row, reviews, versions, approved amounts, notifications). */
  project: Projector;
}

/**
 * The Temporal host's activities, built from injected services (the worker passes Nest's, tests
 * a test database's). Plain closures, not class methods: nothing to bind when the worker registers them.
 */
export function createActivities(
  deps: ActivityDeps,
): PlanActivities & CycleActivities & ConsolidationActivities {
  return {
    async persistPlanEvents(batch: EventBatch): Promise<BatchOutcome> {
      const { written, abandoned } = await deps.dataSource.transaction((em) =>
        persistPlanBatch(em, batch, deps.project, 'activity'),
      );
      const what = abandoned
        ? 'plan events abandoned: their request ended without committing them'
        : written
          ? 'plan events written'
          : 'plan events were already written';
      log().info(what, {
        planId: batch.planId,
        firstSeq: batch.firstSeq,
        events: batch.events.length,
      });
      return abandoned ? 'ABANDONED' : 'WRITTEN';
    },

    async persistConsolidationEvents(batch: ConsolidationEventBatch): Promise<BatchOutcome> {
      // Never writes: every consolidation batch is a request's, which writes it or dies.
      const { abandoned } = await deps.dataSource.transaction((em) =>
        persistConsolidationBatch(em, batch, 'activity'),
      );
      log().info(
        abandoned
          ? 'consolidation events abandoned: their request ended without committing them'
          : 'consolidation events were already written',
        { consolidationId: batch.consolidationId, firstSeq: batch.firstSeq, events: batch.events.length },
      );
      return abandoned ? 'ABANDONED' : 'WRITTEN';
    },

    async cycleCheckpointReached(cycleId: string, checkpoint: CycleCheckpoint) {
      return deps.dataSource.transaction((em) => notifyUnionsWithoutPlan(em, cycleId, checkpoint));
    },
  };
}

/** The activity logger inside an activity; silent outside one (direct calls in tests). */
function log() {
  try {
    return Context.current().log;
  } catch {
    const noop = () => undefined;
    return { info: noop, warn: noop, error: noop, debug: noop, trace: noop };
  }
}
