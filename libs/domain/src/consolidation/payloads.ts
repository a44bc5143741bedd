/**
 * The shape of each consolidation command's payload, normalised the way the events record it
 * (trimmed text, whole-đồng amounts as decimal strings). Shape problems are VALIDATION_FAILED.
 */
import { isInstant, isLocalDate, toIso } from '../calendar';
import type { FieldError } from '../errors';
import { tryParseVnd } from '../money';
import { isObject, refusal } from '../approval/payloads';
import { PLAN_STATUSES, type Refusal } from '../approval/types';
import { isOneOf } from '../norms';
import type {
  ConsolidationCommandOf,
  ConsolidationCommandType,
  ConsolidationStateFor,
  FrozenActivity,
  FrozenPlan,
  MissingUnion,
  ProvinceRef,
} from './types';

type Parsed<T> = { ok: true; value: T } | { ok: false; error: Refusal };
const parsed = <T>(value: T): Parsed<T> => ({ ok: true, value });
const invalid = <T>(message: string, errors?: FieldError[]): Parsed<T> => ({
  ok: false,
  error: refusal('VALIDATION_FAILED', message, errors),
});

const isBlank = (v: unknown) => typeof v !== 'string' || v.trim() === '';
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const COUNTRY = /^[A-Z]{2}$/;

function frozenActivity(raw: unknown, at: string, errors: FieldError[]): FrozenActivity | null {
  if (!isObject(raw)) {
    errors.push({ field: at, message: 'an activity' });
    return null;
  }
  const before = errors.length;
  if (isBlank(raw.id)) errors.push({ field: `${at}.id`, message: 'required' });
  if (isBlank(raw.type)) errors.push({ field: `${at}.type`, message: 'an activity type' });
  const countries = raw.partnerCountries;
  if (!Array.isArray(countries) || !countries.every((c) => typeof c === 'string' && COUNTRY.test(c)))
    errors.push({ field: `${at}.partnerCountries`, message: 'ISO 3166 alpha-2 codes' });
  if (!Array.isArray(raw.lines)) {
    errors.push({ field: `${at}.lines`, message: 'a list' });
    return null;
  }
  const lines = (raw.lines as unknown[]).map((l, j) => {
    const where = `${at}.lines[${j}]`;
    if (!isObject(l)) {
      errors.push({ field: where, message: 'a budget line' });
      return null;
    }
    const requested = tryParseVnd(l.requested);
    const approved = tryParseVnd(l.approved);
    if (isBlank(l.fundingSource)) errors.push({ field: `${where}.fundingSource`, message: 'required' });
    if (requested === null)
      errors.push({ field: `${where}.requested`, message: 'a whole, non-negative number of đồng' });
    if (approved === null)
      errors.push({ field: `${where}.approved`, message: 'a whole, non-negative number of đồng' });
    else if (requested !== null && approved > requested)
      errors.push({ field: `${where}.approved`, message: 'not above the requested amount' });
    if (requested === null || approved === null) return null;
    return {
      fundingSource: l.fundingSource as string,
      requested: requested.toString(),
      approved: approved.toString(),
    };
  });
  if (errors.length > before) return null;
  return {
    id: raw.id as string,
    type: raw.type as string,
    partnerCountries: [...new Set(countries as string[])],
    lines: lines as FrozenActivity['lines'],
  };
}

function frozenPlan(raw: unknown, at: string, errors: FieldError[]): FrozenPlan | null {
  if (!isObject(raw)) {
    errors.push({ field: at, message: 'a plan' });
    return null;
  }
  const before = errors.length;
  for (const f of ['planId', 'organizationId', 'organizationName', 'title'] as const)
    if (isBlank(raw[f])) errors.push({ field: `${at}.${f}`, message: 'required' });
  if (raw.provinceCode !== null && isBlank(raw.provinceCode))
    errors.push({ field: `${at}.provinceCode`, message: 'a province code or null' });
  const cluster = raw.cluster;
  if (
    cluster !== null &&
    !(
      isObject(cluster) &&
      Number.isSafeInteger(cluster.number) &&
      (cluster.number as number) > 0 &&
      !isBlank(cluster.name)
    )
  )
    errors.push({ field: `${at}.cluster`, message: 'a cluster {number, name} or null' });
  if (!Number.isSafeInteger(raw.version) || (raw.version as number) < 1)
    errors.push({ field: `${at}.version`, message: 'a submitted version number' });
  if (!isInstant(raw.approvedAt)) errors.push({ field: `${at}.approvedAt`, message: 'an instant' });
  if (raw.approvalHash !== null && isBlank(raw.approvalHash))
    errors.push({ field: `${at}.approvalHash`, message: 'a hash or null' });
  if (!Array.isArray(raw.activities)) {
    errors.push({ field: `${at}.activities`, message: 'a list' });
    return null;
  }
  const activities = (raw.activities as unknown[]).map((a, i) =>
    frozenActivity(a, `${at}.activities[${i}]`, errors),
  );
  if (errors.length > before) return null;
  const c = cluster as { number: number; name: string } | null;
  return {
    planId: raw.planId as string,
    organizationId: raw.organizationId as string,
    organizationName: text(raw.organizationName),
    provinceCode: raw.provinceCode as string | null,
    cluster: c ? { number: c.number, name: text(c.name) } : null,
    title: text(raw.title),
    version: raw.version as number,
    approvedAt: toIso(raw.approvedAt as string),
    approvalHash: raw.approvalHash as string | null,
    activities: activities as FrozenActivity[],
  };
}

function createConsolidation(command: ConsolidationCommandOf<'CreateConsolidation'>) {
  const errors: FieldError[] = [];
  if (isBlank(command.consolidationId)) errors.push({ field: 'consolidationId', message: 'required' });
  if (isBlank(command.cycleId)) errors.push({ field: 'cycleId', message: 'required' });
  if (command.note !== undefined && command.note !== null && typeof command.note !== 'string')
    errors.push({ field: 'note', message: 'text' });
  if (!Number.isSafeInteger(command.number) || command.number < 1)
    errors.push({ field: 'number', message: 'a whole number ≥ 1' });

  const plans = (command.plans as unknown[]).map((p, i) => frozenPlan(p, `plans[${i}]`, errors));
  const ids = new Set<string>();
  command.plans.forEach((p, i) => {
    if (isObject(p) && typeof p.planId === 'string') {
      if (ids.has(p.planId))
        errors.push({ field: `plans[${i}].planId`, message: `plan ${p.planId} appears twice` });
      ids.add(p.planId);
    }
  });

  const provinces: ProvinceRef[] = [];
  if (!Array.isArray(command.provinces)) errors.push({ field: 'provinces', message: 'a list' });
  else
    (command.provinces as unknown[]).forEach((p, i) => {
      if (
        !isObject(p) ||
        isBlank(p.code) ||
        isBlank(p.name) ||
        (p.mergedIntoCode !== null && isBlank(p.mergedIntoCode))
      )
        errors.push({ field: `provinces[${i}]`, message: 'a province {code, name, mergedIntoCode}' });
      else
        provinces.push({
          code: p.code as string,
          name: text(p.name),
          mergedIntoCode: p.mergedIntoCode as string | null,
        });
    });

  const missing: MissingUnion[] = [];
  if (!Array.isArray(command.missing)) errors.push({ field: 'missing', message: 'a list' });
  else
    (command.missing as unknown[]).forEach((m, i) => {
      if (
        !isObject(m) ||
        isBlank(m.organizationId) ||
        isBlank(m.organizationName) ||
        !(m.planStatus === null || isOneOf(PLAN_STATUSES, m.planStatus))
      )
        errors.push({
          field: `missing[${i}]`,
          message: 'a union {organizationId, organizationName, planStatus}',
        });
      else
        missing.push({
          organizationId: m.organizationId as string,
          organizationName: text(m.organizationName),
          planStatus: m.planStatus as MissingUnion['planStatus'],
        });
    });

  if (errors.length)
    return invalid<typeof command>('The consolidation cannot be made from these facts.', errors);
  const note = text(command.note);
  const { note: _n, ...rest } = command;
  return parsed<typeof command>({
    ...rest,
    ...(note ? { note } : {}),
    plans: plans as FrozenPlan[],
    provinces,
    missing,
  });
}

function approveConsolidation(command: ConsolidationCommandOf<'ApproveConsolidation'>) {
  const errors: FieldError[] = [];
  if (isBlank(command.decisionNumber)) errors.push({ field: 'decisionNumber', message: 'required' });
  if (!isLocalDate(command.decisionDate))
    errors.push({ field: 'decisionDate', message: 'a date, YYYY-MM-DD' });
  if (isBlank(command.signer)) errors.push({ field: 'signer', message: 'required' });
  if (command.comment !== undefined && command.comment !== null && typeof command.comment !== 'string')
    errors.push({ field: 'comment', message: 'text' });
  if (errors.length)
    return invalid<typeof command>('The approval records the decision: number, date and signer.', errors);
  const comment = text(command.comment);
  return parsed<typeof command>({
    type: command.type,
    actor: command.actor,
    decisionNumber: command.decisionNumber.trim(),
    decisionDate: command.decisionDate,
    signer: command.signer.trim(),
    ...(comment ? { comment } : {}),
  });
}

function returnConsolidation(command: ConsolidationCommandOf<'ReturnConsolidation'>) {
  if (isBlank(command.reason))
    return invalid<typeof command>('A returned consolidation carries a reason.', [
      { field: 'reason', message: 'required' },
    ]);
  return parsed<typeof command>({ type: command.type, actor: command.actor, reason: command.reason.trim() });
}

/** Each command's payload, checked and normalised; runs after the status check. */
export const CONSOLIDATION_PAYLOADS: {
  readonly [K in ConsolidationCommandType]: (
    state: ConsolidationStateFor<K>,
    command: ConsolidationCommandOf<K>,
  ) => Parsed<ConsolidationCommandOf<K>>;
} = {
  CreateConsolidation: (_s, c) => createConsolidation(c),
  ApproveConsolidation: (_s, c) => approveConsolidation(c),
  ReturnConsolidation: (_s, c) => returnConsolidation(c),
};
