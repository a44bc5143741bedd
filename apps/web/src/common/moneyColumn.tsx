import type { ColumnType } from 'antd/es/table';
import { formatVnd } from './money';

/** A table column of VND amounts: right-aligned, in the money font, formatted as the app does. */
export function moneyColumn<T>(
  title: string,
  amount: (row: T) => Parameters<typeof formatVnd>[0],
): ColumnType<T> {
  return {
    title,
    align: 'right',
    render: (_, row) => <span className="money">{formatVnd(amount(row))}</span>,
  };
}
