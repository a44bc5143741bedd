import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { orgName } from '../common/names';
import type { Plan, Review } from '../api/types';
import { formatDate } from '../common/dates';
import { EmptyState } from '../common/states';
import { OverdueTag, StatusTag } from './StatusTag';

/** Every review of every round: who appraised what, when it was due, what they decided and why. */
export function ReviewsPanel({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  if (!plan.reviews.length) return <EmptyState description={t('reviews.noneYet')} />;
  const rows = [...plan.reviews].sort((a, b) => b.round - a.round || a.stage - b.stage);
  return (
    <Table<Review>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('reviews.round'), dataIndex: 'round', width: 70 },
        { title: t('reviews.stage'), dataIndex: 'stage', width: 70 },
        {
          title: t('reviews.agency'),
          render: (_, r) =>
            `${orgName(r.agencyName, r.agencyNameEn, i18n.language)} (${t(`reviewFunction.${r.function}`)})`,
        },
        {
          title: t('reviews.status'),
          render: (_, r) => (
            <>
              <StatusTag kind="review" status={r.status} fn={r.function} />{' '}
              {r.overdue && r.status === 'PENDING' && <OverdueTag />}
            </>
          ),
        },
        { title: t('reviews.due'), render: (_, r) => formatDate(r.dueAt) },
        {
          title: t('reviews.decidedBy'),
          render: (_, r) =>
            r.decidedByName
              ? r.actingForName
                ? t('reviews.actingFor', { name: r.decidedByName, for: r.actingForName })
                : r.decidedByName
              : '—',
        },
        { title: t('reviews.decidedAt'), render: (_, r) => formatDate(r.decidedAt) },
        { title: t('reviews.comment'), dataIndex: 'comment', render: (c: string | null) => c ?? '—' },
      ]}
    />
  );
}
