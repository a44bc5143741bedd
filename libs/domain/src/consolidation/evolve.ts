import { DomainError } from '../errors';
import type { ConsolidationEvent, ConsolidationState } from './types';

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Applies one event to a consolidation. Pure; throws only on an event that cannot follow `state`. */
export function evolveConsolidation(
  state: ConsolidationState | null,
  event: ConsolidationEvent,
): ConsolidationState {
  if (event.type === 'ConsolidationCreated') {
    if (state) throw new DomainError('INTERNAL', 'ConsolidationCreated on an existing stream.');
    return {
      id: event.consolidationId,
      cycleId: event.cycleId,
      number: event.number,
      status: 'PENDING_APPROVAL',
      note: event.note ?? null,
      plans: copy(event.plans),
      missing: copy(event.missing),
      rollups: copy(event.rollups),
      createdAt: event.createdAt,
      createdBy: copy(event.by),
      decision: null,
      returnReason: null,
      returnedAt: null,
      returnedBy: null,
      updatedAt: event.createdAt,
    };
  }
  if (!state) throw new DomainError('INTERNAL', `Event ${event.type} cannot start a consolidation's stream.`);
  switch (event.type) {
    case 'ConsolidationApproved':
      return {
        ...state,
        status: 'APPROVED',
        decision: { ...copy(event.decision), decidedAt: event.approvedAt, decidedBy: copy(event.by) },
        updatedAt: event.approvedAt,
      };
    case 'ConsolidationReturned':
      return {
        ...state,
        status: 'RETURNED',
        returnReason: event.reason,
        returnedAt: event.returnedAt,
        returnedBy: copy(event.by),
        updatedAt: event.returnedAt,
      };
    default: {
      const unknown: never = event;
      throw new DomainError('INTERNAL', `Unknown event ${(unknown as { type: string }).type}.`);
    }
  }
}

/** Folds a consolidation's stream from its first event. */
export function replayConsolidation(events: readonly ConsolidationEvent[]): ConsolidationState {
  let state: ConsolidationState | null = null;
  for (const e of events) state = evolveConsolidation(state, e);
  if (!state) throw new DomainError('INTERNAL', 'A consolidation stream has at least one event.');
  return state;
}
