import { Progress } from 'antd';
import { useTranslation } from 'react-i18next';

/** The statuses in the order a plan moves through them (and "no plan yet" first): bars and grid columns. */
export const STATUS_ORDER = [
  'NOT_STARTED',
  'DRAFT',
  'IN_APPRAISAL',
  'REVISION_REQUESTED',
  'APPROVED',
  'IN_ROLLOUT',
  'REJECTED',
  'WITHDRAWN',
  'CLOSED',
] as const;

/**
 * How far the cycle has come: provinces per status as bars, and the share approved. Plain
 * elements rather than a chart library: readable by screen readers and a few hundred bytes.
 */
export function ProgressChart({ counts, total }: { counts: Record<string, number>; total: number }) {
  const { t } = useTranslation();
  const approved = (counts.APPROVED ?? 0) + (counts.IN_ROLLOUT ?? 0) + (counts.CLOSED ?? 0);
  const max = Math.max(1, ...Object.values(counts));
  const percent = total ? Math.round((approved * 100) / total) : 0;
  return (
    <figure style={{ margin: 0 }} aria-label={t('dashboard.progress')}>
      <Progress
        aria-label={t('dashboard.approvedShare', { percent })}
        percent={percent}
        format={(p) => t('dashboard.approvedShare', { percent: p })}
        strokeColor="#15803d"
      />
      <div className="bar-chart" style={{ marginTop: 16 }}>
        {STATUS_ORDER.filter((s) => counts[s]).map((s) => (
          <div key={s} style={{ display: 'contents' }}>
            <span>{t(`planStatus.${s}`)}</span>
            <div className="bar" style={{ width: `${(counts[s] * 100) / max}%` }} aria-hidden />
            <strong>{counts[s]}</strong>
          </div>
        ))}
      </div>
    </figure>
  );
}
