import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '../api/client';
import type { Cycle, Dashboard, Page } from '../api/types';
import { planKeys } from '../plans/planApi';

/** Cycles, their dashboard and deadline extensions: the queries and commands the screens use. */
export const cycleKeys = {
  all: ['cycles'] as const,
  dashboards: ['dashboard'] as const,
  dashboard: (cycleId: string | undefined) => ['dashboard', cycleId] as const,
};

const cyclesQuery = queryOptions({
  queryKey: cycleKeys.all,
  queryFn: () => api<Page<Cycle>>('/cycles'),
  // Cycles are set up once a year; a screen need not ask again within minutes.
  staleTime: 300_000,
});

export function useCycles() {
  return useQuery(cyclesQuery);
}

/** One cycle (its route, its deadline), read from the same cached list. */
export function useCycle(id: string | undefined) {
  return useQuery({ ...cyclesQuery, select: (page) => page.items.find((c) => c.id === id) });
}

/** The cycle open for submissions, else the newest: where the dashboard starts. */
export function currentCycle(cycles: Page<Cycle> | undefined): Cycle | undefined {
  return cycles?.items.find((c) => c.status === 'OPEN') ?? cycles?.items[0];
}

/**
 * Whether a review sits at the last stage of its cycle's route: its approval is the plan's
 * approval, so it carries the decision record. Without a route (not loaded) every stage is last,
 * which asks for the record rather than approving without one.
 */
export function isLastStage(cycle: Cycle | undefined, stage: number): boolean {
  const stages = cycle?.route.map((s) => s.stage) ?? [];
  return stages.length === 0 || stage >= Math.max(...stages);
}

export function useDashboard(cycleId: string | undefined) {
  return useQuery({
    queryKey: cycleKeys.dashboard(cycleId),
    queryFn: () => api<Dashboard>(`/cycles/${cycleId}/dashboard`),
    enabled: Boolean(cycleId),
    refetchInterval: 60_000,
  });
}

export interface ExtensionRequest {
  organizationId: string;
  /** YYYY-MM-DD */
  newDeadline: string;
  reason: string;
}

/** A LEADER moves one union's submission deadline: the dashboard and that union's plans change. */
export function useGrantExtension(cycleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ExtensionRequest) =>
      api<{ newDeadline: string }>(`/cycles/${cycleId}/extensions`, {
        method: 'POST',
        idempotencyKey: newIdempotencyKey(),
        body,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: cycleKeys.dashboards });
      void qc.invalidateQueries({ queryKey: planKeys.lists });
      void qc.invalidateQueries({ queryKey: planKeys.details });
    },
  });
}
