import { Injectable } from '@nestjs/common';
import { NormRule, TT35_2026_NORMS } from '@vufo/domain';
import { NormRuleEntity } from '@vufo/persistence';
import { Tx } from '../common/transaction';

/** Norms are rows (versioned by valid_from/valid_to); read often, changed rarely, so cached briefly. */
@Injectable()
export class NormsService {
  private cache: { at: number; rules: NormRule[] } | null = null;

  constructor(private readonly tx: Tx) {}

  async rules(): Promise<NormRule[]> {
    if (this.cache && Date.now() - this.cache.at < 30_000) return this.cache.rules;
    const rows = await this.tx.em
      .getRepository(NormRuleEntity)
      .find({ order: { category: 'ASC', article: 'ASC' } });
    const rules = rows.map((r) => ({
      id: r.id,
      circular: r.circular,
      article: r.article,
      category: r.category,
      guestClass: r.guestClass,
      member: r.member,
      cap: Number(r.cap),
      unit: r.unit,
      validFrom: r.validFrom,
      validTo: r.validTo ?? undefined,
      note: r.note ?? undefined,
    })) as NormRule[];
    this.cache = { at: Date.now(), rules };
    return rules;
  }

  /** Idempotent: seeds Circular 35/2026/TT-BTC when the table is empty. */
  async seedDefaults(): Promise<void> {
    const repo = this.tx.em.getRepository(NormRuleEntity);
    if ((await repo.count()) > 0) return;
    await repo.insert(
      TT35_2026_NORMS.map((n) => ({
        circular: n.circular,
        article: n.article,
        category: n.category,
        guestClass: n.guestClass,
        member: n.member,
        cap: String(n.cap),
        unit: n.unit,
        validFrom: n.validFrom,
        validTo: n.validTo ?? null,
        note: n.note ?? null,
      })),
    );
    this.cache = null;
  }
}
