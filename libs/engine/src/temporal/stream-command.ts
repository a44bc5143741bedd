import type { Client } from '@temporalio/client';
import type { StoredEvent } from '../event-store';

/** What every stream's Temporal host needs from the API around one command. */
export interface StreamCommandHost<Batch> {
  client: Client;
  /** The API's clock: commands are decided at the caller's time, as on the embedded host. */
  now: () => Date;
  /** Locks the stream in the caller's transaction and returns its head (lockPlanStream & co). */
  lock: (id: string, creating: boolean) => Promise<number>;
  /** Writes the batches the workflow has not confirmed written, in the caller's transaction; the last one's rows. */
  persist: (batches: Batch[]) => Promise<StoredEvent[]>;
  /** How long a request waits for the workflow before it answers 503 (ENGINE_UNAVAILABLE). */
  updateTimeoutMs?: number;
}

/** A command as a stream's workflow receives it, whatever the stream. */
export interface StreamCommandRequest<Command> {
  command: Command;
  requestedAt: string;
  idempotencyKey?: string;
  expectedSeq: number;
}

interface StreamCommandResult<State, Event, Batch> {
  state: State;
  events: Event[];
  unpersisted: Batch[];
  replayed: boolean;
  note?: string;
}

/**
 * One command on a stream's workflow, the protocol every stream shares: lock the stream and decide
 * on its head (expectedSeq), send the update within the deadline, map Temporal's failures to the
 * embedded host's codes, and write what the workflow decided in the caller's transaction
 * (read-your-writes; the worker's activity then finds it written, or abandons it if this
 * transaction never commits). Repeats are recognised by the workflow's keys, not by Temporal
 * update ids: the server would answer a repeated id with the first outcome even after its batch
 * was abandoned.
 */
export async function runStreamCommand<Command, State, Event, Batch>(
  host: StreamCommandHost<Batch>,
  cmd: {
    id: string;
    creating: boolean;
    command: Command;
    idempotencyKey?: string;
    send: (request: StreamCommandRequest<Command>) => Promise<StreamCommandResult<State, Event, Batch>>;
    errorOf: (err: unknown) => Promise<unknown>;
  },
): Promise<{ state: State; events: Event[]; stored: StoredEvent[]; replayed: boolean; note?: string }> {
  const request: StreamCommandRequest<Command> = {
    command: cmd.command,
    requestedAt: host.now().toISOString(),
    ...(cmd.idempotencyKey ? { idempotencyKey: cmd.idempotencyKey } : {}),
    expectedSeq: await host.lock(cmd.id, cmd.creating),
  };
  let result: StreamCommandResult<State, Event, Batch>;
  const deadline = Date.now() + (host.updateTimeoutMs ?? 10_000);
  try {
    result = await host.client.withDeadline(deadline, () => cmd.send(request));
  } catch (err) {
    throw await cmd.errorOf(err);
  }
  const stored = result.unpersisted.length ? await host.persist(result.unpersisted) : [];
  return {
    state: result.state,
    events: result.events,
    stored: result.events.length ? stored : [],
    replayed: result.replayed,
    ...(result.note !== undefined ? { note: result.note } : {}),
  };
}
