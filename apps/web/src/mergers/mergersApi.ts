import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '../api/client';
import type { Lineage, MergeResult, Organization, Page } from '../api/types';
import { planKeys } from '../plans/planApi';

/** Organisations, their lineage and province mergers: the queries and commands the screens use. */
export const organizationKeys = {
  unions: ['organizations', 'PROVINCIAL_UNION'] as const,
  lineage: (id: string | undefined) => ['organizations', 'lineage', id] as const,
};

/** Every provincial union, merged ones included (the screens filter). */
export function useUnions() {
  return useQuery({
    queryKey: organizationKeys.unions,
    queryFn: () => api<Page<Organization>>('/organizations?kind=PROVINCIAL_UNION'),
    select: (page) => page.items,
  });
}

export function useLineage(id: string | undefined) {
  return useQuery({
    queryKey: organizationKeys.lineage(id),
    queryFn: () => api<Lineage>(`/organizations/${id}/lineage`),
    enabled: Boolean(id),
  });
}

export interface MergeRequest {
  intoOrganizationId: string;
  /** YYYY-MM-DD */
  effectiveDate: string;
}

/** An ADMIN merges a union into its successor; one key per confirmed form, so a retry is safe. */
export function useMerge(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: MergeRequest & { key: string }) =>
      api<MergeResult>(`/organizations/${id}/merge`, { method: 'POST', idempotencyKey: key, body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['organizations'] });
      void qc.invalidateQueries({ queryKey: planKeys.lists });
      void qc.invalidateQueries({ queryKey: planKeys.details });
    },
  });
}

export { newIdempotencyKey };
