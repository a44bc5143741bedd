import type { Vnd } from '../api/types';

/**
 * Money is integer VND (DOMAIN.md): summed as bigint so a national total past 2^53 stays exact,
 * shown as `1.234.567 ₫` in both languages (the currency is always the đồng).
 */
export function toBig(v: Vnd | null | undefined): bigint {
  if (v === null || v === undefined || v === '') return 0n;
  try {
    return BigInt(v);
  } catch {
    return 0n;
  }
}

export function groupDigits(v: bigint | number | string): string {
  const s = typeof v === 'bigint' ? v.toString() : String(v);
  const negative = s.startsWith('-');
  const digits = (negative ? s.slice(1) : s).replace(/\D/g, '');
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (negative ? '-' : '') + grouped;
}

/** `1.234.567 ₫` (a no-break space keeps the sign on the number's line). */
export function formatVnd(v: Vnd | bigint | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return `${groupDigits(typeof v === 'bigint' ? v : toBig(v))}\u00a0₫`;
}

export function sumBy<T>(items: T[], pick: (t: T) => Vnd | bigint | null | undefined): bigint {
  let s = 0n;
  for (const i of items) {
    const v = pick(i);
    s += typeof v === 'bigint' ? v : toBig(v);
  }
  return s;
}

/**
 * Typed text read as a whole number, exactly: digits, optionally grouped the Vietnamese way
 * ("9.400.000", or with spaces) and optionally signed; anything else ("abc", "1,5", "") is null.
 * Nothing is guessed, clamped or rounded: the caller refuses what is not a number, and the range
 * is the caller's (and the server's) to judge.
 */
export function wholeNumberText(text: string): string | null {
  const s = text.trim().replace(/[\s\u00a0]/g, '');
  const m = /^(-?)(\d+|\d{1,3}(?:\.\d{3})+)$/.exec(s);
  return m ? m[1] + m[2].replace(/\./g, '') : null;
}

/** A VND value for a request body: a JSON number when safe, else a decimal string (API.md). */
export function vndBody(digits: string): number | string {
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : digits;
}
