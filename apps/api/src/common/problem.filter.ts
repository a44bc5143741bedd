import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode, FieldError } from '@vufo/domain';
import { fieldErrorsIn, Language, languageOf, problemDetail, problemTitle } from './problem-text';

/** The one map from a stable error code to its HTTP status. `satisfies` makes a new code a compile error here. */
export const STATUS_OF = {
  VALIDATION_FAILED: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  STALE_VERSION: 409,
  DEADLINE_PASSED: 422,
  RULE_VIOLATION: 422,
  NO_AGENCY_FOR_FUNCTION: 422,
  SEPARATION_OF_DUTIES: 403,
  ALREADY_DECIDED: 409,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
  DUPLICATE_CODE: 409,
  NORM_JUSTIFICATION_REQUIRED: 422,
  NOTHING_TO_CONSOLIDATE: 409,
  CONSOLIDATION_PENDING: 409,
  ALREADY_MERGED: 409,
  ENGINE_UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, number>;

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors: FieldError[];
  instance?: string;
}

/**
 * The problem+json body for any failure, its title and detail in `lang` (Accept-Language):
 * the code and the field names stay as they are, for programs.
 */
export function problemFor(err: unknown, lang: Language = 'vi'): { problem: Problem; unexpected: boolean } {
  const make = (status: number, code: ErrorCode, message: string, errors: FieldError[]): Problem => ({
    type: 'about:blank',
    title: problemTitle(code, lang),
    status,
    code,
    detail: problemDetail(code, message, errors, lang),
    errors: fieldErrorsIn(errors, lang),
  });
  if (err instanceof DomainError) {
    const status = STATUS_OF[err.code];
    return { problem: make(status, err.code, err.message, err.errors), unexpected: false };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const body = err.getResponse();
    const message =
      typeof body === 'object' && body && 'message' in body
        ? String((body as { message: unknown }).message)
        : err.message;
    return { problem: make(status, codeForStatus(status), message, []), unexpected: false };
  }
  // Body-parser errors are plain errors with a status: malformed JSON, too large, wrong charset.
  const e = err as { status?: number; type?: string; message?: string };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    const detail =
      e.type === 'entity.parse.failed'
        ? 'The request body is not valid JSON.'
        : e.type === 'entity.too.large'
          ? 'The request body is too large.'
          : (e.message ?? 'Bad request');
    const status = e.type === 'entity.parse.failed' ? 400 : e.status;
    return { problem: make(status, codeForStatus(status), detail, []), unexpected: false };
  }
  return { problem: make(500, 'INTERNAL', 'An unexpected error occurred.', []), unexpected: true };
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case HttpStatus.UNAUTHORIZED:
      return 'UNAUTHENTICATED';
    case HttpStatus.FORBIDDEN:
      return 'FORBIDDEN';
    case HttpStatus.NOT_FOUND:
      return 'NOT_FOUND';
    case HttpStatus.CONFLICT:
      return 'CONFLICT';
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return 'PAYLOAD_TOO_LARGE';
    default:
      return status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
  }
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly log = new Logger('Problem');

  catch(err: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const lang = languageOf(req.headers['accept-language']);
    const { problem, unexpected } = problemFor(err, lang);
    if (unexpected) this.log.error({ err }, 'unhandled error');
    // The engine's own failure stays in the log; the caller learns only to try again.
    if (problem.status === 503) {
      this.log.warn({ err, cause: (err as Error).cause }, 'approval engine unavailable');
      res.setHeader('Retry-After', '2');
    }
    problem.instance = req.originalUrl;
    res.setHeader('Content-Language', lang);
    res.vary('Accept-Language');
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}
