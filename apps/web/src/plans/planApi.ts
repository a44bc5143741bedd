import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import { api, newIdempotencyKey } from '../api/client';
import type { Page, Plan, PlanSummary } from '../api/types';

/**
 * Plans: the list, one plan, its creation, content edits, submission and withdrawal. A plan's
 * key prefixes the keys of everything shown about it (history, changes), so invalidating the
 * plan refreshes those too.
 */
export const planKeys = {
  lists: ['plans'] as const,
  list: (params: PlanFilter) => ['plans', params] as const,
  details: ['plan'] as const,
  detail: (id: string) => ['plan', id] as const,
};

export interface PlanFilter {
  cycleId?: string;
  status?: string;
}

export function usePlans(params: PlanFilter = {}) {
  const qs = new URLSearchParams({ limit: '200', ...params }).toString();
  return useQuery({ queryKey: planKeys.list(params), queryFn: () => api<Page<PlanSummary>>(`/plans?${qs}`) });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: planKeys.detail(id), queryFn: () => api<Plan>(`/plans/${id}`) });
}

export function useCreatePlan(cycleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; objectives: string }) =>
      api<Plan>(`/cycles/${cycleId}/plans`, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: planKeys.lists }),
  });
}

/**
 * Content edits of one plan, one at a time: each carries the plan version it was made on
 * (If-Match), so a colleague's concurrent change is a clear 409 instead of a silent overwrite,
 * and our own quick successive edits never race each other.
 */
function useEditQueue(planId: string) {
  const qc = useQueryClient();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  return useCallback(
    <T extends { planVersion?: number } | void>(
      path: string,
      method: 'POST' | 'PATCH' | 'DELETE',
      body?: unknown,
    ): Promise<T> => {
      const run = async () => {
        const version = qc.getQueryData<Plan>(planKeys.detail(planId))?.version;
        try {
          const out = await api<T>(path, { method, body, ifMatch: version });
          const next = (out as { planVersion?: number } | undefined)?.planVersion;
          qc.setQueryData<Plan>(planKeys.detail(planId), (p) =>
            p ? { ...p, version: next ?? p.version + 1 } : p,
          );
          return out;
        } finally {
          await qc.invalidateQueries({ queryKey: planKeys.detail(planId) });
        }
      };
      const result = queue.current.then(run, run);
      queue.current = result.catch(() => undefined);
      return result;
    },
    [qc, planId],
  );
}

export type PlanEdits = ReturnType<typeof usePlanEdits>;

/** The content edits a union makes to its draft (or revision), through the one edit queue. */
export function usePlanEdits(planId: string) {
  const edit = useEditQueue(planId);
  return useMemo(
    () => ({
      updateDetails: (body: { title: string; objectives: string }) => edit(`/plans/${planId}`, 'PATCH', body),
      addActivity: (body: Record<string, unknown>) => edit(`/plans/${planId}/activities`, 'POST', body),
      updateActivity: (id: string, body: Record<string, unknown>) => edit(`/activities/${id}`, 'PATCH', body),
      removeActivity: (id: string) => edit(`/activities/${id}`, 'DELETE'),
      addBudgetLine: (activityId: string, body: Record<string, unknown>) =>
        edit(`/activities/${activityId}/budget-lines`, 'POST', body),
      updateBudgetLine: (id: string, patch: Record<string, unknown>) =>
        edit(`/budget-lines/${id}`, 'PATCH', patch),
      removeBudgetLine: (id: string) => edit(`/budget-lines/${id}`, 'DELETE'),
    }),
    [edit, planId],
  );
}

/** The answer is the plan as it now stands: it replaces the cached one at once. */
function usePlanCommand<V extends { plan: Plan }>(send: (vars: V) => Promise<Plan>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (p) => {
      qc.setQueryData(planKeys.detail(p.id), p);
      void qc.invalidateQueries({ queryKey: planKeys.lists });
      void qc.invalidateQueries({ queryKey: planKeys.detail(p.id) });
    },
  });
}

export function useSubmitPlan() {
  return usePlanCommand(({ plan }: { plan: Plan }) =>
    api<Plan>(`/plans/${plan.id}/submit`, {
      method: 'POST',
      ifMatch: plan.version,
      idempotencyKey: newIdempotencyKey(),
    }),
  );
}

export function useWithdrawPlan() {
  return usePlanCommand(({ plan, reason }: { plan: Plan; reason: string }) =>
    api<Plan>(`/plans/${plan.id}/withdraw`, {
      method: 'POST',
      body: { reason },
      idempotencyKey: newIdempotencyKey(),
    }),
  );
}
