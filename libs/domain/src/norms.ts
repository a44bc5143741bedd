import { Vnd, vndToJson } from './money';

/** Budget categories: the external-affairs spending list of Decree 129/2026/NĐ-CP (Art. 6) and the norms' cost items. */
export const BUDGET_CATEGORIES = [
  'INTERNATIONAL_AIRFARE',
  'PER_DIEM_ABROAD',
  'ACCOMMODATION',
  'MEALS',
  'COURTESY_RECEPTION',
  'INTERPRETING',
  'TRANSLATION',
  'GIFTS',
  'VENUE_EQUIPMENT',
  'PRINTING_PUBLICATION',
  'LOCAL_TRANSPORT',
  'OTHER',
] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

/** Classes of foreign guests (Circular 35/2026/TT-BTC). SPECIAL has no fixed cap. */
export const GUEST_CLASSES = ['SPECIAL', 'A', 'B', 'C', 'OTHER'] as const;
export type GuestClass = (typeof GUEST_CLASSES)[number];

export const DELEGATION_MEMBER_ROLES = ['HEAD', 'DEPUTY', 'MEMBER'] as const;
export type DelegationMemberRole = (typeof DELEGATION_MEMBER_ROLES)[number];

export const FUNDING_SOURCES = ['STATE_BUDGET', 'NGO_AID', 'SOCIALIZATION', 'OTHER'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const ACTIVITY_TYPES = [
  'DELEGATION_OUT',
  'DELEGATION_IN',
  'INTERNATIONAL_CONFERENCE',
  'FRIENDSHIP_EXCHANGE',
  'NGO_AID_MOBILIZATION',
  'EXTERNAL_INFORMATION',
  'OVERSEAS_VIETNAMESE',
  'TRAINING',
  'RESEARCH',
  'OTHER',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const PRIORITIES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Who pays a budget line: the Vietnamese side or the foreign partner. */
export const PAYERS = ['VIETNAMESE_SIDE', 'FOREIGN_SIDE'] as const;
export type Payer = (typeof PAYERS)[number];

/** Narrows an unknown value to a member of one of the `as const` lists above. */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** One spending cap, as data (a row of a versioned table an admin can edit). */
export interface NormRule {
  id?: string;
  circular: string;
  article: string;
  category: BudgetCategory;
  guestClass: GuestClass | 'ANY';
  member: DelegationMemberRole | 'ANY';
  /** VND per `unit`. */
  cap: number;
  unit: string;
  /** First day in force, 'YYYY-MM-DD'. */
  validFrom: string;
  /** Last day in force (inclusive), 'YYYY-MM-DD'; open-ended when absent. */
  validTo?: string;
  note?: string;
}

export const CIRCULAR_35_2026 = '35/2026/TT-BTC';
const TT35_VALID_FROM = '2026-05-18';

/**
 * Source: /work/shared/data/norms-tt35-2026.json — Circular 35/2026/TT-BTC (signed 31/3/2026, in
 * force 18/5/2026; replaces Circular 71/2018/TT-BTC): reception of foreign guests. Caps in VND.
 * A province's People's Council may set lower local rates. SPECIAL-class guests have no fixed cap
 * (decided by the receiving unit's head).
 */
export const TT35_2026_NORMS: readonly NormRule[] = [
  {
    id: 'tt35-2026:7.2a:ACCOMMODATION:A:HEAD',
    circular: CIRCULAR_35_2026,
    article: '7.2a',
    category: 'ACCOMMODATION',
    guestClass: 'A',
    member: 'HEAD',
    cap: 9_400_000,
    unit: 'person-day',
    validFrom: TT35_VALID_FROM,
    note: 'breakfast included',
  },
  {
    id: 'tt35-2026:7.2b:ACCOMMODATION:A:DEPUTY',
    circular: CIRCULAR_35_2026,
    article: '7.2b',
    category: 'ACCOMMODATION',
    guestClass: 'A',
    member: 'DEPUTY',
    cap: 7_700_000,
    unit: 'person-day',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:7.2c:ACCOMMODATION:A:MEMBER',
    circular: CIRCULAR_35_2026,
    article: '7.2c',
    category: 'ACCOMMODATION',
    guestClass: 'A',
    member: 'MEMBER',
    cap: 6_000_000,
    unit: 'person-day',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:7.3a:ACCOMMODATION:B:HEAD',
    circular: CIRCULAR_35_2026,
    article: '7.3a',
    category: 'ACCOMMODATION',
    guestClass: 'B',
    member: 'HEAD',
    cap: 7_700_000,
    unit: 'person-day',
    validFrom: TT35_VALID_FROM,
    note: 'head and deputy',
  },
  {
    id: 'tt35-2026:7.3a:ACCOMMODATION:B:DEPUTY',
    circular: CIRCULAR_35_2026,
    article: '7.3a',
    category: 'ACCOMMODATION',
    guestClass: 'B',
    member: 'DEPUTY',
    cap: 7_700_000,
    unit: 'person-day',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:7.3b:ACCOMMODATION:B:MEMBER',
    circular: CIRCULAR_35_2026,
    article: '7.3b',
    category: 'ACCOMMODATION',
    guestClass: 'B',
    member: 'MEMBER',
    cap: 4_800_000,
    unit: 'person-day',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:7.4a:ACCOMMODATION:C:HEAD',
    circular: CIRCULAR_35_2026,
    article: '7.4a',
    category: 'ACCOMMODATION',
    guestClass: 'C',
    member: 'HEAD',
    cap: 4_300_000,
    unit: 'person-day',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:7.4b:ACCOMMODATION:C:MEMBER',
    circular: CIRCULAR_35_2026,
    article: '7.4b',
    category: 'ACCOMMODATION',
    guestClass: 'C',
    member: 'MEMBER',
    cap: 3_000_000,
    unit: 'person-day',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:7.5:ACCOMMODATION:OTHER:ANY',
    circular: CIRCULAR_35_2026,
    article: '7.5',
    category: 'ACCOMMODATION',
    guestClass: 'OTHER',
    member: 'ANY',
    cap: 1_600_000,
    unit: 'person-day',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:8.1b:MEALS:A:ANY',
    circular: CIRCULAR_35_2026,
    article: '8.1b',
    category: 'MEALS',
    guestClass: 'A',
    member: 'ANY',
    cap: 3_000_000,
    unit: 'person-day',
    validFrom: TT35_VALID_FROM,
    note: 'lunch and dinner, drinks included',
  },
  {
    id: 'tt35-2026:8.1c:MEALS:B:ANY',
    circular: CIRCULAR_35_2026,
    article: '8.1c',
    category: 'MEALS',
    guestClass: 'B',
    member: 'ANY',
    cap: 2_000_000,
    unit: 'person-day',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:8.1d:MEALS:C:ANY',
    circular: CIRCULAR_35_2026,
    article: '8.1d',
    category: 'MEALS',
    guestClass: 'C',
    member: 'ANY',
    cap: 1_600_000,
    unit: 'person-day',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:8.1đ:MEALS:OTHER:ANY',
    circular: CIRCULAR_35_2026,
    article: '8.1đ',
    category: 'MEALS',
    guestClass: 'OTHER',
    member: 'ANY',
    cap: 1_200_000,
    unit: 'person-day',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:10.2a:COURTESY_RECEPTION:A:ANY',
    circular: CIRCULAR_35_2026,
    article: '10.2a',
    category: 'COURTESY_RECEPTION',
    guestClass: 'A',
    member: 'ANY',
    cap: 300_000,
    unit: 'person-half-day',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:10.2b:COURTESY_RECEPTION:B:ANY',
    circular: CIRCULAR_35_2026,
    article: '10.2b',
    category: 'COURTESY_RECEPTION',
    guestClass: 'B',
    member: 'ANY',
    cap: 160_000,
    unit: 'person-half-day',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:10.2c:COURTESY_RECEPTION:C:ANY',
    circular: CIRCULAR_35_2026,
    article: '10.2c',
    category: 'COURTESY_RECEPTION',
    guestClass: 'C',
    member: 'ANY',
    cap: 120_000,
    unit: 'person-half-day',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:10.2c:COURTESY_RECEPTION:OTHER:ANY',
    circular: CIRCULAR_35_2026,
    article: '10.2c',
    category: 'COURTESY_RECEPTION',
    guestClass: 'OTHER',
    member: 'ANY',
    cap: 120_000,
    unit: 'person-half-day',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:11.1a:TRANSLATION:ANY:ANY',
    circular: CIRCULAR_35_2026,
    article: '11.1a',
    category: 'TRANSLATION',
    guestClass: 'ANY',
    member: 'ANY',
    cap: 300_000,
    unit: 'page (350 words), UN language to Vietnamese',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:11.1b:TRANSLATION:ANY:ANY',
    circular: CIRCULAR_35_2026,
    article: '11.1b',
    category: 'TRANSLATION',
    guestClass: 'ANY',
    member: 'ANY',
    cap: 360_000,
    unit: 'page (350 words), Vietnamese to UN language',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:11.2a:INTERPRETING:ANY:ANY',
    circular: CIRCULAR_35_2026,
    article: '11.2a',
    category: 'INTERPRETING',
    guestClass: 'ANY',
    member: 'ANY',
    cap: 750_000,
    unit: 'hour-interpreter, consecutive',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:11.2b:INTERPRETING:ANY:ANY',
    circular: CIRCULAR_35_2026,
    article: '11.2b',
    category: 'INTERPRETING',
    guestClass: 'ANY',
    member: 'ANY',
    cap: 1_500_000,
    unit: 'hour-interpreter, simultaneous',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:12.2b:GIFTS:A:HEAD',
    circular: CIRCULAR_35_2026,
    article: '12.2b',
    category: 'GIFTS',
    guestClass: 'A',
    member: 'HEAD',
    cap: 2_600_000,
    unit: 'person',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:12.2c:GIFTS:B:HEAD',
    circular: CIRCULAR_35_2026,
    article: '12.2c',
    category: 'GIFTS',
    guestClass: 'B',
    member: 'HEAD',
    cap: 1_800_000,
    unit: 'person',
    validFrom: TT35_VALID_FROM,
  },
  {
    id: 'tt35-2026:12.2b-d:GIFTS:ANY:MEMBER',
    circular: CIRCULAR_35_2026,
    article: '12.2b-d',
    category: 'GIFTS',
    guestClass: 'ANY',
    member: 'MEMBER',
    cap: 1_000_000,
    unit: 'person',
    validFrom: TT35_VALID_FROM,
    note: 'special cases only',
  },
];

export interface NormCheckLine {
  category: BudgetCategory;
  guestClass?: GuestClass;
  memberRole?: DelegationMemberRole;
  unitCost: Vnd;
  /** The norm the editor cites (an article, e.g. '11.1b'); when it names a rule in force, only that rule applies. */
  normArticle?: string;
}

/** A budget line above its norm: the rule it breaks. JSON-safe (unitCost as vndToJson gives it). */
export interface OverNorm {
  article: string;
  circular: string;
  cap: number;
  unit: string;
  unitCost: number | string;
  ruleId?: string;
}

function inForce(rule: NormRule, onDate: string): boolean {
  return rule.validFrom <= onDate && (!rule.validTo || onDate <= rule.validTo);
}

function classMatches(rule: NormRule, guestClass: GuestClass | undefined): boolean {
  return rule.guestClass === 'ANY' || (guestClass !== undefined && rule.guestClass === guestClass);
}

/** Rules for the line's delegation role: exact or ANY; no role counts as MEMBER; a DEPUTY with no deputy rule counts as MEMBER. */
function forMember(rules: NormRule[], role: DelegationMemberRole | undefined): NormRule[] {
  const wanted = role ?? 'MEMBER';
  const exact = rules.filter((r) => r.member === wanted || r.member === 'ANY');
  if (wanted === 'DEPUTY' && !exact.some((r) => r.member === 'DEPUTY')) {
    return rules.filter((r) => r.member === 'MEMBER' || r.member === 'ANY');
  }
  return exact;
}

/**
 * Checks one budget line's unit cost against the norms in force on `onDate` ('YYYY-MM-DD').
 * Returns the broken rule, or null when the line is within its norm or no norm applies.
 * - A SPECIAL-class guest has no cap (null).
 * - Candidate rules: in force on the date (validTo inclusive), same category, guest class exact or
 *   ANY (a line without a guest class matches only ANY rules), member exact or ANY (no member role
 *   means MEMBER; a DEPUTY where the class has no deputy rule counts as MEMBER).
 * - If the line cites `normArticle` and a rule in force has that article, only rules with that
 *   article apply (those matching class and member if any do, else all of them); an article that
 *   names no rule in force is ignored and the automatic match applies.
 * - When several rules still apply (e.g. translation directions), the highest cap is compared.
 */
export function checkNorm(line: NormCheckLine, rules: readonly NormRule[], onDate: string): OverNorm | null {
  if (line.guestClass === 'SPECIAL') return null;
  const valid = rules.filter((r) => inForce(r, onDate));
  let applicable: NormRule[] = [];
  if (line.normArticle) {
    const cited = valid.filter((r) => r.article === line.normArticle);
    if (cited.length) {
      const matching = forMember(
        cited.filter((r) => r.category === line.category && classMatches(r, line.guestClass)),
        line.memberRole,
      );
      applicable = matching.length ? matching : cited;
    }
  }
  if (!applicable.length) {
    applicable = forMember(
      valid.filter((r) => r.category === line.category && classMatches(r, line.guestClass)),
      line.memberRole,
    );
  }
  if (!applicable.length) return null;
  const rule = applicable.reduce((best, r) => (r.cap > best.cap ? r : best));
  if (line.unitCost <= BigInt(rule.cap)) return null;
  return {
    article: rule.article,
    circular: rule.circular,
    cap: rule.cap,
    unit: rule.unit,
    unitCost: vndToJson(line.unitCost),
    ...(rule.id ? { ruleId: rule.id } : {}),
  };
}

/**
 * A norm's article reference ("7.2a", "7.5", "12.2b-d") in the parts of an official citation:
 * Điều (article), khoản (clause), điểm (point, a Vietnamese letter, or a range of them). The UI
 * builds "điểm a khoản 2 Điều 7 Thông tư số 35/2026/TT-BTC" from these; null when the reference
 * is not in that shape (then it is shown as written).
 */
export interface CitationParts {
  article: string;
  clause?: string;
  points?: { from: string; to?: string };
}

export function citationParts(reference: string): CitationParts | null {
  const m = /^(\d+)(?:\.(\d+)([a-zđ])?(?:-([a-zđ]))?)?$/u.exec(reference.trim());
  if (!m) return null;
  const [, article, clause, from, to] = m;
  if (!clause) return { article };
  if (!from) return { article, clause };
  return { article, clause, points: to ? { from, to } : { from } };
}
