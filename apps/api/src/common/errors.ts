import { DomainError } from '@vufo/domain';

/** Invisible and absent answer alike (404, never 403), so a user cannot probe which rows exist. */
export function notFound(what: string, id: string): DomainError {
  return new DomainError('NOT_FOUND', `No ${what} ${id} is visible to you.`);
}
