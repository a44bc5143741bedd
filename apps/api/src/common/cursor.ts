import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { DomainError } from '@vufo/domain';

/**
 * Keyset pagination (API.md: `?limit=&cursor=`, `items` + `nextCursor`). The cursor is the sort key
 * of the last item sent, opaque to clients; every part is checked before it reaches SQL, so a forged
 * or damaged cursor is a 422, never a database error.
 */
type Part = 'instant' | 'uuid' | 'int';

const PATTERN: Record<Part, RegExp> = {
  instant: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,6}Z$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  int: /^\d{1,15}$/,
};

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, shape: readonly Part[]): string[] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const ok =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((v, i) => PATTERN[shape[i]].test(String(v)));
  if (!ok) {
    throw new DomainError('VALIDATION_FAILED', 'cursor: not a cursor from this list', [
      { field: 'cursor', message: 'not a cursor from this list' },
    ]);
  }
  return (key as unknown[]).map(String);
}

/**
 * SQL for an instant as a cursor part: microseconds in UTC, as the database keeps it (a JS Date
 * would drop the microseconds and the next page would repeat or skip rows).
 */
export function cursorInstantSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Page size from `?limit=`: 1..max, default `fallback`. */
export function pageSize(limit: string | undefined, fallback = 50, max = 200): number {
  const n = Number(limit ?? fallback);
  return Math.min(Math.max(Number.isFinite(n) ? Math.trunc(n) : fallback, 1), max);
}

/** Takes `limit + 1` rows: the extra one only says whether there is a next page. */
export function page<T>(rows: T[], limit: number, keyOf: (last: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  return {
    items,
    nextCursor: rows.length > limit ? encodeCursor(keyOf(items[items.length - 1])) : null,
  };
}

/** `?limit=&cursor=` of any list. */
export class PageQuery {
  @ApiPropertyOptional({ example: '50' })
  @IsOptional()
  @Matches(/^\d{1,4}$/, { message: 'limit must be a whole number' })
  limit?: string;
  @ApiPropertyOptional() @IsOptional() @MaxLength(400) cursor?: string;
}
