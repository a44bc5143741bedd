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
 * The English messages the code throws, as patterns: "A cycle for {year} exists." matches
 * "A cycle for 2027 exists." and captures year. The English file is the one list of them, so a
 * message and its translation are kept side by side under one key.
 */
const PATTERNS = Object.entries(TEXTS.en.messages).map(([key, template]) => {
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
  return { key: key as keyof typeof TEXTS.vi.messages, re: new RegExp(`^${source}$`, 's'), names };
});

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
  for (const { key, re, names } of PATTERNS) {
    const m = re.exec(message);
    if (!m) continue;
    const params = Object.fromEntries(names.map((n, i) => [n, m[i + 1]]));
    return fill(TEXTS.vi.messages[key], params);
  }
  if (code === 'VALIDATION_FAILED' && errors.length) {
    const fields = [...new Set(errors.map((e) => e.field).filter(Boolean))];
    if (fields.length) return fill(TEXTS.vi.invalidFields, { fields: fields.join(', ') });
  }
  return TEXTS.vi.detail[code];
}
