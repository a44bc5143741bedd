/**
 * The national plan's figures: which plans a consolidation takes in, the unions still missing,
 * and the roll-ups by province, emulation cluster, activity type, partner country and funding
 * source. Pure; money is bigint (Vnd) while computing, decimal strings in events and state.
 */
import type { PlanStatus } from '../approval/types';
import { parseVnd, type Vnd } from '../money';
import { ACTIVITY_TYPES, FUNDING_SOURCES } from '../norms';
import {
  ROLLUP_DIMENSIONS,
  type ConsolidationEntry,
  type ConsolidationStatus,
  type FrozenPlan,
  type MissingUnion,
  type ProvinceRef,
  type RollupRow,
  type Rollups,
} from './types';

// ---------------------------------------------------------------------------------------------
// Which plans go in, and the number

/** A plan of the cycle as the host sees it under the cycle's lock. */
export interface CyclePlanFact {
  planId: string;
  organizationId: string;
  status: PlanStatus;
  /** ISO instant of the plan's approval; null before it. */
  approvedAt: string | null;
  /** The consolidation holding it, with that consolidation's status; null when none does. */
  heldBy: { consolidationId: string; status: ConsolidationStatus } | null;
}

export interface ConsolidationFact {
  id: string;
  number: number;
  status: ConsolidationStatus;
}

export interface NextConsolidation {
  /** 1 = the national plan, 2, 3, … = supplementary. */
  number: number;
  /** The approved plans to freeze, oldest approval first (ties by id). */
  planIds: string[];
  /** The consolidation still awaiting the leadership, if any (CreateConsolidation is then refused). */
  pendingConsolidationId: string | null;
}

/**
 * What the next consolidation of a cycle takes in: every `APPROVED` plan that no approved or
 * pending consolidation holds (a returned consolidation lets its plans go). Its number counts the
 * approved consolidations: a returned one is superseded, so the redo of a returned national plan
 * is again number 1 and supplementary ones follow 2, 3, … (a host keeps (cycle, number) unique
 * among consolidations that are not RETURNED, not among all).
 */
export function nextConsolidation(
  plans: readonly CyclePlanFact[],
  consolidations: readonly ConsolidationFact[],
): NextConsolidation {
  const approved = consolidations.filter((c) => c.status === 'APPROVED');
  const pending = consolidations.find((c) => c.status === 'PENDING_APPROVAL');
  const free = plans.filter(
    (p) => p.status === 'APPROVED' && (p.heldBy === null || p.heldBy.status === 'RETURNED'),
  );
  free.sort((a, b) => cmp(a.approvedAt ?? '', b.approvedAt ?? '') || cmp(a.planId, b.planId));
  return {
    number: approved.length + 1,
    planIds: free.map((p) => p.planId),
    pendingConsolidationId: pending ? pending.id : null,
  };
}

/** A provincial union as `missingUnions` needs it. */
export interface UnionFact {
  organizationId: string;
  organizationName: string;
  status: 'ACTIVE' | 'MERGED';
}

const LIVE_FIRST: readonly PlanStatus[] = [
  'IN_ROLLOUT',
  'CLOSED',
  'APPROVED',
  'IN_APPRAISAL',
  'REVISION_REQUESTED',
  'DRAFT',
  'REJECTED',
  'WITHDRAWN',
];

/**
 * The active provincial unions still missing from the national plan: those with no plan in this
 * consolidation nor in an approved one of the cycle (`consolidatedPlanIds`), with the status of
 * their plan in the cycle (a live one before a rejected or withdrawn one), null when they have
 * none. A merged union is not listed: its plans count under its successor, which is listed
 * only if it has none of its own consolidated. Sorted by name in Vietnamese order (Đ after D).
 */
export function missingUnions(
  unions: readonly UnionFact[],
  cyclePlans: readonly Pick<CyclePlanFact, 'planId' | 'organizationId' | 'status'>[],
  consolidatedPlanIds: Iterable<string>,
): MissingUnion[] {
  const consolidated = new Set(consolidatedPlanIds);
  const covered = new Set(cyclePlans.filter((p) => consolidated.has(p.planId)).map((p) => p.organizationId));
  return unions
    .filter((u) => u.status === 'ACTIVE' && !covered.has(u.organizationId))
    .map((u) => {
      const own = cyclePlans
        .filter((p) => p.organizationId === u.organizationId)
        .sort((a, b) => LIVE_FIRST.indexOf(a.status) - LIVE_FIRST.indexOf(b.status));
      return {
        organizationId: u.organizationId,
        organizationName: u.organizationName,
        planStatus: own.length ? own[0].status : null,
      };
    })
    .sort(
      (a, b) =>
        a.organizationName.localeCompare(b.organizationName, 'vi') || cmp(a.organizationId, b.organizationId),
    );
}

// ---------------------------------------------------------------------------------------------
// Roll-ups

/** Row keys that are not codes of their own. */
export const ROLLUP_KEYS = {
  /** byPartnerCountry: an activity with two or more partner countries. */
  SEVERAL_COUNTRIES: 'MULTIPLE',
  /** byPartnerCountry: an activity with no foreign partner country (training, research, …). */
  NO_COUNTRY: 'NONE',
  /** byCluster: a plan whose union sits in no cluster of the cycle. */
  NO_CLUSTER: 'NONE',
  /** byProvince: a plan whose union has no province code. */
  NO_PROVINCE: 'NONE',
} as const;

/** Row labels in Vietnamese (the default) and English; a host answering in English relabels by key. */
export const ROLLUP_LABELS = {
  vi: {
    activityType: {
      DELEGATION_OUT: 'Đoàn ra',
      DELEGATION_IN: 'Đoàn vào',
      INTERNATIONAL_CONFERENCE: 'Hội nghị, hội thảo quốc tế',
      FRIENDSHIP_EXCHANGE: 'Giao lưu hữu nghị, kỷ niệm',
      NGO_AID_MOBILIZATION: 'Vận động viện trợ phi chính phủ nước ngoài',
      EXTERNAL_INFORMATION: 'Thông tin đối ngoại',
      OVERSEAS_VIETNAMESE: 'Công tác người Việt Nam ở nước ngoài',
      TRAINING: 'Đào tạo, bồi dưỡng',
      RESEARCH: 'Nghiên cứu, tham mưu',
      OTHER: 'Khác',
    },
    fundingSource: {
      STATE_BUDGET: 'Ngân sách nhà nước',
      NGO_AID: 'Viện trợ PCPNN',
      SOCIALIZATION: 'Xã hội hóa',
      OTHER: 'Nguồn khác',
    },
    severalCountries: 'Nhiều quốc gia',
    noCountry: 'Không có quốc gia đối tác',
    noCluster: 'Chưa xếp cụm thi đua',
    noProvince: 'Không thuộc tỉnh, thành phố',
  },
  en: {
    activityType: {
      DELEGATION_OUT: 'Delegations out',
      DELEGATION_IN: 'Delegations in',
      INTERNATIONAL_CONFERENCE: 'International conferences',
      FRIENDSHIP_EXCHANGE: 'Friendship exchanges',
      NGO_AID_MOBILIZATION: 'Foreign NGO aid mobilisation',
      EXTERNAL_INFORMATION: 'External information',
      OVERSEAS_VIETNAMESE: 'Overseas Vietnamese',
      TRAINING: 'Training',
      RESEARCH: 'Research',
      OTHER: 'Other',
    },
    fundingSource: {
      STATE_BUDGET: 'State budget',
      NGO_AID: 'Foreign NGO aid',
      SOCIALIZATION: 'Socialisation',
      OTHER: 'Other sources',
    },
    severalCountries: 'Several countries',
    noCountry: 'No partner country',
    noCluster: 'No emulation cluster',
    noProvince: 'No province',
  },
} as const;

export type RollupLanguage = keyof typeof ROLLUP_LABELS;

/** A plan's activities with amounts as Vnd: what `rollUp` works on. */
export interface RollupPlan {
  planId: string;
  organizationName: string;
  provinceCode: string | null;
  cluster: { number: number; name: string } | null;
  activities: {
    type: string;
    partnerCountries: readonly string[];
    lines: { fundingSource: string; requested: Vnd; approved: Vnd }[];
  }[];
}

/** The frozen plans of a command (amounts as decimal strings) as Vnd. */
export function rollupPlanOf(plan: FrozenPlan): RollupPlan {
  return {
    planId: plan.planId,
    organizationName: plan.organizationName,
    provinceCode: plan.provinceCode,
    cluster: plan.cluster,
    activities: plan.activities.map((a) => ({
      type: a.type,
      partnerCountries: a.partnerCountries,
      lines: a.lines.map((l) => ({
        fundingSource: l.fundingSource,
        requested: parseVnd(l.requested),
        approved: parseVnd(l.approved),
      })),
    })),
  };
}

/**
 * The province a plan counts under: its own, or the last successor when its province merged
 * (A into B into C counts under C; a loop in the data stops where it would repeat).
 */
export function successorOf(code: string, provinces: ReadonlyMap<string, ProvinceRef>): ProvinceRef | null {
  let at = provinces.get(code) ?? null;
  const seen = new Set<string>();
  while (at && at.mergedIntoCode && !seen.has(at.code)) {
    seen.add(at.code);
    const next = provinces.get(at.mergedIntoCode);
    if (!next) break;
    at = next;
  }
  return at;
}

type Acc = { label: string; requested: Vnd; approved: Vnd; activities: number; order: number };

class Dimension {
  private readonly rows = new Map<string, Acc>();
  constructor(private readonly orderOf: (key: string) => number) {}

  add(key: string, label: string, requested: Vnd, approved: Vnd, activities: number): void {
    const row = this.rows.get(key) ?? {
      label,
      requested: 0n,
      approved: 0n,
      activities: 0,
      order: this.orderOf(key),
    };
    row.requested += requested;
    row.approved += approved;
    row.activities += activities;
    this.rows.set(key, row);
  }

  list(): RollupRow<Vnd>[] {
    return [...this.rows.entries()]
      .sort(([ka, a], [kb, b]) => a.order - b.order || cmp(ka, kb))
      .map(([key, r]) => ({
        key,
        label: r.label,
        requested: r.requested,
        approved: r.approved,
        activities: r.activities,
      }));
  }
}

/** Known keys first, in their list's order; unknown keys after them by key; `last` keys at the end. */
function orderBy(list: readonly string[], last: readonly string[] = []) {
  return (key: string) => {
    if (last.includes(key)) return 1_000_000 + last.indexOf(key);
    const i = list.indexOf(key);
    return i < 0 ? list.length : i;
  };
}

/**
 * The roll-ups of a consolidation from its plans' approved versions. Every dimension's rows add
 * up to `total` in requested amount, approved amount and number of activities, so a consolidator
 * can read any table against the national total:
 *
 * - byProvince: per plan, under the province it counts in — its successor's after a merger
 *   (`provinces` carries `mergedIntoCode`), labelled with the successor's name, keyed by its code.
 * - byCluster: per plan, by the cycle's cluster the host resolved for it (key: the number).
 * - byActivityType: per activity.
 * - byPartnerCountry: per activity, whole. An activity with one partner country counts under that
 *   country; one with several counts once under "several countries" (MULTIPLE), one with none
 *   under NONE. Splitting a regional conference's budget among its five countries would print
 *   amounts nobody planned or approved for any of them, and counting it under each would make the
 *   column add up to more than the national plan; a consolidator asking "how much for Laos?"
 *   reads the bilateral figure in the LA row and sees the multilateral work beside it.
 * - byFundingSource: amounts per budget line, under the line's source (exact, no split needed).
 *   The activity is counted once, under the source that funds the largest part of its requested
 *   amount (ties: the first in FUNDING_SOURCES order), so the count column adds up as well.
 *
 * Rows are ordered: provinces by code, clusters by number, types and sources in their lists'
 * order, countries by code with MULTIPLE then NONE last. Labels are Vietnamese (`language`
 * chooses), countries labelled by their ISO code unless `countryName` names them.
 */
export function rollUp(
  plans: readonly RollupPlan[],
  provinces: readonly ProvinceRef[],
  options: { language?: RollupLanguage; countryName?: (code: string) => string | undefined } = {},
): Rollups<Vnd> {
  const words = ROLLUP_LABELS[options.language ?? 'vi'];
  const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
  const byProvince = new Dimension((k) => (k === ROLLUP_KEYS.NO_PROVINCE ? 1 : 0));
  const byCluster = new Dimension((k) =>
    k === ROLLUP_KEYS.NO_CLUSTER ? Number.MAX_SAFE_INTEGER : Number(k),
  );
  const byActivityType = new Dimension(orderBy(ACTIVITY_TYPES));
  const byPartnerCountry = new Dimension(
    orderBy([], [ROLLUP_KEYS.SEVERAL_COUNTRIES, ROLLUP_KEYS.NO_COUNTRY]),
  );
  const byFundingSource = new Dimension(orderBy(FUNDING_SOURCES));
  const total = { requested: 0n, approved: 0n, activities: 0 };

  for (const plan of plans) {
    let planRequested = 0n;
    let planApproved = 0n;
    for (const activity of plan.activities) {
      let requested = 0n;
      let approved = 0n;
      const bySource = new Map<string, Vnd>();
      for (const line of activity.lines) {
        requested += line.requested;
        approved += line.approved;
        bySource.set(line.fundingSource, (bySource.get(line.fundingSource) ?? 0n) + line.requested);
        byFundingSource.add(
          line.fundingSource,
          labelOf(words.fundingSource, line.fundingSource),
          line.requested,
          line.approved,
          0,
        );
      }
      // An activity without lines (never in a submitted version) counts under OTHER.
      const main = mainSource(bySource) ?? 'OTHER';
      byFundingSource.add(main, labelOf(words.fundingSource, main), 0n, 0n, 1);

      byActivityType.add(activity.type, labelOf(words.activityType, activity.type), requested, approved, 1);
      const countries = [...new Set(activity.partnerCountries)];
      if (countries.length === 1) {
        const code = countries[0];
        byPartnerCountry.add(code, options.countryName?.(code) ?? code, requested, approved, 1);
      } else if (countries.length > 1) {
        byPartnerCountry.add(ROLLUP_KEYS.SEVERAL_COUNTRIES, words.severalCountries, requested, approved, 1);
      } else {
        byPartnerCountry.add(ROLLUP_KEYS.NO_COUNTRY, words.noCountry, requested, approved, 1);
      }
      planRequested += requested;
      planApproved += approved;
    }
    const activities = plan.activities.length;
    const province = plan.provinceCode ? successorOf(plan.provinceCode, provinceByCode) : null;
    if (province) byProvince.add(province.code, province.name, planRequested, planApproved, activities);
    else if (plan.provinceCode)
      byProvince.add(plan.provinceCode, plan.organizationName, planRequested, planApproved, activities);
    else byProvince.add(ROLLUP_KEYS.NO_PROVINCE, words.noProvince, planRequested, planApproved, activities);
    if (plan.cluster)
      byCluster.add(String(plan.cluster.number), plan.cluster.name, planRequested, planApproved, activities);
    else byCluster.add(ROLLUP_KEYS.NO_CLUSTER, words.noCluster, planRequested, planApproved, activities);
    total.requested += planRequested;
    total.approved += planApproved;
    total.activities += activities;
  }

  return {
    total,
    byProvince: byProvince.list(),
    byCluster: byCluster.list(),
    byActivityType: byActivityType.list(),
    byPartnerCountry: byPartnerCountry.list(),
    byFundingSource: byFundingSource.list(),
  };
}

/** The source with the largest requested amount; ties go to the first in FUNDING_SOURCES order, then by key. */
function mainSource(bySource: ReadonlyMap<string, Vnd>): string | null {
  const order = orderBy(FUNDING_SOURCES);
  let best: string | null = null;
  for (const [source, amount] of bySource) {
    if (best === null) {
      best = source;
      continue;
    }
    const top = bySource.get(best)!;
    if (amount > top || (amount === top && (order(source) - order(best) || cmp(source, best)) < 0))
      best = source;
  }
  return best;
}

function labelOf(words: Readonly<Record<string, string>>, key: string): string {
  return Object.prototype.hasOwnProperty.call(words, key) ? words[key] : key;
}

/** Roll-ups as events and state keep them: amounts as decimal strings. */
export function rollupsToJson(r: Rollups<Vnd>): Rollups {
  const row = (x: RollupRow<Vnd>): RollupRow => ({
    key: x.key,
    label: x.label,
    requested: x.requested.toString(),
    approved: x.approved.toString(),
    activities: x.activities,
  });
  const out = {
    total: {
      requested: r.total.requested.toString(),
      approved: r.total.approved.toString(),
      activities: r.total.activities,
    },
  } as Rollups;
  for (const d of ROLLUP_DIMENSIONS) out[d] = r[d].map(row);
  return out;
}

/**
 * The same roll-ups with the labels of another language: activity types, funding sources and the
 * special rows by key; countries through `countryName` when given. Province and cluster names
 * are names, and stay as recorded.
 */
export function relabelRollups(
  r: Rollups,
  language: RollupLanguage,
  countryName?: (code: string) => string | undefined,
): Rollups {
  const words = ROLLUP_LABELS[language];
  const relabel = (rows: Rollups['byProvince'], label: (row: RollupRow) => string) =>
    rows.map((x) => ({ ...x, label: label(x) }));
  return {
    total: { ...r.total },
    byProvince: relabel(r.byProvince, (x) =>
      x.key === ROLLUP_KEYS.NO_PROVINCE ? words.noProvince : x.label,
    ),
    byCluster: relabel(r.byCluster, (x) => (x.key === ROLLUP_KEYS.NO_CLUSTER ? words.noCluster : x.label)),
    byActivityType: relabel(r.byActivityType, (x) => labelOf(words.activityType, x.key)),
    byPartnerCountry: relabel(r.byPartnerCountry, (x) =>
      x.key === ROLLUP_KEYS.SEVERAL_COUNTRIES
        ? words.severalCountries
        : x.key === ROLLUP_KEYS.NO_COUNTRY
          ? words.noCountry
          : (countryName?.(x.key) ?? x.label),
    ),
    byFundingSource: relabel(r.byFundingSource, (x) => labelOf(words.fundingSource, x.key)),
  };
}

/** A frozen plan as the consolidation lists it: its identity, its version and its three figures. */
export function entryOf(plan: FrozenPlan): ConsolidationEntry {
  let requested = 0n;
  let approved = 0n;
  for (const a of plan.activities)
    for (const l of a.lines) {
      requested += parseVnd(l.requested);
      approved += parseVnd(l.approved);
    }
  return {
    planId: plan.planId,
    organizationId: plan.organizationId,
    organizationName: plan.organizationName,
    provinceCode: plan.provinceCode,
    cluster: plan.cluster ? { number: plan.cluster.number, name: plan.cluster.name } : null,
    title: plan.title,
    version: plan.version,
    approvedAt: plan.approvedAt,
    approvalHash: plan.approvalHash,
    requested: requested.toString(),
    approved: approved.toString(),
    activities: plan.activities.length,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
