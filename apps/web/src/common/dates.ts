/**
 * Dates are shown dd/MM/yyyy in Vietnam's time (Asia/Ho_Chi_Minh is UTC+7 all year, no DST), so a
 * deadline "end of 18/12" (16:59:59Z) reads 18/12 whatever the browser's time zone is.
 */
const VN_OFFSET_MS = 7 * 3600 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

function vnParts(iso: string): Date | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return new Date(`${iso}T00:00:00Z`);
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t + VN_OFFSET_MS);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = vnParts(iso);
  if (!d) return iso;
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = vnParts(iso);
  if (!d) return iso;
  return `${formatDate(iso)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Today in Vietnam as YYYY-MM-DD. */
export function todayVn(now = Date.now()): string {
  const d = new Date(now + VN_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function isPast(iso: string | null | undefined, now = Date.now()): boolean {
  return Boolean(iso) && Date.parse(iso as string) < now;
}

/** Whole days from now until `iso` (negative when past). */
export function daysUntil(iso: string, now = Date.now()): number {
  return Math.ceil((Date.parse(iso) - now) / 86_400_000);
}
