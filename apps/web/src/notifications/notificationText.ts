import type { TFunction } from 'i18next';
import i18n from '../i18n';
import { decisionText } from '../common/decisions';
import { formatPeriod } from '../common/periods';
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
  if (p.function) {
    values.function = t(`reviewFunction.${p.function}`);
    values.functionLower = values.function.toLocaleLowerCase(i18n.language);
  }
  if (p.decision)
    values.decision = decisionText(t, String(p.decision), p.function ? String(p.function) : null);
  if (p.period) values.period = formatPeriod(String(p.period), t);
  values.planTitle = String(p.planTitle ?? n.planTitle ?? '');
  // The People's Committee's decision reads as one ("… — Phê duyệt"), not as an opinion on an approval.
  const context = n.kind === 'REVIEW_DECIDED' && p.function === 'FINAL' ? 'FINAL' : undefined;
  return t(`notifications.kinds.${n.kind}`, {
    ...values,
    context,
    defaultValue: t('notifications.generic', values),
  });
}
