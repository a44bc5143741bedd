import type { ReviewDecision } from '@vufo/domain/approval/types';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '../api/client';
import type { InboxItem, Page, Review } from '../api/types';
import { planKeys } from '../plans/planApi';

/** Reviews: the agency's inbox and the decision on one review. */
export const reviewKeys = {
  all: ['reviews'] as const,
  inbox: (filter: InboxFilter) => ['reviews', filter] as const,
};

export type InboxFilter = 'PENDING' | 'ALL';

/** The agency's reviews, most urgent first (the server sorts by due date). */
export function useInbox(filter: InboxFilter) {
  return useQuery({
    queryKey: reviewKeys.inbox(filter),
    queryFn: () => api<Page<InboxItem>>(`/reviews?mine=true${filter === 'PENDING' ? '&status=PENDING' : ''}`),
  });
}

/** An approved amount and comment for one budget line (budget review). */
export interface LineDecision {
  budgetLineId: string;
  /** null: the reviewer cleared the amount; the server says what it needs. */
  approvedAmount: number | string | null;
  comment?: string;
}

export interface DecisionRequest {
  decision: ReviewDecision;
  comment?: string;
  lines?: LineDecision[];
  /** The decision record, on approval at the last stage of the route. */
  decisionNumber?: string;
  decisionDate?: string;
  signer?: string;
}

/** A decision changes the plan (status, approved amounts, history) and the inbox it came from. */
export function useDecideReview(planId: string, reviewId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionRequest) =>
      api<Review>(`/reviews/${reviewId}/decision`, {
        method: 'POST',
        idempotencyKey: newIdempotencyKey(),
        body,
      }),
    // Awaited, so whoever navigates on success lands on fresh lists.
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: planKeys.detail(planId) });
      await qc.invalidateQueries({ queryKey: reviewKeys.all });
      void qc.invalidateQueries({ queryKey: planKeys.lists });
    },
  });
}
