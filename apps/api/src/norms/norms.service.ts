import { Injectable } from '@nestjs/common';
import { NormRule, TT35_2026_NORMS } from '@vufo/domain';
import { NormsRepository } from './norms.repository';

/** Norms are rows (versioned by valid_from/valid_to); read often, changed rarely, so cached briefly. */
@Injectable()
export class NormsService {
  // The cache's age is wall time on purpose, not the Clock: a test that moves the Clock must not
  // keep (or drop) the cache.
  private cache: { at: number; rules: NormRule[] } | null = null;

  constructor(private readonly repo: NormsRepository) {}

  async rules(): Promise<NormRule[]> {
    if (this.cache && Date.now() - this.cache.at < 30_000) return this.cache.rules;
    const rules = await this.repo.all();
    this.cache = { at: Date.now(), rules };
    return rules;
  }

  /** Idempotent: seeds Circular 35/2026/TT-BTC when the table is empty. */
  async seedDefaults(): Promise<void> {
    if (!(await this.repo.isEmpty())) return;
    await this.repo.insert(TT35_2026_NORMS);
    this.cache = null;
  }
}
