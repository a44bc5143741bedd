import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/problem';

/**
 * A human sentence for any failure. The server's problem `detail` is written for people, so it
 * is shown as is; a known code gets our own translated wording first (the detail is English).
 */
export function errorMessage(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('errors.network');
    const key = `errors.codes.${err.code}`;
    const known = t(key, { defaultValue: '' });
    if (known && err.problem.detail) return `${known} ${t('errors.detail', { detail: err.problem.detail })}`;
    return known || err.problem.detail || t('errors.unexpected');
  }
  return t('errors.unexpected');
}

/** Puts the problem's `errors[]` next to the form fields they name; returns what is left over. */
export function applyFieldErrors(
  form: FormInstance,
  err: unknown,
  fieldMap: Record<string, string> = {},
): boolean {
  if (!(err instanceof ApiError) || !err.problem.errors.length) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields: { name: string; errors: string[] }[] = [];
  for (const e of err.problem.errors) {
    const name = fieldMap[e.field] ?? e.field;
    if (known.has(name)) fields.push({ name, errors: [e.message] });
  }
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}
