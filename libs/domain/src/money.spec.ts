import fc from 'fast-check';
import { DomainError } from './errors';
import { formatVnd, isSafeVndNumber, parseVnd, sumVnd, tryParseVnd, vndToJson } from './money';

function refusal(input: unknown): DomainError {
  try {
    parseVnd(input, 'amount');
  } catch (e) {
    return e as DomainError;
  }
  throw new Error(`accepted ${String(input)}`);
}

describe('parseVnd', () => {
  it.each([
    [0, 0n],
    [1, 1n],
    [9_400_000, 9_400_000n],
    [Number.MAX_SAFE_INTEGER, 9007199254740991n],
    ['0', 0n],
    ['007', 7n],
    ['9007199254740993', 9007199254740993n],
    ['99999999999999999999', 99999999999999999999n],
    [12n, 12n],
  ])('accepts %p', (input, expected) => {
    expect(parseVnd(input)).toBe(expected);
  });

  it.each([
    ['a negative number', -1],
    ['a negative string', '-5'],
    ['a fraction', 1.5],
    ['a decimal string', '1.5'],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['an exponent string', '1e6'],
    ['a plus sign', '+5'],
    ['padding', ' 5'],
    ['an empty string', ''],
    ['a non-numeric string', 'abc'],
    ['digit grouping', '1.000.000'],
    ['an unsafe JSON number', Number.MAX_SAFE_INTEGER + 2],
    ['21 digits', '100000000000000000000'],
    ['a negative bigint', -1n],
    ['null', null],
    ['undefined', undefined],
    ['an object', { amount: 1 }],
    ['a boolean', true],
  ])('refuses %s with VALIDATION_FAILED', (_what, input) => {
    const e = refusal(input);
    expect(e).toBeInstanceOf(DomainError);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.errors[0]?.field).toBe('amount');
  });

  it('says why a big JSON number is refused', () => {
    expect(refusal(2 ** 53 + 2).message).toMatch(/decimal string/);
    expect(refusal(-3).message).toMatch(/negative/);
  });

  it('round-trips through the JSON contract for any amount (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n - 1n }), (v) => {
        const json = vndToJson(v);
        expect(parseVnd(JSON.parse(JSON.stringify(json)))).toBe(v);
        expect(typeof json === 'number').toBe(v <= BigInt(Number.MAX_SAFE_INTEGER));
      }),
      { numRuns: 300 },
    );
  });

  it('tryParseVnd returns null instead of throwing', () => {
    expect(tryParseVnd('12')).toBe(12n);
    expect(tryParseVnd('-12')).toBeNull();
  });
});

describe('vndToJson / isSafeVndNumber / sumVnd', () => {
  it('is a number when safe, a string beyond', () => {
    expect(vndToJson(123n)).toBe(123);
    expect(vndToJson(9007199254740991n)).toBe(9007199254740991);
    expect(vndToJson(9007199254740992n)).toBe('9007199254740992');
  });

  it('recognises safe VND numbers', () => {
    expect(isSafeVndNumber(0)).toBe(true);
    expect(isSafeVndNumber(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(isSafeVndNumber(-1)).toBe(false);
    expect(isSafeVndNumber(1.5)).toBe(false);
    expect(isSafeVndNumber(2 ** 53)).toBe(false);
    expect(isSafeVndNumber('5')).toBe(false);
  });

  it('sums exactly past 2^53', () => {
    expect(sumVnd([])).toBe(0n);
    expect(sumVnd([9007199254740991n, 9007199254740991n, 2n])).toBe(18014398509481984n);
    expect(sumVnd(new Set([1n, 2n]))).toBe(3n);
  });
});

describe('formatVnd', () => {
  it('groups with dots in Vietnamese and commas in English', () => {
    expect(formatVnd(1234567n, 'vi')).toBe('1.234.567 ₫');
    expect(formatVnd(1234567n)).toBe('1.234.567 ₫');
    expect(formatVnd(1234567n, 'en')).toBe('₫1,234,567');
    expect(formatVnd(0n)).toBe('0 ₫');
    expect(formatVnd(999n)).toBe('999 ₫');
    expect(formatVnd(1000n)).toBe('1.000 ₫');
    expect(formatVnd(-1500000n)).toBe('-1.500.000 ₫');
    expect(formatVnd(123456789012345678901n)).toBe('123.456.789.012.345.678.901 ₫');
  });
});
