import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Delegation, Page } from '../api/types';
import { reviewKeys } from './reviewsApi';

/** Delegations: an appraiser hands their reviews to a colleague for a period. */
export const delegationKeys = {
  all: ['delegations'] as const,
};

export function useDelegations() {
  return useQuery({ queryKey: delegationKeys.all, queryFn: () => api<Page<Delegation>>('/delegations') });
}

export interface DelegationRequest {
  toUserId: string;
  validFrom: string;
  validTo: string;
  reason?: string;
}

/** Who may work a review changes with a delegation: the inbox is asked again too. */
function useDelegationChange<V>(send: (vars: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: delegationKeys.all });
      void qc.invalidateQueries({ queryKey: reviewKeys.all });
    },
  });
}

export function useCreateDelegation() {
  return useDelegationChange((body: DelegationRequest) =>
    api<Delegation>('/delegations', { method: 'POST', body }),
  );
}

export function useRevokeDelegation() {
  return useDelegationChange((id: string) => api(`/delegations/${id}`, { method: 'DELETE' }));
}
