import vi from '../i18n/vi.json';

type Item = { kind: string; params: Record<string, string | number> };

const KINDS = vi.notifications as Record<string, string>;

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? ''));
}

/** Mail text comes from the translation file: one line per item, a digest when several. */
export function renderMail(items: Item[]): { subject: string; text: string } {
  const lines = items.map((i) => `• ${fill(KINDS[i.kind] ?? i.kind, i.params)}`);
  const subject =
    items.length > 1
      ? fill(vi.mail.digestSubject, { count: items.length })
      : fill(KINDS[items[0].kind] ?? items[0].kind, items[0].params);
  return { subject, text: `${lines.join('\n')}\n\n${vi.mail.footer}` };
}
