import { DomainError } from '@vufo/domain';

/** The Idempotency-Key header as the OpenAPI document describes it. */
export const IDEMPOTENCY = {
  name: 'Idempotency-Key',
  required: false,
  description: 'a repeat with the same key has effect once',
};

export function idempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[\w.:-]{1,200}$/.test(value)) {
    throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key: 1-200 letters, digits, . _ : -', [
      { field: 'Idempotency-Key', message: 'bad key' },
    ]);
  }
  return value;
}
