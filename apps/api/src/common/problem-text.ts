import type { ErrorCode, FieldError } from '@vufo/domain';
import en from '../i18n/en.json';
import vi from '../i18n/vi.json';

/** The languages the API answers in: Vietnamese by default, English on request. */
export type Language = 'vi' | 'en';

const TEXTS = { vi: vi.problem, en: en.problem } as const;

/**
 * The client's language from `Accept-Language`: English when English is preferred over
 * Vietnamese, Vietnamese otherwise (the administration's language is the default).
 */
export function languageOf(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const ranked = value
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag === 'vi' || tag.startsWith('vi-')) return 'vi';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'vi';
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * English templates as patterns: "A cycle for {year} exists." matches "A cycle for 2027 exists."
 * and captures year. The English file is the one list of them, so a message and its translation
 * are kept side by side under one key.
 */
function patterns<K extends string>(templates: Record<K, string>) {
  return (Object.entries(templates) as [K, string][]).map(([key, template]) => {
    const names: string[] = [];
    const source = template
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return escape(part);
        names.push(name);
        return '(.+?)';
      })
      .join('');
    return { key, re: new RegExp(`^${source}$`, 's'), names };
  });
}

const PATTERNS = patterns(TEXTS.en.messages);
const FIELD_PATTERNS = patterns(TEXTS.en.fields);

function translate<K extends string>(
  message: string,
  table: { key: K; re: RegExp; names: string[] }[],
  into: Record<K, string>,
): string | undefined {
  for (const { key, re, names } of table) {
    const m = re.exec(message);
    if (m) return fill(into[key], Object.fromEntries(names.map((n, i) => [n, m[i + 1]])));
  }
  return undefined;
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => params[k] ?? '');
}

/** The problem's title in the client's language. */
export function problemTitle(code: ErrorCode, lang: Language): string {
  return TEXTS[lang].title[code];
}

/**
 * The problem's detail in the client's language. English: the message as thrown. Vietnamese: the
 * translation of a known message with its values, else the field names for bad input, else the
 * code's own sentence, so no English sentence ever reaches a Vietnamese screen.
 */
export function problemDetail(
  code: ErrorCode,
  message: string,
  errors: FieldError[],
  lang: Language,
): string {
  if (lang === 'en') return message || TEXTS.en.detail[code];
  const known = translate(message, PATTERNS, TEXTS.vi.messages);
  if (known) return known;
  if (code === 'VALIDATION_FAILED' && errors.length) {
    const fields = [...new Set(errors.map((e) => e.field).filter(Boolean))];
    if (fields.length) return fill(TEXTS.vi.invalidFields, { fields: fields.join(', ') });
  }
  return TEXTS.vi.detail[code];
}

/**
 * A field error's message in the client's language; the field name stays as it is, for programs.
 * A message with no translation becomes the plain "invalid value" rather than English on a
 * Vietnamese screen (the `fields` list in en.json is where a new message gets its translation).
 */
export function fieldErrorsIn(errors: FieldError[], lang: Language): FieldError[] {
  if (lang === 'en') return errors;
  return errors.map((e) => ({
    ...e,
    message: translate(e.message, FIELD_PATTERNS, TEXTS.vi.fields) ?? TEXTS.vi.invalidValue,
  }));
}
