import type { PlanStatus, ReviewStatus } from '@vufo/domain/approval/types';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { reviewStatusText } from '../common/decisions';

// Dark-on-light pairs chosen for a contrast ratio above 4.5:1 (WCAG AA) on every status; typed
// by the domain's lists, so a status added there needs its colour here before the web compiles.
const COLORS: Record<
  PlanStatus | ReviewStatus | 'NOT_STARTED',
  { color: string; background: string; border: string }
> = {
  NOT_STARTED: { color: '#374151', background: '#f3f4f6', border: '#d1d5db' },
  DRAFT: { color: '#374151', background: '#f3f4f6', border: '#d1d5db' },
  IN_APPRAISAL: { color: '#1e3a8a', background: '#eff6ff', border: '#93c5fd' },
  REVISION_REQUESTED: { color: '#7c2d12', background: '#fff7ed', border: '#fdba74' },
  APPROVED: { color: '#14532d', background: '#f0fdf4', border: '#86efac' },
  IN_ROLLOUT: { color: '#14532d', background: '#f0fdf4', border: '#86efac' },
  CLOSED: { color: '#374151', background: '#f3f4f6', border: '#d1d5db' },
  REJECTED: { color: '#7f1d1d', background: '#fef2f2', border: '#fca5a5' },
  WITHDRAWN: { color: '#374151', background: '#f3f4f6', border: '#d1d5db' },
  PENDING: { color: '#1e3a8a', background: '#eff6ff', border: '#93c5fd' },
  CANCELLED: { color: '#374151', background: '#f3f4f6', border: '#d1d5db' },
};

export function StatusTag({
  status,
  kind = 'plan',
  fn,
}: {
  status: string;
  kind?: 'plan' | 'review';
  /** A review's function: the People's Committee's statuses read "Phê duyệt", an agency's "Thống nhất". */
  fn?: string;
}) {
  const { t } = useTranslation();
  const c = COLORS[status as keyof typeof COLORS] ?? COLORS.DRAFT;
  return (
    <Tag style={{ color: c.color, background: c.background, borderColor: c.border }}>
      {kind === 'plan' ? t(`planStatus.${status}`) : reviewStatusText(t, status, fn)}
    </Tag>
  );
}

export function OverdueTag({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Tag style={{ color: '#7f1d1d', background: '#fef2f2', borderColor: '#fca5a5' }}>
      {label ?? t('common.overdue')}
    </Tag>
  );
}
