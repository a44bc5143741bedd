import type { TFunction } from 'i18next';

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * A period as the administration writes it: "2027-Q3" is "Quý III/2027", "2027-03" is
 * "Tháng 3/2027" (English: "Q3 2027", "03/2027"). The API keeps its own compact form.
 */
export function formatPeriod(period: string | null | undefined, t: TFunction): string {
  if (!period) return '';
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter)
    return t('period.quarter', { year: quarter[1], quarter: ROMAN[Number(quarter[2]) - 1], n: quarter[2] });
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return t('period.month', { year: month[1], month: String(Number(month[2])), mm: month[2] });
  return period;
}

/** "Quý I/2027 – Quý II/2027", or one period when both ends are the same. */
export function formatPeriodRange(
  start: string | null | undefined,
  end: string | null | undefined,
  t: TFunction,
): string {
  if (!start) return formatPeriod(end, t);
  if (!end || end === start) return formatPeriod(start, t);
  return `${formatPeriod(start, t)} – ${formatPeriod(end, t)}`;
}
