import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/problem';
import i18n from '../i18n';

/**
 * A human sentence for any failure, in the UI's language: the server's `detail` when the server
 * wrote it in that language (it follows Accept-Language), else our own wording for the code.
 * Never a sentence in the other language.
 */
export function errorMessage(err: unknown, t: TFunction, language?: string): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('errors.network');
    const { detail, language: written } = err.problem;
    const ui = language ?? i18n.language;
    if (detail && written && ui.startsWith(written)) return detail;
    const known = t(`errors.codes.${err.code}`, { defaultValue: '' });
    return known || t('errors.unexpected');
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
