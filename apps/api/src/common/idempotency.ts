import { ApiHeader } from '@nestjs/swagger';
import { DomainError } from '@vufo/domain';

const KEY = /^[\w.:-]{1,200}$/;

/** A command that may be repeated safely: declares the optional Idempotency-Key header (API.md). */
export function IdempotencyKey(): MethodDecorator {
  return ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A repeat with the same key returns the first result and changes nothing.',
    schema: { type: 'string', pattern: KEY.source },
  });
}

export function idempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!KEY.test(value)) {
    throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key: 1-200 letters, digits, . _ : -', [
      { field: 'Idempotency-Key', message: 'bad key' },
    ]);
  }
  return value;
}
