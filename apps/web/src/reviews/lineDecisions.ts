import type { ReviewDecision } from '@vufo/domain/approval/types';
import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '../api/problem';
import type { Activity, BudgetLine, Plan } from '../api/types';
import { groupDigits, vndBody, wholeNumberText } from '../common/money';
import type { LineDecision } from './reviewsApi';

/** A budget line with the activity it belongs to, as the budget review lists them. */
export type ReviewRow = BudgetLine & { activity: Activity };

/**
 * What a budget reviewer has entered line by line (approved amount, comment) and the server's
 * errors about those lines: shared by the lines table, which edits it, and the decision form,
 * which sends it.
 */
export interface LineDecisions {
  rows: ReviewRow[];
  approved: Record<string, string>;
  comments: Record<string, string>;
  errors: Record<string, string>;
  setApproved: (lineId: string, digits: string) => void;
  setComment: (lineId: string, comment: string) => void;
  /** Puts the problem's `lines[...]` errors next to the lines they name (by position or id). */
  showErrors: (err: unknown, sent: LineDecision[]) => void;
  /** The lines a decision sends: every line on approval, else the ones the reviewer commented. */
  linesFor: (decision: ReviewDecision) => LineDecision[];
}

export function useLineDecisions(plan: Plan): LineDecisions {
  const rows = useMemo(
    () => plan.activities.flatMap((a) => a.budgetLines.map((l) => ({ ...l, activity: a }))),
    [plan],
  );
  // The approved column starts at the requested amount: the reviewer types only where funding is cut.
  const [approved, setApprovedMap] = useState<Record<string, string>>(() =>
    Object.fromEntries(rows.map((l) => [l.id, groupDigits(String(l.requestedAmount))])),
  );
  const [comments, setComments] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});

  const setApproved = useCallback(
    (id: string, digits: string) => setApprovedMap((a) => ({ ...a, [id]: digits })),
    [],
  );
  const setComment = useCallback(
    (id: string, comment: string) => setComments((c) => ({ ...c, [id]: comment })),
    [],
  );

  const showErrors = useCallback((err: unknown, sent: LineDecision[]) => {
    const byLine: Record<string, string> = {};
    if (err instanceof ApiError)
      for (const e of err.problem.errors) {
        const byIndex = /^lines\[(\d+)\]/.exec(e.field);
        if (byIndex) byLine[sent[Number(byIndex[1])]?.budgetLineId ?? ''] = e.message;
        const byId = /^lines\[([0-9a-f-]{36})\]/.exec(e.field);
        if (byId) byLine[byId[1]] = e.message;
      }
    setErrors(byLine);
  }, []);

  const linesFor = useCallback(
    (decision: ReviewDecision): LineDecision[] =>
      rows
        .filter((l) => decision === 'APPROVE' || comments[l.id]?.trim())
        .map((l) => ({
          budgetLineId: l.id,
          // Sent as typed (grouping dots aside): what is not an amount is the server's to refuse.
          approvedAmount: approved[l.id]?.trim()
            ? vndBody(wholeNumberText(approved[l.id]) ?? approved[l.id].trim())
            : null,
          comment: comments[l.id]?.trim() || undefined,
        })),
    [rows, approved, comments],
  );

  return { rows, approved, comments, errors, setApproved, setComment, showErrors, linesFor };
}
