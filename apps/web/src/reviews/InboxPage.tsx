import { Card, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { InboxItem } from '../api/types';
import { daysUntil, formatDate } from '../common/dates';
import { EmptyState, ErrorState, Loading } from '../common/states';
import { usePageTitle } from '../common/usePageTitle';
import { OverdueTag, StatusTag } from '../plans/StatusTag';
import { InboxFilter, useInbox } from './reviewsApi';

/** The agency's reviews, most urgent first (the server sorts by due date); overdue ones marked. */
export default function InboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('inbox.title'));
  const [filter, setFilter] = useState<InboxFilter>('PENDING');
  const q = useInbox(filter);
  return (
    <Card
      title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('inbox.title')}</h1>}
      extra={
        <Segmented
          aria-label={t('inbox.filter')}
          value={filter}
          onChange={(v) => setFilter(v as InboxFilter)}
          options={[
            { value: 'PENDING', label: t('inbox.pending') },
            { value: 'ALL', label: t('inbox.all') },
          ]}
        />
      }
    >
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table<InboxItem>
          rowKey="id"
          dataSource={q.data.items}
          pagination={false}
          locale={{ emptyText: <EmptyState description={t('inbox.empty')} /> }}
          rowClassName={(r) => (r.overdue && r.status === 'PENDING' ? 'row-overdue' : '')}
          columns={[
            {
              title: t('inbox.plan'),
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/plans/${r.planId}/reviews/${r.id}`}>{r.planTitle}</Link>
                  <Typography.Text type="secondary">{r.organizationName}</Typography.Text>
                </Space>
              ),
            },
            {
              title: t('inbox.function'),
              render: (_, r) =>
                `${t(`reviewFunction.${r.function}`)} · ${t('inbox.stageRound', { stage: r.stage, round: r.round })}`,
            },
            { title: t('inbox.opened'), render: (_, r) => formatDate(r.openedAt) },
            {
              title: t('inbox.due'),
              render: (_, r) => (
                <Space wrap>
                  {formatDate(r.dueAt)}
                  {r.status === 'PENDING' &&
                    (r.overdue ? (
                      <OverdueTag />
                    ) : (
                      <Typography.Text type="secondary">
                        {t('inbox.daysLeft', { count: daysUntil(r.dueAt) })}
                      </Typography.Text>
                    ))}
                </Space>
              ),
            },
            { title: t('inbox.status'), render: (_, r) => <StatusTag kind="review" status={r.status} /> },
          ]}
        />
      )}
    </Card>
  );
}
