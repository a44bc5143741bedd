import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Card, Col, Empty, List, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Dashboard, DashboardProvince } from '../api/types';
import { useMe } from '../auth/auth';
import { formatDate, formatDateTime } from '../common/dates';
import { formatVnd, toBig } from '../common/money';
import { ErrorState, Loading } from '../common/states';
import { usePageTitle } from '../common/usePageTitle';
import { approvedCount, holdsRoleFor, isExtendable, STATUS_ORDER } from '../plans/planRules';
import { OverdueTag } from '../plans/StatusTag';
import { currentCycle, useCycles, useDashboard } from './cyclesApi';
import { ExtensionModal } from './ExtensionModal';
import { ProgressChart } from './ProgressChart';

export default function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('dashboard.title'));
  const { cycleId: routeCycle } = useParams();
  const navigate = useNavigate();
  const cycles = useCycles();
  const cycleId = routeCycle ?? currentCycle(cycles.data)?.id;
  const q = useDashboard(cycleId);
  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => cycles.refetch()} />;
  if (!cycleId) return <Empty description={t('dashboard.noCycle')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('dashboard.title')}
        </Typography.Title>
        <Select
          aria-label={t('dashboard.cycle')}
          value={cycleId}
          style={{ minWidth: 260 }}
          onChange={(id) => navigate(`/dashboard/${id}`)}
          options={cycles.data.items.map((c) => ({ value: c.id, label: c.title || String(c.year) }))}
        />
      </Space>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <DashboardView d={q.data} />
      )}
    </Space>
  );
}

function DashboardView({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [extending, setExtending] = useState<DashboardProvince | null>(null);
  const en = i18n.language === 'en';
  const provinces = d.provinces.length;
  const approved = approvedCount(d.countsByStatus);
  const canExtend = holdsRoleFor('GrantExtension', me.roles);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic title={t('dashboard.deadline')} value={formatDate(d.cycle.submissionDeadline)} />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic title={t('dashboard.approvedPlans')} value={`${approved} / ${provinces}`} />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic title={t('dashboard.requested')} value={formatVnd(d.totals.requested)} />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic title={t('dashboard.approved')} value={formatVnd(d.totals.approved)} />
          </Card>
        </Col>
      </Row>
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dashboard.grid')}</h2>}
        extra={
          <Typography.Text type="secondary">
            {t('dashboard.asOf', { at: formatDateTime(d.asOf) })}
          </Typography.Text>
        }
      >
        <Table<DashboardProvince>
          rowKey="organizationId"
          size="small"
          pagination={false}
          dataSource={d.provinces}
          scroll={{ x: 'max-content' }}
          data-testid="province-grid"
          columns={[
            {
              title: t('dashboard.province'),
              fixed: 'left',
              render: (_, p) =>
                p.planId ? (
                  <Link to={`/plans/${p.planId}`}>{en ? p.nameEn : p.nameVi}</Link>
                ) : en ? (
                  p.nameEn
                ) : (
                  p.nameVi
                ),
            },
            { title: t('dashboard.cluster'), dataIndex: 'cluster', align: 'center', render: (c) => c ?? '—' },
            ...STATUS_ORDER.map((s) => ({
              title: t(`planStatus.${s}`),
              key: s,
              align: 'center' as const,
              className: 'status-cell',
              render: (_: unknown, p: DashboardProvince) =>
                p.status === s ? (
                  <span data-status={s}>
                    <CheckCircleFilled aria-hidden style={{ color: '#1d4ed8' }} />
                    <span className="sr-only">{t(`planStatus.${s}`)}</span>
                  </span>
                ) : null,
            })),
            {
              title: t('dashboard.deadlineCol'),
              render: (_, p) => (
                <Space wrap>
                  {formatDate(p.nextReviewDue ?? p.submissionDeadline ?? d.cycle.submissionDeadline)}
                  {p.overdue && <OverdueTag />}
                </Space>
              ),
            },
            {
              title: t('dashboard.requested'),
              align: 'right',
              render: (_, p) => <span className="money">{formatVnd(p.requested)}</span>,
            },
            {
              title: t('dashboard.approved'),
              align: 'right',
              render: (_, p) => <span className="money">{formatVnd(p.approved)}</span>,
            },
            ...(canExtend
              ? [
                  {
                    title: <span className="sr-only">{t('common.actions')}</span>,
                    key: 'actions',
                    render: (_: unknown, p: DashboardProvince) =>
                      isExtendable(p.status) ? (
                        <Button size="small" onClick={() => setExtending(p)}>
                          {t('dashboard.extend')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dashboard.progress')}</h2>}>
            <ProgressChart counts={d.countsByStatus} total={provinces} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dashboard.byFunding')}</h2>}>
            <Table
              size="small"
              pagination={false}
              rowKey="fundingSource"
              dataSource={d.totals.byFundingSource}
              columns={[
                { title: t('budget.fundingSource'), render: (_, r) => t(`fundingSource.${r.fundingSource}`) },
                {
                  title: t('budget.requested'),
                  align: 'right',
                  render: (_, r) => <span className="money">{formatVnd(r.requested)}</span>,
                },
                {
                  title: t('budget.approved'),
                  align: 'right',
                  render: (_, r) => <span className="money">{formatVnd(r.approved)}</span>,
                },
                {
                  title: t('dashboard.share'),
                  align: 'right',
                  render: (_, r) => {
                    const req = toBig(r.requested);
                    return req > 0n ? `${(toBig(r.approved) * 100n) / req}%` : '—';
                  },
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dashboard.overdue')}</h2>}>
        <List
          size="small"
          dataSource={d.overdue}
          locale={{ emptyText: t('dashboard.noOverdue') }}
          renderItem={(o) => (
            <List.Item>
              <Space wrap>
                <OverdueTag />
                <Link to={`/plans/${o.planId}`}>{o.organizationName}</Link>
                <span>{t(`dashboard.overdueKind.${o.kind}`)}</span>
                <span>{formatDate(o.dueAt)}</span>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {extending && (
        <ExtensionModal cycleId={d.cycle.id} province={extending} onClose={() => setExtending(null)} />
      )}
    </Space>
  );
}
