import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Diff, HistoryEvent, Page, Verification } from '../api/types';
import { planKeys } from '../plans/planApi';
import { consolidationKeys } from '../consolidations/consolidationsApi';

/** A hash-chained stream whose history can be read: a plan's, or a consolidation's. */
export interface HistoryStream {
  kind: 'plan' | 'consolidation';
  id: string;
}

const streamPath = (s: HistoryStream) => (s.kind === 'plan' ? `/plans/${s.id}` : `/consolidations/${s.id}`);
const streamKey = (s: HistoryStream) =>
  s.kind === 'plan' ? planKeys.detail(s.id) : consolidationKeys.detail(s.id);

/**
 * A plan's (or a consolidation's) audit trail: its history, the check of its hash chain, and what
 * changed between versions. Keyed under the stream, so whatever changes it refreshes these too.
 */
export const historyKeys = {
  history: (s: HistoryStream) => [...streamKey(s), 'history'] as const,
  verification: (s: HistoryStream) => [...streamKey(s), 'verify'] as const,
  workingChanges: (planId: string) => [...planKeys.detail(planId), 'changes'] as const,
  versionDiff: (planId: string, to: number, from: number) =>
    [...planKeys.detail(planId), 'diff', to, from] as const,
};

export function useHistory(stream: HistoryStream) {
  return useQuery({
    queryKey: historyKeys.history(stream),
    queryFn: () => api<Page<HistoryEvent>>(`${streamPath(stream)}/history`),
  });
}

export function useHistoryVerification(stream: HistoryStream) {
  return useQuery({
    queryKey: historyKeys.verification(stream),
    queryFn: () => api<Verification>(`${streamPath(stream)}/history/verify`),
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
