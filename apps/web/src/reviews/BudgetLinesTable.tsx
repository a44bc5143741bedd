import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Review } from '../api/types';
import { formatVnd, toBig, wholeNumberText } from '../common/money';
import { FundingTotals, SourceTotal } from '../plans/FundingTotals';
import { NormFlag } from '../plans/NormFlag';
import { capOf, type LineDecisions, type ReviewRow } from './lineDecisions';

/**
 * The budget review's lines: requested against approved, with totals by funding source that
 * follow every keystroke. While the review is pending the approved amount and a comment are
 * entered per line, starting empty: "fund as requested" and "cap at norm" fill them on the
 * reviewer's explicit choice. Afterwards the review's own figures are shown. Columns are fixed
 * and texts wrap, so the table fits a 1366 px screen without scrolling sideways.
 */
export function BudgetLinesTable({
  lines,
  review,
  pending,
}: {
  lines: LineDecisions;
  review: Review;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const { rows, approved, comments, errors, flagged } = lines;
  const decided = (id: string) => review.lines?.find((x) => x.budgetLineId === id);

  const totals = useMemo(() => {
    const m = new Map<string, SourceTotal>();
    for (const l of rows) {
      const cur = m.get(l.fundingSource) ?? { requested: 0n, approved: 0n };
      cur.requested += toBig(l.requestedAmount);
      const a = pending ? approved[l.id] : decided(l.id)?.approvedAmount;
      cur.approved = (cur.approved ?? 0n) + toBig(wholeNumberText(a ?? '') ?? 0);
      m.set(l.fundingSource, cur);
    }
    return m;
  }, [rows, approved, pending, review]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <FundingTotals totals={totals} showApproved caption={t('budget.totalsByFunding')} />
      {pending && (
        <Space wrap>
          <Typography.Text type="secondary">{t('reviewScreens.startsEmpty')}</Typography.Text>
          <Button onClick={lines.fundAsRequested} data-testid="fund-as-requested">
            {t('reviewScreens.fundAsRequested')}
          </Button>
          {flagged.length > 0 && (
            <Button onClick={lines.capAllAtNorm} data-testid="cap-all-at-norm">
              {t('reviewScreens.capAllAtNorm', { count: flagged.length })}
            </Button>
          )}
        </Space>
      )}
      <div data-testid="budget-lines-table">
        <Table<ReviewRow>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={rows}
          tableLayout="fixed"
          columns={[
            {
              title: t('reviewScreens.activity'),
              width: '17%',
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
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`category.${l.category}`)} · {t(`fundingSource.${l.fundingSource}`)}
                  </Typography.Text>
                  {l.overNorm && (
                    <Typography.Text style={{ fontSize: 12 }} data-testid="norm-justification">
                      {t('reviewScreens.justification')}: {l.normJustification || '—'}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('reviewScreens.quantityTimesCost'),
              align: 'right',
              width: '12%',
              render: (_, l) => (
                <span className="money">
                  {l.quantity} × {formatVnd(l.unitCost)}
                </span>
              ),
            },
            {
              title: t('budget.requested'),
              align: 'right',
              width: '15%',
              render: (_, l) => (
                <Space orientation="vertical" size={2} align="end">
                  <span className="money">{formatVnd(l.requestedAmount)}</span>
                  <NormFlag overNorm={l.overNorm} />
                  {pending && l.overNorm && (
                    <Button
                      size="small"
                      onClick={() => lines.capAtNorm(l.id)}
                      aria-label={`${t('reviewScreens.capAtNorm')} — ${l.activity.code} ${l.description}`}
                    >
                      {t('reviewScreens.capAtNorm')} ({formatVnd(capOf(l))})
                    </Button>
                  )}
                </Space>
              ),
            },
            {
              title: t('budget.approved'),
              width: '15%',
              render: (_, l) =>
                pending ? (
                  <>
                    <Input
                      aria-label={`${t('budget.approved')} — ${l.activity.code} ${l.description}`}
                      inputMode="numeric"
                      value={approved[l.id] ?? ''}
                      status={errors[l.id] ? 'error' : undefined}
                      onChange={(e) => lines.setApproved(l.id, e.target.value)}
                      style={{ width: '100%', textAlign: 'right' }}
                    />
                    {errors[l.id] && (
                      <Typography.Text type="danger" role="alert" style={{ fontSize: 12 }}>
                        {errors[l.id]}
                      </Typography.Text>
                    )}
                  </>
                ) : (
                  <span className="money">{formatVnd(decided(l.id)?.approvedAmount ?? null)}</span>
                ),
            },
            {
              title: t('review.lineComment'),
              width: '15%',
              render: (_, l) =>
                pending ? (
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    aria-label={`${t('review.lineComment')} — ${l.activity.code} ${l.description}`}
                    value={comments[l.id] ?? ''}
                    onChange={(e) => lines.setComment(l.id, e.target.value)}
                  />
                ) : (
                  (decided(l.id)?.comment ?? '')
                ),
            },
          ]}
        />
      </div>
    </Space>
  );
}
