import { Input, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Review } from '../api/types';
import { formatVnd, toBig, wholeNumberText } from '../common/money';
import { FundingTotals, SourceTotal } from '../plans/FundingTotals';
import { NormFlag } from '../plans/NormFlag';
import type { LineDecisions, ReviewRow } from './lineDecisions';

/**
 * The budget review's lines: requested against approved, with totals by funding source that
 * follow every keystroke. While the review is pending the approved amount and a comment are
 * entered per line; afterwards the review's own figures are shown.
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
  const { rows, approved, comments, errors } = lines;
  const decided = (id: string) => review.lines?.find((x) => x.budgetLineId === id);

  const totals = useMemo(() => {
    const m = new Map<string, SourceTotal>();
    for (const l of rows) {
      const cur = m.get(l.fundingSource) ?? { requested: 0n, approved: 0n };
      cur.requested += toBig(l.requestedAmount);
      cur.approved = (cur.approved ?? 0n) + toBig(wholeNumberText(approved[l.id] ?? '') ?? 0);
      m.set(l.fundingSource, cur);
    }
    return m;
  }, [rows, approved]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <FundingTotals totals={totals} showApproved caption={t('budget.totalsByFunding')} />
      <Table<ReviewRow>
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
                  {/* Text as typed: an amount above the request or "abc" is refused by the server
                      next to this line, never clamped or turned into digits here. */}
                  <Input
                    aria-label={`${t('budget.approved')} — ${l.activity.code} ${l.description}`}
                    inputMode="numeric"
                    value={approved[l.id]}
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
            width: 220,
            render: (_, l) =>
              pending ? (
                <Input
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
    </Space>
  );
}
