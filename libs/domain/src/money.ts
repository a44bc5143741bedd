import { DomainError } from './errors';

/**
 * Vietnamese đồng. Always a whole number of đồng and never a float: sums of plan totals can pass
 * 2^53, so the domain type is `bigint`. Across JSON (API bodies, events) an amount travels as a
 * safe-integer number or as a decimal string (see `vndToJson`).
 */
export type Vnd = bigint;

/** Longest accepted decimal string: 20 digits (< 10^20 đồng, far above any plan). */
export const MAX_VND_DIGITS = 20;

const DIGITS = /^[0-9]+$/;

function invalid(message: string, field?: string): DomainError {
  return new DomainError('VALIDATION_FAILED', message, field ? [{ field, message }] : []);
}

/** True for a JSON number that is a whole, non-negative, safe integer (exactly representable). */
export function isSafeVndNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Parses an amount of VND from untrusted input: a safe-integer JSON number, a string of decimal
 * digits (at most 20), or a bigint. Refuses (DomainError VALIDATION_FAILED) negative amounts,
 * fractions, NaN/Infinity, exponent or signed or padded forms ("1e6", "+5", " 5"), numbers above
 * Number.MAX_SAFE_INTEGER (their precision is already lost; send a string) and anything else.
 * `field` names the offending field in the error.
 */
export function parseVnd(input: unknown, field?: string): Vnd {
  if (typeof input === 'bigint') {
    if (input < 0n) throw invalid('An amount of VND cannot be negative.', field);
    if (input.toString().length > MAX_VND_DIGITS)
      throw invalid('An amount of VND has at most 20 digits.', field);
    return input;
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw invalid('An amount of VND must be a finite number.', field);
    if (!Number.isInteger(input)) throw invalid('An amount of VND must be a whole number of đồng.', field);
    if (input < 0) throw invalid('An amount of VND cannot be negative.', field);
    if (!Number.isSafeInteger(input)) {
      throw invalid('An amount above 9007199254740991 must be sent as a decimal string.', field);
    }
    return BigInt(input);
  }
  if (typeof input === 'string') {
    if (input.startsWith('-') && DIGITS.test(input.slice(1))) {
      throw invalid('An amount of VND cannot be negative.', field);
    }
    if (!DIGITS.test(input)) throw invalid('An amount of VND must be a string of decimal digits.', field);
    if (input.length > MAX_VND_DIGITS) throw invalid('An amount of VND has at most 20 digits.', field);
    return BigInt(input);
  }
  throw invalid('An amount of VND must be an integer number or a decimal string.', field);
}

/** Like parseVnd, but returns null instead of throwing. */
export function tryParseVnd(input: unknown): Vnd | null {
  try {
    return parseVnd(input);
  } catch {
    return null;
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The API contract: a JSON number when it is a safe integer, else a decimal string. */
export function vndToJson(v: Vnd): number | string {
  return v <= MAX_SAFE && v >= -MAX_SAFE ? Number(v) : v.toString();
}

/** Exact sum (0n for none). */
export function sumVnd(values: Iterable<Vnd>): Vnd {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

function group(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** `1.234.567 ₫` (vi, the default) or `₫1,234,567` (en). Exact for any size. */
export function formatVnd(v: Vnd, locale: 'vi' | 'en' = 'vi'): string {
  const negative = v < 0n;
  const digits = (negative ? -v : v).toString();
  const sign = negative ? '-' : '';
  return locale === 'vi' ? `${sign}${group(digits, '.')} ₫` : `${sign}₫${group(digits, ',')}`;
}
