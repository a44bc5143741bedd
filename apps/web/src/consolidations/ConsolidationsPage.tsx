import { Alert, App, Button, Card, Empty, Form, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Consolidation, DashboardProvince } from '../api/types';
import { useMe } from '../auth/auth';
import { formatDate, formatDateTime } from '../common/dates';
import { errorMessage } from '../common/errors';
import { moneyColumn } from '../common/moneyColumn';
import { ErrorState, Loading } from '../common/states';
import { usePageTitle } from '../common/usePageTitle';
import { CyclePageHeader } from '../cycles/CyclePageHeader';
import { currentCycle, useCycles, useDashboard } from '../cycles/cyclesApi';
import { OverdueTag, StatusTag } from '../plans/StatusTag';
import { useConsolidations, useCreateConsolidation } from './consolidationsApi';
import { consolidationName, ConsolidationStatusTag } from './consolidationText';

/**
 * "Tổng hợp" for a cycle: which unions are ready (their plan approved), the cycle's consolidations,
 * and, for the consolidator, the button that builds the national plan (or a supplementary one).
 */
export default function ConsolidationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('consolidation.title'));
  const { cycleId: routeCycle } = useParams();
  const cycles = useCycles();
  const cycleId = routeCycle ?? currentCycle(cycles.data)?.id;
  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => cycles.refetch()} />;
  if (!cycleId) return <Empty description={t('dashboard.noCycle')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <CyclePageHeader
        title={t('consolidation.title')}
        cycles={cycles.data}
        cycleId={cycleId}
        pathOf={(id) => `/cycles/${id}/consolidations`}
      >
        <Link to={`/dashboard/${cycleId}`}>{t('nav.dashboard')}</Link>
      </CyclePageHeader>
      <CycleConsolidations cycleId={cycleId} />
    </Space>
  );
}

function CycleConsolidations({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const list = useConsolidations(cycleId);
  const dashboard = useDashboard(cycleId);
  if (list.isPending || dashboard.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  if (dashboard.isError) return <ErrorState error={dashboard.error} onRetry={() => dashboard.refetch()} />;
  const consolidations = list.data.items;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {me.roles.includes('CONSOLIDATOR') && (
        <BuildCard cycleId={cycleId} pending={consolidations.some((c) => c.status === 'PENDING_APPROVAL')} />
      )}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('consolidation.list')}</h2>}>
        <Table<Consolidation>
          rowKey="id"
          size="small"
          pagination={false}
          // Newest first: a returned national plan and its redo both carry number 1.
          dataSource={[...consolidations].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
          data-testid="consolidations"
          locale={{ emptyText: t('consolidation.listEmpty') }}
          columns={[
            {
              title: t('consolidation.name'),
              render: (_, c) => <Link to={`/consolidations/${c.id}`}>{consolidationName(t, c.number)}</Link>,
            },
            { title: t('dashboard.status'), render: (_, c) => <ConsolidationStatusTag status={c.status} /> },
            {
              title: t('consolidation.createdAt'),
              render: (_, c) => (
                <>
                  {formatDateTime(c.createdAt)}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {c.createdBy.displayName}
                  </Typography.Text>
                </>
              ),
            },
            { title: t('consolidation.plans'), align: 'right', render: (_, c) => c.plans.length },
            moneyColumn(t('budget.approved'), (c) => c.rollups.total.approved),
            {
              title: t('consolidation.outcome'),
              render: (_, c) =>
                c.decision
                  ? t('plan.decisionText', {
                      number: c.decision.decisionNumber,
                      date: formatDate(c.decision.decisionDate),
                      signer: c.decision.signer,
                    })
                  : c.returnReason
                    ? t('consolidation.returnedBecause', { reason: c.returnReason })
                    : t('consolidation.awaitingLeader'),
            },
          ]}
        />
      </Card>
      <ReadinessGrid provinces={dashboard.data.provinces} consolidations={consolidations} />
    </Space>
  );
}

/** The consolidator builds the next consolidation, with an optional note for the leadership. */
function BuildCard({ cycleId, pending }: { cycleId: string; pending: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateConsolidation(cycleId);
  const onFinish = ({ note }: { note?: string }) => {
    setError(null);
    create.mutate(note?.trim() ? { note: note.trim() } : {}, {
      onSuccess: (c) => {
        message.success(t('consolidation.built', { name: consolidationName(t, c.number) }));
        navigate(`/consolidations/${c.id}`);
      },
      onError: (err) => setError(errorMessage(err, t)),
    });
  };
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('consolidation.build')}</h2>}>
      <Typography.Paragraph type="secondary">{t('consolidation.buildHelp')}</Typography.Paragraph>
      {pending && (
        <Typography.Paragraph data-testid="pending-note">
          {t('consolidation.pendingNote')}
        </Typography.Paragraph>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error}
          data-testid="build-error"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 720 }}>
        <Form.Item name="note" label={t('consolidation.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('consolidation.build')}
        </Button>
      </Form>
    </Card>
  );
}

type Readiness = { kind: 'held'; consolidation: Consolidation } | { kind: 'ready' } | { kind: 'notReady' };

/** Every active provincial union: its plan's status, approved total, overdue, and where it stands for consolidation. */
function ReadinessGrid({
  provinces,
  consolidations,
}: {
  provinces: DashboardProvince[];
  consolidations: Consolidation[];
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const readiness = (p: DashboardProvince): Readiness => {
    const holder = consolidations.find(
      (c) => c.status !== 'RETURNED' && c.plans.some((x) => x.planId === p.planId),
    );
    if (holder) return { kind: 'held', consolidation: holder };
    return p.status === 'APPROVED' ? { kind: 'ready' } : { kind: 'notReady' };
  };
  const ready = provinces.filter((p) => readiness(p).kind === 'ready').length;
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('consolidation.readiness')}</h2>}
      extra={
        <Typography.Text type="secondary" data-testid="ready-count">
          {t('consolidation.readyCount', { ready, total: provinces.length })}
        </Typography.Text>
      }
    >
      <Table<DashboardProvince>
        rowKey="organizationId"
        size="small"
        pagination={false}
        dataSource={provinces}
        tableLayout="auto"
        data-testid="readiness-grid"
        columns={[
          {
            title: t('dashboard.province'),
            render: (_, p) =>
              p.planId ? (
                <Link to={`/plans/${p.planId}`}>{en ? p.nameEn : p.nameVi}</Link>
              ) : en ? (
                p.nameEn
              ) : (
                p.nameVi
              ),
          },
          {
            title: t('dashboard.cluster'),
            render: (_, p) => (p.cluster !== null ? t('dashboard.clusterName', { number: p.cluster }) : '—'),
          },
          {
            title: t('dashboard.status'),
            render: (_, p) => (
              <span data-status={p.status}>
                <StatusTag status={p.status} />
              </span>
            ),
          },
          moneyColumn(t('dashboard.approved'), (p) => p.approved),
          {
            title: t('common.overdue'),
            render: (_, p) => (p.overdue ? <OverdueTag /> : null),
          },
          {
            title: t('consolidation.readinessCol'),
            render: (_, p) => {
              const r = readiness(p);
              if (r.kind === 'held')
                return (
                  <Link to={`/consolidations/${r.consolidation.id}`} data-readiness="held">
                    {consolidationName(t, r.consolidation.number)}
                  </Link>
                );
              return <span data-readiness={r.kind}>{t(`consolidation.readinessState.${r.kind}`)}</span>;
            },
          },
        ]}
      />
    </Card>
  );
}
