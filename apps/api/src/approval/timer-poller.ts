import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PlanCommand } from '@vufo/domain';
import { ApprovalEngine } from '@vufo/engine';
import { Clock } from '../common/clock';
import { Tx } from '../common/transaction';
import { APP_CONFIG, AppConfig } from '../config';
import { SYSTEM_ACTOR } from './actor';

/** Timers fired in parallel per tick; well under the connection pool (20). */
const FIRE_CONCURRENCY = 8;

interface DueTimer {
  stream_id: string;
  key: string;
  timer: string;
  due_at: Date;
}

/**
 * Fires due timers. A timer is claimed by locking its plan row (SKIP LOCKED: a busy plan or a
 * timer another process holds is left for the next tick) and fired as a DeadlineReached command
 * in that same transaction, then marked fired: a crash rolls both back, so a timer fires exactly
 * once however many processes poll, and one that came due while all were down fires on start.
 */
@Injectable()
export class TimerPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Timers');
  private handle: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    @Inject(ApprovalEngine) private readonly engine: ApprovalEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.timers || this.engine.kind !== 'embedded') return;
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.handle) clearTimeout(this.handle);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.handle = setTimeout(() => {
      this.running = this.tick()
        .catch((err) => this.log.error({ err }, 'timer tick failed'))
        .then((fired) => this.schedule(fired ? 0 : this.config.timerPollMs));
    }, ms);
  }

  /** Fires up to one batch of due timers; returns how many fired (so a backlog drains without waiting). */
  async tick(batch = 120): Promise<number> {
    const now = this.clock.now();
    const due: DueTimer[] = await this.tx.em.query(
      `SELECT stream_id, key, timer, due_at FROM app.timers WHERE fired_at IS NULL AND due_at <= $1 AND attempts < 10 ORDER BY due_at LIMIT $2`,
      [now, batch],
    );
    // A few firings at once, each in its own transaction (SKIP LOCKED keeps them apart): one at a
    // time, a batch of 1,000 deadlines due together took ~20 s to drain (bench/annual-cycle).
    let fired = 0;
    let next = 0;
    const worker = async () => {
      while (next < due.length && !this.stopped) if (await this.fire(due[next++])) fired++;
    };
    await Promise.all(Array.from({ length: Math.min(FIRE_CONCURRENCY, due.length) }, worker));
    return fired;
  }

  private async fire(t: DueTimer): Promise<boolean> {
    try {
      return await this.tx.run(async (em) => {
        // Claim: the plan row locked (or skipped when another firing or command holds it) and the
        // timer still due, in one statement.
        const still: DueTimer[] = await em.query(
          `SELECT t.stream_id, t.key, t.timer, t.due_at FROM app.timers t JOIN app.plans p ON p.id = t.stream_id
            WHERE t.stream_id = $1 AND t.key = $2 AND t.fired_at IS NULL AND t.due_at <= $3
              FOR UPDATE OF p SKIP LOCKED`,
          [t.stream_id, t.key, this.clock.now()],
        );
        const timer = still[0];
        if (!timer) return false;
        const dueAt = timer.due_at.toISOString();
        // Marked first, so the reschedule inside the command keeps this row as the record of the firing.
        await em.query(
          `UPDATE app.timers SET fired_at = $3, attempts = attempts + 1 WHERE stream_id = $1 AND key = $2`,
          [t.stream_id, t.key, this.clock.now()],
        );
        const out = await this.engine.dispatch({
          planId: t.stream_id,
          actor: SYSTEM_ACTOR,
          command: {
            type: 'DeadlineReached',
            actor: SYSTEM_ACTOR,
            key: timer.key,
            timer: timer.timer,
            dueAt,
          } as PlanCommand,
          idempotencyKey: `timer:${timer.key}:${dueAt}`,
        });
        if (out.note) this.log.log({ plan: t.stream_id, key: t.key }, `timer did nothing: ${out.note}`);
        return true;
      });
    } catch (err) {
      this.log.error({ err, plan: t.stream_id, key: t.key }, 'timer failed; will retry');
      await this.tx.em.query(
        `UPDATE app.timers SET attempts = attempts + 1, last_error = $3 WHERE stream_id = $1 AND key = $2`,
        [t.stream_id, t.key, String((err as Error).message).slice(0, 500)],
      );
      return false;
    }
  }
}
