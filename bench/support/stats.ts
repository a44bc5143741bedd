/** Latency bookkeeping for the benchmarks: raw samples per kind, nearest-rank percentiles. */

export interface LatencySummary {
  count: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending array (p in 0..100); NaN for no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export function summarize(samples: readonly number[], errors = 0): LatencySummary {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN;
  return {
    count: s.length,
    errors,
    p50: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    p99: round(percentile(s, 99)),
    max: round(s[s.length - 1] ?? NaN),
    mean: round(mean),
  };
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Samples per request kind (e.g. `add-budget-line`, `review-decision`), with the time each was taken. */
export class Recorder {
  readonly samples = new Map<string, { at: number; ms: number }[]>();
  readonly errors = new Map<string, Map<string, number>>();

  record(kind: string, ms: number, at = Date.now()): void {
    let list = this.samples.get(kind);
    if (!list) this.samples.set(kind, (list = []));
    list.push({ at, ms });
  }

  error(kind: string, what: string): void {
    let m = this.errors.get(kind);
    if (!m) this.errors.set(kind, (m = new Map()));
    m.set(what, (m.get(what) ?? 0) + 1);
  }

  kinds(): string[] {
    return [...new Set([...this.samples.keys(), ...this.errors.keys()])].sort();
  }

  errorCount(kind: string): number {
    return [...(this.errors.get(kind)?.values() ?? [])].reduce((a, b) => a + b, 0);
  }

  summary(kind: string, from = -Infinity, to = Infinity): LatencySummary {
    const list = (this.samples.get(kind) ?? []).filter((s) => s.at >= from && s.at <= to).map((s) => s.ms);
    return summarize(list, this.errorCount(kind));
  }

  /** Every sample of the kinds matching `pick`, pooled. */
  pooled(pick: (kind: string) => boolean, from = -Infinity, to = Infinity): LatencySummary {
    const all: number[] = [];
    let errors = 0;
    for (const k of this.kinds()) {
      if (!pick(k)) continue;
      for (const s of this.samples.get(k) ?? []) if (s.at >= from && s.at <= to) all.push(s.ms);
      errors += this.errorCount(k);
    }
    return summarize(all, errors);
  }

  count(pick: (kind: string) => boolean, from = -Infinity, to = Infinity): number {
    let n = 0;
    for (const [k, list] of this.samples)
      if (pick(k)) n += list.filter((s) => s.at >= from && s.at <= to).length;
    return n;
  }

  errorsJson(): Record<string, Record<string, number>> {
    return Object.fromEntries([...this.errors].map(([k, m]) => [k, Object.fromEntries(m)]));
  }
}

/** A plain-text table with aligned columns; numbers right-aligned. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: (string | number)[]) =>
    r
      .map((c, i) => {
        const s = String(c ?? '');
        return i > 0 && /^[-\d.,]+$/.test(s) ? s.padStart(widths[i]) : s.padEnd(widths[i]);
      })
      .join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

export function fmt(n: number): string {
  if (!Number.isFinite(n)) return '-';
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) < 1 ? n.toFixed(3) : n.toFixed(1);
}
