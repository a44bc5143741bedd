import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

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

  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const current = this.als.getStore();
    if (current) return work(current);
    return this.ds.transaction((em) => this.als.run(em, () => work(em)));
  }
}
