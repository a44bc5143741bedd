import { Button, Card, Col, Empty, List, Row, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Dashboard, DashboardProvince, Vnd } from '../api/types';
import { useMe } from '../auth/auth';
import { formatDate, formatDateTime } from '../common/dates';
import { formatVnd, toBig } from '../common/money';
import { orgName } from '../common/names';
import { ErrorState, Loading } from '../common/states';
import { usePageTitle } from '../common/usePageTitle';
import { moneyColumn } from '../common/moneyColumn';
import { approvedCount, holdsRoleFor, isExtendable } from '../plans/planRules';
import { OverdueTag, StatusTag } from '../plans/StatusTag';
import { CyclePageHeader } from './CyclePageHeader';
import { currentCycle, useCycles, useDashboard } from './cyclesApi';
import { ExtensionModal } from './ExtensionModal';
import { ProgressChart } from './ProgressChart';

export default function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('dashboard.title'));
  const { cycleId: routeCycle } = useParams();
  const me = useMe();
  const cycles = useCycles();
  const cycleId = routeCycle ?? currentCycle(cycles.data)?.id;
  const q = useDashboard(cycleId);
  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => cycles.refetch()} />;
  if (!cycleId) return <Empty description={t('dashboard.noCycle')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <CyclePageHeader
        title={t('dashboard.title')}
        cycles={cycles.data}
        cycleId={cycleId}
        pathOf={(id) => `/dashboard/${id}`}
      >
        <Space size="large">
          <Link to={`/cycles/${cycleId}/clusters`}>{t('clusters.title')}</Link>
          {(me.roles.includes('CONSOLIDATOR') || me.roles.includes('LEADER')) && (
            <Link to={`/cycles/${cycleId}/consolidations`}>{t('nav.consolidations')}</Link>
          )}
        </Space>
      </CyclePageHeader>
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
            {toBig(d.totals.submittedRequested) > 0n && (
              <Typography.Text type="secondary" data-testid="approved-rate">
                {t('dashboard.approvedRate', { rate: rate(d.totals.approved, d.totals.submittedRequested) })}
              </Typography.Text>
            )}
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
          tableLayout="auto"
          data-testid="province-grid"
          columns={[
            {
              title: t('dashboard.province'),
              render: (_, p) => (
                <>
                  {p.planId ? (
                    <Link to={`/plans/${p.planId}`}>{en ? p.nameEn : p.nameVi}</Link>
                  ) : en ? (
                    p.nameEn
                  ) : (
                    p.nameVi
                  )}
                  {p.cluster !== null && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {clusterName(p.cluster, t)}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            {
              // One status column instead of one per status: the grid fits 1,366 px with its amounts.
              title: t('dashboard.status'),
              render: (_, p) => (
                <span data-status={p.status}>
                  <StatusTag status={p.status} />
                </span>
              ),
            },
            {
              title: t('dashboard.deadlineCol'),
              render: (_, p) => (
                <Space wrap>
                  {formatDate(p.nextReviewDue ?? p.submissionDeadline ?? d.cycle.submissionDeadline)}
                  {p.overdue && <OverdueTag />}
                </Space>
              ),
            },
            moneyColumn(t('dashboard.requested'), (p) => p.requested),
            moneyColumn(t('dashboard.approved'), (p) => p.approved),
            ...(canExtend
              ? [
                  {
                    title: <span className="sr-only">{t('common.actions')}</span>,
                    key: 'actions',
                    render: (_: unknown, p: DashboardProvince) =>
                      // A union that has not started its plan can be given more time too.
                      p.status === 'NOT_STARTED' || isExtendable(p.status) ? (
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
            <Table<(typeof d.totals.byFundingSource)[number]>
              size="small"
              pagination={false}
              rowKey="fundingSource"
              dataSource={d.totals.byFundingSource}
              columns={[
                { title: t('budget.fundingSource'), render: (_, r) => t(`fundingSource.${r.fundingSource}`) },
                moneyColumn(t('budget.requested'), (r) => r.requested),
                moneyColumn(t('budget.approved'), (r) => r.approved),
                {
                  title: t('dashboard.share'),
                  align: 'right',
                  render: (_, r) => rate(r.approved, r.submittedRequested),
                },
              ]}
            />
            <Typography.Paragraph
              type="secondary"
              style={{ marginTop: 8, marginBottom: 0 }}
              data-testid="rate-basis"
            >
              {t('dashboard.rateBasis')}
            </Typography.Paragraph>
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
                <Link to={`/plans/${o.planId}`}>
                  {orgName(o.organizationName, o.organizationNameEn, i18n.language)}
                </Link>
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

/** Clusters are numbered today; named clusters (issue 14) will bring their own names. */
function clusterName(cluster: number, t: TFunction): string {
  return t('dashboard.clusterName', { number: cluster });
}

/** Approved over requested by submitted plans: a draft's request is before no reviewer yet. */
function rate(approved: Vnd | null, submittedRequested: Vnd | null): string {
  const base = toBig(submittedRequested);
  return base > 0n ? `${(toBig(approved) * 100n) / base}%` : '—';
}
