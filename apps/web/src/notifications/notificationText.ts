import type { TFunction } from 'i18next';
import type { Notification } from '../api/types';
import { formatDate } from '../common/dates';
import { formatVnd } from '../common/money';

/** The server sends a kind and its parameters; the sentence is ours, in the user's language. */
export function notificationText(n: Notification, t: TFunction): string {
  const p = n.params ?? {};
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) values[k] = String(v);
  if (p.dueAt) values.dueAt = formatDate(String(p.dueAt));
  if (p.previousDueAt) values.previousDueAt = formatDate(String(p.previousDueAt));
  if (p.decisionDate) values.decisionDate = formatDate(String(p.decisionDate));
  if (p.approvedTotal !== undefined) values.approvedTotal = formatVnd(p.approvedTotal);
  if (p.function) values.function = t(`reviewFunction.${p.function}`);
  if (p.decision) values.decision = t(`decision.${p.decision}`);
  values.planTitle = String(p.planTitle ?? n.planTitle ?? '');
  return t(`notifications.kinds.${n.kind}`, { ...values, defaultValue: t('notifications.generic', values) });
}
