import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '../api/client';
import type { ApproveConsolidationRequest, Consolidation, Page } from '../api/types';
import { cycleKeys } from '../cycles/cyclesApi';
import { planKeys } from '../plans/planApi';

/**
 * The central union's national plan (API.md "Consolidation"): the consolidator builds it from the
 * cycle's approved plans, the leadership approves it with a decision or returns it with a reason.
 */
export const consolidationKeys = {
  all: ['consolidations'] as const,
  ofCycle: (cycleId: string | undefined) => ['consolidations', 'cycle', cycleId] as const,
  detail: (id: string | undefined) => ['consolidations', 'detail', id] as const,
};

export function useConsolidations(cycleId: string | undefined) {
  return useQuery({
    queryKey: consolidationKeys.ofCycle(cycleId),
    queryFn: () => api<Page<Consolidation>>(`/cycles/${cycleId}/consolidations`),
    enabled: Boolean(cycleId),
  });
}

export function useConsolidation(id: string | undefined) {
  return useQuery({
    queryKey: consolidationKeys.detail(id),
    queryFn: () => api<Consolidation>(`/consolidations/${id}`),
    enabled: Boolean(id),
  });
}

/** Whatever a consolidation's command changes: its list, the plans it holds, the cycle's status. */
function useRefresh() {
  const qc = useQueryClient();
  return (saved: Consolidation) => {
    qc.setQueryData(consolidationKeys.detail(saved.id), saved);
    void qc.invalidateQueries({ queryKey: consolidationKeys.all });
    void qc.invalidateQueries({ queryKey: cycleKeys.dashboards });
    void qc.invalidateQueries({ queryKey: cycleKeys.all });
    void qc.invalidateQueries({ queryKey: planKeys.lists });
    void qc.invalidateQueries({ queryKey: planKeys.details });
  };
}

/** The consolidator gathers every approved plan no consolidation holds yet (409 when none, or one pending). */
export function useCreateConsolidation(cycleId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { note?: string }) =>
      api<Consolidation>(`/cycles/${cycleId}/consolidations`, {
        method: 'POST',
        idempotencyKey: newIdempotencyKey(),
        body,
      }),
    onSuccess: refresh,
  });
}

/** The leadership's decision record: its plans and the cycle move to rollout. */
export function useApproveConsolidation(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ApproveConsolidationRequest) =>
      api<Consolidation>(`/consolidations/${id}/approve`, {
        method: 'POST',
        idempotencyKey: newIdempotencyKey(),
        body,
      }),
    onSuccess: refresh,
  });
}

/** The leadership sends it back with a reason; its plans can be consolidated again. */
export function useReturnConsolidation(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { reason: string }) =>
      api<Consolidation>(`/consolidations/${id}/return`, {
        method: 'POST',
        idempotencyKey: newIdempotencyKey(),
        body,
      }),
    onSuccess: refresh,
  });
}
