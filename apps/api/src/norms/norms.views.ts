import { Day, Integer, PageOf, Str, Uuid } from '../common/openapi';

/** What the norms endpoint answers: the spending caps in force and past (OpenAPI response schemas). */

export class NormRuleView {
  @Uuid() id!: string;
  @Str() circular!: string;
  @Str() article!: string;
  @Str() category!: string;
  @Str() guestClass!: string;
  @Str() member!: string;
  @Integer({ description: 'VND per unit' }) cap!: number;
  @Str() unit!: string;
  @Day() validFrom!: string;
  @Day({ optional: true }) validTo?: string;
  @Str({ optional: true }) note?: string;
}

export class NormRulePage extends PageOf(NormRuleView) {}
