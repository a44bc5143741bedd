import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Diff, HistoryEvent, Page, Verification } from '../api/types';
import { planKeys } from '../plans/planApi';

/**
 * A plan's audit trail: its history, the check of its hash chain, and what changed between
 * versions. Keyed under the plan, so whatever changes the plan refreshes these too.
 */
export const historyKeys = {
  history: (planId: string) => [...planKeys.detail(planId), 'history'] as const,
  verification: (planId: string) => [...planKeys.detail(planId), 'verify'] as const,
  workingChanges: (planId: string) => [...planKeys.detail(planId), 'changes'] as const,
  versionDiff: (planId: string, to: number, from: number) =>
    [...planKeys.detail(planId), 'diff', to, from] as const,
};

export function useHistory(planId: string) {
  return useQuery({
    queryKey: historyKeys.history(planId),
    queryFn: () => api<Page<HistoryEvent>>(`/plans/${planId}/history`),
  });
}

export function useHistoryVerification(planId: string) {
  return useQuery({
    queryKey: historyKeys.verification(planId),
    queryFn: () => api<Verification>(`/plans/${planId}/history/verify`),
  });
}

/** Changes of the working copy against the last submitted version (what a resubmission would add). */
export function useWorkingChanges(planId: string, enabled: boolean) {
  return useQuery({
    queryKey: historyKeys.workingChanges(planId),
    queryFn: () => api<Diff>(`/plans/${planId}/changes`),
    enabled,
  });
}

export function useVersionDiff(planId: string, to: number, from: number, enabled: boolean) {
  return useQuery({
    queryKey: historyKeys.versionDiff(planId, to, from),
    queryFn: () => api<Diff>(`/plans/${planId}/versions/${to}/diff?against=${from}`),
    enabled,
  });
}
