/**
 * The embedded PostgreSQL of `npm run start:temporal`, as a process of its own: it prints its URL
 * as one JSON line and stops the server on SIGTERM. Being a child of the launcher in its own
 * process group, Ctrl-C does not reach it (nor PostgreSQL) before the API and the worker that use
 * it have stopped; the launcher stops it last.
 */
import { resolveDatabase } from '@vufo/persistence';

async function main(): Promise<void> {
  const { url, embedded } = await resolveDatabase({ DATA_DIR: process.env.DATA_DIR ?? './.data' }, (m) =>
    process.stderr.write(`${m}\n`),
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void embedded!.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`${JSON.stringify({ url })}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
