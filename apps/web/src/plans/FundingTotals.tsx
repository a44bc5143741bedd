import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatVnd } from '../common/money';
import { FUNDING_SOURCES } from './catalog';

export interface SourceTotal {
  requested: bigint;
  approved?: bigint;
}

/** Running totals by funding source; recomputed from what is on screen, so they move as one types. */
export function FundingTotals({
  totals,
  showApproved,
  caption,
}: {
  totals: Map<string, SourceTotal>;
  showApproved: boolean;
  caption: string;
}) {
  const { t } = useTranslation();
  const order = [
    ...FUNDING_SOURCES,
    ...[...totals.keys()].filter((k) => !FUNDING_SOURCES.includes(k as never)),
  ];
  const rows = order
    .filter((s) => totals.has(s))
    .map((s) => ({ key: s, source: s, ...(totals.get(s) as SourceTotal) }));
  let requested = 0n;
  let approved = 0n;
  for (const r of rows) {
    requested += r.requested;
    approved += r.approved ?? 0n;
  }
  return (
    <Table
      size="small"
      pagination={false}
      data-testid="funding-totals"
      title={() => <strong>{caption}</strong>}
      dataSource={rows}
      columns={[
        {
          title: t('budget.fundingSource'),
          dataIndex: 'source',
          render: (s: string) => t(`fundingSource.${s}`),
        },
        {
          title: t('budget.requested'),
          dataIndex: 'requested',
          align: 'right',
          render: (v: bigint) => <span className="money">{formatVnd(v)}</span>,
        },
        ...(showApproved
          ? [
              {
                title: t('budget.approved'),
                dataIndex: 'approved',
                align: 'right' as const,
                render: (v: bigint | undefined) => <span className="money">{formatVnd(v ?? 0n)}</span>,
              },
            ]
          : []),
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <strong>{t('budget.total')}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong className="money" data-testid="total-requested">
              {formatVnd(requested)}
            </strong>
          </Table.Summary.Cell>
          {showApproved && (
            <Table.Summary.Cell index={2} align="right">
              <strong className="money" data-testid="total-approved">
                {formatVnd(approved)}
              </strong>
            </Table.Summary.Cell>
          )}
        </Table.Summary.Row>
      )}
    />
  );
}
