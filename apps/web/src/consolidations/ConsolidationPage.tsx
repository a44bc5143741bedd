import { Alert, Card, Col, Descriptions, Row, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Consolidation, ConsolidationPlan, MissingUnion, RollupRow, Rollups } from '../api/types';
import { useMe } from '../auth/auth';
import { formatDate, formatDateTime } from '../common/dates';
import { formatVnd } from '../common/money';
import { moneyColumn } from '../common/moneyColumn';
import { ErrorState, Loading } from '../common/states';
import { usePageTitle } from '../common/usePageTitle';
import { StatusTag } from '../plans/StatusTag';
import { useConsolidation } from './consolidationsApi';
import { consolidationName, ConsolidationStatusTag } from './consolidationText';
import { LeaderDecisionForm } from './LeaderDecisionForm';
import { RollupChart } from './RollupChart';

/** A consolidation as the consolidator and the leadership read it; the leadership decides here. */
export default function ConsolidationPage() {
  const { t } = useTranslation();
  const { consolidationId } = useParams();
  const q = useConsolidation(consolidationId);
  usePageTitle(q.data ? consolidationName(t, q.data.number) : t('consolidation.title'));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  return <ConsolidationView c={q.data} />;
}

/** The roll-up dimensions in the order the API lists them, each with the name of its rows. */
const DIMENSIONS = [
  { key: 'byProvince', label: 'consolidation.by.province', column: 'dashboard.province' },
  { key: 'byCluster', label: 'consolidation.by.cluster', column: 'dashboard.cluster' },
  { key: 'byActivityType', label: 'consolidation.by.activityType', column: 'activity.fields.type' },
  {
    key: 'byPartnerCountry',
    label: 'consolidation.by.partnerCountry',
    column: 'activity.fields.partnerCountries',
  },
  { key: 'byFundingSource', label: 'consolidation.by.fundingSource', column: 'budget.fundingSource' },
] as const satisfies readonly { key: keyof Omit<Rollups, 'total'>; label: string; column: string }[];

function ConsolidationView({ c }: { c: Consolidation }) {
  const { t } = useTranslation();
  const me = useMe();
  const total = c.rollups.total;
  const leaderDecides = me.roles.includes('LEADER') && c.status === 'PENDING_APPROVAL';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {consolidationName(t, c.number)}
        </Typography.Title>
        <ConsolidationStatusTag status={c.status} />
      </Space>
      <Space wrap size="large">
        <Link to={`/cycles/${c.cycleId}/consolidations`}>{t('consolidation.back')}</Link>
        <Link to={`/consolidations/${c.id}/history`}>{t('history.title')}</Link>
      </Space>
      {c.status === 'RETURNED' && (
        <Alert
          type="warning"
          showIcon
          data-testid="return-reason"
          title={t('consolidation.returnedTitle', {
            by: c.returnedBy?.displayName ?? '—',
            at: formatDateTime(c.returnedAt),
          })}
          description={t('consolidation.returnedBecause', { reason: c.returnReason ?? '' })}
        />
      )}
      {c.status === 'PENDING_APPROVAL' && !leaderDecides && (
        <Alert type="info" showIcon title={t('consolidation.awaitingLeader')} />
      )}
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'created',
              label: t('consolidation.createdAt'),
              children: `${formatDateTime(c.createdAt)} — ${c.createdBy.displayName}`,
            },
            { key: 'note', label: t('consolidation.noteLabel'), children: c.note || '—' },
            ...(c.decision
              ? [
                  {
                    key: 'decision',
                    label: t('plan.fields.decision'),
                    children: (
                      <span data-testid="decision">
                        {t('plan.decisionText', {
                          number: c.decision.decisionNumber,
                          date: formatDate(c.decision.decisionDate),
                          signer: c.decision.signer,
                        })}
                        {c.decision.comment ? ` — ${c.decision.comment}` : ''}
                      </span>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic title={t('consolidation.plans')} value={c.plans.length} />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic title={t('consolidation.activities')} value={total.activities} />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic title={t('budget.requested')} value={formatVnd(total.requested)} />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card size="small" data-testid="total-approved">
            <Statistic title={t('budget.approved')} value={formatVnd(total.approved)} />
          </Card>
        </Col>
      </Row>
      {leaderDecides && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('consolidation.leader.title')}</h2>}>
          <LeaderDecisionForm consolidation={c} />
        </Card>
      )}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('consolidation.plansTitle')}</h2>}>
        <PlansTable plans={c.plans} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('consolidation.chart')}</h2>}>
            <RollupChart rows={c.rollups.byProvince} label={t('consolidation.chart')} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('consolidation.missing')}</h2>}>
            <MissingList missing={c.missing} />
          </Card>
        </Col>
      </Row>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('consolidation.rollups')}</h2>}>
        <Tabs
          items={DIMENSIONS.map((d) => ({
            key: d.key,
            label: t(d.label),
            children: (
              <>
                <RollupTable
                  rows={c.rollups[d.key]}
                  column={t(d.column)}
                  // An activity with two partner countries counts under both: no total under them.
                  total={d.key === 'byPartnerCountry' ? undefined : total}
                  testId={d.key}
                />
                {d.key === 'byPartnerCountry' && (
                  <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                    {t('consolidation.partnerCountryNote')}
                  </Typography.Paragraph>
                )}
              </>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}

function PlansTable({ plans }: { plans: ConsolidationPlan[] }) {
  const { t } = useTranslation();
  return (
    <Table<ConsolidationPlan>
      rowKey="planId"
      size="small"
      pagination={false}
      dataSource={plans}
      tableLayout="auto"
      data-testid="consolidation-plans"
      columns={[
        {
          title: t('consolidation.union'),
          render: (_, p) => (
            <>
              {p.organizationName}
              {p.cluster && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {p.cluster.name}
                </Typography.Text>
              )}
            </>
          ),
        },
        { title: t('plan.title'), render: (_, p) => <Link to={`/plans/${p.planId}`}>{p.title}</Link> },
        { title: t('consolidation.version'), align: 'right', render: (_, p) => p.version },
        { title: t('consolidation.activities'), align: 'right', render: (_, p) => p.activities },
        moneyColumn(t('budget.requested'), (p) => p.requested),
        moneyColumn(t('budget.approved'), (p) => p.approved),
      ]}
    />
  );
}

function RollupTable({
  rows,
  column,
  total,
  testId,
}: {
  rows: RollupRow[];
  column: string;
  total?: Rollups['total'];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Table<RollupRow>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid={`rollup-${testId}`}
      columns={[
        { title: column, render: (_, r) => r.label },
        { title: t('consolidation.activities'), align: 'right', render: (_, r) => r.activities },
        moneyColumn(t('budget.requested'), (r) => r.requested),
        moneyColumn(t('budget.approved'), (r) => r.approved),
      ]}
      summary={() =>
        total && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('budget.total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {total.activities}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <span className="money">{formatVnd(total.requested)}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <strong className="money">{formatVnd(total.approved)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )
      }
    />
  );
}

function MissingList({ missing }: { missing: MissingUnion[] }) {
  const { t } = useTranslation();
  if (!missing.length) return <Typography.Text>{t('consolidation.missingNone')}</Typography.Text>;
  return (
    <ul data-testid="missing" style={{ margin: 0, paddingLeft: 20 }}>
      {missing.map((m) => (
        <li key={m.organizationId} style={{ marginBottom: 4 }}>
          <Space wrap>
            {m.organizationName}
            {m.planStatus ? <StatusTag status={m.planStatus} /> : <StatusTag status="NOT_STARTED" />}
          </Space>
        </li>
      ))}
    </ul>
  );
}
