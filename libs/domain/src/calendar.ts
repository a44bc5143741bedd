import { DomainError } from './errors';

/**
 * Working days in Asia/Ho_Chi_Minh. Vietnam has kept UTC+7 without daylight saving since 1975, so
 * local time is computed with a fixed +7 h offset: no Intl, no time-zone database, deterministic
 * (safe inside a Temporal workflow). Holidays are configuration: the calendar only takes a list.
 */
export const VN_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
function dayNumber(date: string): number {
  if (!isLocalDate(date))
    throw new DomainError('VALIDATION_FAILED', `Not a calendar date (YYYY-MM-DD): ${String(date)}`);
  const m = DATE_RE.exec(date)!;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A 'YYYY-MM-DD' date plus n calendar days (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  return dateOfDayNumber(dayNumber(date) + n);
}

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for an ISO-8601 instant with a time and an offset ('2026-06-30T16:59:59.999Z', '2026-07-01T09:00:00+07:00'). */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT_RE.test(value) && Number.isFinite(Date.parse(value));
}

/** Milliseconds since the epoch of an instant given as a Date or an ISO-8601 string with an offset; throws if invalid. */
export function toEpochMs(instant: Date | string): number {
  const ms = isInstant(instant) ? Date.parse(instant) : instant instanceof Date ? instant.getTime() : NaN;
  if (!Number.isFinite(ms))
    throw new DomainError('VALIDATION_FAILED', `Not a valid instant: ${String(instant)}`);
  return ms;
}

/** The canonical ISO form (UTC, milliseconds) of an instant. */
export function toIso(instant: Date | string | number): string {
  return new Date(typeof instant === 'number' ? instant : toEpochMs(instant)).toISOString();
}

/** The local (Asia/Ho_Chi_Minh) calendar date of an instant, 'YYYY-MM-DD'. */
export function localDateOf(instant: Date | string): string {
  return dateOfDayNumber(Math.floor((toEpochMs(instant) + VN_UTC_OFFSET_MS) / DAY_MS));
}

/** 23:59:59.999 local time (+07:00) of a 'YYYY-MM-DD' date. */
export function endOfLocalDayOf(date: string): Date {
  return new Date((dayNumber(date) + 1) * DAY_MS - VN_UTC_OFFSET_MS - 1);
}

export class WorkingDayCalendar {
  private readonly holidays: ReadonlySet<string>;

  /** @param holidays public holidays, 'YYYY-MM-DD' (Tết included); weekends are always off. */
  constructor(holidays: readonly string[]) {
    for (const h of holidays) {
      if (!isLocalDate(h))
        throw new DomainError('VALIDATION_FAILED', `Holiday is not a date (YYYY-MM-DD): ${String(h)}`);
    }
    this.holidays = new Set(holidays);
  }

  /** Monday–Friday and not a configured holiday. */
  isWorkingDay(date: string): boolean {
    const weekday = (dayNumber(date) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(date);
  }

  /** The local (Asia/Ho_Chi_Minh) calendar date of an instant. */
  localDate(instant: Date | string): string {
    return localDateOf(instant);
  }

  /** 00:00:00.000 local time of a date. */
  startOfLocalDay(date: string): Date {
    return new Date(dayNumber(date) * DAY_MS - VN_UTC_OFFSET_MS);
  }

  /** 23:59:59.999 local time (+07:00) of a date. */
  endOfLocalDay(date: string): Date {
    return endOfLocalDayOf(date);
  }

  /**
   * The same local time of day, n working days later (n ≥ 0). When `from` falls on a day off,
   * counting starts from the next working day (as if the thing had arrived then, at that time of
   * day): from Saturday 10:00, n = 1 gives Tuesday 10:00; n = 0 gives Monday 10:00.
   */
  addWorkingDays(from: Date | string, n: number): Date {
    assertCount(n);
    const ms = toEpochMs(from);
    const local = ms + VN_UTC_OFFSET_MS;
    let day = Math.floor(local / DAY_MS);
    const timeOfDay = local - day * DAY_MS;
    while (!this.isWorkingDay(dateOfDayNumber(day))) day++;
    for (let left = n; left > 0;) {
      day++;
      if (this.isWorkingDay(dateOfDayNumber(day))) left--;
    }
    return new Date(day * DAY_MS + timeOfDay - VN_UTC_OFFSET_MS);
  }

  /**
   * The same local time of day on the n-th working day strictly before the deadline's local date
   * (n ≥ 0; n = 0 returns the deadline). A deadline on Saturday, n = 1, gives Friday.
   */
  workingDaysBefore(deadline: Date | string, n: number): Date {
    assertCount(n);
    const ms = toEpochMs(deadline);
    const local = ms + VN_UTC_OFFSET_MS;
    let day = Math.floor(local / DAY_MS);
    const timeOfDay = local - day * DAY_MS;
    for (let left = n; left > 0;) {
      day--;
      if (this.isWorkingDay(dateOfDayNumber(day))) left--;
    }
    return new Date(day * DAY_MS + timeOfDay - VN_UTC_OFFSET_MS);
  }
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > 100_000) {
    throw new DomainError('VALIDATION_FAILED', `A number of working days must be a whole number ≥ 0: ${n}`);
  }
}

export type HolidayKey =
  'NEW_YEAR' | 'TET' | 'HUNG_KINGS' | 'REUNIFICATION_DAY' | 'LABOUR_DAY' | 'NATIONAL_DAY';

export interface Holiday {
  date: string;
  /** i18n key of the holiday's name. */
  key: HolidayKey;
}

export const DEFAULT_HOLIDAYS_VN_SOURCE =
  'Labour Code 2019 Art. 112; compensatory days per annual Prime Minister notice not included';

/**
 * Vietnam's public holidays 2026–2028 under the Labour Code 2019, Art. 112 (11 days a year):
 * - 1/1;
 * - Tết: 5 days, the government's usual pattern of the last day of the old lunar year plus the
 *   first 4 days of the new one (lunar new year: 17/2/2026, 6/2/2027, 26/1/2028);
 * - Hùng Kings' day, 10th day of the 3rd lunar month (26/4/2026, 16/4/2027, 4/4/2028);
 * - 30/4 and 1/5;
 * - 2/9 plus one adjacent day: 1/9 in 2026 (as in 2025) and in 2028 (2/9 is a Saturday there),
 *   3/9 in 2027 (2/9 is a Thursday, 3/9 a Friday).
 * Not included: compensatory days off when a holiday falls on a weekend, and the swapped
 * working days the Prime Minister announces each year; configure them (HOLIDAYS) when known.
 * Source: DEFAULT_HOLIDAYS_VN_SOURCE.
 */
export const DEFAULT_HOLIDAYS_VN: readonly Holiday[] = [
  { date: '2026-01-01', key: 'NEW_YEAR' },
  { date: '2026-02-16', key: 'TET' },
  { date: '2026-02-17', key: 'TET' },
  { date: '2026-02-18', key: 'TET' },
  { date: '2026-02-19', key: 'TET' },
  { date: '2026-02-20', key: 'TET' },
  { date: '2026-04-26', key: 'HUNG_KINGS' },
  { date: '2026-04-30', key: 'REUNIFICATION_DAY' },
  { date: '2026-05-01', key: 'LABOUR_DAY' },
  { date: '2026-09-01', key: 'NATIONAL_DAY' },
  { date: '2026-09-02', key: 'NATIONAL_DAY' },

  { date: '2027-01-01', key: 'NEW_YEAR' },
  { date: '2027-02-05', key: 'TET' },
  { date: '2027-02-06', key: 'TET' },
  { date: '2027-02-07', key: 'TET' },
  { date: '2027-02-08', key: 'TET' },
  { date: '2027-02-09', key: 'TET' },
  { date: '2027-04-16', key: 'HUNG_KINGS' },
  { date: '2027-04-30', key: 'REUNIFICATION_DAY' },
  { date: '2027-05-01', key: 'LABOUR_DAY' },
  { date: '2027-09-02', key: 'NATIONAL_DAY' },
  { date: '2027-09-03', key: 'NATIONAL_DAY' },

  { date: '2028-01-01', key: 'NEW_YEAR' },
  { date: '2028-01-25', key: 'TET' },
  { date: '2028-01-26', key: 'TET' },
  { date: '2028-01-27', key: 'TET' },
  { date: '2028-01-28', key: 'TET' },
  { date: '2028-01-29', key: 'TET' },
  { date: '2028-04-04', key: 'HUNG_KINGS' },
  { date: '2028-04-30', key: 'REUNIFICATION_DAY' },
  { date: '2028-05-01', key: 'LABOUR_DAY' },
  { date: '2028-09-01', key: 'NATIONAL_DAY' },
  { date: '2028-09-02', key: 'NATIONAL_DAY' },
];

/** Just the dates of DEFAULT_HOLIDAYS_VN, for `new WorkingDayCalendar(...)`. */
export const DEFAULT_HOLIDAY_DATES_VN: readonly string[] = DEFAULT_HOLIDAYS_VN.map((h) => h.date);
