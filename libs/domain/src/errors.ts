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
  // issue 14: an organisation merged already (POST /api/organizations/:id/merge)
  'ALREADY_MERGED',
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
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
