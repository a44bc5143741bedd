import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { api, newIdempotencyKey } from '../api/client';
import type { Cycle, Diff, Page, Plan, PlanSummary } from '../api/types';

export const planKey = (id: string) => ['plan', id] as const;

export function usePlans(params: { cycleId?: string; status?: string } = {}) {
  const qs = new URLSearchParams({ limit: '200', ...params }).toString();
  return useQuery({ queryKey: ['plans', params], queryFn: () => api<Page<PlanSummary>>(`/plans?${qs}`) });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: planKey(id), queryFn: () => api<Plan>(`/plans/${id}`) });
}

export function useCycles() {
  return useQuery({ queryKey: ['cycles'], queryFn: () => api<Page<Cycle>>('/cycles'), staleTime: 300_000 });
}

/** Changes of the working copy against the last submitted version (what a resubmission would add). */
export function useWorkingChanges(planId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['plan', planId, 'changes'],
    queryFn: () => api<Diff>(`/plans/${planId}/changes`),
    enabled,
  });
}

export function useVersionDiff(planId: string, to: number, from: number, enabled: boolean) {
  return useQuery({
    queryKey: ['plan', planId, 'diff', to, from],
    queryFn: () => api<Diff>(`/plans/${planId}/versions/${to}/diff?against=${from}`),
    enabled,
  });
}

/**
 * Content edits of one plan, one at a time: each carries the plan version it was made on
 * (If-Match), so a colleague's concurrent change is a clear 409 instead of a silent overwrite,
 * and our own quick successive edits never race each other.
 */
export function usePlanEditor(planId: string) {
  const qc = useQueryClient();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  return useCallback(
    <T extends { planVersion?: number } | void>(
      path: string,
      method: 'POST' | 'PATCH' | 'DELETE',
      body?: unknown,
    ): Promise<T> => {
      const run = async () => {
        const version = qc.getQueryData<Plan>(planKey(planId))?.version;
        try {
          const out = await api<T>(path, { method, body, ifMatch: version });
          const next = (out as { planVersion?: number } | undefined)?.planVersion;
          qc.setQueryData<Plan>(planKey(planId), (p) => (p ? { ...p, version: next ?? p.version + 1 } : p));
          return out;
        } finally {
          await qc.invalidateQueries({ queryKey: planKey(planId) });
        }
      };
      const result = queue.current.then(run, run);
      queue.current = result.catch(() => undefined);
      return result;
    },
    [qc, planId],
  );
}

export async function submitPlan(plan: Plan): Promise<Plan> {
  return api<Plan>(`/plans/${plan.id}/submit`, {
    method: 'POST',
    ifMatch: plan.version,
    idempotencyKey: newIdempotencyKey(),
  });
}

export async function withdrawPlan(plan: Plan, reason: string): Promise<Plan> {
  return api<Plan>(`/plans/${plan.id}/withdraw`, {
    method: 'POST',
    body: { reason },
    idempotencyKey: newIdempotencyKey(),
  });
}
