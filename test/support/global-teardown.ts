import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

export default async function globalTeardown(): Promise<void> {
  const temporal = (globalThis as { __TEMPORAL__?: { teardown(): Promise<void> } }).__TEMPORAL__;
  await temporal?.teardown();
  const server = (globalThis as { __PG__?: { stop(): Promise<void> } }).__PG__;
  await server?.stop();
  const state = process.env.VUFO_TEST_STATE;
  if (server && state) rmSync(dirname(state), { recursive: true, force: true });
}
