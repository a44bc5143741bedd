/**
 * The API process the benchmarks spawn (and the crash test SIGKILLs): the same application that
 * `main.ts` builds (createApp: migrations, Nest, timer poller), on DATABASE_URL, listening on PORT.
 *
 * Bench-only: BENCH_CLOCK_OFFSET_MS shifts the app's injectable clock (createApp's `clockAt`)
 * by that many milliseconds from the real time, so a batch of deadlines can be made to come due
 * while the process runs. Nothing in the application itself reads this variable.
 */
import { createApp } from '../../apps/api/src/app';
import { loadConfig } from '../../apps/api/src/config';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('api-server needs DATABASE_URL');
  const offset = Number(process.env.BENCH_CLOCK_OFFSET_MS ?? '0');
  if (!Number.isFinite(offset)) throw new Error('BENCH_CLOCK_OFFSET_MS must be a number');
  const config = loadConfig();
  const app = await createApp(config, url, {
    clockAt: offset ? new Date(Date.now() + offset) : undefined,
  });
  await app.listen(config.port, '127.0.0.1');
  process.stderr.write(
    `api-server ready on ${config.port} (pid ${process.pid}, clock offset ${offset} ms)\n`,
  );
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((err) => {
  process.stderr.write(`api-server failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
