import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Cluster } from '../api/types';

/** A cycle's emulation clusters: read by anyone, replaced by the consolidator. */
export const clusterKeys = {
  of: (cycleId: string | undefined) => ['clusters', cycleId] as const,
};

export function useClusters(cycleId: string | undefined) {
  return useQuery({
    queryKey: clusterKeys.of(cycleId),
    queryFn: () => api<Cluster[]>(`/cycles/${cycleId}/clusters`),
    enabled: Boolean(cycleId),
  });
}

export function useReplaceClusters(cycleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Cluster[]) => api<Cluster[]>(`/cycles/${cycleId}/clusters`, { method: 'PUT', body }),
    onSuccess: (saved) => qc.setQueryData(clusterKeys.of(cycleId), saved),
  });
}
