/**
 * A failed request as the screens see it: the server's problem+json body (RFC 9457), with the
 * field errors that forms put next to their fields. Apart from the client, so a screen can
 * handle an error without reaching for the means of making requests.
 */

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail: string;
  /** The language the server wrote `title` and `detail` in (its Content-Language). */
  language?: string;
  errors: FieldError[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return this.problem.code;
  }
}
