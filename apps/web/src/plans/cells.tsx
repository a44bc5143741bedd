import { Input, Select, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../common/errors';
import { groupDigits, wholeNumberText } from '../common/money';

/**
 * Inline table cells: the value is local while typing and saved on blur or Enter. What is saved is
 * what was typed: text that is not a valid value is refused under the cell and kept as typed (never
 * turned into 0 or the nearest allowed number), and so is a value the server refuses; the next
 * server value resets the cell.
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
      // The typed value stays in the cell beside the reason, for the user to correct.
      setError(errorMessage(err, t));
    }
  };
  return { v, setV, error, commit };
}

function CellError({ id, error }: { id?: string; error: string | null }) {
  if (!error) return null;
  return (
    <Typography.Text id={id} type="danger" role="alert" style={{ fontSize: 12, display: 'block' }}>
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

/**
 * A whole number (quantity, unit cost) as text: `field` names it in the refusal. Text that is not
 * a whole number, or is below `min`, is refused here with the field named and is not sent; the
 * saved value is the typed number, digit for digit.
 */
export function NumberCell({
  value,
  label,
  field,
  onSave,
  onLive,
  money = false,
  min = 0,
}: CellProps<string> & { field: string; money?: boolean; min?: number }) {
  const { t } = useTranslation();
  const errorId = useId();
  const shown = (x: string) => (money ? groupDigits(x) : x);
  const [text, setText] = useState(shown(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(money ? groupDigits(value) : value);
    setError(null);
  }, [value, money]);
  const commit = async () => {
    const typed = wholeNumberText(text);
    if (typed === null) return setError(t('edits.wholeNumber', { field }));
    if (BigInt(typed) < BigInt(min)) return setError(t('edits.atLeast', { field, min }));
    setError(null);
    if (typed === value) return;
    try {
      await onSave(typed);
    } catch (err) {
      setError(errorMessage(err, t));
    }
  };
  return (
    <>
      <Input
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={text}
        inputMode="numeric"
        style={money ? { textAlign: 'right' } : undefined}
        status={error ? 'error' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          // The live total follows only a valid number; "abc" leaves the last one standing.
          const typed = wholeNumberText(e.target.value);
          if (typed !== null && BigInt(typed) >= BigInt(min)) onLive?.(typed);
        }}
        onBlur={() => void commit()}
        onPressEnter={(e) => e.currentTarget.blur()}
      />
      <CellError id={errorId} error={error} />
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
