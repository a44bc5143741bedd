import { AuditOutlined, EditOutlined, HistoryOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  Modal,
  Popconfirm,
  Space,
  Tabs,
  Typography,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { Plan } from '../api/types';
import { useMe } from '../auth/auth';
import { formatDate } from '../common/dates';
import { errorMessage } from '../common/errors';
import { ErrorState, Loading } from '../common/states';
import { usePageTitle } from '../common/usePageTitle';
import { ChangesPanel } from './ChangesPanel';
import { linesNamedBy, NormJustificationModal, unjustifiedLines } from './NormJustificationModal';
import { PlanDetailsModal } from './PlanDetailsModal';
import { planKeys, usePlan, useSubmitPlan, useWithdrawPlan } from './planApi';
import { LineComments, PlanContent } from './PlanContent';
import { maySend } from './planRules';
import { ReviewsPanel } from './ReviewsPanel';
import { OverdueTag, StatusTag } from './StatusTag';
import { reviewStatusText } from '../common/decisions';
import { orgName } from '../common/names';

export default function PlanPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const q = usePlan(planId);
  usePageTitle(q.data?.title ?? t('plan.title'));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  return <PlanView plan={q.data} />;
}

function PlanView({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [editingDetails, setEditingDetails] = useState(false);
  const own = me.organizationId === plan.organizationId;
  const editable = own && maySend('EditContent', plan.status, me.roles);
  const canSubmit = own && maySend('Submit', plan.status, me.roles);
  const canWithdraw = own && maySend('Withdraw', plan.status, me.roles);
  const myPending = plan.reviews.find((r) => r.status === 'PENDING' && r.agencyId === me.organizationId);
  const decided = plan.reviews.filter((r) => r.round === plan.currentRound && r.comment);
  const lineComments: LineComments = new Map();
  for (const r of plan.reviews.filter((x) => x.round === plan.currentRound))
    for (const l of r.lines ?? [])
      if (l.comment)
        lineComments.set(l.budgetLineId, [
          ...(lineComments.get(l.budgetLineId) ?? []),
          { agencyName: orgName(r.agencyName, r.agencyNameEn, i18n.language), comment: l.comment },
        ]);
  const nextDeadline = plan.deadlines
    .filter((d) => !d.firedAt && !d.timer.endsWith('REMINDER'))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap align="start">
          <div style={{ maxWidth: 900 }}>
            <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
              {plan.title}
            </Typography.Title>
            <Space wrap>
              <StatusTag status={plan.status} />
              {plan.flags?.submissionOverdue && <OverdueTag label={t('plans.submissionOverdue')} />}
              {plan.flags?.revisionOverdue && <OverdueTag label={t('plans.revisionOverdue')} />}
              <Typography.Text type="secondary">
                {i18n.language === 'en' ? plan.organization.nameEn : plan.organization.nameVi}
              </Typography.Text>
            </Space>
          </div>
          <Space wrap>
            {myPending && (
              <Button
                type="primary"
                icon={<AuditOutlined aria-hidden />}
                onClick={() => navigate(`/plans/${plan.id}/reviews/${myPending.id}`)}
              >
                {t('review.open')}
              </Button>
            )}
            {editable && (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditingDetails(true)}>
                {t('plan.editDetails')}
              </Button>
            )}
            {canSubmit && <SubmitButton plan={plan} canEdit={editable} />}
            {canWithdraw && <WithdrawButton plan={plan} />}
            <Button
              icon={<HistoryOutlined aria-hidden />}
              onClick={() => navigate(`/plans/${plan.id}/history`)}
            >
              {t('history.title')}
            </Button>
          </Space>
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          style={{ marginTop: 16 }}
          items={[
            { key: 'year', label: t('plan.fields.year'), children: plan.cycleYear },
            { key: 'version', label: t('plan.fields.version'), children: plan.submittedVersion || '—' },
            {
              key: 'deadline',
              label: t('plan.fields.nextDeadline'),
              children: nextDeadline
                ? `${t(`timer.${nextDeadline.timer}`)}: ${formatDate(nextDeadline.dueAt)}`
                : '—',
            },
            ...(plan.decision
              ? [
                  {
                    key: 'decision',
                    label: t('plan.fields.decision'),
                    children: t('plan.decisionText', {
                      number: plan.decision.number,
                      date: formatDate(plan.decision.date),
                      signer: plan.decision.signer,
                    }),
                  },
                ]
              : []),
            {
              key: 'objectives',
              label: t('plan.fields.objectives'),
              children: plan.objectives || '—',
              span: 3,
            },
          ]}
        />
      </Card>
      {['REVISION_REQUESTED', 'REJECTED'].includes(plan.status) && decided.length > 0 && (
        <Alert
          type={plan.status === 'REJECTED' ? 'error' : 'warning'}
          showIcon
          data-testid="revision-reasons"
          title={plan.status === 'REJECTED' ? t('plan.rejectedTitle') : t('plan.revisionTitle')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {decided.map((r) => (
                <li key={r.id}>
                  <strong>{orgName(r.agencyName, r.agencyNameEn, i18n.language)}</strong> (
                  {reviewStatusText(t, r.status, r.function)}
                  {r.decidedByName ? `, ${r.decidedByName}` : ''}
                  {r.decidedAt ? `, ${formatDate(r.decidedAt)}` : ''}): {r.comment}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {editable && <UnjustifiedAlert plan={plan} />}
      {editingDetails && <PlanDetailsModal plan={plan} onClose={() => setEditingDetails(false)} />}
      <Tabs
        defaultActiveKey="content"
        items={[
          {
            key: 'content',
            label: t('plan.tabs.content'),
            children: <PlanContent plan={plan} editable={editable} lineComments={lineComments} />,
          },
          {
            key: 'reviews',
            label: t('plan.tabs.reviews', { count: plan.reviews.length }),
            children: <ReviewsPanel plan={plan} />,
          },
          {
            key: 'changes',
            label: t('plan.tabs.changes'),
            children: <ChangesPanel plan={plan} />,
          },
        ]}
      />
    </Space>
  );
}

function SubmitButton({ plan, canEdit }: { plan: Plan; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const submit = useSubmitPlan();
  // Lines above their norm without a justification: asked for before the plan goes out.
  const [asking, setAsking] = useState<ReturnType<typeof unjustifiedLines> | null>(null);
  const send = (sent: Plan) =>
    submit.mutate(
      { plan: sent },
      {
        onSuccess: () => message.success(t('plan.submitted')),
        onError: (err) => {
          const named = linesNamedBy(err, sent);
          if (named?.length) setAsking(named);
          else modal.error({ title: t('plan.submitFailed'), content: errorMessage(err, t) });
        },
      },
    );
  const onSubmit = () => {
    const missing = unjustifiedLines(plan);
    if (missing.length) setAsking(missing);
    else send(plan);
  };
  const onJustified = () => {
    setAsking(null);
    // The edits moved the plan's version on: submit the plan as it now stands.
    send(qc.getQueryData<Plan>(planKeys.detail(plan.id)) ?? plan);
  };
  return (
    <>
      {asking && (
        <NormJustificationModal
          plan={plan}
          lines={asking}
          canEdit={canEdit}
          submits
          onCancel={() => setAsking(null)}
          onSaved={onJustified}
        />
      )}
      <SubmitConfirm plan={plan} onSubmit={onSubmit} loading={submit.isPending} />
    </>
  );
}

function SubmitConfirm({ plan, onSubmit, loading }: { plan: Plan; onSubmit: () => void; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={plan.status === 'REVISION_REQUESTED' ? t('plan.resubmitConfirm') : t('plan.submitConfirm')}
      okText={t('plan.submit')}
      cancelText={t('common.cancel')}
      onConfirm={onSubmit}
    >
      <Button type="primary" icon={<SendOutlined aria-hidden />} loading={loading}>
        {plan.status === 'REVISION_REQUESTED' ? t('plan.resubmit') : t('plan.submit')}
      </Button>
    </Popconfirm>
  );
}

function WithdrawButton({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useWithdrawPlan();
  // A draft was never submitted: the chain's withdraw is then the union cancelling its draft
  // (DOMAIN.md: DRAFT | REVISION_REQUESTED --withdraw/cancel--> WITHDRAWN); "Rút lại" fits a plan sent before.
  const label = plan.status === 'DRAFT' ? t('reviewScreens.cancelDraft') : t('plan.withdraw');
  const reasonLabel =
    plan.status === 'DRAFT' ? t('reviewScreens.cancelDraftReason') : t('plan.withdrawReason');
  const onWithdraw = () =>
    withdraw.mutate(
      { plan, reason },
      { onSuccess: () => setOpen(false), onError: (err) => message.error(errorMessage(err, t)) },
    );
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        title={label}
        onCancel={() => setOpen(false)}
        onOk={onWithdraw}
        okButtonProps={{ danger: true }}
        okText={label}
        confirmLoading={withdraw.isPending}
      >
        <label htmlFor="withdraw-reason">{reasonLabel}</label>
        <Input.TextArea
          id="withdraw-reason"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}

/** For the editor: the over-norm lines still without a justification, and where to write it. */
function UnjustifiedAlert({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const lines = unjustifiedLines(plan);
  if (!lines.length) return null;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        data-testid="unjustified-alert"
        title={t('reviewScreens.unjustifiedAlert', { count: lines.length })}
        action={<Button onClick={() => setOpen(true)}>{t('reviewScreens.justifyNow')}</Button>}
      />
      {open && (
        <NormJustificationModal
          plan={plan}
          lines={lines}
          canEdit
          submits={false}
          onCancel={() => setOpen(false)}
          onSaved={() => setOpen(false)}
        />
      )}
    </>
  );
}
