/**
 * Stable error codes: clients outside this repo match on them, so codes are only ever added.
 * The API maps each code to an HTTP status in one place (apps/api/src/common/problem.filter.ts),
 * with an exhaustiveness check so a new code cannot be forgotten there.
 */
export const ErrorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'STALE_VERSION',
  'DEADLINE_PASSED',
  'RULE_VIOLATION',
  'NO_AGENCY_FOR_FUNCTION',
  'SEPARATION_OF_DUTIES',
  'ALREADY_DECIDED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
  // issue 12: an activity code already used in the same plan
  'DUPLICATE_CODE',
  // issue 12: a budget line above its norm is submitted only with the union's justification.
  'NORM_JUSTIFICATION_REQUIRED',
  // issue 14: a consolidation with no approved plan left to take in
  'NOTHING_TO_CONSOLIDATE',
  // issue 14: another consolidation of the cycle still awaits the leadership
  'CONSOLIDATION_PENDING',
  // issue 14: a merger of an organisation that was already merged
  'ALREADY_MERGED',
  // issue 13: the approval engine (Temporal) does not answer now; nothing was changed, try again
  'ENGINE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ErrorCodes)[number];

export interface FieldError {
  field: string;
  message: string;
}

/** A refusal with a stable code. Thrown by application code; returned (not thrown) by the pure `decide`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DomainError';
  }
}
