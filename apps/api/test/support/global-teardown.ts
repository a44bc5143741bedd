export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __PG__?: { stop(): Promise<void> } }).__PG__;
  await server?.stop();
}
