import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api/problem';
import type { Plan, Review } from '../api/types';
import { formatDate } from '../common/dates';
import { ErrorState, Loading } from '../common/states';
import { usePageTitle } from '../common/usePageTitle';
import { isLastStage, useCycle } from '../cycles/cyclesApi';
import { usePlan } from '../plans/planApi';
import { LineComments, PlanContent } from '../plans/PlanContent';
import { OverdueTag, StatusTag } from '../plans/StatusTag';
import { NormFlag } from '../plans/NormFlag';
import { AppraisedLinesTable, budgetAppraisal } from './AppraisedLinesTable';
import { BudgetLinesTable } from './BudgetLinesTable';
import { EarlierOpinions } from './EarlierOpinions';
import { DecisionForm } from './DecisionForm';
import { useLineDecisions } from './lineDecisions';
import { reviewStatusText } from '../common/decisions';

/**
 * One review: the opinions given before it in the round, the plan as submitted (the budget review
 * enters approved amounts; the final signer sees requested, appraised and approved amounts and the
 * finance opinion), the over-norm lines with the union's justification, and the decision.
 */
export default function ReviewPage() {
  const { planId = '', reviewId = '' } = useParams();
  const { t } = useTranslation();
  const plan = usePlan(planId);
  const cycle = useCycle(plan.data?.cycleId);
  usePageTitle(t('review.title'));
  if (plan.isPending || cycle.isPending) return <Loading />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => plan.refetch()} />;
  const review = plan.data.reviews.find((r) => r.id === reviewId);
  if (!review)
    return <ErrorState error={new ApiError({ status: 404, code: 'NOT_FOUND', detail: '', errors: [] })} />;
  return <ReviewView plan={plan.data} review={review} isLastStage={isLastStage(cycle.data, review.stage)} />;
}

function ReviewView({ plan, review, isLastStage }: { plan: Plan; review: Review; isLastStage: boolean }) {
  const { t } = useTranslation();
  const lines = useLineDecisions(plan);
  const isBudget = review.function === 'BUDGET';
  const isFinal = review.function === 'FINAL';
  const pending = review.status === 'PENDING';
  const finance = budgetAppraisal(plan);
  const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;
  const noLineComments: LineComments = new Map();
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

      <Card title={h2(t('reviewScreens.earlierOpinions'))}>
        <EarlierOpinions plan={plan} review={review} />
      </Card>

      {isFinal && (
        <Card title={h2(t('reviewScreens.financeOpinion'))} data-testid="finance-opinion">
          {finance ? (
            <Space orientation="vertical" size={4}>
              <span>
                <strong>{finance.agencyName}</strong> — {finance.decidedByName ?? '—'},{' '}
                {formatDate(finance.decidedAt)}
              </span>
              <span>{finance.comment || t('reviewScreens.noComment')}</span>
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('reviewScreens.noFinanceOpinion')}</Typography.Text>
          )}
        </Card>
      )}

      {isFinal && (
        <Card title={h2(t('reviewScreens.signerAmounts'))}>
          <AppraisedLinesTable plan={plan} />
        </Card>
      )}

      {!isBudget && !isFinal && <OverNormLines plan={plan} />}

      {isBudget ? (
        <Card title={h2(t('review.amounts'))}>
          <BudgetLinesTable lines={lines} review={review} pending={pending} />
        </Card>
      ) : (
        <PlanContent plan={plan} editable={false} lineComments={noLineComments} />
      )}

      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('review.decision')}</h2>}>
        {pending ? (
          <DecisionForm
            planId={plan.id}
            review={review}
            isLastStage={isLastStage}
            lines={isBudget ? lines : null}
          />
        ) : (
          <Alert
            type="info"
            showIcon
            title={t('review.alreadyDecided', {
              status: reviewStatusText(t, review.status, review.function),
              by: review.decidedByName ?? '—',
              date: formatDate(review.decidedAt),
            })}
            description={review.comment}
          />
        )}
      </Card>
    </Space>
  );
}

/** The lines above their norm with the union's justification, for a reviewer of the content. */
function OverNormLines({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const over = plan.activities.flatMap((a) =>
    a.budgetLines.filter((l) => l.overNorm).map((l) => ({ ...l, activity: a })),
  );
  if (!over.length) return null;
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('reviewScreens.overNormLines')}</h2>}
      data-testid="over-norm-lines"
    >
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {over.map((l) => (
          <li key={l.id}>
            <strong>
              {l.activity.code} {l.activity.title}
            </strong>
            : {l.description} <NormFlag overNorm={l.overNorm} />
            <div>
              {t('reviewScreens.justification')}: {l.normJustification || '—'}
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
