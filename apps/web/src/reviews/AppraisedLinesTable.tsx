import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Plan, Review } from '../api/types';
import { formatVnd, sumBy } from '../common/money';
import { NormFlag } from '../plans/NormFlag';
import type { ReviewRow } from './lineDecisions';

/** The BUDGET review of the plan's current round that approved amounts: what the finance department appraised. */
export function budgetAppraisal(plan: Plan): Review | undefined {
  return plan.reviews.find(
    (r) => r.round === plan.currentRound && r.function === 'BUDGET' && r.status === 'APPROVED',
  );
}

/**
 * What the final signer decides on, per line and in total: the amount requested, the amount the
 * finance department appraised (its BUDGET review's approved amounts) and, once the plan is
 * approved, the amount approved.
 */
export function AppraisedLinesTable({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const rows: ReviewRow[] = plan.activities.flatMap((a) => a.budgetLines.map((l) => ({ ...l, activity: a })));
  const appraisal = budgetAppraisal(plan);
  const appraised = new Map((appraisal?.lines ?? []).map((l) => [l.budgetLineId, l]));
  const approvedShown = plan.decision !== null;
  const money = (v: string | number | bigint | null | undefined) => (
    <span className="money">{formatVnd(v ?? null)}</span>
  );
  return (
    <div data-testid="appraised-lines">
      <Table<ReviewRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        tableLayout="fixed"
        columns={[
          {
            title: t('reviewScreens.activity'),
            width: '20%',
            render: (_, l) => (
              <Space orientation="vertical" size={2}>
                <Tag>{l.activity.code}</Tag>
                <span>{l.activity.title}</span>
              </Space>
            ),
          },
          {
            title: t('budget.description'),
            render: (_, l) => (
              <Space orientation="vertical" size={2}>
                <span>{l.description}</span>
                <NormFlag overNorm={l.overNorm} />
                {l.overNorm && (
                  <Typography.Text style={{ fontSize: 12 }}>
                    {t('reviewScreens.justification')}: {l.normJustification || '—'}
                  </Typography.Text>
                )}
                {appraised.get(l.id)?.comment && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('reviewScreens.financeLineComment')}: {appraised.get(l.id)?.comment}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('budget.requested'),
            align: 'right',
            width: '16%',
            render: (_, l) => money(l.requestedAmount),
          },
          {
            title: t('reviewScreens.appraised'),
            align: 'right',
            width: '16%',
            render: (_, l) => money(appraised.get(l.id)?.approvedAmount),
          },
          ...(approvedShown
            ? [
                {
                  title: t('budget.approved'),
                  align: 'right' as const,
                  width: '16%',
                  render: (_: unknown, l: ReviewRow) => money(l.approvedAmount),
                },
              ]
            : []),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <strong>{t('budget.total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong data-testid="signer-total-requested">
                {money(sumBy(rows, (l) => l.requestedAmount))}
              </strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <strong data-testid="signer-total-appraised">
                {appraisal ? money(sumBy([...appraised.values()], (l) => l.approvedAmount)) : '—'}
              </strong>
            </Table.Summary.Cell>
            {approvedShown && (
              <Table.Summary.Cell index={4} align="right">
                <strong>{money(sumBy(rows, (l) => l.approvedAmount))}</strong>
              </Table.Summary.Cell>
            )}
          </Table.Summary.Row>
        )}
      />
    </div>
  );
}
