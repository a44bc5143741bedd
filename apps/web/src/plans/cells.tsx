import { Input, InputNumber, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../common/errors';
import { groupDigits, parseDigits } from '../common/money';

/**
 * Inline table cells: the value is local while typing and saved on blur or Enter. A failed save
 * shows the server's message under the cell; the next server value resets the cell.
 */
interface CellProps<T> {
  value: T;
  label: string;
  onSave: (v: T) => Promise<unknown>;
  onLive?: (v: T) => void;
}

function useCell<T>(value: T, onSave: (v: T) => Promise<unknown>) {
  const { t } = useTranslation();
  const [v, setV] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setV(value), [value]);
  const commit = async (next: T) => {
    if (next === value || next === null || next === undefined) return;
    setError(null);
    try {
      await onSave(next);
    } catch (err) {
      setError(errorMessage(err, t));
      setV(value);
    }
  };
  return { v, setV, error, commit };
}

function CellError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <Typography.Text type="danger" role="alert" style={{ fontSize: 12, display: 'block' }}>
      {error}
    </Typography.Text>
  );
}

export function TextCell({ value, label, onSave }: CellProps<string>) {
  const { v, setV, error, commit } = useCell(value, onSave);
  return (
    <>
      <Input
        aria-label={label}
        value={v}
        status={error ? 'error' : undefined}
        onChange={(e) => setV(e.target.value)}
        onBlur={() => void commit(v.trim())}
        onPressEnter={(e) => e.currentTarget.blur()}
      />
      <CellError error={error} />
    </>
  );
}

export function NumberCell({
  value,
  label,
  onSave,
  onLive,
  money = false,
  min = 0,
  max,
}: CellProps<string> & { money?: boolean; min?: number; max?: string }) {
  const { v, setV, error, commit } = useCell(value, onSave);
  return (
    <>
      <InputNumber<string>
        aria-label={label}
        value={v}
        stringMode
        min={String(min)}
        max={max}
        precision={0}
        style={{ width: '100%' }}
        status={error ? 'error' : undefined}
        formatter={money ? (x) => (x ? groupDigits(x) : '') : undefined}
        parser={money ? (x) => parseDigits(x) : undefined}
        onChange={(x) => {
          const next = x === null ? '' : String(x);
          setV(next);
          onLive?.(next);
        }}
        onBlur={() => void commit(v)}
        onPressEnter={(e) => e.currentTarget.blur()}
      />
      <CellError error={error} />
    </>
  );
}

export function SelectCell({
  value,
  label,
  onSave,
  onLive,
  options,
}: CellProps<string> & { options: { value: string; label: string }[] }) {
  const { v, setV, error, commit } = useCell(value, onSave);
  return (
    <>
      <Select
        aria-label={label}
        value={v}
        options={options}
        style={{ width: '100%', minWidth: 140 }}
        status={error ? 'error' : undefined}
        popupMatchSelectWidth={false}
        onChange={(next: string) => {
          setV(next);
          onLive?.(next);
          void commit(next);
        }}
      />
      <CellError error={error} />
    </>
  );
}
