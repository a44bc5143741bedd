import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, newIdempotencyKey } from '../api/client';
import type { Activity, BudgetLine, Plan, Review } from '../api/types';
import { formatDate } from '../common/dates';
import { applyFieldErrors, errorMessage } from '../common/errors';
import { formatVnd, groupDigits, parseDigits, toBig, vndBody } from '../common/money';
import { ErrorState, Loading } from '../common/states';
import { usePageTitle } from '../common/usePageTitle';
import { FundingTotals, SourceTotal } from '../plans/FundingTotals';
import { NormFlag } from '../plans/NormFlag';
import { planKey, useCycles, usePlan } from '../plans/planApi';
import { LineComments, PlanContent } from '../plans/PlanContent';
import { OverdueTag, StatusTag } from '../plans/StatusTag';

type Decision = 'APPROVE' | 'REQUEST_REVISION' | 'REJECT';
interface DecisionForm {
  decision: Decision;
  comment?: string;
  decisionNumber?: string;
  decisionDate?: Dayjs;
  signer?: string;
}
type Row = BudgetLine & { activity: Activity };

/** One review: the plan as submitted, the approved amounts (budget review), the decision. */
export default function ReviewPage() {
  const { planId = '', reviewId = '' } = useParams();
  const { t } = useTranslation();
  const plan = usePlan(planId);
  const cycles = useCycles();
  usePageTitle(t('review.title'));
  if (plan.isPending || cycles.isPending) return <Loading />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => plan.refetch()} />;
  const review = plan.data.reviews.find((r) => r.id === reviewId);
  if (!review)
    return <ErrorState error={new ApiError({ status: 404, code: 'NOT_FOUND', detail: '', errors: [] })} />;
  const route = cycles.data?.items.find((c) => c.id === plan.data.cycleId)?.route ?? [];
  const lastStage = route.length ? Math.max(...route.map((s) => s.stage)) : review.stage;
  return <ReviewView plan={plan.data} review={review} isLastStage={review.stage >= lastStage} />;
}

function ReviewView({ plan, review, isLastStage }: { plan: Plan; review: Review; isLastStage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<DecisionForm>();
  const decision = Form.useWatch('decision', form) ?? 'APPROVE';
  const isBudget = review.function === 'BUDGET';
  const rows: Row[] = useMemo(
    () => plan.activities.flatMap((a) => a.budgetLines.map((l) => ({ ...l, activity: a }))),
    [plan],
  );
  // The approved column starts at the requested amount: the reviewer types only where funding is cut.
  const [approved, setApproved] = useState<Record<string, string>>(() =>
    Object.fromEntries(rows.map((l) => [l.id, String(l.requestedAmount)])),
  );
  const [comments, setComments] = useState<Record<string, string>>({});
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const pending = review.status === 'PENDING';

  const totals = useMemo(() => {
    const m = new Map<string, SourceTotal>();
    for (const l of rows) {
      const cur = m.get(l.fundingSource) ?? { requested: 0n, approved: 0n };
      cur.requested += toBig(l.requestedAmount);
      cur.approved = (cur.approved ?? 0n) + toBig(approved[l.id] ?? 0);
      m.set(l.fundingSource, cur);
    }
    return m;
  }, [rows, approved]);

  const decide = useMutation({
    mutationFn: (v: DecisionForm) =>
      api<Review>(`/reviews/${review.id}/decision`, {
        method: 'POST',
        idempotencyKey: newIdempotencyKey(),
        body: {
          decision: v.decision,
          comment: v.comment?.trim() || undefined,
          ...(isBudget && v.decision !== 'REJECT'
            ? {
                lines: rows
                  .filter((l) => v.decision === 'APPROVE' || comments[l.id]?.trim())
                  .map((l) => ({
                    budgetLineId: l.id,
                    approvedAmount: approved[l.id] === '' ? null : vndBody(approved[l.id] ?? '0'),
                    comment: comments[l.id]?.trim() || undefined,
                  })),
              }
            : {}),
          ...(isLastStage && v.decision === 'APPROVE'
            ? {
                decisionNumber: v.decisionNumber?.trim(),
                decisionDate: v.decisionDate?.format('YYYY-MM-DD'),
                signer: v.signer?.trim(),
              }
            : {}),
        },
      }),
    onSuccess: async () => {
      message.success(t('review.decided'));
      await qc.invalidateQueries({ queryKey: planKey(plan.id) });
      await qc.invalidateQueries({ queryKey: ['reviews'] });
      navigate('/reviews');
    },
    onError: (err) => {
      const lineErrs: Record<string, string> = {};
      if (err instanceof ApiError)
        for (const e of err.problem.errors) {
          const m = /^lines\[(\d+)\]/.exec(e.field);
          if (m) lineErrs[rows[Number(m[1])]?.id ?? ''] = e.message;
          const byId = /^lines\[([0-9a-f-]{36})\]/.exec(e.field);
          if (byId) lineErrs[byId[1]] = e.message;
        }
      setLineErrors(lineErrs);
      applyFieldErrors(form, err, {
        'decisionRecord.number': 'decisionNumber',
        'decisionRecord.date': 'decisionDate',
        'decisionRecord.signer': 'signer',
      });
      setFormError(errorMessage(err, t));
    },
  });

  const lineComments: LineComments = new Map();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('review.heading', { function: t(`reviewFunction.${review.function}`) })}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'plan',
              label: t('review.plan'),
              children: <Link to={`/plans/${plan.id}`}>{plan.title}</Link>,
              span: 3,
            },
            { key: 'union', label: t('review.union'), children: plan.organization.nameVi },
            { key: 'agency', label: t('review.agency'), children: review.agencyName },
            {
              key: 'round',
              label: t('review.round'),
              children: t('inbox.stageRound', { stage: review.stage, round: review.round }),
            },
            {
              key: 'due',
              label: t('review.due'),
              children: (
                <Space>
                  {formatDate(review.dueAt)} {review.overdue && pending && <OverdueTag />}
                </Space>
              ),
            },
            {
              key: 'status',
              label: t('review.status'),
              children: <StatusTag kind="review" status={review.status} />,
            },
            {
              key: 'objectives',
              label: t('plan.fields.objectives'),
              children: plan.objectives || '—',
              span: 3,
            },
          ]}
        />
      </Card>

      {isBudget ? (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('review.amounts')}</h2>}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <FundingTotals totals={totals} showApproved caption={t('budget.totalsByFunding')} />
            <Table<Row>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={rows}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: t('activity.fields.code'),
                  render: (_, l) => <Tag>{l.activity.code}</Tag>,
                  width: 80,
                },
                { title: t('budget.description'), dataIndex: 'description' },
                { title: t('budget.category'), render: (_, l) => t(`category.${l.category}`) },
                { title: t('budget.quantity'), dataIndex: 'quantity', align: 'right' },
                {
                  title: t('budget.unitCost'),
                  align: 'right',
                  render: (_, l) => <span className="money">{formatVnd(l.unitCost)}</span>,
                },
                {
                  title: t('budget.requested'),
                  align: 'right',
                  render: (_, l) => (
                    <Space orientation="vertical" size={2} align="end">
                      <span className="money">{formatVnd(l.requestedAmount)}</span>
                      <NormFlag overNorm={l.overNorm} />
                    </Space>
                  ),
                },
                { title: t('budget.fundingSource'), render: (_, l) => t(`fundingSource.${l.fundingSource}`) },
                {
                  title: t('budget.approved'),
                  width: 170,
                  render: (_, l) =>
                    pending ? (
                      <>
                        <InputNumber<string>
                          aria-label={`${t('budget.approved')} — ${l.activity.code} ${l.description}`}
                          stringMode
                          min="0"
                          max={String(l.requestedAmount)}
                          precision={0}
                          value={approved[l.id]}
                          status={lineErrors[l.id] ? 'error' : undefined}
                          formatter={(x) => (x ? groupDigits(x) : '')}
                          parser={(x) => parseDigits(x)}
                          onChange={(x) =>
                            setApproved((a) => ({ ...a, [l.id]: x === null ? '' : String(x) }))
                          }
                          style={{ width: '100%' }}
                        />
                        {lineErrors[l.id] && (
                          <Typography.Text type="danger" role="alert" style={{ fontSize: 12 }}>
                            {lineErrors[l.id]}
                          </Typography.Text>
                        )}
                      </>
                    ) : (
                      <span className="money">
                        {formatVnd(
                          review.lines?.find((x) => x.budgetLineId === l.id)?.approvedAmount ?? null,
                        )}
                      </span>
                    ),
                },
                {
                  title: t('review.lineComment'),
                  width: 220,
                  render: (_, l) =>
                    pending ? (
                      <Input
                        aria-label={`${t('review.lineComment')} — ${l.activity.code} ${l.description}`}
                        value={comments[l.id] ?? ''}
                        onChange={(e) => setComments((c) => ({ ...c, [l.id]: e.target.value }))}
                      />
                    ) : (
                      (review.lines?.find((x) => x.budgetLineId === l.id)?.comment ?? '')
                    ),
                },
              ]}
            />
          </Space>
        </Card>
      ) : (
        <PlanContent plan={plan} editable={false} lineComments={lineComments} />
      )}

      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('review.decision')}</h2>}>
        {!pending ? (
          <Alert
            type="info"
            showIcon
            title={t('review.alreadyDecided', {
              status: t(`reviewStatus.${review.status}`),
              by: review.decidedByName ?? '—',
              date: formatDate(review.decidedAt),
            })}
            description={review.comment}
          />
        ) : (
          <Form<DecisionForm>
            form={form}
            layout="vertical"
            initialValues={{ decision: 'APPROVE' }}
            onFinish={(v) => {
              setFormError(null);
              decide.mutate(v);
            }}
            style={{ maxWidth: 720 }}
          >
            {formError && (
              <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} />
            )}
            <Form.Item name="decision" label={t('review.decisionLabel')}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={(['APPROVE', 'REQUEST_REVISION', 'REJECT'] as const).map((d) => ({
                  value: d,
                  label: t(`decision.${d}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="comment"
              label={decision === 'APPROVE' ? t('review.comment') : t('review.reason')}
              rules={[
                {
                  required: decision !== 'APPROVE',
                  whitespace: true,
                  message: t('review.reasonRequired'),
                },
              ]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
            {isLastStage && decision === 'APPROVE' && (
              <>
                <Typography.Paragraph type="secondary">{t('review.decisionRecordHelp')}</Typography.Paragraph>
                <Form.Item
                  name="decisionNumber"
                  label={t('review.decisionNumber')}
                  rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                >
                  <Input placeholder="1234/QĐ-UBND" />
                </Form.Item>
                <Form.Item
                  name="decisionDate"
                  label={t('review.decisionDate')}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <DatePicker format="DD/MM/YYYY" style={{ width: 200 }} />
                </Form.Item>
                <Form.Item
                  name="signer"
                  label={t('review.signer')}
                  rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                >
                  <Input />
                </Form.Item>
              </>
            )}
            <Button
              type="primary"
              htmlType="submit"
              loading={decide.isPending}
              danger={decision === 'REJECT'}
            >
              {t('review.send', { decision: t(`decision.${decision}`) })}
            </Button>
          </Form>
        )}
      </Card>
    </Space>
  );
}
