/** `--name value` / `--name=value` flags, with BENCH_NAME environment variables as fallbacks. */
export function option(name: string, fallback: number): number;
export function option(name: string, fallback: string): string;
export function option(name: string, fallback: number | string): number | string {
  const argv = process.argv.slice(2);
  let raw: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) raw = argv[i + 1];
    else if (argv[i].startsWith(`--${name}=`)) raw = argv[i].slice(name.length + 3);
  }
  raw ??= process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
  if (raw === undefined || raw === '') return fallback;
  if (typeof fallback === 'number') {
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, not "${raw}"`);
    return n;
  }
  return raw;
}

export function flag(name: string): boolean {
  return (
    process.argv.includes(`--${name}`) ||
    process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] === '1'
  );
}
