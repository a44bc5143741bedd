import { List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Plan, Review } from '../api/types';
import { formatDate } from '../common/dates';
import { formatVnd, sumBy } from '../common/money';
import { StatusTag } from '../plans/StatusTag';

/**
 * The opinions already given in this round, stage by stage: each reviewer decides knowing what the
 * agencies before them (and beside them) said. The finance department's opinion carries the total
 * it appraised.
 */
export function EarlierOpinions({ plan, review }: { plan: Plan; review: Review }) {
  const { t } = useTranslation();
  const earlier = plan.reviews
    .filter(
      (r) =>
        r.id !== review.id && r.round === review.round && r.status !== 'PENDING' && r.status !== 'CANCELLED',
    )
    .sort((a, b) => a.stage - b.stage || a.function.localeCompare(b.function));
  if (!earlier.length)
    return <Typography.Text type="secondary">{t('reviewScreens.noEarlierOpinions')}</Typography.Text>;
  return (
    <List
      data-testid="earlier-opinions"
      dataSource={earlier}
      renderItem={(r) => (
        <List.Item key={r.id} data-testid={`opinion-${r.function}`}>
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap>
              <strong>{t('inbox.stageRound', { stage: r.stage, round: r.round })}</strong>
              <span>
                {t(`reviewFunction.${r.function}`)} — {r.agencyName}
              </span>
              <StatusTag kind="review" status={r.status} />
              <Typography.Text type="secondary">
                {[r.decidedByName, r.actingForName && t('reviewScreens.actingFor', { name: r.actingForName })]
                  .filter(Boolean)
                  .join(' ')}
                {r.decidedAt ? `, ${formatDate(r.decidedAt)}` : ''}
              </Typography.Text>
            </Space>
            <span>{r.comment || t('reviewScreens.noComment')}</span>
            {r.function === 'BUDGET' && r.lines && r.lines.length > 0 && (
              <Typography.Text type="secondary">
                {t('reviewScreens.appraisedTotal', {
                  amount: formatVnd(sumBy(r.lines, (l) => l.approvedAmount)),
                })}
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}
