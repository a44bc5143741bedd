import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** Number 1 is the national plan; later ones (plans approved late) are supplementary. */
export function consolidationName(t: TFunction, number: number): string {
  return number === 1
    ? t('consolidation.national')
    : t('consolidation.supplementary', { number: number - 1 });
}

// Dark-on-light pairs above 4.5:1 (WCAG AA), as the plan statuses.
const COLORS: Record<string, { color: string; background: string; border: string }> = {
  PENDING_APPROVAL: { color: '#1e3a8a', background: '#eff6ff', border: '#93c5fd' },
  APPROVED: { color: '#14532d', background: '#f0fdf4', border: '#86efac' },
  RETURNED: { color: '#7c2d12', background: '#fff7ed', border: '#fdba74' },
};

export function ConsolidationStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const c = COLORS[status] ?? COLORS.PENDING_APPROVAL;
  return (
    <Tag data-status={status} style={{ color: c.color, background: c.background, borderColor: c.border }}>
      {t(`consolidation.status.${status}`)}
    </Tag>
  );
}
