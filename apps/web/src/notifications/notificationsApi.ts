import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Notification, Page } from '../api/types';

/** In-app notifications: the user's list with its unread count, and marking them read. */
export const notificationKeys = {
  all: ['notifications'] as const,
};

export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.all,
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
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
