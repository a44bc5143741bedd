import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@vufo/domain';

/** How long a request waits, in all, for a plan's workflow to settle a batch (StreamBehind). */
const RETRY_FOR_MS = 8000;

/**
 * One database transaction shared by everything a request (or a timer) touches, without
 * threading an EntityManager through every call: `run` opens it, `em` finds it.
 */
@Injectable()
export class Tx {
  private readonly als = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly ds: DataSource) {}

  get em(): EntityManager {
    return this.als.getStore() ?? this.ds.manager;
  }

  /**
   * The outermost call owns the transaction. A failure that says "try again" (`retryable`: the
   * Temporal host's StreamBehind) rolls it back and runs the work again, a little later each time;
   * past RETRY_FOR_MS the caller hears ENGINE_UNAVAILABLE (503) and nothing was changed.
   */
  async run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const current = this.als.getStore();
    if (current) return work(current);
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.ds.transaction((em) => this.als.run(em, () => work(em)));
      } catch (err) {
        if ((err as { retryable?: unknown }).retryable !== true) throw err;
        if (Date.now() - started > RETRY_FOR_MS) {
          throw new DomainError('ENGINE_UNAVAILABLE', (err as Error).message, [], { cause: err });
        }
        await sleep(Math.min(1000, 25 * 2 ** attempt));
      }
    }
  }
}
