import { Injectable } from '@nestjs/common';
import type { CycleCheckpoint, PlanState } from '@vufo/domain';
import type { EntityManager } from 'typeorm';
import { Tx } from '../common/transaction';

/** A timer fails at most this often before it is left for a person (its last_error says why). */
export const MAX_TIMER_ATTEMPTS = 10;

/** Due at $1 and not given up on: the batch claim and the one-by-one fallback pick alike. */
const isDue = (t: string) =>
  `${t}.fired_at IS NULL AND ${t}.due_at <= $1 AND ${t}.attempts < ${MAX_TIMER_ATTEMPTS}`;

export interface DueTimer {
  stream_id: string;
  key: string;
}

/** A timer claimed for firing, with its plan's stream head read under the plan row's lock. */
export interface ClaimedTimer extends DueTimer {
  timer: string;
  due_at: Date;
  machine_state: PlanState | null;
  stream_seq: number;
  stream_hash: string | null;
}

/** The timers table (the embedded host's durable timers): the poller's SQL, all of it. */
@Injectable()
export class TimersRepository {
  constructor(private readonly tx: Tx) {}

  /**
   * Claims up to `limit` timers due at `now` (or just `only`) and marks them fired at `now`, in
   * `em`'s transaction. Marked first, so the reschedule inside the command keeps this row as the
   * record of the firing. Locking the timer row and its plan row (SKIP LOCKED: a busy plan or a
   * timer another process holds is left for the next tick) makes a poller that waited on it
   * re-check fired_at, rather than claim what another has just fired.
   */
  async claim(em: EntityManager, now: Date, limit: number, only?: DueTimer): Promise<ClaimedTimer[]> {
    const params: unknown[] = [now, limit];
    if (only) params.push(only.stream_id, only.key);
    const [claimed]: [ClaimedTimer[], number] = await em.query(
      `WITH due AS (
         SELECT t.stream_id, t.key FROM app.timers t JOIN app.plans p ON p.id = t.stream_id
          WHERE ${isDue('t')}
                ${only ? 'AND t.stream_id = $3 AND t.key = $4' : ''}
          ORDER BY t.due_at LIMIT $2
            FOR UPDATE OF t, p SKIP LOCKED)
       UPDATE app.timers t SET fired_at = $1, attempts = t.attempts + 1
         FROM due JOIN app.plans p ON p.id = due.stream_id
        WHERE t.stream_id = due.stream_id AND t.key = due.key
        RETURNING t.stream_id, t.key, t.timer, t.due_at, p.machine_state, p.stream_seq, p.stream_hash`,
      params,
    );
    return claimed;
  }

  /**
   * Claims the cycle checkpoints due at `now` (SKIP LOCKED: another poller's are left to it) and
   * marks them reached, in `em`'s transaction: the notices are written in the same one.
   */
  async claimCheckpoints(
    em: EntityManager,
    now: Date,
    limit: number,
  ): Promise<{ cycleId: string; checkpoint: CycleCheckpoint }[]> {
    const [rows]: [{ cycle_id: string; key: string; kind: CycleCheckpoint['kind']; due_at: Date }[], number] =
      await em.query(
        `UPDATE app.cycle_checkpoints c SET reached_at = $1
           FROM (SELECT cycle_id, key FROM app.cycle_checkpoints
                  WHERE reached_at IS NULL AND due_at <= $1 ORDER BY due_at LIMIT $2
                    FOR UPDATE SKIP LOCKED) due
          WHERE c.cycle_id = due.cycle_id AND c.key = due.key
          RETURNING c.cycle_id, c.key, c.kind, c.due_at`,
        [now, limit],
      );
    return rows
      .sort((a, b) => a.due_at.getTime() - b.due_at.getTime())
      .map((r) => ({
        cycleId: r.cycle_id,
        checkpoint: { kind: r.kind, key: r.key, dueAt: r.due_at.toISOString() },
      }));
  }

  /** Up to `limit` timers due at `now`, earliest first, unlocked (the one-by-one fallback's list). */
  due(now: Date, limit: number): Promise<DueTimer[]> {
    return this.tx.em.query(
      `SELECT t.stream_id, t.key FROM app.timers t WHERE ${isDue('t')} ORDER BY t.due_at LIMIT $2`,
      [now, limit],
    );
  }

  /** A failed firing: counted, with its reason, so a timer that keeps failing is given up on. */
  async recordFailure(timer: DueTimer, error: string): Promise<void> {
    await this.tx.em.query(
      `UPDATE app.timers SET attempts = attempts + 1, last_error = $3 WHERE stream_id = $1 AND key = $2`,
      [timer.stream_id, timer.key, error.slice(0, 500)],
    );
  }
}
