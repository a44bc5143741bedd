import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PlanCommand } from '@vufo/domain';
import { ApprovalEngine, notifyUnionsWithoutPlan } from '@vufo/engine';
import { Clock } from '../common/clock';
import { Tx } from '../common/transaction';
import { APP_CONFIG, AppConfig } from '../config';
import { groupBy } from '../common/group';
import { SYSTEM_ACTOR } from '../approval/actor';
import { EmbeddedApprovalEngine } from '../approval/embedded-engine';
import { DueTimer, TimersRepository } from './timers.repository';

/** Due timers claimed and fired together, in one transaction. */
const BATCH = 250;

/**
 * Fires due timers. A timer is claimed by locking it and its plan row (SKIP LOCKED: a busy plan or
 * a timer another process holds is left for the next tick) and fired as a DeadlineReached command
 * in that same transaction, then marked fired: a crash rolls both back, so a timer fires exactly
 * once however many processes poll, and one that came due while all were down fires on start.
 *
 * Set-wise: a batch of due timers is claimed in one statement and fired as one set of commands
 * (a handful of statements for the whole batch), because deadlines come due together — the
 * submission deadline of every union is the same day. One at a time, 1,000 of them took ~20 s;
 * eight at a time, 4.7 s at p99 (bench/annual-cycle). If a set fails, its timers are fired one
 * by one, so one bad timer is retried and recorded on its own and holds up no other.
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
    private readonly embedded: EmbeddedApprovalEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly timers: TimersRepository,
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
        .catch((err) => {
          // Ctrl-C reaches the embedded PostgreSQL (same process group) as it reaches us: a tick
          // cut off by the database's own shutdown is the shutdown, not a failure.
          if (databaseShuttingDown(err)) this.log.warn('timer tick stopped: the database is shutting down');
          else this.log.error({ err }, 'timer tick failed');
        })
        .then((fired) => this.schedule(fired ? 0 : this.config.timerPollMs));
    }, ms);
  }

  /** Fires up to one batch of due timers; returns how many fired (so a backlog drains without waiting). */
  async tick(): Promise<number> {
    const reached = await this.reachCheckpoints().catch((err: unknown) => {
      if (databaseShuttingDown(err)) throw err;
      this.log.error({ err }, 'cycle checkpoints failed; will retry');
      return 0;
    });
    try {
      return reached + (await this.fire(BATCH));
    } catch (err) {
      this.log.warn({ err }, 'a batch of timers failed; firing them one by one');
    }
    const due = await this.timers.due(this.clock.now(), BATCH);
    let fired = 0;
    for (const t of due) {
      if (this.stopped) break;
      try {
        fired += await this.fire(1, t);
      } catch (err) {
        this.log.error({ err, plan: t.stream_id, key: t.key }, 'timer failed; will retry');
        await this.timers.recordFailure(t, String((err as Error).message));
      }
    }
    return fired;
  }

  /** The cycles' own checkpoints (unions without a plan): reached and told in one transaction. */
  private reachCheckpoints(): Promise<number> {
    return this.tx.run(async (em) => {
      const due = await this.timers.claimCheckpoints(em, this.clock.now(), 20);
      for (const { cycleId, checkpoint } of due) await notifyUnionsWithoutPlan(em, cycleId, checkpoint);
      return due.length;
    });
  }

  /** Claims up to `limit` due timers (or just `only`) and fires them in one transaction. */
  private fire(limit: number, only?: DueTimer): Promise<number> {
    return this.tx.run(async (em) => {
      const claimed = await this.timers.claim(em, this.clock.now(), limit, only);
      if (!claimed.length) return 0;
      const streams = [...groupBy(claimed, (t) => t.stream_id).values()].map((timers) => {
        timers.sort((a, b) => a.due_at.getTime() - b.due_at.getTime() || (a.key < b.key ? -1 : 1));
        const { stream_id, machine_state, stream_seq, stream_hash } = timers[0];
        return {
          planId: stream_id,
          head: { state: machine_state, seq: stream_seq, hash: stream_hash },
          commands: timers.map((t) => {
            const dueAt = t.due_at.toISOString();
            return {
              command: {
                type: 'DeadlineReached',
                actor: SYSTEM_ACTOR,
                key: t.key,
                timer: t.timer,
                dueAt,
              } as PlanCommand,
              actor: SYSTEM_ACTOR,
              idempotencyKey: `timer:${t.key}:${dueAt}`,
            };
          }),
        };
      });
      const outcomes = await this.embedded.dispatchMany(em, streams);
      streams.forEach((s, i) =>
        outcomes[i].forEach((out, j) => {
          if (out.note)
            this.log.log(
              { plan: s.planId, key: (s.commands[j].command as { key: string }).key },
              `timer did nothing: ${out.note}`,
            );
        }),
      );
      return claimed.length;
    });
  }
}

/** PostgreSQL's "terminating connection due to administrator command" (57P01) or its aftermath. */
function databaseShuttingDown(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.code ?? e?.driverError?.code;
  return code === '57P01' || code === '57P03' || /Connection terminated/.test(e?.message ?? '');
}
