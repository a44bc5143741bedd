import {
  DEFAULT_HOLIDAYS_VN,
  DEFAULT_HOLIDAYS_VN_SOURCE,
  DEFAULT_HOLIDAY_DATES_VN,
  WorkingDayCalendar,
  addCalendarDays,
  isLocalDate,
} from './calendar';
import fc from 'fast-check';
import { DomainError } from './errors';

const cal = new WorkingDayCalendar(DEFAULT_HOLIDAY_DATES_VN);
/** A local (+07:00) wall-clock time as an instant. */
const local = (s: string) => new Date(`${s}+07:00`);
const iso = (d: Date) => d.toISOString();

describe('WorkingDayCalendar', () => {
  it('works Monday to Friday, not on weekends or holidays', () => {
    expect(cal.isWorkingDay('2026-06-01')).toBe(true); // Monday
    expect(cal.isWorkingDay('2026-06-05')).toBe(true); // Friday
    expect(cal.isWorkingDay('2026-06-06')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-06-07')).toBe(false); // Sunday
    expect(cal.isWorkingDay('2026-02-17')).toBe(false); // Tết
    expect(cal.isWorkingDay('2026-09-01')).toBe(false); // National Day (adjacent day)
    expect(new WorkingDayCalendar([]).isWorkingDay('2026-02-17')).toBe(true);
  });

  it('takes the local date in UTC+7', () => {
    expect(cal.localDate('2026-06-01T16:59:59.999Z')).toBe('2026-06-01');
    expect(cal.localDate('2026-06-01T17:00:00.000Z')).toBe('2026-06-02');
    expect(cal.localDate(new Date('2026-05-31T17:00:00Z'))).toBe('2026-06-01');
  });

  it('ends a local day at 23:59:59.999 +07:00', () => {
    expect(iso(cal.endOfLocalDay('2026-06-30'))).toBe('2026-06-30T16:59:59.999Z');
    expect(iso(cal.startOfLocalDay('2026-06-30'))).toBe('2026-06-29T17:00:00.000Z');
  });

  it('adds working days keeping the local time of day', () => {
    expect(iso(cal.addWorkingDays(local('2026-06-01T09:30:00'), 1))).toBe(iso(local('2026-06-02T09:30:00')));
    expect(iso(cal.addWorkingDays(local('2026-06-05T09:30:00'), 1))).toBe(iso(local('2026-06-08T09:30:00'))); // Fri -> Mon
    expect(iso(cal.addWorkingDays(local('2026-06-01T09:30:00'), 10))).toBe(iso(local('2026-06-15T09:30:00')));
    expect(iso(cal.addWorkingDays(local('2026-06-01T09:30:00'), 0))).toBe(iso(local('2026-06-01T09:30:00')));
  });

  it('counts from the next working day when starting on a day off', () => {
    expect(iso(cal.addWorkingDays(local('2026-06-06T10:00:00'), 0))).toBe(iso(local('2026-06-08T10:00:00'))); // Sat -> Mon
    expect(iso(cal.addWorkingDays(local('2026-06-06T10:00:00'), 1))).toBe(iso(local('2026-06-09T10:00:00'))); // Sat -> Tue
  });

  it('skips Tết and other holidays', () => {
    // Friday 13 Feb 2026 + 1 working day: 14-15 weekend, 16-20 Tết, 21-22 weekend -> Monday 23 Feb.
    expect(iso(cal.addWorkingDays(local('2026-02-13T08:00:00'), 1))).toBe(iso(local('2026-02-23T08:00:00')));
    // Wednesday 29 Apr 2026 + 2: 30/4 and 1/5 off, weekend -> Tuesday 5 May.
    expect(iso(cal.addWorkingDays(local('2026-04-29T08:00:00'), 2))).toBe(iso(local('2026-05-05T08:00:00')));
  });

  it('is right across the UTC date line of the local day', () => {
    // 06:30 local on Monday is 23:30 UTC on Sunday.
    expect(iso(cal.addWorkingDays(local('2026-06-08T06:30:00'), 1))).toBe(iso(local('2026-06-09T06:30:00')));
    expect(iso(cal.addWorkingDays('2026-06-07T23:30:00Z', 1))).toBe(iso(local('2026-06-09T06:30:00')));
  });

  it('finds the n-th working day before a deadline', () => {
    const deadline = cal.endOfLocalDay('2026-06-30'); // Tuesday
    expect(iso(cal.workingDaysBefore(deadline, 1))).toBe(iso(cal.endOfLocalDay('2026-06-29')));
    expect(iso(cal.workingDaysBefore(deadline, 5))).toBe(iso(cal.endOfLocalDay('2026-06-23')));
    expect(iso(cal.workingDaysBefore(deadline, 0))).toBe(iso(deadline));
    // A deadline on Saturday: one working day before is Friday.
    expect(iso(cal.workingDaysBefore(local('2026-06-06T12:00:00'), 1))).toBe(
      iso(local('2026-06-05T12:00:00')),
    );
    // Monday 23 Feb 2026, one working day before: Friday 13 Feb (Tết in between).
    expect(iso(cal.workingDaysBefore(local('2026-02-23T08:00:00'), 1))).toBe(
      iso(local('2026-02-13T08:00:00')),
    );
  });

  it('refuses bad input', () => {
    expect(() => new WorkingDayCalendar(['2026-02-30'])).toThrow(DomainError);
    expect(() => cal.isWorkingDay('2026-13-01')).toThrow(DomainError);
    expect(() => cal.addWorkingDays('not a date', 1)).toThrow(DomainError);
    expect(() => cal.addWorkingDays(local('2026-06-01T00:00:00'), -1)).toThrow(DomainError);
    expect(() => cal.addWorkingDays(local('2026-06-01T00:00:00'), 1.5)).toThrow(DomainError);
  });

  it('helpers', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2027-03-31', 15)).toBe('2027-04-15');
  });
});

describe('WorkingDayCalendar (properties)', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const instantArb = fc
    .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2028-12-01T00:00:00Z') })
    .map((ms) => new Date(ms));

  it('addWorkingDays lands on a working day, at the same local time, n working days on; workingDaysBefore undoes it', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 30 }), (from, n) => {
        const to = cal.addWorkingDays(from, n);
        expect(cal.isWorkingDay(cal.localDate(to))).toBe(true);
        expect((to.getTime() - from.getTime()) % DAY).toBe(0);
        const start = cal.addWorkingDays(from, 0);
        let count = 0;
        for (let d = cal.localDate(start); d < cal.localDate(to);) {
          d = addCalendarDays(d, 1);
          if (cal.isWorkingDay(d)) count++;
        }
        expect(count).toBe(n);
        expect(cal.workingDaysBefore(to, n).getTime()).toBe(start.getTime());
      }),
      { numRuns: 500 },
    );
  });
});

describe('DEFAULT_HOLIDAYS_VN', () => {
  it('has the 11 Labour Code days a year for 2026-2028, all valid and distinct', () => {
    for (const year of ['2026', '2027', '2028']) {
      expect(DEFAULT_HOLIDAYS_VN.filter((h) => h.date.startsWith(year))).toHaveLength(11);
    }
    expect(new Set(DEFAULT_HOLIDAY_DATES_VN).size).toBe(DEFAULT_HOLIDAY_DATES_VN.length);
    expect(DEFAULT_HOLIDAY_DATES_VN.every(isLocalDate)).toBe(true);
    expect(DEFAULT_HOLIDAYS_VN_SOURCE).toMatch(/Labour Code 2019 Art\. 112/);
  });

  it('puts Tết around each lunar new year: the last day of the old year and four of the new', () => {
    const tet = (y: string) =>
      DEFAULT_HOLIDAYS_VN.filter((h) => h.key === 'TET' && h.date.startsWith(y)).map((h) => h.date);
    expect(tet('2026')).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(tet('2027')).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09']);
    expect(tet('2028')).toEqual(['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28', '2028-01-29']);
  });

  it("has Hùng Kings' day and National Day with its adjacent day", () => {
    const of = (key: string) => DEFAULT_HOLIDAYS_VN.filter((h) => h.key === key).map((h) => h.date);
    expect(of('HUNG_KINGS')).toEqual(['2026-04-26', '2027-04-16', '2028-04-04']);
    expect(of('NATIONAL_DAY')).toEqual([
      '2026-09-01',
      '2026-09-02',
      '2027-09-02',
      '2027-09-03',
      '2028-09-01',
      '2028-09-02',
    ]);
  });
});
