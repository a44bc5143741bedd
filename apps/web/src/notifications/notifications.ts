import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api } from '../api/client';
import type { Notification, Page } from '../api/types';
import { formatDate } from '../common/dates';
import { formatVnd } from '../common/money';

export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: () => api<Page<Notification> & { unread: number }>('/notifications?limit=100'),
    // In-app notifications arrive while a user works; a light poll is enough at this scale.
    refetchInterval: 30_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      id === 'all'
        ? api('/notifications/read-all', { method: 'POST' })
        : api(`/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

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
