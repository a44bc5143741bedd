import { useTranslation } from 'react-i18next';
import type { RollupRow } from '../api/types';
import { formatVnd, toBig } from '../common/money';

/**
 * Requested against approved per row of a roll-up, as paired bars. Plain elements, like the
 * dashboard's ProgressChart: no chart library, and the figures are text a screen reader reads.
 */
export function RollupChart({ rows, label }: { rows: RollupRow[]; label: string }) {
  const { t } = useTranslation();
  const max = rows.reduce((m, r) => {
    const v = toBig(r.requested) > toBig(r.approved) ? toBig(r.requested) : toBig(r.approved);
    return v > m ? v : m;
  }, 1n);
  // Percent of the largest amount, in bigint so a national total past 2^53 stays exact enough.
  const width = (v: RollupRow['requested']) => `${Number((toBig(v) * 1000n) / max) / 10}%`;
  return (
    <figure style={{ margin: 0 }} aria-label={label} data-testid="rollup-chart">
      <div className="chart-legend">
        <span>
          <span className="swatch requested" aria-hidden />
          {t('budget.requested')}
        </span>
        <span>
          <span className="swatch approved" aria-hidden />
          {t('budget.approved')}
        </span>
      </div>
      <div className="rollup-chart">
        {rows.map((r) => (
          <div key={r.key} style={{ display: 'contents' }}>
            <span>{r.label}</span>
            <div>
              <div className="bar requested" style={{ width: width(r.requested) }} aria-hidden />
              <div className="bar approved" style={{ width: width(r.approved) }} aria-hidden />
            </div>
            <span className="money">
              <span className="sr-only">{t('budget.requested')}: </span>
              {formatVnd(r.requested)}
              <br />
              <span className="sr-only">{t('budget.approved')}: </span>
              <strong>{formatVnd(r.approved)}</strong>
            </span>
          </div>
        ))}
      </div>
    </figure>
  );
}
