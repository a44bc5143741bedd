import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgName } from '../common/names';
import { Link, useNavigate } from 'react-router-dom';
import type { PlanSummary } from '../api/types';
import { useAuth } from '../auth/auth';
import { formatDate, isPast } from '../common/dates';
import { applyFieldErrors, errorMessage } from '../common/errors';
import { formatVnd } from '../common/money';
import { EmptyState, ErrorState, Loading } from '../common/states';
import { usePageTitle } from '../common/usePageTitle';
import { useCycles } from '../cycles/cyclesApi';
import { useCreatePlan, usePlans } from './planApi';
import { holdsRoleFor, isLive } from './planRules';
import { OverdueTag, StatusTag } from './StatusTag';

/** A union's plans at a glance: status, deadline, money; for central users, every visible plan. */
export default function PlanListPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('plans.title'));
  const { me } = useAuth();
  const plans = usePlans();
  const cycles = useCycles();
  const [creating, setCreating] = useState(false);
  if (plans.isPending || cycles.isPending) return <Loading />;
  if (plans.isError) return <ErrorState error={plans.error} onRetry={() => plans.refetch()} />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => cycles.refetch()} />;
  const cycleOf = (id: string) => cycles.data.items.find((c) => c.id === id);
  const openCycle = cycles.data.items.find((c) => c.status === 'OPEN');
  const canCreate =
    me &&
    holdsRoleFor('CreatePlan', me.roles) &&
    me.organizationKind === 'PROVINCIAL_UNION' &&
    openCycle &&
    !plans.data.items.some((p) => p.cycleId === openCycle.id && isLive(p.status));

  return (
    <Card
      title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('plans.title')}</h1>}
      extra={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('plans.create')}
          </Button>
        )
      }
    >
      <Table<PlanSummary>
        rowKey="id"
        dataSource={plans.data.items}
        pagination={false}
        locale={{ emptyText: <EmptyState description={t('plans.empty')} /> }}
        columns={[
          {
            title: t('plans.columns.title'),
            dataIndex: 'title',
            render: (_, p) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/plans/${p.id}`}>{p.title}</Link>
                <Typography.Text type="secondary">
                  {orgName(p.organizationName, p.organizationNameEn, i18n.language)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('plans.columns.year'),
            render: (_, p) => cycleOf(p.cycleId)?.year ?? '—',
            width: 80,
          },
          {
            title: t('plans.columns.status'),
            render: (_, p) => (
              <Space wrap>
                <StatusTag status={p.status} />
                {p.flags?.submissionOverdue && <OverdueTag label={t('plans.submissionOverdue')} />}
                {p.flags?.revisionOverdue && <OverdueTag label={t('plans.revisionOverdue')} />}
              </Space>
            ),
          },
          {
            title: t('plans.columns.deadline'),
            render: (_, p) => {
              const deadline = cycleOf(p.cycleId)?.submissionDeadline;
              const late = p.status === 'DRAFT' && isPast(deadline ? `${deadline}T16:59:59Z` : null);
              return (
                <Space>
                  {formatDate(deadline)}
                  {late && <OverdueTag />}
                </Space>
              );
            },
          },
          {
            title: t('plans.columns.requested'),
            align: 'right',
            render: (_, p) => <span className="money">{formatVnd(p.totals.requested)}</span>,
          },
          {
            title: t('plans.columns.approved'),
            align: 'right',
            render: (_, p) => <span className="money">{formatVnd(p.totals.approved)}</span>,
          },
        ]}
      />
      {creating && openCycle && <CreatePlanModal cycleId={openCycle.id} onClose={() => setCreating(false)} />}
    </Card>
  );
}

function CreatePlanModal({ cycleId, onClose }: { cycleId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; objectives: string }>();
  const navigate = useNavigate();
  const create = useCreatePlan(cycleId);
  const onCreate = (v: { title: string; objectives: string }) =>
    create.mutate(v, {
      onSuccess: (plan) => navigate(`/plans/${plan.id}`),
      onError: (err) => {
        if (!applyFieldErrors(form, err)) message.error(errorMessage(err, t));
      },
    });
  return (
    <Modal
      open
      title={t('plans.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      confirmLoading={create.isPending}
    >
      <Form form={form} layout="vertical" onFinish={onCreate}>
        <Form.Item
          name="title"
          label={t('plan.fields.title')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="objectives" label={t('plan.fields.objectives')}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
