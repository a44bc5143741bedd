import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../common/dates';
import { EmptyState, ErrorState, Loading } from '../common/states';
import { usePageTitle } from '../common/usePageTitle';
import { notificationText } from './notificationText';
import { useMarkRead, useNotifications } from './notificationsApi';

// Dark-on-light pairs with a contrast ratio above 4.5:1.
const SEVERITY_STYLE = {
  info: { color: '#1e3a8a', background: '#eff6ff', borderColor: '#93c5fd' },
  warning: { color: '#7c2d12', background: '#fff7ed', borderColor: '#fdba74' },
  overdue: { color: '#7f1d1d', background: '#fef2f2', borderColor: '#fca5a5' },
} as const;

export default function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const q = useNotifications();
  const mark = useMarkRead();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const items = q.data.items;
  return (
    <Card
      title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('notifications.title')}</h1>}
      extra={
        <Button onClick={() => mark.mutate('all')} disabled={!q.data.unread} loading={mark.isPending}>
          {t('notifications.markAll')}
        </Button>
      }
    >
      {items.length === 0 ? (
        <EmptyState description={t('notifications.empty')} />
      ) : (
        <List
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              actions={
                n.readAt
                  ? []
                  : [
                      <Button key="read" size="small" type="link" onClick={() => mark.mutate(n.id)}>
                        {t('notifications.markRead')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Tag style={SEVERITY_STYLE[n.severity] ?? SEVERITY_STYLE.info}>
                      {t(`notifications.severity.${n.severity}`)}
                    </Tag>
                    {n.readAt ? (
                      <Typography.Text>{notificationText(n, t)}</Typography.Text>
                    ) : (
                      <Typography.Text strong>{notificationText(n, t)}</Typography.Text>
                    )}
                  </Space>
                }
                description={
                  <Space>
                    <span>{formatDateTime(n.createdAt)}</span>
                    {n.planId && <Link to={`/plans/${n.planId}`}>{t('notifications.openPlan')}</Link>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
