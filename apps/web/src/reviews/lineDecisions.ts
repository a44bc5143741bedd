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
  /** "Fund as requested": every approved amount set to the requested one, an explicit choice. */
  fundAsRequested: () => void;
  /** "Cap at norm": the line's approved amount set to what it comes to at its norm (the API's capAmount). */
  capAtNorm: (lineId: string) => void;
  /** The lines above their norm; `capAllAtNorm` caps them all at once. */
  flagged: ReviewRow[];
  capAllAtNorm: () => void;
  /** Marks the lines still without an approved amount (an approval needs all); false when some are. */
  checkComplete: (decision: ReviewDecision, message: string) => boolean;
}

/** What a line comes to at its norm, never above what was requested. */
export function capOf(l: BudgetLine): string | null {
  if (!l.overNorm) return null;
  const cap = BigInt(l.overNorm.capAmount);
  const requested = BigInt(l.requestedAmount);
  return (cap < requested ? cap : requested).toString();
}

export function useLineDecisions(plan: Plan): LineDecisions {
  const rows = useMemo(
    () => plan.activities.flatMap((a) => a.budgetLines.map((l) => ({ ...l, activity: a }))),
    [plan],
  );
  // The approved column starts empty: funding the request is a choice the reviewer makes
  // (line by line, or "fund as requested"), never a default that slips through.
  const [approved, setApprovedMap] = useState<Record<string, string>>({});
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
          // Sent as typed: what is not a whole number (or exceeds the request) is refused by the
          // server next to this line, never clamped or turned into digits here.
          approvedAmount: !approved[l.id]?.trim()
            ? null
            : (() => {
                const digits = wholeNumberText(approved[l.id]);
                return digits === null ? approved[l.id] : vndBody(digits);
              })(),
          comment: comments[l.id]?.trim() || undefined,
        })),
    [rows, approved, comments],
  );

  const flagged = useMemo(() => rows.filter((l) => l.overNorm), [rows]);
  const fundAsRequested = useCallback(() => {
    setApprovedMap(Object.fromEntries(rows.map((l) => [l.id, groupDigits(String(l.requestedAmount))])));
    setErrors({});
  }, [rows]);
  const capAtNorm = useCallback(
    (id: string) => {
      const line = rows.find((l) => l.id === id);
      const cap = line && capOf(line);
      if (cap !== null && cap !== undefined) setApprovedMap((a) => ({ ...a, [id]: groupDigits(cap) }));
    },
    [rows],
  );
  const capAllAtNorm = useCallback(
    () =>
      setApprovedMap((a) => ({
        ...a,
        ...Object.fromEntries(
          flagged.map((l) => {
            const cap = capOf(l);
            return [l.id, cap === null || cap === undefined ? '' : groupDigits(cap)];
          }),
        ),
      })),
    [flagged],
  );
  const checkComplete = useCallback(
    (decision: ReviewDecision, message: string) => {
      if (decision !== 'APPROVE') return true;
      const missing = rows.filter((l) => !approved[l.id]);
      setErrors(Object.fromEntries(missing.map((l) => [l.id, message])));
      return missing.length === 0;
    },
    [rows, approved],
  );

  return {
    rows,
    approved,
    comments,
    errors,
    setApproved,
    setComment,
    showErrors,
    linesFor,
    fundAsRequested,
    capAtNorm,
    flagged,
    capAllAtNorm,
    checkComplete,
  };
}
