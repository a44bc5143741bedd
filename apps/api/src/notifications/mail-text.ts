import vi from '../i18n/vi.json';

type Item = { kind: string; params: Record<string, string | number> };

const KINDS = vi.notifications as Record<string, string>;
const WORDS = vi.words;
const ROMAN = ['I', 'II', 'III', 'IV'];

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? ''));
}

/** dd/MM/yyyy in Vietnam's time (UTC+7 all year). */
function vnDate(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + 7 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** "2027-Q3" as "Quý III/2027", "2027-03" as "Tháng 3/2027". */
function vnPeriod(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return fill(WORDS.quarter, { quarter: ROMAN[Number(q[2]) - 1], year: q[1] });
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? fill(WORDS.month, { month: Number(m[2]), year: m[1] }) : period;
}

/**
 * The item's parameters in the administration's words: an agency's opinion ("Thống nhất") is not
 * the People's Committee's approval ("Phê duyệt"), dates and quarters as officers write them.
 */
function words(params: Record<string, string | number>): Record<string, string | number> {
  const out = { ...params };
  const fn = String(params.function ?? '');
  if (fn in WORDS.function) out.function = WORDS.function[fn as keyof typeof WORDS.function];
  const decisions = fn === 'FINAL' ? WORDS.decisionFinal : WORDS.decision;
  const decision = String(params.decision ?? '');
  if (decision in decisions) out.decision = decisions[decision as keyof typeof decisions];
  if (typeof params.dueAt === 'string') out.dueAt = vnDate(params.dueAt);
  if (typeof params.period === 'string') out.period = vnPeriod(params.period);
  return out;
}

function sentence(item: Item): string {
  const final = item.kind === 'REVIEW_DECIDED' && item.params.function === 'FINAL';
  const template = KINDS[final ? 'REVIEW_DECIDED_FINAL' : item.kind] ?? item.kind;
  return fill(template, words(item.params));
}

/** Mail text comes from the translation file: one line per item, a digest when several. */
export function renderMail(items: Item[]): { subject: string; text: string } {
  const lines = items.map((i) => `• ${sentence(i)}`);
  const subject =
    items.length > 1 ? fill(vi.mail.digestSubject, { count: items.length }) : sentence(items[0]);
  return { subject, text: `${lines.join('\n')}\n\n${vi.mail.footer}` };
}
