import { Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import { approvedCount, STATUS_ORDER } from '../plans/planRules';

/**
 * How far the cycle has come: provinces per status as bars, and the share approved. Plain
 * elements rather than a chart library: readable by screen readers and a few hundred bytes.
 */
export function ProgressChart({ counts, total }: { counts: Record<string, number>; total: number }) {
  const { t } = useTranslation();
  const approved = approvedCount(counts);
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
