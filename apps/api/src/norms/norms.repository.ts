import { Injectable } from '@nestjs/common';
import { NormRule } from '@vufo/domain';
import { NormRuleEntity } from '@vufo/persistence';
import { Tx } from '../common/transaction';

/** The norms capability's SQL: the rule rows, as the domain's NormRule. */
@Injectable()
export class NormsRepository {
  constructor(private readonly tx: Tx) {}

  private get rows() {
    return this.tx.em.getRepository(NormRuleEntity);
  }

  async all(): Promise<NormRule[]> {
    const rows = await this.rows.find({ order: { category: 'ASC', article: 'ASC' } });
    return rows.map((r) => ({
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
  }

  async isEmpty(): Promise<boolean> {
    return (await this.rows.count()) === 0;
  }

  async insert(rules: readonly Omit<NormRule, 'id'>[]): Promise<void> {
    await this.rows.insert(
      rules.map((n) => ({
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
  }
}
