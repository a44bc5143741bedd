import { ApiHeader } from '@nestjs/swagger';
import { DomainError } from '@vufo/domain';

/** An edit of a versioned resource: declares the optional If-Match header (API.md). */
export function IfMatch(): MethodDecorator {
  return ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version last seen (e.g. "3"); 409 STALE_VERSION when it moved on.',
    schema: { type: 'string' },
  });
}

/** If-Match carries the version the client last saw; a moved-on resource is 409 STALE_VERSION. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!m)
    throw new DomainError('VALIDATION_FAILED', 'If-Match must be the plan version, e.g. "3".', [
      { field: 'If-Match', message: 'not a version' },
    ]);
  return Number(m[1]);
}

export function assertVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) {
    throw new DomainError(
      'STALE_VERSION',
      `The plan is at version ${current}; you sent If-Match ${expected}. Reload and try again.`,
    );
  }
}
